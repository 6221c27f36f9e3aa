package org.weightlab.lessons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.session.SessionSettings;
import org.weightlab.session.LayerSnapshot;
import org.weightlab.session.SessionHost;
import org.weightlab.session.SnapshotBus;
import org.weightlab.session.TrainingSession;
import org.weightlab.session.TrainingSnapshot;

/** New data on the weights trained so far: the session's "keep weights" path. */
class DataSwitchKeepsWeightsTest {

    private final SessionHost host = new SessionHost(new SnapshotBus(), DataGenerator::generate,
            SessionSettings.defaults());

    @AfterEach
    void close() {
        host.close();
    }

    private TrainingSnapshot idle() throws Exception {
        return host.session().whenIdle().get(30, TimeUnit.SECONDS);
    }

    @Test
    void switchingToXorKeepsTheTrainedWeightsAndTheFrozenLayer() throws Exception {
        RunConfig circle = LessonRuns.lesson("freezing").config();
        host.open(circle, null);
        host.runSteps(200);
        host.freezeLayer(0, true);
        TrainingSnapshot before = idle();
        host.applyConfigKeepingWeights(circle.withDataset(DatasetKind.XOR));
        TrainingSnapshot after = idle();
        assertEquals(DatasetKind.XOR, after.config().dataset());
        for (int l = 0; l < before.layers().size(); l++) {
            LayerSnapshot a = before.layers().get(l);
            LayerSnapshot b = after.layers().get(l);
            assertArrayEquals(a.weights(), b.weights(), 0.0, "layer " + l);
            assertArrayEquals(a.biases(), b.biases(), 0.0, "layer " + l);
            assertArrayEquals(a.frozenWeights(), b.frozenWeights(), "layer " + l);
        }
        host.runSteps(100);
        TrainingSnapshot trained = idle();
        assertArrayEquals(before.layers().get(0).weights(), trained.layers().get(0).weights(), 0.0, "frozen");
        assertFalse(java.util.Arrays.equals(before.layers().get(1).weights(), trained.layers().get(1).weights()));
    }

    @Test
    void startingFreshOrChangingTheShapeDropsTheWeights() throws Exception {
        RunConfig circle = LessonRuns.lesson("freezing").config();
        host.open(circle, null);
        host.runSteps(200);
        TrainingSnapshot before = idle();
        host.applyConfig(circle.withDataset(DatasetKind.XOR));
        TrainingSnapshot fresh = idle();
        assertFalse(java.util.Arrays.equals(before.layers().get(0).weights(), fresh.layers().get(0).weights()));
        // A third input feature changes the first layer's shape: the weights cannot be kept.
        host.runSteps(50);
        TrainingSnapshot trained = idle();
        RunConfig wider = circle.withDataset(DatasetKind.XOR).withFeatures(
                java.util.List.of(Feature.X1, Feature.X2, Feature.X1_TIMES_X2));
        assertFalse(RunConfig.sameNetworkShape(circle, wider));
        host.applyConfigKeepingWeights(wider);
        TrainingSnapshot rebuilt = idle();
        assertEquals(3, rebuilt.layers().get(0).inputs());
        assertEquals(0, rebuilt.step());
        assertFalse(trained.layers().get(1).weights().length == 0);
    }
}
