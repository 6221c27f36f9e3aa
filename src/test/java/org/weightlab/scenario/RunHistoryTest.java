package org.weightlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.Evaluation;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;

class RunHistoryTest {

    private static final RunConfig CONFIG = RunConfig.defaults(); // 250 training examples, batches of 10
    private static final DataSplit DATA = DataGenerator.generate(CONFIG);

    /** Whole epochs trained and evaluated one after another, as the command line does. */
    private static List<HistoryPoint> byEpochs(int epochs) {
        Trainer t = new Trainer(CONFIG, DATA);
        List<HistoryPoint> out = new ArrayList<>();
        for (int e = 0; e <= epochs; e++) {
            if (e > 0) {
                t.runEpoch();
            }
            Evaluation v = t.evaluate();
            out.add(new HistoryPoint(t.stepCount(), t.epochCount(), v.trainLoss(), v.testLoss(), v.trainAccuracy(),
                    v.testAccuracy()));
        }
        return out;
    }

    private static NetworkState initial() {
        return NetworkState.of(new Trainer(CONFIG, DATA).network());
    }

    @Test
    void replayGivesStepZeroAndEveryEpochEndUpToTheLastStep() {
        List<HistoryPoint> expected = byEpochs(4);
        assertEquals(expected, RunHistory.replay(CONFIG, DATA, initial(), 100, List.of()));
        // a run stopped inside its fifth epoch has the same history
        assertEquals(expected, RunHistory.replay(CONFIG, DATA, initial(), 110, List.of(expected.get(2))));
    }

    @Test
    void aReplayThatDisagreesWithAnEvaluatedPointIsRefused() {
        HistoryPoint real = byEpochs(2).get(2);
        HistoryPoint other = new HistoryPoint(real.step(), real.epoch(), real.trainLoss() * 2, real.testLoss(),
                real.trainAccuracy(), real.testAccuracy());
        assertNull(RunHistory.replay(CONFIG, DATA, initial(), 100, List.of(other)));
        HistoryPoint notAnEpochEnd = new HistoryPoint(30, 1, 0.1, 0.1, 0.5, 0.5);
        assertNull(RunHistory.replay(CONFIG, DATA, initial(), 100, List.of(notAnEpochEnd)));
    }
}
