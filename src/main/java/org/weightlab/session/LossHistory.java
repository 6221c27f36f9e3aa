package org.weightlab.session;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The loss history of the run on screen: every batch loss, every evaluated epoch end (train and
 * test loss, train and test accuracy, kept together as one point) and the steps where a setting
 * changed. The loss chart draws it; the run and CSV exports read it. It is fed in step order on
 * one thread (the window's FX thread), not the engine's, and holds at most a bounded number of
 * points however long training runs ({@link LossSeries} thins old points to their min/max).
 *
 * <p>Time travel: a {@link SessionEvent.Jumped} event, or a point at a step already held, drops
 * everything after that step (the run forks there). A run rebuilt by opening a scenario starts a
 * new history; a run rebuilt for a new shape keeps its curve, with the change marked.
 */
public final class LossHistory {

    /** A vertical line on the chart where a setting changed. */
    public record Marker(long step, String label) {
    }

    /** What changed, so a view knows whether to redraw at once or at its own pace. */
    public enum Change {
        /** New points at the end. */
        POINTS,
        /** A marker was added, or points after a step were dropped. */
        EDITED,
        /** Everything was dropped (a new run). */
        CLEARED
    }

    /** Extra columns of {@link #epochEnds}: beside the train loss (column 0). */
    public static final int TEST_LOSS = 1;
    public static final int TRAIN_ACCURACY = 2;
    public static final int TEST_ACCURACY = 3;
    /** Task A's test loss and accuracy after the run moved to task B (NaN before): the forgetting curve. */
    public static final int TASK_A_LOSS = 4;
    public static final int TASK_A_ACCURACY = 5;

    private final LossSeries batches;
    private final LossSeries epochEnds;
    private final List<Marker> markers = new ArrayList<>();
    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();
    /** Reused for each epoch end's extra columns (the series copies them). */
    private final double[] extras = new double[5];

    public LossHistory() {
        this(LossSeries.DEFAULT_CAPACITY);
    }

    /** A history that keeps at most {@code capacity} batch points and as many epoch ends. */
    public LossHistory(int capacity) {
        batches = new LossSeries(capacity);
        epochEnds = new LossSeries(capacity, 5);
    }

    /** Called, on the feeding thread, after every change. */
    public void onChange(Consumer<Change> listener) {
        listeners.add(listener);
    }

    /** The batch losses: step, epoch, loss. */
    public LossSeries batches() {
        return batches;
    }

    /**
     * The evaluated epoch ends: step, epoch, train loss, and the columns {@link #TEST_LOSS},
     * {@link #TRAIN_ACCURACY}, {@link #TEST_ACCURACY} (NaN accuracies for regression), {@link #TASK_A_LOSS}
     * and {@link #TASK_A_ACCURACY} (NaN until the run moves to a second task).
     */
    public LossSeries epochEnds() {
        return epochEnds;
    }

    public List<Marker> markers() {
        return Collections.unmodifiableList(markers);
    }

    /** Adds loss points in step order. A point at a step already held starts a fork: later points are dropped. */
    public void append(List<LossPoint> points) {
        for (LossPoint p : points) {
            double step = p.step();
            if (p.epochEnd()) {
                if (step < epochEnds.lastStep()) {
                    forkAt(step);
                }
                extras[TEST_LOSS - 1] = p.testLoss();
                extras[TRAIN_ACCURACY - 1] = p.trainAccuracy();
                extras[TEST_ACCURACY - 1] = p.testAccuracy();
                extras[TASK_A_LOSS - 1] = p.taskALoss();
                extras[TASK_A_ACCURACY - 1] = p.taskAAccuracy();
                epochEnds.add(step, p.epoch(), p.trainLoss(), extras);
            } else {
                if (step <= batches.lastStep()) {
                    forkAt(step);
                }
                batches.add(step, p.epoch(), p.trainLoss());
            }
        }
        if (!points.isEmpty()) {
            fire(Change.POINTS);
        }
    }

    /** Follows the session's events: changed settings and moves to task B are marked, a jump cuts, opening a scenario clears. */
    public void onEvent(SessionEvent e) {
        if (e instanceof SessionEvent.SettingChanged changed) {
            mark(changed);
        } else if (e instanceof SessionEvent.Jumped j) {
            cutAfter(j.toStep());
        } else if (e instanceof SessionEvent.Rebuilt r && r.reason().startsWith("opened")) {
            clear();
        } else if (e instanceof SessionEvent.Rebuilt r && r.reason().startsWith("moved to task B")) {
            // the curve goes on from here on the new data: the line says where task B began
            markers.add(new Marker(r.step(), r.reason()));
            fire(Change.EDITED);
        }
    }

    /** Marks a changed setting with a labelled line at its step. */
    public void mark(SessionEvent.SettingChanged e) {
        markers.add(new Marker(e.step(), e.label()));
        fire(Change.EDITED);
    }

    /** Drops everything after {@code step}: the run went back there (time travel) and forks. */
    public void cutAfter(long step) {
        forkAt(step + 0.5);
        fire(Change.EDITED);
    }

    /** Forgets all points and markers (a new run starts a new curve). */
    public void clear() {
        batches.clear();
        epochEnds.clear();
        markers.clear();
        fire(Change.CLEARED);
    }

    /** The evaluated epoch ends at or before {@code lastStep}, as loss points, in step order. */
    public List<LossPoint> epochEndsUpTo(long lastStep) {
        List<LossPoint> out = new ArrayList<>();
        for (int i = 0; i < epochEnds.size() && epochEnds.step(i) <= lastStep; i++) {
            out.add(new LossPoint((long) epochEnds.step(i), (int) epochEnds.epoch(i), epochEnds.value(i),
                    epochEnds.value(TEST_LOSS, i), true, epochEnds.value(TRAIN_ACCURACY, i),
                    epochEnds.value(TEST_ACCURACY, i), epochEnds.value(TASK_A_LOSS, i),
                    epochEnds.value(TASK_A_ACCURACY, i)));
        }
        return out;
    }

    /** The batch losses held, as loss points, in step order. */
    public List<LossPoint> batchPoints() {
        List<LossPoint> out = new ArrayList<>(batches.size());
        for (int i = 0; i < batches.size(); i++) {
            out.add(new LossPoint((long) batches.step(i), (int) batches.epoch(i), batches.value(i), Double.NaN, false));
        }
        return out;
    }

    /** True when a setting changed at or before {@code step}: the run is not one config trained from step 0. */
    public boolean changedUpTo(long step) {
        for (Marker m : markers) {
            if (m.step() <= step) {
                return true;
            }
        }
        return false;
    }

    private void forkAt(double step) {
        batches.truncateFrom(step);
        epochEnds.truncateFrom(step);
        markers.removeIf(m -> m.step() > step);
    }

    private void fire(Change c) {
        for (Consumer<Change> l : listeners) {
            l.accept(c);
        }
    }
}
