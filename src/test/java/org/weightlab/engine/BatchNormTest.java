package org.weightlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
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

/** Batch normalization: values by hand, running statistics, evaluation mode, freezing, batches of one. */
class BatchNormTest {

    /** Circle data, 2 tanh layers of [4, 3], batch norm on both, 250 training examples in batches of 8. */
    private static RunConfig config(List<Boolean> flags) {
        RunConfig c = RunConfig.defaults().withHidden(List.of(4, 3), List.of()).withBatch(8, false)
                .withOptimizer(OptimizerConfig.defaults(OptimizerKind.SGD, 0.1));
        return c.withExtras(c.extras().withBatchNorm(flags));
    }

    @Test
    void aTinyBatchIsNormalizedByItsMeanAndBiasedVariance() {
        // z0 = x: 1, 2, 3, 6 (mean 3, biased variance 14/4 = 3.5); z1 = 2x + 1: 3, 5, 7, 13 (mean 7, variance 14)
        Layer hidden = Layer.of(1, 2, ActivationKind.LINEAR, new double[]{1, 2}, new double[]{0, 1}, null, null)
                .withBatchNorm(new double[]{2, 0.5}, new double[]{0.5, -1}, new double[2], new double[]{1, 1}, 0,
                        null, null);
        Layer out = Layer.of(2, 1, ActivationKind.LINEAR, new double[]{1, 1}, new double[]{0}, null, null);
        Network net = new Network(List.of(Feature.X1), LossKind.MSE, List.of(hidden, out));
        Workspace ws = new Workspace(net, 4, true);
        double[] x = {1, 2, 3, 6};
        System.arraycopy(x, 0, ws.x, 0, 4);
        net.forward(ws, 4, 0, null);
        double s0 = Math.sqrt(3.5 + 1e-5);
        double s1 = Math.sqrt(14 + 1e-5);
        double[] y0 = {2 * -2 / s0 + 0.5, 2 * -1 / s0 + 0.5, 0.5, 2 * 3 / s0 + 0.5};
        double[] y1 = {0.5 * -4 / s1 - 1, 0.5 * -2 / s1 - 1, -1, 0.5 * 6 / s1 - 1};
        for (int b = 0; b < 4; b++) {
            assertEquals(y0[b], ws.a[0][b], 1e-15, "unit 0, example " + b);
            assertEquals(y1[b], ws.a[0][4 + b], 1e-15, "unit 1, example " + b);
        }
        net.commitBatchStatistics(ws, 4);
        // running = 0.9 * start + 0.1 * batch, with the unbiased variance 14/3 and 56/3
        assertArrayEquals(new double[]{0.3, 0.7}, hidden.norm().runningMeanCopy(), 1e-15);
        assertArrayEquals(new double[]{0.9 + 0.1 * 14 / 3, 0.9 + 0.1 * 56 / 3}, hidden.norm().runningVarCopy(), 1e-14);
        assertArrayEquals(new double[]{3, 7}, hidden.norm().lastBatchMeanCopy(), 0);
        assertArrayEquals(new double[]{3.5, 14}, hidden.norm().lastBatchVarCopy(), 0);
        assertEquals(1, hidden.norm().batchesTracked());
    }

    @Test
    void runningStatisticsFollowEveryStepsBatch() {
        RunConfig c = config(List.of(true, true));
        DataSplit data = DataGenerator.generate(c);
        Trainer t = new Trainer(c, data);
        double[] mean = new double[4];
        double[] var = {1, 1, 1, 1};
        for (int s = 0; s < 40; s++) { // 31 full batches of 8 and a last one of 2, then into epoch 2
            int[] batch = t.nextBatch();
            Layer first = t.network().layer(0);
            int n = batch.length;
            for (int u = 0; u < 4; u++) {
                double[] z = new double[n];
                double sum = 0;
                for (int b = 0; b < n; b++) {
                    double x1 = data.train().x1(batch[b]);
                    double x2 = data.train().x2(batch[b]);
                    z[b] = first.bias(u) + first.weight(u, 0) * x1 + first.weight(u, 1) * x2;
                    sum += z[b];
                }
                double mu = sum / n;
                double sq = 0;
                for (double v : z) {
                    sq += (v - mu) * (v - mu);
                }
                mean[u] = 0.1 * mu + 0.9 * mean[u];
                var[u] = 0.1 * sq / (n - 1) + 0.9 * var[u];
            }
            t.step();
            BatchNorm bn = t.network().layer(0).norm();
            assertArrayEquals(mean, bn.runningMeanCopy(), 1e-12, "running mean after step " + (s + 1));
            assertArrayEquals(var, bn.runningVarCopy(), 1e-12, "running variance after step " + (s + 1));
            assertEquals(s + 1, bn.batchesTracked());
        }
    }

