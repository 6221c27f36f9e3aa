package org.weightlab.app;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import org.weightlab.session.SessionHost;

/**
 * {@code weightlab --measure N}: how smoothly the real window draws while training. Counts the
 * JavaFX pulses (frames) and their intervals for N seconds after a warm-up, and the training
 * steps the session made meanwhile, then prints {@code ui NAME=VALUE} lines and quits. The
 * frames of each second are listed too: the first ten seconds or so run while the JIT compiler
 * still takes much of a core for the window's code. The start is measured too: seconds from the
 * program's start (the first JVM's, when it relaunched itself) to the window on screen, to its
 * views laid out in it, and to the last of it laid out.
 */
final class WindowMeasurement extends AnimationTimer {

    private final long warmUpNanos;
    private final SessionHost host;
    private final long durationNanos;
    private final long[] intervals = new long[1 << 16];
    private int frames;
    private long startedAt = -1;
    private long measureFrom = -1;
    private long lastPulse;
    private long stepsAtStart;
    /** Frames of each whole second measured. */
    private final List<Integer> bySecond = new ArrayList<>();
    private long secondFrom;
    private int secondFrames;

    /**
     * CPU time of the FX thread and of JavaFX's render thread: per frame, it says what a frame costs
     * even when other programs share the cores (then frames per second say little).
     */
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long fxCpuAtStart;
    private long renderCpuAtStart;
    private final Start start;

    /**
     * Seconds from the program's start to the window on screen ({@code window}), to its views laid
     * out in it ({@code views}), and to every part of it laid out, the controls out of sight too
     * ({@code complete}).
     */
    record Start(double window, double views, double complete) {
    }

    WindowMeasurement(SessionHost host, int warmUpSeconds, int seconds, Start start) {
        this.host = host;
        this.start = start;
        this.warmUpNanos = warmUpSeconds * 1_000_000_000L;
        this.durationNanos = seconds * 1_000_000_000L;
    }

    @Override
    public void handle(long now) {
        if (startedAt < 0) {
            startedAt = now;
            return;
        }
        if (measureFrom < 0) {
            if (now - startedAt >= warmUpNanos) {
                measureFrom = now;
                lastPulse = now;
                secondFrom = now;
                stepsAtStart = host.session().timeline().latestStep();
                fxCpuAtStart = threads.getCurrentThreadCpuTime();
                renderCpuAtStart = renderCpu();
            }
            return;
        }
        if (frames < intervals.length) {
            intervals[frames++] = now - lastPulse;
        }
        if (now - secondFrom >= 1_000_000_000L) {
            bySecond.add(frames - secondFrames);
            secondFrom = now;
            secondFrames = frames;
        }
        lastPulse = now;
        if (now - measureFrom >= durationNanos) {
            stop();
            report(now);
        }
    }

    /** CPU nanoseconds of JavaFX's render threads so far (0 when the JVM does not measure them). */
    private long renderCpu() {
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("QuantumRenderer")) {
                sum += Math.max(0, threads.getThreadCpuTime(t.getId()));
            }
        }
        return sum;
    }

    private void report(long now) {
        double seconds = (now - measureFrom) / 1e9;
        long steps = host.session().timeline().latestStep() - stepsAtStart;
        long[] sorted = Arrays.copyOf(intervals, frames);
        Arrays.sort(sorted);
        int batch = host.session().timeline().snapshotAt(host.session().timeline().latestStep()).config().batchSize();
        System.out.printf("ui frames_per_s=%.1f%n", frames / seconds);
        System.out.printf("ui frame_ms_median=%.2f%n", sorted[frames / 2] / 1e6);
        System.out.printf("ui frame_ms_p99=%.2f%n", sorted[Math.min(frames - 1, (int) (frames * 0.99))] / 1e6);
        long fxCpu = threads.getCurrentThreadCpuTime() - fxCpuAtStart;
        long renderCpu = renderCpu() - renderCpuAtStart;
        System.out.printf("ui fx_cpu_ms_per_frame=%.2f%n", fxCpu / 1e6 / Math.max(1, frames));
        System.out.printf("ui render_cpu_ms_per_frame=%.2f%n", renderCpu / 1e6 / Math.max(1, frames));
        System.out.printf("ui steps_per_s=%.0f%n", steps / seconds);
        System.out.printf("ui examples_per_s=%.0f%n", steps * batch / seconds);
        System.out.printf("ui warm_up_s=%.0f%n", warmUpNanos / 1e9);
        System.out.printf("ui start_window_s=%.2f%n", start.window());
        System.out.printf("ui start_views_s=%.2f%n", start.views());
        System.out.printf("ui start_complete_s=%.2f%n", start.complete());
        System.out.println("ui frames_by_second=" + bySecond.stream().map(String::valueOf)
                .collect(Collectors.joining(",")));
        System.out.flush();
        Platform.exit();
    }
}
