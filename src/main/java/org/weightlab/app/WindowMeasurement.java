package org.weightlab.app;

import java.util.Arrays;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import org.weightlab.session.SessionHost;

/**
 * {@code weightlab --measure N}: how smoothly the real window draws while training. Counts the
 * JavaFX pulses (frames) and their intervals for N seconds after a 2-second warm-up, and the
 * training steps the session made meanwhile, then prints {@code ui NAME=VALUE} lines and quits.
 */
final class WindowMeasurement extends AnimationTimer {

    private static final long WARM_UP_NANOS = 2_000_000_000L;

    private final SessionHost host;
    private final long durationNanos;
    private final long[] intervals = new long[1 << 16];
    private int frames;
    private long startedAt = -1;
    private long measureFrom = -1;
    private long lastPulse;
    private long stepsAtStart;

    WindowMeasurement(SessionHost host, int seconds) {
        this.host = host;
        this.durationNanos = seconds * 1_000_000_000L;
    }

    @Override
    public void handle(long now) {
        if (startedAt < 0) {
            startedAt = now;
            return;
        }
        if (measureFrom < 0) {
            if (now - startedAt >= WARM_UP_NANOS) {
                measureFrom = now;
                lastPulse = now;
                stepsAtStart = host.session().timeline().latestStep();
            }
            return;
        }
        if (frames < intervals.length) {
            intervals[frames++] = now - lastPulse;
        }
        lastPulse = now;
        if (now - measureFrom >= durationNanos) {
            stop();
            report(now);
        }
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
        System.out.printf("ui steps_per_s=%.0f%n", steps / seconds);
        System.out.printf("ui examples_per_s=%.0f%n", steps * batch / seconds);
        System.out.flush();
        Platform.exit();
    }
}
