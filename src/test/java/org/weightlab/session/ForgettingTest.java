package org.weightlab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.Evaluation;
import org.weightlab.engine.TaskScore;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;

/** Two tasks: after moving to task B, the "task A" series is task A's test loss and accuracy of the network being trained. */
class ForgettingTest {

    private static final RunConfig TASK_A = RunConfig.defaults().withData(200, 0, 0.5, 4);
    private static final RunConfig TASK_B = TASK_A.withDataset(DatasetKind.XOR);

    private TrainingSession session;

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    /** Task A's test loss and accuracy of {@code t}'s network, evaluated afresh by a trainer on task A. */
    private static Evaluation fresh(Trainer t, DataSplit taskA) {
        return new Trainer(TASK_A, taskA, t.network()).evaluate();
    }

    @Test
    void taskASeriesEqualsAFreshEvaluationOfTaskA() {
        DataSplit a = DataGenerator.generate(TASK_A);
        Trainer t = new Trainer(TASK_A, a);
        t.runEpochs(20);
        assertNull(t.taskAScore(), "one task: no task A series");
        long steps = t.stepCount();
        Trainer b = t.continueOn(TASK_B, DataGenerator.generate(TASK_B));
        assertEquals(steps, b.stepCount(), "the run's steps go on");
        assertEquals(t.network().layer(0).weightsCopy()[0], b.network().layer(0).weightsCopy()[0], 0.0,
                "task A's weights are kept");
        double first = b.taskAScore().accuracy();
        assertEquals(fresh(t, a).testAccuracy(), first, 0.0);
        for (int e = 0; e < 15; e++) {
            b.runEpoch();
            TaskScore s = b.taskAScore();
            Evaluation f = fresh(b, a);
            assertEquals(f.testLoss(), s.loss(), 0.0, "task A loss after epoch " + e);
            assertEquals(f.testAccuracy(), s.accuracy(), 0.0, "task A accuracy after epoch " + e);
        }
        assertTrue(b.taskAScore().accuracy() != first, "training on task B moves task A's accuracy");
        Trainer c = b.continueOn(TASK_A.withDataset(DatasetKind.GAUSS), DataGenerator.generate(TASK_A.withDataset(DatasetKind.GAUSS)));
        assertEquals(fresh(c, a).testLoss(), c.taskAScore().loss(), 0.0, "task A stays the first task");
    }

    @Test
    void sessionPublishesTheTaskASeriesAtEpochEndsAfterTheMove() throws Exception {
        DataSplit a = DataGenerator.generate(TASK_A);
        SnapshotBus bus = new SnapshotBus();
        List<LossPoint> ends = new CopyOnWriteArrayList<>();
        bus.onLossPoint(p -> {
            if (p.epochEnd()) {
                ends.add(p);
            }
        });
        session = new TrainingSession(TASK_A, a, null, bus, DataGenerator::generate, SessionSettings.defaults());
        session.start();
        session.stepEpoch();
        session.whenIdle().get(60, TimeUnit.SECONDS);
        assertTrue(Double.isNaN(ends.get(0).taskALoss()), "before the move: no task A values");
        session.moveToTaskB(TASK_B);
        for (int e = 0; e < 2; e++) {
            session.stepEpoch();
            session.whenIdle().get(60, TimeUnit.SECONDS);
        }
        assertEquals(3, ends.size());
        // The same run, headless: one epoch on A, then two on B.
        Trainer reference = new Trainer(TASK_A, a);
        reference.runEpoch();
        Trainer b = reference.continueOn(TASK_B, DataGenerator.generate(TASK_B));
        for (int e = 1; e <= 2; e++) {
            b.runEpoch();
            LossPoint p = ends.get(e);
            assertEquals(b.stepCount(), p.step());
            Evaluation f = fresh(b, a);
            assertEquals(f.testLoss(), p.taskALoss(), 0.0);
            assertEquals(f.testAccuracy(), p.taskAAccuracy(), 0.0);
            assertEquals(b.evaluate().testLoss(), p.testLoss(), 0.0, "the run's own test loss is task B's");
        }
        LossHistory history = new LossHistory();
        history.append(ends);
        assertEquals(ends.get(2).taskALoss(), history.epochEnds().value(LossHistory.TASK_A_LOSS, 2), 0.0);
        assertEquals(ends.get(2), history.epochEndsUpTo(Long.MAX_VALUE).get(2));
    }
}
