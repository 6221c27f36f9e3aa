package org.weightlab.scenario;

import java.util.List;
import org.weightlab.compress.CompressionSpec;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataSplit;

/**
 * A finished (or stopped) run as the "weightlab-run" file holds it (DESIGN 4): the config, the
 * raw data it trained on, the network before and after, and the loss history.
 *
 * @param fin the network at the end ("final" in the file); after a divergence it may hold
 *            non-finite numbers
 * @param compression what was applied to {@code fin} after training (pruning, quantization), or
 *                    null for a plain run
 */
public record RunExport(RunConfig config, DataSplit data, NetworkState initial, NetworkState fin,
                        List<HistoryPoint> history, CompressionSpec compression) {

    /** A plain run: its final weights are the trained ones. */
    public RunExport(RunConfig config, DataSplit data, NetworkState initial, NetworkState fin,
                     List<HistoryPoint> history) {
        this(config, data, initial, fin, history, null);
    }

    public RunExport {
        if (config == null || data == null || initial == null || fin == null || history == null) {
            throw new IllegalArgumentException("run export is incomplete");
        }
        history = List.copyOf(history);
        String problem = initial.shapeProblem(config);
        if (problem != null) {
            throw new IllegalArgumentException("initial." + problem);
        }
        problem = fin.shapeProblem(config);
        if (problem != null) {
            throw new IllegalArgumentException("final." + problem);
        }
    }
}
