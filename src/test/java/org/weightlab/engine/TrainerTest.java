package org.weightlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.InitSpec;
import org.weightlab.engine.config.LossKind;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.OptimizerKind;
import org.weightlab.engine.config.ProblemKind;
import org.weightlab.engine.config.RegularizationConfig;
import org.weightlab.engine.config.RegularizationKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataSplit;

class TrainerTest {

    private static final DataSplit CIRCLE = TestData.circle(200, 0.5, 7);

    private static RunConfig busyConfig() {
        return RunConfig.defaults().withFeatures(List.of(Feature.X1, Feature.X2, Feature.X1_SQUARED))
                .withHidden(List.of(5, 3), List.of())
                .withOptimizer(OptimizerConfig.defaults(OptimizerKind.ADAM, 0.01))
                .withRegularization(new RegularizationConfig(RegularizationKind.L2, 0.001))
                .withDropout(0.2).withBatch(8, true);
    }

    private static void assertSameWeights(Network a, Network b) {
        for (int l = 0; l < a.layerCount(); l++) {
            assertArrayEquals(a.layer(l).weightsCopy(), b.layer(l).weightsCopy(), 0.0, "weights of layer " + l);
            assertArrayEquals(a.layer(l).biasesCopy(), b.layer(l).biasesCopy(), 0.0, "biases of layer " + l);
        }
    }

    static RunConfig config(DatasetKind dataset, ProblemKind problem, ActivationKind out, LossKind loss) {
        RunConfig d = RunConfig.defaults();
        return new RunConfig(dataset, d.samples(), d.noise(), d.trainFraction(), d.seed(), d.features(), problem,
                d.hidden(), d.activation(), d.layerActivations(), out, loss, d.init(), d.biasInit(), d.optimizer(),
                d.regularization(), d.schedule(), d.batchSize(), d.shuffle(), d.dropout());
    }

    @Test
    void sameConfigGivesBitIdenticalRuns() {
        Trainer a = new Trainer(busyConfig(), CIRCLE);
        Trainer b = new Trainer(busyConfig(), CIRCLE);
        for (int s = 0; s < 60; s++) {
            assertEquals(Double.doubleToLongBits(a.step().batchLoss()), Double.doubleToLongBits(b.step().batchLoss()));
        }
        assertSameWeights(a.network(), b.network());
        assertEquals(a.evaluate(), b.evaluate());
        Trainer c = new Trainer(busyConfig().withData(200, 0, 0.5, 2), CIRCLE);
        assertNotEquals(a.network().layer(0).weight(0, 0), c.network().layer(0).weight(0, 0),
                "another seed gives other initial weights");
    }

    @Test
    void trainingLowersTheLossOnTheCircle() {
        RunConfig config = RunConfig.defaults().withFeatures(List.of(Feature.X1_SQUARED, Feature.X2_SQUARED));
        Trainer t = new Trainer(config, CIRCLE);
        double before = t.evaluate().trainLoss();
        t.runEpochs(40);
        Evaluation e = t.evaluate();
        assertTrue(e.trainLoss() < before / 2, "loss " + before + " -> " + e.trainLoss());
        assertTrue(e.trainAccuracy() > 0.9, "accuracy " + e.trainAccuracy());
        assertEquals(40, t.epochCount());
        assertEquals(40L * 10, t.stepCount()); // 100 training examples, batch 10
    }

    @Test
    void unshuffledBatchesAreConsecutiveSlicesAndTheLastMayBeSmaller() {
        DataSplit data = TestData.circle(50, 0.5, 1); // 25 training examples
        RunConfig config = RunConfig.defaults().withBatch(10, false);
        Trainer t = new Trainer(config, data);
        // The mean of the per-example traces of examples 0..9 is the first step's gradient.
        double[] mean = new double[t.network().layer(0).weightsCopy().length];
        for (int i = 0; i < 10; i++) {
            double[] g = t.trace(i).layer(0).weightGradients();
            for (int j = 0; j < mean.length; j++) {
                mean[j] += g[j] / 10;
            }
        }
        StepResult r = t.step();
        assertEquals(10, r.batchSize());
        assertArrayEquals(mean, t.network().layer(0).weightGradientsCopy(), 1e-15);
        assertEquals(10, t.step().batchSize());
        StepResult last = t.step();
        assertEquals(5, last.batchSize());
        assertTrue(last.epochEnded());
        assertEquals(1, t.epochCount());
    }

