package org.weightlab.engine.data;

import java.util.ArrayList;
import java.util.List;
import org.weightlab.engine.config.ConfigEdits;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.InlineData;
import org.weightlab.engine.config.ProblemKind;
import org.weightlab.engine.config.RunConfig;

/**
 * Points a person adds or removes by clicking in the output view: the data becomes "custom",
 * carried in the config as two columns x1, x2 in the plane's own coordinates (not standardized).
 * The first click on a built-in set starts from its points (training and test, as shown) with their
 * labels; later clicks add to or remove from those rows. The seed and training share then split
 * the rows again, as for any carried data. Only classification data takes clicks.
 */
public final class ClickedPoints {

    private ClickedPoints() {
    }

    /** Whether points can be clicked into the data of {@code c}: 2-D classification. */
    public static boolean accepts(RunConfig c) {
        return c.planar() && c.problem() == ProblemKind.CLASSIFICATION && !c.dataset().oneDimensional();
    }

    /** The label a click gives: the first class, or with {@code other} the second (-1/+1 data: +1, then -1). */
    public static double label(RunConfig c, boolean other) {
        if (c.classes() == 2) {
            return other ? -1 : 1;
        }
        return other ? 1 : 0;
    }

    /** {@code c} with the point (x1, x2) of label {@code label} added to the data {@code shown} shows. */
    public static RunConfig add(RunConfig c, DataSplit shown, double x1, double x2, double label) {
        InlineData rows = rows(c, shown);
        return ConfigEdits.withInlineData(c, rows.withRow(new double[] {x1, x2}, label));
    }

    /**
     * {@code c} without the point of {@code shown} nearest to (x1, x2), when one lies within
     * {@code radius}; null when none does or when removing it would leave fewer than two points.
     */
    public static RunConfig removeNearest(RunConfig c, DataSplit shown, double x1, double x2, double radius) {
        InlineData rows = rows(c, shown);
        int best = -1;
        double bestDistance = radius * radius;
        for (int i = 0; i < rows.size(); i++) {
            double dx = rows.value(i, 0) - x1;
            double dy = rows.value(i, 1) - x2;
            double d = dx * dx + dy * dy;
            if (d <= bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        if (best < 0 || rows.size() <= 2) {
            return null;
        }
        return ConfigEdits.withInlineData(c, rows.withoutRow(best));
    }

    /** The rows clicks edit: the carried clicked rows, or the points shown (training then test). */
    static InlineData rows(RunConfig c, DataSplit shown) {
        if (!accepts(c)) {
            throw new IllegalArgumentException("points can be clicked into 2-D classification data only");
        }
        InlineData d = c.inlineData();
        if (d != null && !d.standardize()) {
            return d;
        }
        List<String> classes = new ArrayList<>();
        if (d != null) {
            classes.addAll(d.classes());
        } else if (c.classes() == 2) {
            classes.addAll(List.of("-1", "+1"));
        } else {
            for (int k = 0; k < c.classes(); k++) {
                classes.add(Integer.toString(k));
            }
        }
        int n = shown.train().size() + shown.test().size();
        double[] points = new double[2 * n];
        double[] labels = new double[n];
        System.arraycopy(shown.train().points(), 0, points, 0, shown.train().points().length);
        System.arraycopy(shown.test().points(), 0, points, shown.train().points().length,
                shown.test().points().length);
        System.arraycopy(shown.train().labels(), 0, labels, 0, shown.train().size());
        System.arraycopy(shown.test().labels(), 0, labels, shown.train().size(), shown.test().size());
        List<String> columns = d != null ? d.columns() : List.of("x1", "x2");
        return new InlineData(columns, classes, points, labels, false);
    }

    /** Whether {@code c}'s data is clicked points (custom, in the plane's coordinates). */
    public static boolean isClicked(RunConfig c) {
        return c.dataset() == DatasetKind.CUSTOM && c.inlineData() != null && !c.inlineData().standardize();
    }
}
