package org.weightlab.lessons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.weightlab.lessons.LessonRuns.bestTestEpoch;
import static org.weightlab.lessons.LessonRuns.finalTestLoss;
import static org.weightlab.lessons.LessonRuns.losses;
import static org.weightlab.lessons.LessonRuns.trainer;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.Checkpoint;
import org.weightlab.engine.Layer;
import org.weightlab.engine.Network;
import org.weightlab.engine.Trace;
import org.weightlab.engine.TraceLayer;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.InitKind;
import org.weightlab.engine.config.InitSpec;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.OptimizerKind;
import org.weightlab.engine.config.RegularizationConfig;
import org.weightlab.engine.config.RegularizationKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.scenario.Lesson;
import org.weightlab.scenario.Scenario;

/**
 * Each built-in lesson shows what its text promises: the lesson, and the variants its "try" text
 * asks for, run with the real engine from the lesson's own seed, and the effect asserted with a
 * margin. The margins were tuned on several seeds before each lesson's seed was pinned;
 * {@link LessonPhenomenaAcrossSeedsTest} reruns every check on other data seeds.
 */
class LessonPhenomenaTest {

    /** The built-in lesson as the gallery opens it. */
    Scenario lesson(String name) {
        return LessonRuns.lesson(name);
    }

    /** False when {@link #lesson} gives the lesson with another seed than its file's. */
    boolean pinnedSeed() {
        return true;
    }

    // ---- 1. linear regression ----------------------------------------------------------------

    @Test
    void linearRegressionFindsSlopeTwoAndInterceptOne() {
        Scenario s = lesson("linear-regression");
        assertTrue(s.config().hidden().isEmpty());
        assertEquals(List.of(Feature.X1), s.config().features());
        Trainer t = trainer(s);
        t.runEpochs(20);
        Layer neuron = t.network().layer(0);
        assertEquals(2.0, neuron.weight(0, 0), 0.05, "w");
        assertEquals(1.0, neuron.bias(0), 0.05, "b");
    }

    @Test
    void linearRegressionExplodesWithLearningRateThree() {
        Scenario s = lesson("linear-regression");
        RunConfig fast = s.config().withOptimizer(s.config().optimizer().withLearningRate(3));
        Trainer t = trainer(fast, s.initial());
        double before = t.evaluate().trainLoss();
        t.runEpochs(5);
        assertTrue(t.divergence() != null || t.evaluate().trainLoss() > 1e6 * before,
                "loss " + before + " -> " + t.evaluate().trainLoss());
    }

    // ---- 2. forward and backward -------------------------------------------------------------

    @Test
    void forwardBackwardTraceMatchesTheChainRuleByHand() {
        Scenario s = lesson("forward-backward");
        assertEquals(Lesson.Opens.STEPPER, s.lesson().opens());
        assertEquals(List.of(2), s.config().hidden());
        assertEquals(1, s.config().batchSize());
        assertFalse(s.config().shuffle());
        assertNotNull(s.initial(), "the lesson starts from weights written in the file");

        Trainer t = trainer(s);
        Trace trace = t.trace(0);
        double[][] w1 = s.initial().layers().get(0).weights();
        double[] b1 = s.initial().layers().get(0).biases();
        double[][] w2 = s.initial().layers().get(1).weights();
        double[] b2 = s.initial().layers().get(1).biases();
        var train = DataGenerator.generate(s.config()).train();
        double[] x = {train.x1(0), train.x2(0)};
        double y = train.label(0);

        // Forward, written out.
        double[] z1 = new double[2];
        double[] a1 = new double[2];
        for (int o = 0; o < 2; o++) {
            z1[o] = w1[o][0] * x[0] + w1[o][1] * x[1] + b1[o];
            a1[o] = Math.tanh(z1[o]);
        }
        double z2 = w2[0][0] * a1[0] + w2[0][1] * a1[1] + b2[0];
        double a2 = Math.tanh(z2);
        double loss = 0.5 * (a2 - y) * (a2 - y);
        // Backward: one chain-rule factor at a time.
        double dz2 = (a2 - y) * (1 - a2 * a2);
        double[] dz1 = new double[2];
        for (int o = 0; o < 2; o++) {
            dz1[o] = w2[0][o] * dz2 * (1 - a1[o] * a1[o]);
        }

        double tol = 1e-12;
        assertArrayEquals(z1, trace.layer(0).z(), tol);
        assertArrayEquals(a1, trace.layer(0).a(), tol);
        assertEquals(a2, trace.output().a()[0], tol);
        assertEquals(loss, trace.loss(), tol);
        assertEquals(dz2, trace.output().dLdz()[0], tol);
        assertArrayEquals(new double[]{dz2 * a1[0], dz2 * a1[1]}, trace.output().weightGradients(), tol);
        assertArrayEquals(dz1, trace.layer(0).dLdz(), tol);
        assertArrayEquals(new double[]{dz1[0] * x[0], dz1[0] * x[1], dz1[1] * x[0], dz1[1] * x[1]},
                trace.layer(0).weightGradients(), tol);

        // The step uses exactly this example: w <- w - 0.1 * gradient, and its loss goes down.
        double lr = s.config().optimizer().learningRate();
        t.step();
        TraceLayer first = trace.layer(0);
        for (int o = 0; o < 2; o++) {
            for (int i = 0; i < 2; i++) {
                assertEquals(w1[o][i] - lr * first.weightGradient(o, i), t.network().layer(0).weight(o, i), tol);
            }
        }
        assertTrue(t.trace(0).loss() < loss, "loss on the example " + loss + " -> " + t.trace(0).loss());
    }

