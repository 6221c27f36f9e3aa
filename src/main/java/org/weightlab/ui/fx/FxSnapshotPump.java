package org.weightlab.ui.fx;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import org.weightlab.session.LossHistory;
import org.weightlab.session.LossPoint;
import org.weightlab.session.SessionEvent;
import org.weightlab.session.SnapshotBus;
import org.weightlab.session.TrainingSnapshot;

/**
 * Carries the session's output onto the FX thread, once per frame. On every pulse it takes the
 * newest snapshot (only if it changed), drains every waiting loss point and event, and calls the
 * registered listeners on the FX thread. The engine never waits for it and nothing is posted with
 * {@code Platform.runLater}. It feeds the run's {@link LossHistory} (every loss point, jumps and
 * changed settings, in step order) before any listener runs, so views and exports read one history. It also measures frames per second and training steps per second
 * for the status bar.
 *
 * <p>Listeners run on the FX thread; one that throws is logged and counted, the others still run.
 */
public final class FxSnapshotPump implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(FxSnapshotPump.class.getName());
    /** How often the rates are recomputed: long enough to be steady, short enough to follow changes. */
    private static final long RATE_WINDOW_NANOS = 500_000_000L;

    private final SnapshotBus.Mailbox mailbox;
    /** The loss history of the run on screen, fed on the FX thread. */
    private final LossHistory lossHistory = new LossHistory();
    private final List<Consumer<TrainingSnapshot>> snapshotListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<List<LossPoint>>> lossListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<SessionEvent>> eventListeners = new CopyOnWriteArrayList<>();
    private final ReadOnlyDoubleWrapper framesPerSecond = new ReadOnlyDoubleWrapper(this, "framesPerSecond");
    private final ReadOnlyDoubleWrapper stepsPerSecond = new ReadOnlyDoubleWrapper(this, "stepsPerSecond");
    private final ReadOnlyLongWrapper droppedLossPoints = new ReadOnlyLongWrapper(this, "droppedLossPoints");
    private AnimationTimer timer;
    private long listenerFailures;

    // Rate measurement: frames and steps trained since windowStart. A reset, rebuild or jump makes
    // the step go down; only forward movement counts as progress.
    private long windowStart = -1;
    private long framesInWindow;
    private long stepsInWindow;
    private long lastStep = -1;

    public FxSnapshotPump(SnapshotBus bus) {
        this(bus, SnapshotBus.DEFAULT_LOSS_CAPACITY);
    }

    public FxSnapshotPump(SnapshotBus bus, int lossCapacity) {
        if (bus == null) {
            throw new IllegalArgumentException("bus is null");
        }
        this.mailbox = bus.openMailbox(lossCapacity, SnapshotBus.DEFAULT_EVENT_CAPACITY);
    }

    /** The loss history this pump feeds; read it on the FX thread. */
    public LossHistory lossHistory() {
        return lossHistory;
    }

    /** Called on the FX thread with the newest snapshot, at most once per frame. */
    public void onSnapshot(Consumer<TrainingSnapshot> listener) {
        snapshotListeners.add(listener);
    }

    /**
     * Called on the FX thread with every loss point that arrived since the last frame, oldest
     * first: once per frame, or in several runs when events fell between them.
     */
    public void onLossPoints(Consumer<List<LossPoint>> listener) {
        lossListeners.add(listener);
    }

    /** Called on the FX thread for every event, in order. */
    public void onEvent(Consumer<SessionEvent> listener) {
        eventListeners.add(listener);
    }

    /** Starts pumping on every pulse. Call on the FX thread. */
    public void start() {
        if (timer == null) {
            timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    pulse(now);
                }
            };
        }
        timer.start();
    }

    public void stop() {
        if (timer != null) {
            timer.stop();
        }
    }

    /** Stops pumping and detaches from the bus. */
    @Override
    public void close() {
        stop();
        mailbox.close();
    }

    /**
     * One frame's work: loss points and events in the order they were published (so a chart
     * drops the old branch at a {@code Jumped} event before the new branch's points arrive), then
     * the newest snapshot (after a {@code Rebuilt} event, so views rebuild before they draw it).
     * {@code now} is the pulse time in nanoseconds. Public so that a custom loop (or a test) can
     * drive the pump.
     */
    public void pulse(long now) {
        mailbox.drainInOrder(this::deliverLoss, this::deliverEvent);
        TrainingSnapshot s = mailbox.pollSnapshot();
        if (s != null) {
            sawStep(s.step());
            for (Consumer<TrainingSnapshot> l : snapshotListeners) {
                call(l, s);
            }
        }
        measure(now);
    }

    private void deliverLoss(List<LossPoint> run) {
        sawStep(run.get(run.size() - 1).step());
        call(lossHistory::append, run); // the history copies what it keeps
        if (!lossListeners.isEmpty()) {
            List<LossPoint> points = List.copyOf(run);
            for (Consumer<List<LossPoint>> l : lossListeners) {
                call(l, points);
            }
        }
    }

    private void deliverEvent(SessionEvent e) {
        call(lossHistory::onEvent, e);
        for (Consumer<SessionEvent> l : eventListeners) {
            call(l, e);
        }
    }

    private void sawStep(long step) {
        if (lastStep >= 0 && step > lastStep) {
            stepsInWindow += step - lastStep;
        }
        lastStep = step;
    }

    private void measure(long now) {
        if (windowStart < 0) {
            windowStart = now;
            stepsInWindow = 0;
            return;
        }
        framesInWindow++;
        long elapsed = now - windowStart;
        if (elapsed >= RATE_WINDOW_NANOS) {
            framesPerSecond.set(framesInWindow * 1e9 / elapsed);
            stepsPerSecond.set(stepsInWindow * 1e9 / elapsed);
            droppedLossPoints.set(mailbox.droppedLossPoints());
            windowStart = now;
            framesInWindow = 0;
            stepsInWindow = 0;
        }
    }

    private <T> void call(Consumer<T> listener, T item) {
        try {
            listener.accept(item);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            listenerFailures++;
            LOG.log(System.Logger.Level.WARNING, "a view failed while drawing " + item.getClass().getSimpleName(), e);
        }
    }

    public ReadOnlyDoubleProperty framesPerSecondProperty() {
        return framesPerSecond.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty stepsPerSecondProperty() {
        return stepsPerSecond.getReadOnlyProperty();
    }

    /** Loss points lost because the FX thread stalled longer than the buffer covers. */
    public ReadOnlyLongProperty droppedLossPointsProperty() {
        return droppedLossPoints.getReadOnlyProperty();
    }

    public long listenerFailures() {
        return listenerFailures;
    }
}
