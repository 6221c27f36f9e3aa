package org.weightlab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LossHistoryTest {

    /** Batch points 1..n, and an epoch end every {@code perEpoch} steps with its own test loss and accuracies. */
    private static List<LossPoint> run(int n, int perEpoch) {
        List<LossPoint> points = new ArrayList<>();
        for (int s = 1; s <= n; s++) {
            points.add(new LossPoint(s, (s - 1) / perEpoch, 1.0 / s, Double.NaN, false));
            if (s % perEpoch == 0) {
                points.add(endAt(s, perEpoch));
            }
        }
        return points;
    }

    private static LossPoint endAt(long s, int perEpoch) {
        return new LossPoint(s, (int) (s / perEpoch), 2.0 / s, 3.0 / s, true, 1 - 1.0 / s, 1 - 2.0 / s);
    }

    @Test
    void epochEndsKeepTheirTestLossAndAccuraciesTogether() {
        LossHistory h = new LossHistory();
        h.append(run(1_000, 25));
        List<LossPoint> ends = h.epochEndsUpTo(500);
        assertEquals(20, ends.size());
        for (LossPoint p : ends) {
            assertEquals(endAt(p.step(), 25), p);
        }
        assertEquals(1_000, h.batches().size());
    }

    @Test
    void aLongRunIsThinnedAndEveryKeptEpochEndStaysWhole() {
        LossHistory h = new LossHistory(64);
        h.append(run(20_000, 10));
        assertTrue(h.epochEnds().size() <= 64 && h.batches().size() <= 64, "bounded");
        List<LossPoint> ends = h.epochEndsUpTo(Long.MAX_VALUE);
        assertTrue(ends.size() > 16, "still covers the run: " + ends.size());
        for (LossPoint p : ends) {
            assertEquals(endAt(p.step(), 10), p, "the columns of one point moved together");
        }
    }

    @Test
    void aJumpDropsLaterPointsAndMarkersAndANewBranchContinues() {
        LossHistory h = new LossHistory();
        h.append(run(100, 25));
        h.onEvent(new SessionEvent.SettingChanged(30, "lr", "0.03", "0.3"));
        h.onEvent(new SessionEvent.SettingChanged(70, "lr", "0.3", "0.1"));
        h.onEvent(new SessionEvent.Jumped(100, 60));
        assertEquals(60, h.batches().size());
        assertEquals(List.of(25L, 50L), h.epochEndsUpTo(Long.MAX_VALUE).stream().map(LossPoint::step).toList());
        assertEquals(List.of(new LossHistory.Marker(30, "lr 0.03 \u2192 0.3")), h.markers());
        assertTrue(h.changedUpTo(30));
        assertFalse(h.changedUpTo(29));
        h.append(List.of(new LossPoint(61, 2, 0.5, Double.NaN, false)));
        assertEquals(61, h.batches().size());
    }

    @Test
    void openingAScenarioStartsANewHistoryButAReshapeKeepsIt() {
        LossHistory h = new LossHistory();
        List<LossHistory.Change> changes = new ArrayList<>();
        h.onChange(changes::add);
        h.append(run(50, 25));
        h.onEvent(new SessionEvent.Rebuilt(50, "hidden layers [4, 2] \u2192 [4]"));
        assertEquals(50, h.batches().size());
        h.onEvent(new SessionEvent.Rebuilt(0, "opened circle-basics"));
        assertEquals(0, h.batches().size());
        assertEquals(0, h.epochEnds().size());
        assertEquals(List.of(LossHistory.Change.POINTS, LossHistory.Change.CLEARED), changes);
    }

    @Test
    void batchPointsAndEpochEndsTogetherAreEveryPointAppended() {
        LossHistory h = new LossHistory();
        List<LossPoint> points = run(100, 25);
        h.append(points);
        List<LossPoint> held = new ArrayList<>(h.batchPoints());
        held.addAll(h.epochEndsUpTo(Long.MAX_VALUE));
        held.sort(java.util.Comparator.comparingLong(LossPoint::step)); // stable: a batch before its epoch end
        assertEquals(points, held);
    }
}
