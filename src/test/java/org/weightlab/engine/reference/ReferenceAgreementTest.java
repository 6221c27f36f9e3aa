package org.weightlab.engine.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.weightlab.engine.Layer;
import org.weightlab.engine.Network;
import org.weightlab.engine.StepResult;
import org.weightlab.engine.Trainer;
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
import org.weightlab.engine.config.ScheduleConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.engine.data.Dataset;

/**
 * The engine's batch training (register-blocked kernels, vector tanh, fused optimizer loops) against
 * {@link ReferenceNetwork}, the plain one-example-at-a-time implementation, side by side for several
 * steps on every hidden activation x loss x optimizer, with l1 / l2 and frozen parameters.
 *
 * <p>Both sum in the same order (bias first, inputs in order, examples in order), but the functions
 * differ: the engine's tanh is its own (within 3 ulp of Math.tanh), bce's loss is computed from the
 * logit in the engine, and Adam's bias corrections are cached there. So the values agree to a few
 * ulp per step, not bit for bit: the test allows 2e-12 relative (2e-12 absolute near 0) on every
 * parameter. The batch loss gets 1e-10: near a fit, (a - t) cancels and its relative error grows.
 */
class ReferenceAgreementTest {

    private static final int STEPS = 12;
    private static final double TOLERANCE = 2e-12;
    private static final double LOSS_TOLERANCE = 1e-10;

    private static final List<ActivationKind> HIDDEN = List.of(ActivationKind.LINEAR, ActivationKind.RELU,
            ActivationKind.LEAKY_RELU, ActivationKind.TANH, ActivationKind.SIGMOID);

    /** A loss with the output and the data it goes with. */
    /** A loss with the output and the data it goes with, and a factor on the learning rate that keeps it from diverging. */
    private record Head(LossKind loss, ActivationKind output, DatasetKind data, ProblemKind problem, double rateScale) {
    }

    private static final List<Head> HEADS = List.of(
            new Head(LossKind.MSE, ActivationKind.TANH, DatasetKind.CIRCLE, ProblemKind.CLASSIFICATION, 1),
            new Head(LossKind.MSE, ActivationKind.LINEAR, DatasetKind.PLANE, ProblemKind.REGRESSION, 0.005),
            new Head(LossKind.BCE, ActivationKind.SIGMOID, DatasetKind.XOR, ProblemKind.CLASSIFICATION, 1),
            new Head(LossKind.CROSS_ENTROPY, ActivationKind.SOFTMAX, DatasetKind.GAUSS3, ProblemKind.CLASSIFICATION, 1));

    private static List<OptimizerConfig> optimizers() {
        return List.of(
                OptimizerConfig.defaults(OptimizerKind.SGD, 0.1),
                OptimizerConfig.defaults(OptimizerKind.SGD, 0.05).withMomentum(0.9, false),
                OptimizerConfig.defaults(OptimizerKind.SGD, 0.05).withMomentum(0.8, true),
                OptimizerConfig.defaults(OptimizerKind.ADAGRAD, 0.1),
                OptimizerConfig.defaults(OptimizerKind.RMSPROP, 0.01),
                OptimizerConfig.defaults(OptimizerKind.RMSPROP, 0.01).withMomentum(0.5, false),
                OptimizerConfig.defaults(OptimizerKind.ADAM, 0.02),
                OptimizerConfig.defaults(OptimizerKind.ADAMW, 0.02));
    }

    static Stream<Arguments> combinations() {
        List<Arguments> all = new ArrayList<>();
        RegularizationConfig[] regs = {RegularizationConfig.NONE,
                new RegularizationConfig(RegularizationKind.L2, 0.01),
                new RegularizationConfig(RegularizationKind.L1, 0.003)};
        int k = 0;
        for (ActivationKind hidden : HIDDEN) {
            for (Head head : HEADS) {
                for (OptimizerConfig opt : optimizers()) {
                    all.add(Arguments.of(hidden, head, opt, regs[k % regs.length], k % 2 == 0));
                    k++;
                }
            }
        }
        return all.stream();
    }

    /** Five inputs, odd widths and a batch of 7: every kernel's blocks and tails, and a short last batch. */
    private static RunConfig config(ActivationKind hidden, Head head, OptimizerConfig opt, RegularizationConfig reg) {
        return new RunConfig(head.data(), 64, 0.1, 0.5, 17,
                List.of(Feature.X1, Feature.X2, Feature.X1_SQUARED, Feature.X2_SQUARED, Feature.SIN_X1),
                head.problem(), List.of(5, 3), hidden, List.of(), head.output(), head.loss(), InitSpec.XAVIER_UNIFORM,
                InitSpec.ZEROS, opt.withLearningRate(opt.learningRate() * head.rateScale()), reg, ScheduleConfig.CONSTANT, 7, true, 0.0);
    }