    // ---- 3. learning rate --------------------------------------------------------------------

    @Test
    void learningRateTooSmallCrawlsAboutRightConvergesTooLargeDiverges() {
        RunConfig c = lesson("learning-rate").config();
        assertEquals(ActivationKind.LINEAR, c.outputActivation(), "a linear output lets a large rate blow up");
        Trainer right = trainer(c, null);
        right.runEpochs(30);
        Trainer small = trainer(c.withOptimizer(c.optimizer().withLearningRate(0.001)), null);
        double smallStart = small.evaluate().trainLoss();
        small.runEpochs(30);
        Trainer large = trainer(c.withOptimizer(c.optimizer().withLearningRate(3)), null);
        large.runEpochs(30);

        double rightLoss = right.evaluate().trainLoss();
        double smallLoss = small.evaluate().trainLoss();
        assertNull(right.divergence());
        assertTrue(right.evaluate().testAccuracy() >= 0.85, "accuracy at 0.1: " + right.evaluate().testAccuracy());
        assertTrue(smallLoss >= 3 * rightLoss, "0.001 ends at " + smallLoss + ", 0.1 at " + rightLoss);
        assertTrue(smallLoss >= 0.5 * smallStart, "0.001 hardly moves: " + smallStart + " -> " + smallLoss);
        assertNotNull(large.divergence(), "learning rate 3 diverges within 30 epochs");
    }

    // ---- 4. initialization -------------------------------------------------------------------

    @Test
    void zerosKeepHiddenUnitsIdenticalWhileRandomInitMakesThemDiffer() {
        RunConfig zeros = lesson("initialization").config();
        assertEquals(InitKind.ZEROS, zeros.init().kind());
        Trainer t = trainer(zeros, null);
        t.runEpochs(30);
        for (int l = 0; l < zeros.hidden().size(); l++) {
            assertTrue(maxRowDifference(t.network().layer(l)) <= 1e-12,
                    "hidden layer " + (l + 1) + " rows differ by " + maxRowDifference(t.network().layer(l)));
        }
        // It learned something (the rows moved together), yet cannot separate the circle.
        assertTrue(t.evaluate().testAccuracy() < 0.7, "accuracy " + t.evaluate().testAccuracy());

        Trainer xavier = trainer(zeros.withInit(InitSpec.XAVIER_UNIFORM, zeros.biasInit()), null);
        xavier.runEpochs(30);
        for (int l = 0; l < zeros.hidden().size(); l++) {
            assertTrue(maxRowDifference(xavier.network().layer(l)) > 0.1);
        }
    }

