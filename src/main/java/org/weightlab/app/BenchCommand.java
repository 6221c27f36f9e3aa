package org.weightlab.app;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.weightlab.engine.Activation;
import org.weightlab.engine.Rng;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.ConfigEdits;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.OptimizerKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.engine.data.Dataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code weightlab bench}: the engine's standard benchmarks (DESIGN 6), one result per line,
 * {@code bench NAME METRIC=VALUE}. Each figure is the median of several timed runs after a
 * warm-up. A and B train TF Playground's default circle task (A: x1 x2 -> 4 -> 2 -> 1 tanh;
 * B: all seven features -> six layers of 8 tanh -> 1); fieldA / fieldB compute the 100 x 100
 * field of every node of those networks. digits trains 64 -> 32 tanh -> 10 softmax with
 * cross-entropy on the handwritten digits (SGD 0.1, batch 32, shuffled, the 1,437 training images
 * of an 80% split), the network and batch of the PyTorch peer the figure is compared with.
 * digits-conv trains 1x8x8 -> conv 4 kernels of 3x3 tanh -> flatten 144 -> 10 softmax the same
 * way (its PyTorch peer: src/test/python/bench_conv_peer.py).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Runs the engine benchmarks; prints lines 'bench NAME METRIC=VALUE'.")
public final class BenchCommand implements Callable<Integer> {

    /** Multiply-adds per example of network B, forward and backward (the figure). */
    private static final double B_FLOPS_PER_EXAMPLE = 2279;

    /** How long the timed runs wait at most for the engine's vector code to be compiled. */
    private static final long VECTOR_WAIT_NANOS = 30_000_000_000L;
    /** Training after the vector code arrived, and after the JIT's last compilation, before the timed runs. */
    private static final long SETTLE_NANOS = 1_500_000_000L;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Spec
    private CommandSpec spec;

    /** Median wall-clock and CPU-time figures of one benchmark. */
    private record Figure(double wall, double cpu) {
    }

    @Option(names = "--runs", description = "timed runs per benchmark (default ${DEFAULT-VALUE})")
    private int runs = 7;

    @Option(names = "--run-ms", description = "length of one timed training run in ms (default ${DEFAULT-VALUE})")
    private int runMillis = 400;

    @Option(names = "--warm-up-ms", description = "training before the timed runs of A, B and digits, in ms (default ${DEFAULT-VALUE}), "
            + "and on until the engine's vector code has run compiled and the JIT has been idle for 1.5 s (30 s at most): "
            + "the JIT compiles the vector kernels late and recompiles the loop more than once in the first seconds")
    private int warmUpMillis = 4000;

    @Option(names = "--only", description = "run only this benchmark: A, B, fieldA, fieldB, digits or digits-conv")
    private String only;