    @Test
    void frozenWeightsStayExactlyPutWhileOthersLearn() {
        Trainer t = new Trainer(busyConfig().withDropout(0), CIRCLE);
        t.freezeWeight(0, 1, 2, true);
        t.freezeNeuron(1, 0, true);
        t.freezeLayer(2, true);
        t.freezeBias(0, 3, true);
        Network start = t.network().copy();
        t.runSteps(100);
        Network end = t.network();
        assertEquals(start.layer(0).weight(1, 2), end.layer(0).weight(1, 2), 0.0);
        assertEquals(start.layer(0).bias(3), end.layer(0).bias(3), 0.0);
        for (int i = 0; i < 5; i++) {
            assertEquals(start.layer(1).weight(0, i), end.layer(1).weight(0, i), 0.0);
        }
        assertEquals(start.layer(1).bias(0), end.layer(1).bias(0), 0.0);
        assertArrayEquals(start.layer(2).weightsCopy(), end.layer(2).weightsCopy(), 0.0);
        assertArrayEquals(start.layer(2).biasesCopy(), end.layer(2).biasesCopy(), 0.0);
        assertNotEquals(start.layer(0).weight(1, 1), end.layer(0).weight(1, 1));
        assertNotEquals(start.layer(1).weight(1, 0), end.layer(1).weight(1, 0));
        assertNotEquals(0.0, end.layer(2).weightGradient(0, 0), "frozen gradients are still computed");
        assertEquals(0.0, end.layer(2).weightUpdatesCopy()[0], 0.0);
        // Its optimizer state did not move either: thawing starts Adam at t = 1 for it.
        OptimizerState.Slot s = trainerState(t).weightState(2);
        assertEquals(0L, s.steps[0]);
        assertEquals(0.0, s.expAvg[0], 0.0);
    }

    private static OptimizerState trainerState(Trainer t) {
        return t.checkpoint().optimizer;
    }

