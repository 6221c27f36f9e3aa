package org.weightlab.ui.shell;

import java.util.Arrays;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * Measures the time between JavaFX pulses and shows frames per second, the mean and the 99th
 * percentile frame time over the last second. The meter is always measuring (the status bar
 * reads {@link #fpsProperty()}); the panel itself is shown on demand.
 */
public final class FrameTimeMeter extends VBox {

    public static final String STYLE_CLASS = "wl-frame-meter";
    private static final int WINDOW = 256;

    /** Frame intervals in nanoseconds, a ring of the last {@link #WINDOW}. */
    private final long[] intervals = new long[WINDOW];
    private final long[] sorted = new long[WINDOW];
    private int count;
    private int next;
    private long lastPulse;
    private long lastReport;
    private final ReadOnlyDoubleWrapper fps = new ReadOnlyDoubleWrapper(0);
    private final Label fpsLabel = new Label();
    private final Label meanLabel = new Label();
    private final Label p99Label = new Label();

    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            onPulse(now);
        }
    };

    public FrameTimeMeter() {
        getStyleClass().add(STYLE_CLASS);
        setPadding(new Insets(6, 10, 6, 10));
        setSpacing(2);
        getChildren().addAll(new Label("Frame time"), fpsLabel, meanLabel, p99Label);
        setMouseTransparent(true);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        timer.start();
    }

    public ReadOnlyDoubleProperty fpsProperty() {
        return fps.getReadOnlyProperty();
    }

    public void stop() {
        timer.stop();
    }

    void onPulse(long now) {
        if (lastPulse != 0) {
            intervals[next] = now - lastPulse;
            next = (next + 1) % WINDOW;
            count = Math.min(count + 1, WINDOW);
        }
        lastPulse = now;
        if (now - lastReport >= 500_000_000L && count > 0) {
            lastReport = now;
            report();
        }
    }

    private void report() {
        // Only the intervals of the last second count, so a pause does not linger in the figures.
        int n = 0;
        long total = 0;
        for (int k = 0; k < count && total < 1_000_000_000L; k++) {
            long v = intervals[Math.floorMod(next - 1 - k, WINDOW)];
            sorted[n++] = v;
            total += v;
        }
        Arrays.sort(sorted, 0, n);
        double meanMs = total / 1e6 / n;
        double p99Ms = sorted[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)] / 1e6;
        fps.set(1000.0 / meanMs);
        if (isVisible()) {
            fpsLabel.setText(String.format("%.0f frames/s", fps.get()));
            meanLabel.setText(String.format("mean %.1f ms", meanMs));
            p99Label.setText(String.format("99%% %.1f ms", p99Ms));
        }
    }
}