    @Override
    public Integer call() {
        if (runs < 1 || runMillis < 1 || warmUpMillis < 0) {
            throw new IllegalArgumentException("--runs and --run-ms must be positive, --warm-up-ms at least 0");
        }
        PrintWriter out = spec.commandLine().getOut();
        DataSplit circle = circle(500, 0.5, 1);
        RunConfig a = RunConfig.defaults();
        RunConfig b = a.withFeatures(List.of(Feature.values()))
                .withHidden(List.of(8, 8, 8, 8, 8, 8), List.of());

        if (only != null && !List.of("A", "B", "fieldA", "fieldB", "digits", "digits-conv").contains(only)) {
            throw new IllegalArgumentException("unknown benchmark \"" + only
                    + "\" (expected A, B, fieldA, fieldB, digits or digits-conv)");
        }
        out.printf("bench engine tanh_lanes=%d%n", Activation.tanhLanes());
        // The *_cpu figures use this thread's CPU time: on a shared, busy machine they show what the
        // engine does when it gets a core, while the plain figures are wall-clock.
        if (wanted("A")) {
            Figure f = examplesPerSecond(a, circle);
            out.printf("bench A examples_per_s=%.0f%n", f.wall());
            out.printf("bench A cpu_examples_per_s=%.0f%n", f.cpu());
            out.flush();
        }
        if (wanted("B")) {
            Figure f = examplesPerSecond(b, circle);
            out.printf("bench B examples_per_s=%.0f%n", f.wall());
            out.printf("bench B gflops=%.3f%n", f.wall() * B_FLOPS_PER_EXAMPLE / 1e9);
            out.printf("bench B cpu_examples_per_s=%.0f%n", f.cpu());
            out.printf("bench B cpu_gflops=%.3f%n", f.cpu() * B_FLOPS_PER_EXAMPLE / 1e9);
            out.flush();
        }
        if (wanted("fieldA")) {
            Figure f = fieldMillis(a, circle);
            out.printf("bench fieldA ms=%.3f%n", f.wall());
            out.printf("bench fieldA cpu_ms=%.3f%n", f.cpu());
            out.flush();
        }
        if (wanted("fieldB")) {
            Figure f = fieldMillis(b, circle);
            out.printf("bench fieldB ms=%.3f%n", f.wall());
            out.printf("bench fieldB cpu_ms=%.3f%n", f.cpu());
            out.flush();
        }
        if (wanted("digits")) {
            RunConfig d = digits();
            Figure f = examplesPerSecond(d, DataGenerator.generate(d));
            out.printf("bench digits examples_per_s=%.0f%n", f.wall());
            out.printf("bench digits cpu_examples_per_s=%.0f%n", f.cpu());
            out.flush();
        }
        if (wanted("digits-conv")) {
            RunConfig d = digitsConv();
            Figure f = examplesPerSecond(d, DataGenerator.generate(d));
            out.printf("bench digits-conv examples_per_s=%.0f%n", f.wall());
            out.printf("bench digits-conv cpu_examples_per_s=%.0f%n", f.cpu());
            out.flush();
        }
        if (only == null) {
            CompressBenchmark.print(out, b, circle, runs, runMillis);
            printSession(out, b, circle);
        }
        return 0;
    }

    /** The digits benchmark's run: 64 -> 32 tanh -> 10 softmax, cross-entropy, SGD 0.1, batch 32, shuffled. */
    static RunConfig digits() {
        return ConfigEdits.withDataset(RunConfig.defaults(), DatasetKind.DIGITS)
                .withData(DatasetKind.DIGITS_IMAGES, 0, 0.8, 1)
                .withHidden(List.of(32), List.of())
                .withOptimizer(OptimizerConfig.defaults(OptimizerKind.SGD, 0.1))
                .withBatch(32, true);
    }

    /** The digits-conv benchmark's run: 1x8x8 -> conv 4 x 3x3 tanh -> flatten 144 -> 10 softmax, as {@link #digits()} trains. */
    static RunConfig digitsConv() {
        RunConfig d = digits().withHidden(List.of(), List.of());
        return d.withExtras(d.extras().withConv(List.of(new org.weightlab.engine.config.ConvSpec(4, 3))));
    }

    private boolean wanted(String name) {
        return only == null || only.equals(name);
    }