    @Test
    void editingAWeightChangesOnlyThatWeight() {
        Trainer t = new Trainer(RunConfig.defaults(), CIRCLE);
        Network before = t.network().copy();
        t.setWeight(1, 1, 0, 0.75);
        t.setBias(2, 0, -0.5);
        assertEquals(0.75, t.network().layer(1).weight(1, 0));
        assertEquals(-0.5, t.network().layer(2).bias(0));
        assertEquals(before.layer(1).weight(0, 0), t.network().layer(1).weight(0, 0));
        assertThrows(IllegalArgumentException.class, () -> t.setWeight(1, 1, 0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> t.setWeight(1, 2, 0, 1));
        assertEquals(0.75, t.network().layer(1).weight(1, 0), "a refused edit changes nothing");
    }

    @Test
    void aHugeLearningRateDivergesAndKeepsTheLastFiniteWeights() {
        RunConfig config = RunConfig.defaults().withActivations(ActivationKind.RELU, ActivationKind.LINEAR,
                LossKind.MSE, ProblemKind.CLASSIFICATION).withHidden(List.of(8, 8), List.of())
                .withOptimizer(OptimizerConfig.defaults(OptimizerKind.SGD, 10));
        Trainer t = new Trainer(config, CIRCLE);
        Checkpoint lastGood = null;
        StepResult r = null;
        for (int s = 0; s < 1000 && t.divergence() == null; s++) {
            lastGood = t.checkpoint();
            r = t.step();
        }
        assertNotNull(t.divergence(), "lr 10 on a relu net must diverge");
        assertTrue(r.diverged());
        assertEquals(t.stepCount() + 1, t.divergence().step());
        assertTrue(t.divergence().message().contains("not finite"), t.divergence().message());
        for (int l = 0; l < t.network().layerCount(); l++) {
            for (double w : t.network().layer(l).weightsCopy()) {
                assertTrue(Double.isFinite(w));
            }
        }
        assertSameWeights(lastGood.network(), t.network());
        long steps = t.stepCount();
        assertTrue(t.step().diverged());
        assertEquals(steps, t.stepCount(), "no step runs once diverged");
        t.clearDivergence();
        assertNull(t.divergence());
    }

    @Test
    void traceIsExactlyWhatAOneExampleStepDoes() {
        RunConfig config = busyConfig().withBatch(1, false)
                .withOptimizer(OptimizerConfig.defaults(OptimizerKind.SGD, 0.05).withMomentum(0.9, true));
        Trainer t = new Trainer(config, CIRCLE);
        t.freezeWeight(0, 0, 0, true);
        t.runSteps(7); // momentum buffers and dropout generator are mid-run
        Trace trace = t.trace(7);
        Network before = t.network().copy();
        StepResult r = t.step();
        assertEquals(Double.doubleToLongBits(trace.loss()), Double.doubleToLongBits(r.batchLoss()));
        for (int l = 0; l < before.layerCount(); l++) {
            TraceLayer tl = trace.layer(l);
            Layer now = t.network().layer(l);
            assertArrayEquals(tl.newWeights(), now.weightsCopy(), 0.0);
            assertArrayEquals(tl.newBiases(), now.biasesCopy(), 0.0);
            assertArrayEquals(tl.weightUpdates(), now.weightUpdatesCopy(), 0.0);
            assertArrayEquals(tl.biasUpdates(), now.biasUpdatesCopy(), 0.0);
            assertArrayEquals(tl.weightGradients(), now.weightGradientsCopy(), 0.0);
            assertArrayEquals(tl.biasGradients(), now.biasGradientsCopy(), 0.0);
        }
        assertEquals(0.0, trace.layer(0).weightUpdate(0, 0), 0.0, "frozen");
    }

    @Test
    void traceRecordsTheForwardAndBackwardNumbers() {
        RunConfig config = RunConfig.defaults().withRegularization(new RegularizationConfig(RegularizationKind.L2, 0.1));
        Trainer t = new Trainer(config, CIRCLE);
        Network net = t.network();
        Trace trace = t.trace(1.5, -2.0, 1);
        assertArrayEquals(new double[]{1.5, -2.0}, trace.features(), 0.0);
        Layer first = net.layer(0);
        double z = first.bias(2) + first.weight(2, 0) * 1.5 + first.weight(2, 1) * -2.0;
        assertEquals(z, trace.layer(0).z()[2], 1e-15);
        assertEquals(Math.tanh(z), trace.layer(0).a()[2], 1e-15);
        double out = trace.output().a()[0];
        assertEquals(0.5 * (out - 1) * (out - 1), trace.loss(), 1e-15);
        assertEquals(out - 1, trace.output().dLda()[0], 1e-15);
        assertEquals((out - 1) * (1 - out * out), trace.output().dLdz()[0], 1e-15);
        double a1 = trace.layer(1).a()[1];
        assertEquals(trace.output().dLdz()[0] * a1, trace.output().dataWeightGradients()[1], 0.0);
        assertEquals(trace.output().dataWeightGradients()[1] + 0.1 * net.layer(2).weight(0, 1),
                trace.output().weightGradients()[1], 1e-17);
        assertEquals(-0.03 * trace.output().weightGradients()[1], trace.output().weightUpdates()[1], 1e-16);
        assertEquals(0, t.stepCount(), "a trace changes nothing");
    }

    @Test
    void restoringACheckpointReproducesTheContinuationBitForBit() {
        Trainer t = new Trainer(busyConfig(), CIRCLE);
        t.runSteps(17); // mid-epoch, shuffled, with dropout and Adam state
        Checkpoint c = t.checkpoint();
        double[] losses = new double[30];
        for (int s = 0; s < 30; s++) {
            losses[s] = t.step().batchLoss();
        }
        Network after = t.network().copy();
        t.freezeLayer(0, true);
        t.updateHyperparameters(t.config().withOptimizer(t.config().optimizer().withLearningRate(0.5)));
        t.runSteps(5);
        t.restore(c);
        assertEquals(17, t.stepCount());
        for (int s = 0; s < 30; s++) {
            assertEquals(Double.doubleToLongBits(losses[s]), Double.doubleToLongBits(t.step().batchLoss()));
        }
        assertSameWeights(after, t.network());
        assertTrue(c.byteSize() > 0);
        // A fresh trainer restored from the checkpoint continues the same way too.
        Trainer other = new Trainer(busyConfig(), CIRCLE);
        other.restore(c);
        other.runSteps(30);
        assertSameWeights(after, other.network());
    }

    @Test
    void hyperparameterChangesApplyLiveButTopologyChangesNeedARebuild() {
        RunConfig a = RunConfig.defaults();
        Trainer t = new Trainer(a, CIRCLE);
        t.runSteps(3);
        RunConfig faster = a.withOptimizer(a.optimizer().withLearningRate(0.3)).withBatch(4, false).withDropout(0.1)
                .withRegularization(new RegularizationConfig(RegularizationKind.L1, 0.01));
        assertFalse(Trainer.needsRebuild(a, faster));
        t.updateHyperparameters(faster);
        assertEquals(0.3, t.learningRate());
        assertEquals(4, t.step().batchSize());
        assertEquals(4, t.stepCount());
        assertTrue(Trainer.needsRebuild(a, a.withHidden(List.of(3), List.of())));
        assertTrue(Trainer.needsRebuild(a, a.withInit(InitSpec.ZEROS, InitSpec.ZEROS)));
        assertTrue(Trainer.needsRebuild(a, a.withFeatures(List.of(Feature.X1))));
        assertThrows(IllegalArgumentException.class, () -> t.updateHyperparameters(a.withHidden(List.of(3), List.of())));
        assertEquals(faster, t.config(), "a refused change changes nothing");
    }

    @Test
    void evaluationReportsDataLossAndPenaltySeparately() {
        RunConfig config = RunConfig.defaults().withRegularization(new RegularizationConfig(RegularizationKind.L2, 0.5));
        Trainer t = new Trainer(config, CIRCLE);
        Evaluation e = t.evaluate();
        double sq = 0;
        for (int l = 0; l < 3; l++) {
            for (double w : t.network().layer(l).weightsCopy()) {
                sq += w * w;
            }
        }
        assertEquals(0.25 * sq, e.penalty(), 1e-12);
        double loss = 0;
        int correct = 0;
        for (int i = 0; i < CIRCLE.test().size(); i++) {
            double out = t.network().predict(CIRCLE.test().x1(i), CIRCLE.test().x2(i))[0];
            double y = CIRCLE.test().label(i);
            loss += 0.5 * (out - y) * (out - y);
            correct += (out > 0) == (y > 0) ? 1 : 0;
        }
        assertEquals(loss / CIRCLE.test().size(), e.testLoss(), 1e-12);
        assertEquals((double) correct / CIRCLE.test().size(), e.testAccuracy(), 0.0);
    }

    @Test
    void regressionHasNoAccuracyAndThreeClassesUseArgmax() {
        RunConfig plane = config(DatasetKind.PLANE, ProblemKind.REGRESSION, ActivationKind.LINEAR, LossKind.MSE);
        Trainer r = new Trainer(plane, TestData.plane(100, 2));
        double before = r.evaluate().trainLoss();
        r.runEpochs(20);
        assertTrue(Double.isNaN(r.evaluate().trainAccuracy()));
        assertTrue(r.evaluate().trainLoss() < before / 3, "plane loss " + before + " -> " + r.evaluate().trainLoss());

        RunConfig three = config(DatasetKind.GAUSS3, ProblemKind.CLASSIFICATION, ActivationKind.SOFTMAX,
                LossKind.CROSS_ENTROPY);
        Trainer c = new Trainer(three, TestData.blobs3(150, 4));
        assertEquals(3, c.network().outputs());
        c.runEpochs(30);
        assertTrue(c.evaluate().testAccuracy() > 0.9, "3-class accuracy " + c.evaluate().testAccuracy());
    }

    @Test
    void badLabelsAndMismatchedInitialWeightsAreRefusedClearly() {
        RunConfig three = config(DatasetKind.GAUSS3, ProblemKind.CLASSIFICATION, ActivationKind.SOFTMAX,
                LossKind.CROSS_ENTROPY);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Trainer(three, CIRCLE));
        assertTrue(e.getMessage().contains("class index"), e.getMessage());
        Network other = Network.create(RunConfig.defaults().withHidden(List.of(3), List.of()));
        e = assertThrows(IllegalArgumentException.class, () -> new Trainer(RunConfig.defaults(), CIRCLE, other));
        assertTrue(e.getMessage().contains("layers"), e.getMessage());
    }

    @Test
    void startingFromGivenWeightsKeepsThemAndTheirFrozenMasks() {
        Network initial = Network.create(RunConfig.defaults().withData(500, 0, 0.5, 99));
        initial.layer(1).frozenWeights[0] = true;
        Trainer t = new Trainer(RunConfig.defaults(), CIRCLE, initial);
        assertSameWeights(initial, t.network());
        double w = initial.layer(1).weight(0, 0);
        t.runEpochs(2);
        assertEquals(w, t.network().layer(1).weight(0, 0), 0.0);
        assertEquals(w, initial.layer(1).weight(0, 0), 0.0, "the given network is copied, not trained");
    }
}