    @ParameterizedTest(name = "{0} hidden, {1}, {2}, {3}, frozen {4}")
    @MethodSource("combinations")
    void engineTrainsLikeTheReference(ActivationKind hidden, Head head, OptimizerConfig opt, RegularizationConfig reg,
                                      boolean freeze) {
        RunConfig config = config(hidden, head, opt, reg);
        DataSplit data = DataGenerator.generate(config);
        Trainer trainer = new Trainer(config, data);
        if (freeze) {
            trainer.freezeNeuron(0, 1, true);
            trainer.freezeWeight(1, 2, 3, true);
            trainer.freezeBias(2, 0, true);
        }
        ReferenceNetwork reference = new ReferenceNetwork(trainer.network());
        Dataset train = data.train();
        for (int s = 0; s < STEPS; s++) {
            int[] batch = trainer.nextBatch();
            double[][] x = new double[batch.length][];
            double[] labels = new double[batch.length];
            for (int e = 0; e < batch.length; e++) {
                x[e] = reference.features(train.x1(batch[e]), train.x2(batch[e]));
                labels[e] = train.label(batch[e]);
            }
            double referenceLoss = reference.step(x, labels, config.optimizer(), trainer.learningRate(),
                    config.regularization());
            StepResult result = trainer.step();
            assertTrue(Double.isFinite(referenceLoss), "the run stays finite");
            assertClose(referenceLoss, result.batchLoss(), LOSS_TOLERANCE, "loss of step " + (s + 1));
            assertSameParameters(reference, trainer.network(), "after step " + (s + 1));
        }
    }

    @Test
    void theComparisonSeesADifferenceOfOneWeight() {
        RunConfig config = config(ActivationKind.TANH, HEADS.get(0), optimizers().get(6), RegularizationConfig.NONE);
        Trainer trainer = new Trainer(config, DataGenerator.generate(config));
        ReferenceNetwork reference = new ReferenceNetwork(trainer.network());
        Layer layer = trainer.network().layer(1);
        trainer.setWeight(1, 2, 1, layer.weight(2, 1) * (1 + 1e-9));
        try {
            assertSameParameters(reference, trainer.network(), "after an edit");
        } catch (AssertionError expected) {
            return;
        }
        fail("a weight changed by one part in a billion went unnoticed");
    }

    @Test
    void frozenParametersStayPutInTheReferenceToo() {
        RunConfig config = config(ActivationKind.RELU, HEADS.get(3), optimizers().get(7),
                new RegularizationConfig(RegularizationKind.L2, 0.01));
        DataSplit data = DataGenerator.generate(config);
        Trainer trainer = new Trainer(config, data);
        trainer.freezeLayer(1, true);
        Network before = trainer.network().copy();
        ReferenceNetwork reference = new ReferenceNetwork(trainer.network());
        double[][] x = {reference.features(0.5, -1), reference.features(-2, 1)};
        reference.step(x, new double[]{0, 2}, config.optimizer(), 0.05, config.regularization());
        Layer frozen = before.layer(1);
        for (int o = 0; o < frozen.outputs(); o++) {
            for (int i = 0; i < frozen.inputs(); i++) {
                assertEquals(frozen.weight(o, i), reference.weight(1, o, i), 0.0);
            }
            assertEquals(frozen.bias(o), reference.bias(1, o), 0.0);
        }
        assertTrue(before.layer(0).weight(0, 0) != reference.weight(0, 0, 0), "unfrozen layers learn");
    }

    private static void assertSameParameters(ReferenceNetwork reference, Network net, String when) {
        for (int l = 0; l < net.layerCount(); l++) {
            Layer layer = net.layer(l);
            for (int o = 0; o < layer.outputs(); o++) {
                for (int i = 0; i < layer.inputs(); i++) {
                    assertClose(reference.weight(l, o, i), layer.weight(o, i), TOLERANCE,
                            "weight " + l + ":" + o + "<-" + i + " " + when);
                }
                assertClose(reference.bias(l, o), layer.bias(o), TOLERANCE, "bias " + l + ":" + o + " " + when);
            }
        }
    }

    private static void assertClose(double expected, double actual, double tolerance, String what) {
        double allowed = tolerance * Math.max(1, Math.abs(expected));
        if (!(Math.abs(expected - actual) <= allowed)) {
            fail(what + ": reference " + expected + ", engine " + actual + " (difference "
                    + Math.abs(expected - actual) + ")");
        }
    }
}
