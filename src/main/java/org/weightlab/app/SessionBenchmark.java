package org.weightlab.app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.weightlab.engine.Trainer;
import org.weightlab.session.SessionSettings;
import org.weightlab.session.LossPoint;
import org.weightlab.session.SessionEvent;
import org.weightlab.session.SessionState;
import org.weightlab.session.SnapshotBus;
import org.weightlab.session.TrainingSession;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataSplit;

/**
 * What a live session costs: training speed inside a {@link TrainingSession} whose output is
 * consumed by a simulated 60 Hz view (one snapshot, every loss point and every event per frame,
 * as the FX pump does), divided by the bare {@link Trainer}'s speed on the same run. Bare and
 * session runs alternate so that both see the same machine load; the result is the median of
 * the per-pair ratios.
 */
public final class SessionBenchmark {

    private static final long FRAME_NANOS = 1_000_000_000L / 60;

    private SessionBenchmark() {
    }

    /** The figure: session steps per second over bare steps per second. */
    public static double ratio(RunConfig config, DataSplit data, int runs, long runMillis) {
        return measure(config, data, runs, runMillis).ratio();
    }

    /**
     * Steps per second bare and in a session (medians), the median per-pair ratio of those, and
     * the same ratio in steps per CPU second of the training thread (steadier on a busy machine).
     */
    public record Result(double bareStepsPerSecond, double sessionStepsPerSecond, double ratio, double cpuRatio,
                         long framesSeen) {
    }

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    public static Result measure(RunConfig config, DataSplit data, int runs, long runMillis) {
        return measure(config, data, runs, runMillis, SessionSettings.defaults());
    }

    /** As {@link #measure(RunConfig, DataSplit, int, long)}, with the session tuned by {@code settings}. */
    public static Result measure(RunConfig config, DataSplit data, int runs, long runMillis,
                                 SessionSettings settings) {
        if (runs < 1 || runMillis < 1) {
            throw new IllegalArgumentException("runs and runMillis must be positive");
        }
        long runNanos = TimeUnit.MILLISECONDS.toNanos(runMillis);
        Trainer bare = new Trainer(config, data);
        SnapshotBus bus = new SnapshotBus();
        SnapshotBus.Mailbox mailbox = bus.openMailbox();
        try (TrainingSession session = new TrainingSession(config, data, null, bus, c -> data, settings)) {
            session.start();
            Consumer view = new Consumer(mailbox);
            view.start();
            try {
                // Warm-up of both paths.
                double[] ignored = new double[1];
                runBare(bare, 3 * runNanos, ignored);
                runSession(session, view, 3 * runNanos, ignored);
                double[] bareRates = new double[runs];
                double[] sessionRates = new double[runs];
                double[] ratios = new double[runs];
                double[] cpuRatios = new double[runs];
                double[] cpu = new double[1];
                for (int r = 0; r < runs; r++) {
                    bareRates[r] = runBare(bare, runNanos, cpu);
                    double bareCpu = cpu[0];
                    sessionRates[r] = runSession(session, view, runNanos, cpu);
                    ratios[r] = sessionRates[r] / bareRates[r];
                    cpuRatios[r] = cpu[0] / bareCpu;
                }
                return new Result(median(bareRates), median(sessionRates), median(ratios), median(cpuRatios),
                        view.frames);
            } finally {
                view.stop();
            }
        } finally {
            mailbox.close();
        }
    }

    /** Steps per second; {@code cpu[0]} receives steps per CPU second of this thread. */
    private static double runBare(Trainer t, long nanos, double[] cpu) {
        long steps = 0;
        long c0 = CPU.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long end = t0 + nanos;
        long now;
        do {
            for (int i = 0; i < 64; i++) {
                t.step();
            }
            steps += 64;
            now = System.nanoTime();
        } while (now < end);
        cpu[0] = steps * 1e9 / Math.max(1, CPU.getCurrentThreadCpuTime() - c0);
        if (t.divergence() != null) {
            throw new IllegalStateException("benchmark run diverged: " + t.divergence().message());
        }
        return steps * 1e9 / (now - t0);
    }

    private static double runSession(TrainingSession session, Consumer view, long nanos, double[] cpu) {
        try {
            session.whenIdle().get(30, TimeUnit.SECONDS);
            long startStep = session.bus().latestSnapshot().step();
            long engine = session.engineThread().getId();
            long c0 = CPU.getThreadCpuTime(engine);
            long t0 = System.nanoTime();
            session.play();
            LockSupport.parkNanos(nanos);
            session.pause();
            TrainingSnapshot end = session.whenIdle().get(30, TimeUnit.SECONDS);
            long t1 = System.nanoTime();
            cpu[0] = (end.step() - startStep) * 1e9 / Math.max(1, CPU.getThreadCpuTime(engine) - c0);
            if (end.state() == SessionState.DIVERGED) {
                throw new IllegalStateException("benchmark run diverged at step " + end.step());
            }
            return (end.step() - startStep) * 1e9 / (t1 - t0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the session did not answer: " + e, e);
        }
    }

    /** A stand-in for the FX pump: every 1/60 s, the newest snapshot, all loss points and events. */
    private static final class Consumer implements Runnable {
        private final SnapshotBus.Mailbox mailbox;
        private final Thread thread = new Thread(this, "weightlab-bench-view");
        private volatile boolean stop;
        private volatile long frames;
        private long sink;

        Consumer(SnapshotBus.Mailbox mailbox) {
            this.mailbox = mailbox;
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        void stop() {
            stop = true;
            LockSupport.unpark(thread);
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void run() {
            List<LossPoint> points = new ArrayList<>();
            List<SessionEvent> events = new ArrayList<>();
            long next = System.nanoTime();
            while (!stop) {
                TrainingSnapshot s = mailbox.pollSnapshot();
                if (s != null) {
                    sink += s.output().weights().length; // touch it as a view would
                }
                points.clear();
                mailbox.drainLossPoints(points);
                events.clear();
                mailbox.drainEvents(events);
                frames++;
                next += FRAME_NANOS;
                LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
            }
            if (sink == Long.MIN_VALUE) {
                System.out.println(sink); // keeps the reads from being optimized away
            }
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
