package org.weightlab.app;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.weightlab.compress.PruneScope;
import org.weightlab.compress.Sweep;
import org.weightlab.engine.Network;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataSplit;

/**
 * The compression issue's speed goal: the whole 21-point accuracy-against-sparsity curve of a
 * trained network (ranking, masks, evaluation of training and test sets at every point) in at
 * most 200 ms for network B. Prints {@code bench prune_sweep_B ms=...} and {@code cpu_ms=...}, the
 * median of {@code runs} sweeps after a warm-up.
 */
final class CompressBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CompressBenchmark() {
    }

    static void print(PrintWriter out, RunConfig config, DataSplit data, int runs, int warmUpMillis) {
        Trainer t = new Trainer(config, data);
        t.runEpochs(5);
        Network trained = t.network();
        long warmUntil = System.nanoTime() + warmUpMillis * 1_000_000L;
        do {
            Sweep.sparsity(config, data, trained, PruneScope.GLOBAL);
        } while (System.nanoTime() < warmUntil);
        double[] ms = new double[runs];
        double[] cpuMs = new double[runs];
        for (int r = 0; r < runs; r++) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            Sweep.sparsity(config, data, trained, PruneScope.GLOBAL);
            ms[r] = (System.nanoTime() - t0) / 1e6;
            cpuMs[r] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        out.printf("bench prune_sweep_B ms=%.3f%nbench prune_sweep_B cpu_ms=%.3f%n", median(ms), median(cpuMs));
        out.flush();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