    @Test
    void tinyRandomWeightsStallWhileXavierAndHeLearn() {
        RunConfig c = lesson("initialization").config();
        Trainer tiny = trainer(c.withInit(InitSpec.normal(0.01), c.biasInit()), null);
        double tinyStart = tiny.evaluate().trainLoss();
        tiny.runEpochs(50);
        double tinyLoss = tiny.evaluate().trainLoss();
        assertTrue(maxRowDifference(tiny.network().layer(0)) > 0, "tiny random weights do break the symmetry");
        assertTrue(tinyLoss >= 0.95 * tinyStart, "tiny: " + tinyStart + " -> " + tinyLoss);
        for (InitKind k : new InitKind[]{InitKind.XAVIER_UNIFORM, InitKind.HE_NORMAL}) {
            Trainer t = trainer(c.withInit(InitSpec.of(k), c.biasInit()), null);
            t.runEpochs(50);
            assertTrue(t.evaluate().trainLoss() <= 0.6 * tinyLoss, k + ": " + t.evaluate().trainLoss());
        }
    }

    private static double maxRowDifference(Layer l) {
        double d = 0;
        for (int o = 1; o < l.outputs(); o++) {
            for (int i = 0; i < l.inputs(); i++) {
                d = Math.max(d, Math.abs(l.weight(o, i) - l.weight(0, i)));
            }
        }
        return d;
    }

    // ---- 5. overfitting ----------------------------------------------------------------------

    private static final int OVERFIT_EPOCHS = 200;

    @Test
    void overfittingTestLossTurnsUpWhileTrainLossKeepsFalling() {
        Trainer t = trainer(lesson("overfitting"));
        List<double[]> curve = losses(t, OVERFIT_EPOCHS);
        int best = bestTestEpoch(curve);
        double[] last = curve.get(curve.size() - 1);
        double minTest = curve.get(best)[1];
        assertTrue(best < OVERFIT_EPOCHS / 4, "lowest test loss at epoch " + (best + 1));
        assertTrue(last[1] >= 1.2 * minTest, "final test loss " + last[1] + ", lowest " + minTest);
        assertTrue(last[0] < 0.1 * curve.get(best)[0], "train loss " + curve.get(best)[0] + " at the best epoch, "
                + last[0] + " at the end");
    }

    @Test
    void overfittingMoreDataEndsWithALowerTestLoss() {
        RunConfig c = lesson("overfitting").config();
        double plain = finalTestLoss(c, OVERFIT_EPOCHS);
        double moreData = finalTestLoss(c.withData(c.samples(), c.noise(), 0.5, c.seed()), OVERFIT_EPOCHS);
        assertTrue(moreData < plain, "plain " + plain + ", more data " + moreData);
    }

    @Test
    void overfittingRemediesCutTheFinalTestLossAtTheLessonsSeed() {
        // With 30 training points, L2 0.03 and dropout 0.5 help on most data seeds but not all
        // (LessonPhenomenaAcrossSeedsTest): the lesson's seed shows them clearly.
        assumeTrue(pinnedSeed(), "checked at the lesson's own seed only");
        RunConfig c = lesson("overfitting").config();
        double plain = finalTestLoss(c, OVERFIT_EPOCHS);
        double l2 = finalTestLoss(c.withRegularization(new RegularizationConfig(RegularizationKind.L2, 0.03)),
                OVERFIT_EPOCHS);
        double dropout = finalTestLoss(c.withDropout(0.5), OVERFIT_EPOCHS);
        double moreData = finalTestLoss(c.withData(c.samples(), c.noise(), 0.5, c.seed()), OVERFIT_EPOCHS);
        String all = "plain " + plain + ", l2 " + l2 + ", dropout " + dropout + ", more data " + moreData;
        assertTrue(l2 <= 0.8 * plain, all);
        assertTrue(dropout <= 0.8 * plain, all);
        assertTrue(moreData <= 0.8 * plain, all);
    }

