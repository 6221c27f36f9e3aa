package org.weightlab.ui.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.weightlab.compress.PruneScope;
import org.weightlab.compress.QuantSpec;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.session.SessionSettings;
import org.weightlab.session.LayerSnapshot;
import org.weightlab.session.SnapshotBus;
import org.weightlab.session.TrainingSession;
import org.weightlab.session.TrainingSnapshot;

class CompressionApplyTest {

    private TrainingSession session;

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    private TrainingSnapshot idle() throws Exception {
        return session.whenIdle().get(30, TimeUnit.SECONDS);
    }

    private TrainingSnapshot trainedCircle() throws Exception {
        RunConfig config = RunConfig.defaults();
        session = new TrainingSession(config, DataGenerator.generate(config), null, new SnapshotBus(),
                DataGenerator::generate, SessionSettings.defaults());
        session.start();
        session.runSteps(25 * 40);
        return idle();
    }

    @Test
    void appliedPruningStaysAtZeroWhileFineTuningRecoversAccuracy() throws Exception {
        TrainingSnapshot trained = trainedCircle();
        WhatIf w = WhatIf.none(trained.layers().size()).withSparsity(0.6);
        CompressionPreview p = CompressionPreview.compute(trained, w);
        int pruned = p.mask().prunedWeights();
        assertEquals((int) Math.floor(0.6 * p.before().weightCount()), pruned);

        CompressionApply.send(p, session, false);
        TrainingSnapshot applied = idle();
        assertEquals(p.evaluation().testLoss(), applied.testLoss(), 1e-12, "the run now is the pruned network");

        session.runSteps(25 * 10);
        TrainingSnapshot tuned = idle();
        for (int l = 0; l < tuned.layers().size(); l++) {
            LayerSnapshot layer = tuned.layers().get(l);
            for (int j = 0; j < layer.weights().length; j++) {
                if (p.mask().weightPruned(l, j)) {
                    assertEquals(0.0, layer.weights()[j], "pruned weight " + l + ":" + j + " came back");
                    assertTrue(layer.frozenWeights()[j]);
                }
            }
        }
        assertTrue(tuned.testLoss() < applied.testLoss(), "fine-tuning lowers the pruned network's test loss: "
                + applied.testLoss() + " -> " + tuned.testLoss());
        assertNotEquals(Arrays.toString(applied.layers().get(0).weights()),
                Arrays.toString(tuned.layers().get(0).weights()), "the weights left keep learning");
    }

    @Test
    void appliedQuantizationPutsEveryWeightOnTheLevelsAndCanFreezeThem() throws Exception {
        TrainingSnapshot trained = trainedCircle();
        WhatIf w = WhatIf.none(trained.layers().size()).withQuantAll(QuantSpec.TERNARY);
        CompressionPreview p = CompressionPreview.compute(trained, w);
        CompressionApply.send(p, session, true);
        TrainingSnapshot applied = idle();
        for (int l = 0; l < applied.layers().size(); l++) {
            assertArrayEquals(p.after().weights(l), applied.layers().get(l).weights(), 0.0);
            assertTrue(WeightHistogram.levels(applied.layers().get(l).weights()) <= 3, "ternary has three levels");
        }
        session.runSteps(50);
        TrainingSnapshot later = idle();
        for (int l = 0; l < later.layers().size(); l++) {
            assertArrayEquals(p.after().weights(l), later.layers().get(l).weights(), 0.0, "frozen on the levels");
        }
    }

    @Test
    void previewLeavesTheRunBitIdentical() throws Exception {
        TrainingSnapshot trained = trainedCircle();
        WhatIf w = new WhatIf(0.9, PruneScope.LAYER, true, java.util.Collections.nCopies(trained.layers().size(),
                QuantSpec.BINARY));
        CompressionPreview p = CompressionPreview.compute(trained, w);
        assertTrue(p.sizeAfter().nonzero() < p.sizeBefore().nonzero());
        TrainingSnapshot after = idle();
        for (int l = 0; l < after.layers().size(); l++) {
            assertArrayEquals(trained.layers().get(l).weights(), after.layers().get(l).weights(), 0.0);
            assertArrayEquals(trained.layers().get(l).biases(), after.layers().get(l).biases(), 0.0);
        }
        assertEquals(21, p.sparsityCurve().size());
        assertEquals(7, p.bitsCurve().size());
    }
}
