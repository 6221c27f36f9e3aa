package org.weightlab.session;

import java.util.ArrayList;
import java.util.List;
import org.weightlab.engine.config.ConfigEdits;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.InlineData;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataSplit;

/**
 * A move to a second task (task B): which built-in data sets a run can move to with its weights
 * (the same inputs, problem and outputs, so the network fits as it is), the config it then trains
 * on, and which weight layers "freeze the base" freezes (every one but the last).
 */
public final class TaskMove {

    private TaskMove() {
    }

    /** A task: the config a run trained on and the data split it was evaluated on. */
    public record Task(RunConfig config, DataSplit data) {
    }

    /** The built-in data sets {@code c}'s network can move to as it is, in menu order; never the current one. */
    public static List<DatasetKind> candidates(RunConfig c) {
        List<DatasetKind> out = new ArrayList<>();
        for (DatasetKind d : DatasetKind.values()) {
            if (d.generated() && (d != c.dataset() || c.extras().data() != null) && fits(c, d)) {
                out.add(d);
            }
        }
        return out;
    }

    /** True when a run on {@code c} can move to {@code d} keeping its weights. */
    public static boolean fits(RunConfig c, DatasetKind d) {
        if (!d.generated() || d.dims() != c.dims() || d.problem() != c.problem() || d.classes() != c.classes()) {
            return false;
        }
        try {
            return RunConfig.sameNetworkShape(c, next(c, d));
        } catch (IllegalArgumentException e) {
            return false; // the config does not fit the data set (its loss or output, say)
        }
    }

    /** {@code c} on data set {@code d} (its own carried data, if any, left behind). */
    public static RunConfig next(RunConfig c, DatasetKind d) {
        RunConfig onD = c.extras().data() != null ? c.withExtras(c.extras().withData(null)) : c;
        return onD.withDataset(d);
    }

    /**
     * True when a run on {@code c} can move to the person's own data {@code d} (an imported file or
     * clicked points) keeping its weights: as many input columns as the network has inputs, and
     * the same problem, outputs and loss.
     */
    public static boolean fits(RunConfig c, InlineData d) {
        try {
            RunConfig next = next(c, d);
            return next.inputs() == c.inputs() && RunConfig.sameNetworkShape(c, next);
        } catch (IllegalArgumentException e) {
            return false; // the network cannot train on it as it is (its loss or output, say)
        }
    }

    /** {@code c} training on the person's own data {@code d} (data set custom). */
    public static RunConfig next(RunConfig c, InlineData d) {
        return ConfigEdits.withInlineData(c, d);
    }

    /** The weight layers "freeze the base" freezes: every one but the last (the output layer). */
    public static int baseLayers(RunConfig c) {
        return c.hidden().size();
    }

    /** How the window and the lesson check name a move: "moved to task B (spiral)". */
    public static String label(RunConfig next) {
        return "moved to task B (" + (next.dataset() == DatasetKind.CUSTOM ? "own data" : next.dataset().id()) + ")";
    }
}