    @Test
    void evaluationUsesTheRunningStatisticsOneExampleAtATime() {
        RunConfig c = config(List.of(true, false)).withHidden(List.of(4), List.of());
        c = c.withExtras(c.extras().withBatchNorm(List.of(true)));
        Trainer t = new Trainer(c, DataGenerator.generate(c));
        t.runSteps(20);
        Network net = t.network().copy();
        Layer h = net.layer(0);
        Layer o = net.output();
        BatchNorm bn = h.norm();
        double x1 = 0.7;
        double x2 = -1.3;
        double out = o.bias(0);
        for (int u = 0; u < 4; u++) {
            double z = h.bias(u) + h.weight(u, 0) * x1 + h.weight(u, 1) * x2;
            double y = bn.gammaCopy()[u] * (z - bn.runningMeanCopy()[u]) / Math.sqrt(bn.runningVarCopy()[u] + 1e-5)
                    + bn.betaCopy()[u];
            out += o.weight(0, u) * Math.tanh(y);
        }
        assertEquals(Math.tanh(out), net.predict(x1, x2)[0], 1e-14);
        Trace trace = t.trace(x1, x2, 1);
        assertEquals(Math.tanh(out), trace.layers().get(1).a()[0], 1e-14, "the trace of one example evaluates too");
        double before = t.evaluate().testLoss();
        t.runSteps(0);
        assertEquals(before, t.evaluate().testLoss(), 0, "evaluating moves nothing");
        assertArrayEquals(bn.runningMeanCopy(), t.network().layer(0).norm().runningMeanCopy(), 0);
    }

    @Test
    void frozenGammaAndBetaDoNotMoveButTheirGradientsAreShown() {
        RunConfig c = config(List.of(true, true));
        Network start = Network.create(c);
        Layer l0 = start.layer(0);
        boolean[] gammaFrozen = {true, true, true, true};
        boolean[] betaFrozen = {false, true, false, true};
        Layer frozen = l0.withBatchNorm(new double[]{1.5, 1, 0.8, 1}, new double[]{0, 0.2, 0, -0.1}, new double[4],
                new double[]{1, 1, 1, 1}, 0, gammaFrozen, betaFrozen);
        Network net = new Network(start.features(), start.loss(), List.of(frozen, start.layer(1), start.output()));
        Trainer t = new Trainer(c, DataGenerator.generate(c), net);
        t.runSteps(15);
        BatchNorm bn = t.network().layer(0).norm();
        assertArrayEquals(new double[]{1.5, 1, 0.8, 1}, bn.gammaCopy(), 0);
        double[] beta = bn.betaCopy();
        assertEquals(0.2, beta[1], 0);
        assertEquals(-0.1, beta[3], 0);
        assertNotEquals(0.0, beta[0]);
        assertNotEquals(0.0, beta[2]);
        assertTrue(Arrays.stream(bn.gamma.gradsCopy()).anyMatch(g -> g != 0), "frozen gamma still has gradients");
        assertArrayEquals(gammaFrozen, bn.gamma.frozenCopy());
    }

    @Test
    void aTrainingBatchOfOneIsRefusedWithAClearMessage() {
        RunConfig ones = config(List.of(true, false)).withBatch(1, true);
        DataSplit data = DataGenerator.generate(ones);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Trainer(ones, data));
        assertTrue(e.getMessage().contains("at least 2 examples"), e.getMessage());
        // 250 training examples in batches of 3: the last batch holds 1
        RunConfig threes = config(List.of(true, false)).withBatch(3, true);
        e = assertThrows(IllegalArgumentException.class, () -> new Trainer(threes, data));
        assertTrue(e.getMessage().contains("last batch of 1"), e.getMessage());
        Trainer t = new Trainer(config(List.of(true, false)), data);
        assertThrows(IllegalArgumentException.class, () -> t.updateHyperparameters(threes));
        assertEquals(8, t.config().batchSize(), "the refused change left the run as it was");
        // without batch normalization the same batches are fine
        new Trainer(config(List.of()).withBatch(3, true), data).runEpoch();
        // and the module itself never divides by a zero variance
        Network net = Network.create(config(List.of(true, true)));
        Workspace one = new Workspace(net, 1, true);
        e = assertThrows(IllegalArgumentException.class, () -> net.forward(one, 1, 0, null));
        assertEquals(BatchNorm.ONE_EXAMPLE, e.getMessage());
    }

    @Test
    void aCheckpointCarriesTheRunningStatistics() {
        RunConfig c = config(List.of(false, true));
        Trainer t = new Trainer(c, DataGenerator.generate(c));
        t.runSteps(5);
        Checkpoint cp = t.checkpoint();
        t.runSteps(7);
        double[] mean = t.network().layer(1).norm().runningMeanCopy();
        double[] var = t.network().layer(1).norm().runningVarCopy();
        double loss = t.evaluate().testLoss();
        t.restore(cp);
        assertEquals(5, t.network().layer(1).norm().batchesTracked());
        t.runSteps(7);
        assertArrayEquals(mean, t.network().layer(1).norm().runningMeanCopy(), 0);
        assertArrayEquals(var, t.network().layer(1).norm().runningVarCopy(), 0);
        assertEquals(loss, t.evaluate().testLoss(), 0);
        assertEquals(null, t.network().layer(0).norm(), "layer 0 is not normalized");
    }

    @Test
    void aNetworkWithoutBatchNormHasOnlyWeightsAndBiases() {
        Network net = Network.create(config(List.of(false, false)));
        assertEquals(6, net.parameters().size());
        assertTrue(!net.hasBatchNorm());
        Network normed = Network.create(config(List.of(true, false)));
        assertEquals(List.of("weight", "bias", "gamma", "beta", "weight", "bias", "weight", "bias"),
                normed.parameters().stream().map(Parameter::name).toList());
        assertArrayEquals(net.layer(0).weightsCopy(), normed.layer(0).weightsCopy(), 0,
                "batch norm draws nothing from the weights' stream");
    }
}
