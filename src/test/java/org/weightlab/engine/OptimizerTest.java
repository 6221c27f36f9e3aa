package org.weightlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.OptimizerKind;
import org.weightlab.engine.config.RunConfig;

/**
 * Two steps of each optimizer on one parameter p0 = 1 with gradients 0.5 then -0.2, against values
 * worked out by hand from PyTorch's documented formulas. A second, frozen entry must not move.
 */
class OptimizerTest {

    private static final double TOL = 1e-12;

    /** Runs two steps with learning rates lr1, lr2; returns {p after step 1, p after step 2}. */
    private static double[] twoSteps(OptimizerConfig c, double lr1, double lr2) {
        OptimizerState.Slot slot = new OptimizerState.Slot(2);
        double[] p = {1.0, 1.0};
        boolean[] frozen = {false, true};
        double[] next = new double[2];
        Optimizer.update(c, lr1, slot, p, new double[]{0.5, 0.5}, frozen, next, true);
        System.arraycopy(next, 0, p, 0, 2);
        double first = p[0];
        Optimizer.update(c, lr2, slot, p, new double[]{-0.2, -0.2}, frozen, next, true);
        assertEquals(1.0, next[1], 0.0, "a frozen entry keeps its value");
        return new double[]{first, next[0]};
    }

    @Test
    void plainSgdSubtractsLearningRateTimesGradient() {
        double[] p = twoSteps(OptimizerConfig.defaults(OptimizerKind.SGD, 0.1), 0.1, 0.1);
        assertEquals(0.95, p[0], TOL);          // 1 - 0.1 * 0.5
        assertEquals(0.97, p[1], TOL);          // 0.95 + 0.1 * 0.2
    }

    @Test
    void sgdMomentumStartsTheBufferAtTheFirstGradient() {
        double[] p = twoSteps(OptimizerConfig.defaults(OptimizerKind.SGD, 0.1).withMomentum(0.9, false), 0.1, 0.1);
        assertEquals(0.95, p[0], TOL);          // b = 0.5
        assertEquals(0.925, p[1], TOL);         // b = 0.9 * 0.5 - 0.2 = 0.25; 0.95 - 0.025
    }

    @Test
    void nesterovLooksAhead() {
        double[] p = twoSteps(OptimizerConfig.defaults(OptimizerKind.SGD, 0.1).withMomentum(0.9, true), 0.1, 0.1);
        assertEquals(0.905, p[0], TOL);         // g' = 0.5 + 0.9 * 0.5 = 0.95
        assertEquals(0.9025, p[1], TOL);        // b = 0.25, g' = -0.2 + 0.225 = 0.025
    }

    @Test
    void adagradDividesByTheRootOfTheSummedSquares() {
        double[] p = twoSteps(OptimizerConfig.defaults(OptimizerKind.ADAGRAD, 0.1), 0.1, 0.1);
        assertEquals(0.90000000002, p[0], TOL);             // 1 - 0.1 * 0.5 / (0.5 + 1e-10)
        assertEquals(0.9371390676485138, p[1], TOL);        // + 0.1 * 0.2 / (sqrt(0.29) + 1e-10)
    }

    @Test
    void rmspropWithoutMomentum() {
        double[] p = twoSteps(OptimizerConfig.defaults(OptimizerKind.RMSPROP, 0.01), 0.01, 0.01);
        // v1 = 0.01 * 0.25 = 0.0025, step 0.01 * 0.5 / (0.05 + 1e-8)
        assertEquals(1 - 0.01 * 0.5 / (0.05 + 1e-8), p[0], TOL);
        // v2 = 0.99 * 0.0025 + 0.01 * 0.04 = 0.002875
        assertEquals(0.9373002053730881, p[1], TOL);
    }

    @Test
    void rmspropWithMomentum() {
        double[] p = twoSteps(OptimizerConfig.defaults(OptimizerKind.RMSPROP, 0.01).withMomentum(0.9, false),
                0.01, 0.01);
        assertEquals(0.8473002233730845, p[1], TOL); // b2 = 0.9 b1 + g2 / (sqrt(v2) + eps)
    }

    @Test
    void adamKeepsItsMomentsWhenTheLearningRateChanges() {
        double[] p = twoSteps(OptimizerConfig.defaults(OptimizerKind.ADAM, 0.1), 0.1, 0.05);
        // t=1: m = 0.05, v = 0.00025, m^ = 0.5, v^ = 0.25: step 0.1 * 0.5 / (0.5 + 1e-8)
        assertEquals(1 - 0.1 * 0.5 / (0.5 + 1e-8), p[0], TOL);
        // t=2 at lr 0.05: m = 0.025, v = 0.00028975, m^ = 0.025 / 0.19, v^ = 0.00028975 / 0.001999
        assertEquals(0.8827197100582552, p[1], TOL);
    }

    @Test
    void adamwDecaysTheWeightBeforeTheAdamStep() {
        OptimizerConfig c = OptimizerConfig.defaults(OptimizerKind.ADAMW, 0.1);
        assertEquals(0.01, c.weightDecay());
        double[] p = twoSteps(c, 0.1, 0.05);
        assertEquals(1 * (1 - 0.1 * 0.01) - 0.1 * 0.5 / (0.5 + 1e-8), p[0], TOL);
        assertEquals(0.8812702100572553, p[1], TOL);
    }

    @Test
    void previewDoesNotTouchTheState() {
        OptimizerConfig c = OptimizerConfig.defaults(OptimizerKind.ADAM, 0.1);
        OptimizerState.Slot slot = new OptimizerState.Slot(1);
        double[] next = new double[1];
        Optimizer.update(c, 0.1, slot, new double[]{1}, new double[]{0.5}, new boolean[1], next, false);
        double previewed = next[0];
        Optimizer.update(c, 0.1, slot, new double[]{1}, new double[]{0.5}, new boolean[1], next, true);
        assertEquals(previewed, next[0], 0.0);
        Optimizer.update(c, 0.1, slot, new double[]{1}, new double[]{0.5}, new boolean[1], next, true);
        assertNotEquals(previewed, next[0], "the second committed step sees t = 2");
    }

    @Test
    void trainerKeepsAdamStateAcrossALearningRateChange() {
        RunConfig config = RunConfig.defaults().withOptimizer(OptimizerConfig.defaults(OptimizerKind.ADAM, 0.01))
                .withBatch(10, false);
        Trainer t = new Trainer(config, TestData.circle(100, 0.5, 3));
        double b1 = 0.9;
        double b2 = 0.999;
        double m = 0;
        double v = 0;
        for (int s = 1; s <= 5; s++) {
            t.step();
            double g = t.network().layer(1).weightGradient(0, 1);
            m = b1 * m + (1 - b1) * g;
            v = b2 * v + (1 - b2) * g * g;
        }
        t.updateHyperparameters(config.withOptimizer(config.optimizer().withLearningRate(0.002)));
        double before = t.network().layer(1).weight(0, 1);
        t.step();
        double g = t.network().layer(1).weightGradient(0, 1);
        m = b1 * m + (1 - b1) * g;
        v = b2 * v + (1 - b2) * g * g;
        double expected = before - 0.002 * (m / (1 - Math.pow(b1, 6))) / (Math.sqrt(v / (1 - Math.pow(b2, 6))) + 1e-8);
        assertEquals(expected, t.network().layer(1).weight(0, 1), 1e-15);
    }
}
