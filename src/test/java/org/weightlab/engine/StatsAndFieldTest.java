package org.weightlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.LossKind;
import org.weightlab.engine.config.ProblemKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataSplit;

class StatsAndFieldTest {

    private static final DataSplit CIRCLE = TestData.circle(200, 0.5, 7);

    @Test
    void statsDescribeTheWeightsAndGradientsOfALayer() {
        Trainer t = new Trainer(RunConfig.defaults(), CIRCLE);
        t.runSteps(3);
        Layer l = t.network().layer(0);
        double[] w = l.weightsCopy();
        LayerStats s = t.stats(0);
        assertEquals(Arrays.stream(w).average().orElseThrow(), s.weightMean(), 1e-15);
        assertEquals(Arrays.stream(w).min().orElseThrow(), s.weightMin(), 0.0);
        assertEquals(Arrays.stream(w).max().orElseThrow(), s.weightMax(), 0.0);
        assertEquals(w.length, Arrays.stream(s.histogram()).sum());
        double g = Math.sqrt(Arrays.stream(l.weightGradientsCopy()).map(x -> x * x).sum());
        assertEquals(g, s.gradientNorm(), 1e-15);
        double u = Math.sqrt(Arrays.stream(l.weightUpdatesCopy()).map(x -> x * x).sum());
        double n = Math.sqrt(Arrays.stream(w).map(x -> x * x).sum());
        assertEquals(u / n, s.updateRatio(), 1e-15);
    }

    @Test
    void deadReluAndSaturatedTanhUnitsAreCounted() {
        RunConfig relu = RunConfig.defaults().withActivations(ActivationKind.RELU, ActivationKind.TANH, LossKind.MSE,
                ProblemKind.CLASSIFICATION);
        Trainer t = new Trainer(relu, CIRCLE);
        assertEquals(0, t.stats(0).deadCount());
        t.setBias(0, 1, -100); // z < 0 everywhere in [-6, 6]^2 for weights of size ~1
        t.setBias(0, 3, -100);
        assertEquals(2, t.stats(0).deadCount());

        Trainer tanh = new Trainer(RunConfig.defaults(), CIRCLE);
        tanh.setBias(1, 0, 50);
        assertEquals(1, tanh.stats(1).saturatedCount());
        assertEquals(0, tanh.stats(1).deadCount(), "tanh units are never dead");
    }

    @Test
    void fieldHoldsEveryNodeOverTheGridWithRowZeroAtTheTop() {
        RunConfig config = RunConfig.defaults().withFeatures(List.of(Feature.X1, Feature.X2, Feature.SIN_X1))
                .withActivations(ActivationKind.SIGMOID, ActivationKind.TANH, LossKind.MSE,
                        ProblemKind.CLASSIFICATION);
        Trainer t = new Trainer(config, CIRCLE);
        t.runEpochs(2);
        int grid = 30;
        float[][][] f = t.computeField(grid, -6, 6, null);
        assertEquals(4, f.length);
        assertEquals(3, f[0].length);
        assertEquals(4, f[1].length);
        assertEquals(1, f[3].length);
        double step = 12.0 / (grid - 1);
        for (int row : new int[]{0, 7, grid - 1}) {
            for (int col : new int[]{0, 13, grid - 1}) {
                double x1 = -6 + col * step;
                double x2 = 6 - row * step;
                int idx = row * grid + col;
                assertEquals(x1, f[0][0][idx], 1e-6);
                assertEquals(x2, f[0][1][idx], 1e-6);
                assertEquals(Math.sin(x1), f[0][2][idx], 1e-6);
                assertEquals(t.network().predict(x1, x2)[0], f[3][0][idx], 1e-6);
                Trace tr = t.trace(x1, x2, 1);
                assertEquals(tr.layer(0).a()[2], f[1][2][idx], 1e-6);
                assertEquals(tr.layer(1).a()[1], f[2][1][idx], 1e-6);
            }
        }
        assertSame(f, t.computeField(grid, -6, 6, f), "a fitting buffer is reused");
        assertThrows(IllegalArgumentException.class, () -> t.computeField(1, -6, 6, null));
    }
}
