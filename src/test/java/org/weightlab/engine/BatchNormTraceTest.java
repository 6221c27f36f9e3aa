package org.weightlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.LossKind;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.OptimizerKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.engine.data.Dataset;

/** One example's view of a batch-normalized layer in a training batch: by hand, and as the engine's step. */
class BatchNormTraceTest {

    @Test
    void aTinyBatchGivesTheExampleItsBatchsMeanVarianceAndNormalizedValue() {
        // z0 = x: 1, 2, 3, 6 (mean 3, biased variance 3.5); z1 = 2x + 1: 3, 5, 7, 13 (mean 7, variance 14)
        Layer hidden = Layer.of(1, 2, ActivationKind.LINEAR, new double[]{1, 2}, new double[]{0, 1}, null, null)
                .withBatchNorm(new double[]{2, 0.5}, new double[]{0.5, -1}, new double[]{0.25, 1}, new double[]{1, 2},
                        0, null, null);
        Layer out = Layer.of(2, 1, ActivationKind.LINEAR, new double[]{1, 1}, new double[]{0}, null, null);
        Network net = new Network(List.of(Feature.X1), LossKind.MSE, List.of(hidden, out));
        Dataset train = new Dataset(new double[]{6, 0, 1, 0, 2, 0, 3, 0}, new double[]{1, 0, 0, 1}, 2);
        // the batch in the order 1, 2, 3, 6 (training rows 1, 2, 3, 0); the walked example is x = 6
        BatchNormTrace t = BatchNormTrace.ofBatch(net, List.of(Feature.X1), train, new int[]{1, 2, 3, 0}, 3, 4)
                .get(0);
        assertEquals(0, t.layer());
        assertEquals(4, t.batchSize());
        assertArrayEquals(new double[]{6, 13}, t.z(), 0);
        assertArrayEquals(new double[]{3, 7}, t.mean(), 0);
        assertArrayEquals(new double[]{3.5, 14}, t.variance(), 0);
        double h0 = 3 / Math.sqrt(3.5 + 1e-5);
        double h1 = 6 / Math.sqrt(14 + 1e-5);
        assertArrayEquals(new double[]{h0, h1}, t.zhat(), 1e-15);
        assertArrayEquals(new double[]{2 * h0 + 0.5, 0.5 * h1 - 1}, t.y(), 1e-15);
        assertArrayEquals(new double[]{0.25, 1}, t.runningMean(), 0);
        assertEquals(2 * (6 - 0.25) / Math.sqrt(1 + 1e-5) + 0.5, t.evaluationY(0), 1e-14);
        assertEquals(0.5 * (13 - 1) / Math.sqrt(2 + 1e-5) - 1, t.evaluationY(1), 1e-14);
        // nothing moved: the running statistics are the layer's own
        assertArrayEquals(new double[]{0.25, 1}, hidden.norm().runningMeanCopy(), 0);
        assertThrows(IllegalArgumentException.class,
                () -> BatchNormTrace.ofBatch(net, List.of(Feature.X1), train, new int[]{2}, 0, 4));
    }

    @Test
    void theBatchNumbersAreTheOnesTheEnginesStepUses() {
        RunConfig c = RunConfig.defaults().withHidden(List.of(4, 3), List.of()).withBatch(8, true)
                .withOptimizer(OptimizerConfig.defaults(OptimizerKind.SGD, 0.1));
        c = c.withExtras(c.extras().withBatchNorm(List.of(true, true)));
        DataSplit data = DataGenerator.generate(c);
        Trainer t = new Trainer(c, data);
        t.runSteps(5);
        int[] batch = t.nextBatch();
        List<BatchNormTrace> seen = BatchNormTrace.ofBatch(t.network(), c.features(), data.train(), batch, 2,
                c.batchSize());
        assertEquals(2, seen.size(), "both hidden layers are normalized");
        // the walked example's y feeds a = f(y): equal to a trace of the same batch position? check z by hand
        Layer h = t.network().layer(0);
        Dataset train = data.train();
        for (int u = 0; u < 4; u++) {
            double z = h.bias(u) + h.weight(u, 0) * train.x1(batch[2]) + h.weight(u, 1) * train.x2(batch[2]);
            assertEquals(z, seen.get(0).z()[u], 1e-14, "raw z of unit " + u);
        }
        t.step();
        for (int l = 0; l < 2; l++) {
            BatchNorm bn = t.network().layer(l).norm();
            assertArrayEquals(bn.lastBatchMeanCopy(), seen.get(l).mean(), 0, "layer " + l + ": the step's batch mean");
            assertArrayEquals(bn.lastBatchVarCopy(), seen.get(l).variance(), 0, "layer " + l + ": its variance");
        }
        assertTrue(seen.get(1).units() == 3);
    }
}
