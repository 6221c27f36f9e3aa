package org.weightlab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.session.LayerSnapshot;
import org.weightlab.session.SessionState;
import org.weightlab.session.TrainingSnapshot;

class SummaryHistoryTest {

    static TrainingSnapshot snapshot(long step, double w) {
        LayerSnapshot layer = new LayerSnapshot(2, 1, ActivationKind.TANH, new double[] {w, -w}, new double[] {0},
                new double[] {0.1, 0.2}, new double[1], new double[2], new double[1], new boolean[2], new boolean[1],
                null);
        RunConfig c = RunConfig.defaults();
        return new TrainingSnapshot(step, 0, SessionState.RUNNING, c, c.features(), List.of(layer), 0.5, 0.5, 0.5,
                0.5, 0, 0.03, null);
    }

    @Test
    void aFullHistoryThinsEvenlyAndKeepsTheFirstAndNewestSteps() {
        SummaryHistory h = new SummaryHistory(16);
        for (int s = 0; s < 1000; s++) {
            h.record(snapshot(s, s));
            assertTrue(h.size() <= 16, "bounded: " + h.size());
        }
        List<StepSummary> all = h.all();
        assertEquals(0, all.get(0).step());
        assertEquals(999, all.get(all.size() - 1).step());
        assertTrue(all.size() >= 8, "still holds a picture of the run: " + all.size());
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i).step() > all.get(i - 1).step(), "in step order");
        }
    }

    @Test
    void upToShowsOnlyThePastOfTheShownStep() {
        SummaryHistory h = new SummaryHistory();
        for (int s = 0; s < 10; s++) {
            h.record(snapshot(s, s));
        }
        assertEquals(4, h.upTo(3).size());
        assertEquals(3, h.upTo(3).get(3).step());
        assertEquals(0, h.upTo(-1).size());
    }

    @Test
    void scrubbingBackKeepsTheFutureButAForkDropsIt() {
        SummaryHistory h = new SummaryHistory();
        for (int s = 0; s < 10; s++) {
            h.record(snapshot(s, s));
        }
        h.record(snapshot(4, 4));
        assertEquals(10, h.size(), "the same moment again changes nothing");
        h.record(snapshot(4, 42));
        assertEquals(5, h.size(), "a different moment at step 4 is a fork: steps 5 to 9 belong to the old run");
        assertEquals(42 * Math.sqrt(2), h.all().get(4).layers().get(0).weightNorm(), 1e-9, "the fork's own summary");
    }

    @Test
    void aRebuiltNetworkStartsAFreshHistory() {
        SummaryHistory h = new SummaryHistory();
        h.record(snapshot(0, 1));
        h.record(snapshot(1, 1));
        LayerSnapshot wide = new LayerSnapshot(3, 1, ActivationKind.TANH, new double[3], new double[1], new double[3],
                new double[1], new double[3], new double[1], new boolean[3], new boolean[1], null);
        RunConfig c = RunConfig.defaults();
        h.record(new TrainingSnapshot(2, 0, SessionState.RUNNING, c, c.features(), List.of(wide), 0, 0, 0, 0, 0, 0.03,
                null));
        assertEquals(1, h.size());
    }

    @Test
    void aTinyCapacityIsRefusedWithAReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SummaryHistory(2));
        assertTrue(e.getMessage().contains("at least 4"), e.getMessage());
    }
}