    @Test
    void earlyStoppingAtTheBestEpochKeepsTheLowestTestLoss() {
        Trainer t = trainer(lesson("overfitting"));
        double best = Double.POSITIVE_INFINITY;
        Checkpoint marker = null;
        for (int e = 0; e < OVERFIT_EPOCHS; e++) {
            t.runEpoch();
            if (t.evaluate().testLoss() < best) {
                best = t.evaluate().testLoss();
                marker = t.checkpoint();
            }
        }
        double last = t.evaluate().testLoss();
        t.restore(marker);
        assertEquals(best, t.evaluate().testLoss(), 0.0);
        assertTrue(best * 1.2 <= last);
    }

    // ---- 6. L1 versus L2 ---------------------------------------------------------------------

    @Test
    void l1DrivesManyMoreWeightsToZeroThanL2AtTheSameAccuracy() {
        RunConfig l1 = lesson("l1-vs-l2").config();
        assertEquals(RegularizationKind.L1, l1.regularization().kind());
        RunConfig l2 = l1.withRegularization(new RegularizationConfig(RegularizationKind.L2, l1.regularization().rate()));
        Trainer a = trainer(l1, null);
        a.runEpochs(1000);
        Trainer b = trainer(l2, null);
        b.runEpochs(1000);
        int weights = weightCount(a.network());
        int nearZeroL1 = nearZero(a.network());
        int nearZeroL2 = nearZero(b.network());
        assertTrue(nearZeroL1 >= weights / 2, "L1: " + nearZeroL1 + " of " + weights + " weights below 1e-3");
        assertTrue(nearZeroL1 >= 5 * Math.max(1, nearZeroL2), "L1 " + nearZeroL1 + ", L2 " + nearZeroL2);
        assertTrue(a.evaluate().testAccuracy() >= 0.95 && b.evaluate().testAccuracy() >= 0.95);
    }

    private static int nearZero(Network n) {
        int count = 0;
        for (int l = 0; l < n.layerCount(); l++) {
            for (double w : n.layer(l).weightsCopy()) {
                if (Math.abs(w) < 1e-3) {
                    count++;
                }
            }
        }
        return count;
    }

    private static int weightCount(Network n) {
        int count = 0;
        for (int l = 0; l < n.layerCount(); l++) {
            count += n.layer(l).inputs() * n.layer(l).outputs();
        }
        return count;
    }

    // ---- 7. vanishing gradients --------------------------------------------------------------

    @Test
    void deepSigmoidGradientsVanishButReluWithHeKeepsThem() {
        RunConfig sigmoid = lesson("vanishing-gradients").config();
        assertEquals(8, sigmoid.hidden().size());
        RunConfig relu = sigmoid.withActivations(ActivationKind.RELU, sigmoid.outputActivation(), sigmoid.loss(),
                        sigmoid.problem()).withInit(InitSpec.of(InitKind.HE_NORMAL), sigmoid.biasInit());
        double[] sig = firstToLastGradientRatios(sigmoid, 10);
        double[] rel = firstToLastGradientRatios(relu, 10);
        assertTrue(sig[1] <= 1e-3, "sigmoid: first/last gradient norm up to " + sig[1]);
        assertTrue(rel[0] >= 1e-2, "relu + he: first/last gradient norm down to " + rel[0]);

        Trainer s = trainer(sigmoid, null);
        s.runEpochs(30);
        Trainer r = trainer(relu, null);
        r.runEpochs(30);
        assertTrue(s.evaluate().trainLoss() >= 0.45, "sigmoid loss " + s.evaluate().trainLoss());
        assertTrue(r.evaluate().trainLoss() <= 0.1, "relu loss " + r.evaluate().trainLoss());
    }

