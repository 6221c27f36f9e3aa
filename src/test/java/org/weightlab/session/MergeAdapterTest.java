package org.weightlab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.config.LoraSpec;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.OptimizerKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;

/** The session's "merge adapter" command folds a trained LoRA adapter into W and changes no output. */
class MergeAdapterTest {

    private static final RunConfig ADAPTED = RunConfig.defaults().withData(200, 0.1, 0.5, 7)
            .withHidden(List.of(5, 3), List.of())
            .withOptimizer(OptimizerConfig.defaults(OptimizerKind.ADAM, 0.02))
            .withLora(List.of(new LoraSpec(0, 2, 4.0), new LoraSpec(2, 1, 1.0)));

    private TrainingSession session;

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void mergingKeepsTheTestLossAndRemovesTheAdapter() throws Exception {
        DataSplit data = DataGenerator.generate(ADAPTED);
        SnapshotBus bus = new SnapshotBus();
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        bus.onEvent(events::add);
        session = new TrainingSession(ADAPTED, data, null, bus, DataGenerator::generate, SessionSettings.defaults());
        session.start();
        session.runSteps(60); // B moves away from zero: the adapter changes the outputs
        TrainingSnapshot before = session.whenIdle().get(60, TimeUnit.SECONDS);
        LayerSnapshot adapted = before.layers().get(0);
        double[] w = adapted.weights();
        double[] effective = adapted.effectiveWeights();
        double moved = 0;
        for (int j = 0; j < w.length; j++) {
            moved = Math.max(moved, Math.abs(effective[j] - w[j]));
        }
        assertTrue(moved > 1e-6, "the trained adapter changes layer 0's weights, by " + moved);

        session.mergeAdapter(0);
        TrainingSnapshot after = session.whenIdle().get(60, TimeUnit.SECONDS);
        assertEquals(before.testLoss(), after.testLoss(), 1e-12, "merging changes no output");
        assertEquals(before.trainLoss(), after.trainLoss(), 1e-12);
        assertNull(after.config().loraOf(0), "layer 0's adapter is gone from the config");
        assertNotNull(after.config().loraOf(2), "the other adapter stays");
        LayerSnapshot merged = after.layers().get(0);
        for (int j = 0; j < w.length; j++) {
            assertEquals(effective[j], merged.weights()[j], 1e-12, "W now holds W + (alpha/r) B A");
            assertEquals(merged.weights()[j], merged.effectiveWeights()[j], 0.0, "no adapter on layer 0 any more");
        }
        assertTrue(events.stream().anyMatch(e -> e instanceof SessionEvent.Rebuilt r && r.reason().contains("merged")));

        session.mergeAdapter(1); // no adapter there: refused, nothing changes
        TrainingSnapshot unchanged = session.whenIdle().get(60, TimeUnit.SECONDS);
        assertEquals(after.config(), unchanged.config());
        assertTrue(events.stream().anyMatch(e -> e instanceof SessionEvent.EngineError m
                && m.message().contains("no LoRA adapter")));
    }
}