    /** Median training speed over timed runs of whole epochs. */
    private Figure examplesPerSecond(RunConfig config, DataSplit data) {
        Trainer t = new Trainer(config, data);
        int perEpoch = t.trainSize();
        long start = System.nanoTime();
        long warmUntil = start + warmUpMillis * 1_000_000L;
        long giveUp = start + VECTOR_WAIT_NANOS;
        long readySince = Activation.vectorsReady() ? start : -1;
        long jitTime = jitMillis();
        long jitQuietSince = start;
        int epochsPerRun = 1;
        // The steady state: at least the warm-up, the engine's vector code compiled and in use for
        // a while (its arrival recompiles the training loop), and the JIT idle for a while, unless
        // that takes too long.
        while (System.nanoTime() < warmUntil || (System.nanoTime() < giveUp && (readySince < 0
                || System.nanoTime() - readySince < SETTLE_NANOS || System.nanoTime() - jitQuietSince < SETTLE_NANOS))) {
            if (readySince < 0 && Activation.vectorsReady()) {
                readySince = System.nanoTime();
            }
            long jit = jitMillis();
            if (jit != jitTime) {
                jitTime = jit;
                jitQuietSince = System.nanoTime();
            }
            long t0 = System.nanoTime();
            t.runEpochs(epochsPerRun);
            long took = System.nanoTime() - t0;
            if (took < runMillis * 1_000_000L / 4) {
                epochsPerRun *= 2;
            }
        }
        double[] rates = new double[runs];
        double[] cpuRates = new double[runs];
        for (int r = 0; r < runs; r++) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            t.runEpochs(epochsPerRun);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
            rates[r] = (double) epochsPerRun * perEpoch / seconds;
            cpuRates[r] = (double) epochsPerRun * perEpoch / cpuSeconds;
        }
        if (t.divergence() != null) {
            throw new IllegalStateException("benchmark run diverged: " + t.divergence().message());
        }
        return new Figure(median(rates), median(cpuRates));
    }

    /** Steps/s inside a live session with a 60 Hz view over the bare trainer's steps/s (same run), wall and CPU. */
    private void printSession(PrintWriter out, RunConfig config, DataSplit data) {
        var r = org.weightlab.app.SessionBenchmark.measure(config, data, runs, runMillis);
        out.printf("bench session ratio=%.3f%nbench session cpu_ratio=%.3f%n", r.ratio(), r.cpuRatio());
        out.flush();
    }

    /** Median time of one 100 x 100 field of every node. */
    private Figure fieldMillis(RunConfig config, DataSplit data) {
        Trainer t = new Trainer(config, data);
        t.runEpochs(5);
        float[][][] buffer = t.computeField(100, -6, 6, null);
        long warmUntil = System.nanoTime() + 2L * runMillis * 1_000_000;
        int calls = 0;
        while (System.nanoTime() < warmUntil) {
            t.computeField(100, -6, 6, buffer);
            calls++;
        }
        int perRun = Math.max(1, calls / 4);
        double[] ms = new double[runs];
        double[] cpuMs = new double[runs];
        for (int r = 0; r < runs; r++) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            for (int c = 0; c < perRun; c++) {
                t.computeField(100, -6, 6, buffer);
            }
            ms[r] = (System.nanoTime() - t0) / 1e6 / perRun;
            cpuMs[r] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e6 / perRun;
        }
        return new Figure(median(ms), median(cpuMs));
    }

    /** The JIT's total compilation time so far in ms, or 0 where the JVM does not tell. */
    private static long jitMillis() {
        var jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /**
     * TF Playground's circle: half the points inside radius 2.5 (label +1), half in the ring 3.5 to 5
     * (label -1), in random order, the first {@code trainFraction} of them for training.
     */
    static DataSplit circle(int samples, double trainFraction, long seed) {
        Rng rng = new Rng(seed);
        double[] points = new double[2 * samples];
        double[] labels = new double[samples];
        for (int i = 0; i < samples; i++) {
            boolean inside = rng.nextDouble() < 0.5;
            double r = inside ? rng.nextDouble() * 2.5 : 3.5 + rng.nextDouble() * 1.5;
            double angle = rng.nextDouble() * 2 * Math.PI;
            points[2 * i] = r * Math.sin(angle);
            points[2 * i + 1] = r * Math.cos(angle);
            labels[i] = inside ? 1 : -1;
        }
        int train = (int) Math.round(samples * trainFraction);
        return new DataSplit(
                new Dataset(Arrays.copyOfRange(points, 0, 2 * train), Arrays.copyOfRange(labels, 0, train)),
                new Dataset(Arrays.copyOfRange(points, 2 * train, 2 * samples),
                        Arrays.copyOfRange(labels, train, samples)));
    }
}