    /** {min, max} over the first {@code steps} steps of |dL/dW| of the first layer over that of the last. */
    private static double[] firstToLastGradientRatios(RunConfig c, int steps) {
        Trainer t = trainer(c, null);
        int last = t.network().layerCount() - 1;
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int i = 0; i < steps; i++) {
            t.step();
            double ratio = t.stats(0).gradientNorm() / t.stats(last).gradientNorm();
            min = Math.min(min, ratio);
            max = Math.max(max, ratio);
        }
        return new double[]{min, max};
    }

    // ---- 8. optimizers -----------------------------------------------------------------------

    @Test
    void momentumAndAdamReachALowerLossThanSgdFromTheSameStart() {
        Scenario s = lesson("optimizers");
        assertNotNull(s.initial(), "every optimizer starts from the weights in the file");
        RunConfig c = s.config();
        assertEquals(OptimizerKind.SGD, c.optimizer().kind());
        double lr = c.optimizer().learningRate();
        double sgd = lossAfter(c, s, 15);
        double momentum = lossAfter(c.withOptimizer(c.optimizer().withMomentum(0.9, false)), s, 15);
        double adam = lossAfter(c.withOptimizer(OptimizerConfig.defaults(OptimizerKind.ADAM, lr)), s, 15);
        String all = "sgd " + sgd + ", momentum " + momentum + ", adam " + adam;
        assertTrue(momentum <= 0.6 * sgd, all);
        assertTrue(adam <= 0.6 * sgd, all);
    }

    private static double lossAfter(RunConfig c, Scenario s, int epochs) {
        Trainer t = trainer(c, s.initial());
        t.runEpochs(epochs);
        return t.evaluate().trainLoss();
    }

    // ---- 9. freezing and fine-tuning ---------------------------------------------------------

    @Test
    void frozenFirstLayerStaysBitIdenticalWhileTheRestLearnsTheNewData() {
        Scenario s = lesson("freezing");
        Trainer first = trainer(s);
        first.runEpochs(30);
        assertTrue(first.evaluate().testAccuracy() >= 0.8, "circle accuracy " + first.evaluate().testAccuracy());
        first.freezeLayer(0, true);

        RunConfig xor = s.config().withDataset(DatasetKind.XOR);
        Trainer second = new Trainer(xor, DataGenerator.generate(xor), first.network());
        double[] frozen = second.network().layer(0).weightsCopy();
        double[] frozenBiases = second.network().layer(0).biasesCopy();
        double[][] later = new double[second.network().layerCount()][];
        for (int l = 1; l < later.length; l++) {
            later[l] = second.network().layer(l).weightsCopy();
        }
        double before = second.evaluate().trainLoss();
        second.runEpochs(30);

        assertTrue(Arrays.equals(frozen, second.network().layer(0).weightsCopy()), "frozen weights moved");
        assertTrue(Arrays.equals(frozenBiases, second.network().layer(0).biasesCopy()), "frozen biases moved");
        for (int l = 1; l < later.length; l++) {
            assertFalse(Arrays.equals(later[l], second.network().layer(l).weightsCopy()), "layer " + l + " learns");
        }
        double after = second.evaluate().trainLoss();
        assertTrue(after <= 0.7 * before, "loss on xor " + before + " -> " + after);
    }

    // ---- 10. features ------------------------------------------------------------------------

    @Test
    void squaredFeaturesSeparateTheCircleWithoutHiddenLayers() {
        RunConfig squares = lesson("features").config();
        assertTrue(squares.hidden().isEmpty());
        assertEquals(List.of(Feature.X1_SQUARED, Feature.X2_SQUARED), squares.features());
        Trainer t = trainer(squares, null);
        t.runEpochs(20);
        Trainer plain = trainer(squares.withFeatures(List.of(Feature.X1, Feature.X2)), null);
        plain.runEpochs(20);
        assertTrue(t.evaluate().testAccuracy() >= 0.95, "x1^2, x2^2: " + t.evaluate().testAccuracy());
        assertTrue(plain.evaluate().testAccuracy() <= 0.75, "x1, x2: " + plain.evaluate().testAccuracy());
    }

    // ---- the two playground lessons ----------------------------------------------------------

    @Test
    void playgroundLessonsLearnTheirDatasets() {
        Trainer circle = trainer(lesson("circle-basics"));
        circle.runEpochs(100);
        assertTrue(circle.evaluate().testAccuracy() >= 0.9, "circle " + circle.evaluate().testAccuracy());
        Trainer xor = trainer(lesson("xor-product"));
        xor.runEpochs(20);
        assertTrue(xor.evaluate().testAccuracy() >= 0.9, "xor with x1*x2 " + xor.evaluate().testAccuracy());
    }
}
