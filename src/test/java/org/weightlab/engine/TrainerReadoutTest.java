package org.weightlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.OptimizerKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.engine.data.Dataset;

/** The read-only views of what the next step will use: its batch and the optimizer's memory. */
class TrainerReadoutTest {

    private static final DataSplit CIRCLE = TestData.circle(60, 0.5, 3); // 30 training examples

    /** The training examples {@code idx} of {@code data}, in that order, as a new unshuffled training set. */
    private static DataSplit only(DataSplit data, int[] idx) {
        double[] p = new double[2 * idx.length];
        double[] y = new double[idx.length];
        for (int k = 0; k < idx.length; k++) {
            p[2 * k] = data.train().x1(idx[k]);
            p[2 * k + 1] = data.train().x2(idx[k]);
            y[k] = data.train().labels()[idx[k]];
        }
        return new DataSplit(new Dataset(p, y), data.test());
    }

    @Test
    void nextBatchNamesTheExamplesTheStepUses() {
        RunConfig config = RunConfig.defaults().withBatch(7, true);
        Trainer t = new Trainer(config, CIRCLE);
        for (int s = 0; s < 9; s++) { // across epoch starts (30 = 7 + 7 + 7 + 7 + 2) and a short last batch
            int[] batch = t.nextBatch();
            // The same step taken by a run whose whole training set is that batch, in that order.
            Trainer alone = new Trainer(config.withBatch(batch.length, false), only(CIRCLE, batch),
                    t.network());
            alone.step();
            t.step();
            for (int l = 0; l < t.network().layerCount(); l++) {
                assertArrayEquals(alone.network().layer(l).weightsCopy(), t.network().layer(l).weightsCopy(), 0.0,
                        "step " + s + " layer " + l);
            }
        }
    }

    @Test
    void readingTheNextBatchChangesNothing() {
        RunConfig config = RunConfig.defaults().withBatch(8, true);
        Trainer peeked = new Trainer(config, CIRCLE);
        Trainer plain = new Trainer(config, CIRCLE);
        int[] seen = new int[CIRCLE.train().size()];
        for (int s = 0; s < 12; s++) {
            int[] a = peeked.nextBatch();
            int[] b = peeked.nextBatch();
            assertArrayEquals(a, b);
            if (s < 4) { // the first epoch: 8 + 8 + 8 + 6
                for (int e : a) {
                    seen[e]++;
                }
            }
            a[0] = -1; // a copy: writing it touches nothing
            assertEquals(Double.doubleToLongBits(plain.step().batchLoss()),
                    Double.doubleToLongBits(peeked.step().batchLoss()), "step " + s);
        }
        int[] once = new int[seen.length];
        Arrays.fill(once, 1);
        assertArrayEquals(once, seen, "one epoch's batches use every example once");
    }

    @Test
    void optimizerStateHoldsPyTorchsFirstStepValues() {
        OptimizerConfig adam = OptimizerConfig.defaults(OptimizerKind.ADAM, 0.01);
        Trainer t = new Trainer(RunConfig.defaults().withOptimizer(adam), CIRCLE);
        OptimizerState before = t.optimizerState();
        assertEquals(0L, before.weightState(0).steps(0));
        assertEquals(0.0, before.weightState(0).expAvg(0), 0.0);
        t.freezeWeight(1, 0, 1, true);
        t.step();
        OptimizerState s = t.optimizerState();
        assertEquals(t.network().layerCount(), s.layerCount());
        for (int l = 0; l < s.layerCount(); l++) {
            Layer layer = t.network().layer(l);
            double[] g = layer.weightGradientsCopy();
            OptimizerState.Slot w = s.weightState(l);
            assertEquals(g.length, w.size());
            for (int j = 0; j < g.length; j++) {
                boolean frozen = l == 1 && j == 1; // neuron 0, input 1 of layer 1
                assertEquals(frozen ? 0L : 1L, w.steps(j));
                assertEquals(frozen ? 0.0 : (1 - adam.beta1()) * g[j], w.expAvg(j), 0.0);
                assertEquals(frozen ? 0.0 : (1 - adam.beta2()) * (g[j] * g[j]), w.expAvgSq(j), 0.0);
                assertEquals(0.0, w.momentum(j), 0.0, "SGD's buffer was never made");
                assertFalse(w.hasMomentum(j));
            }
            double[] gb = layer.biasGradientsCopy();
            for (int o = 0; o < gb.length; o++) {
                assertEquals((1 - adam.beta1()) * gb[o], s.biasState(l).expAvg(o), 0.0);
            }
        }
        t.step();
        assertEquals(1L, s.weightState(0).steps(0), "the copy does not follow later steps");
        assertEquals(2L, t.optimizerState().weightState(0).steps(0));
        assertThrows(IllegalArgumentException.class, () -> s.weightState(s.layerCount()));
        assertThrows(IllegalArgumentException.class, () -> s.biasState(0).steps(s.biasState(0).size()));
    }

    @Test
    void momentumAndAdaGradStateFollowTheirRules() {
        OptimizerConfig sgd = OptimizerConfig.defaults(OptimizerKind.SGD, 0.05).withMomentum(0.9, false);
        Trainer t = new Trainer(RunConfig.defaults().withOptimizer(sgd), CIRCLE);
        t.step();
        double[] g1 = t.network().layer(0).weightGradientsCopy();
        OptimizerState.Slot first = t.optimizerState().weightState(0);
        t.step();
        double[] g2 = t.network().layer(0).weightGradientsCopy();
        OptimizerState.Slot second = t.optimizerState().weightState(0);
        for (int j = 0; j < g1.length; j++) {
            assertTrue(first.hasMomentum(j));
            assertEquals(g1[j], first.momentum(j), 0.0, "b = g on the first step");
            assertEquals(0.9 * g1[j] + g2[j], second.momentum(j), 0.0, "then b = mu b + g");
        }

        Trainer a = new Trainer(RunConfig.defaults().withOptimizer(OptimizerConfig.defaults(OptimizerKind.ADAGRAD,
                0.1)), CIRCLE);
        a.step();
        double[] h1 = a.network().layer(0).biasGradientsCopy();
        a.step();
        double[] h2 = a.network().layer(0).biasGradientsCopy();
        for (int o = 0; o < h1.length; o++) {
            assertEquals(h1[o] * h1[o] + h2[o] * h2[o], a.optimizerState().biasState(0).sum(o), 0.0);
        }
    }
}
