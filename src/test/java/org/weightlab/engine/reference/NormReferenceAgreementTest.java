package org.weightlab.engine.reference;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.weightlab.engine.BatchNorm;
import org.weightlab.engine.Layer;
import org.weightlab.engine.Network;
import org.weightlab.engine.StepResult;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.OptimizerKind;
import org.weightlab.engine.config.RegularizationConfig;
import org.weightlab.engine.config.RegularizationKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.engine.data.Dataset;

/**
 * The engine's batch normalization (unit-major batch buffers, the module inside the dense layer)
 * against the plain batch loops of {@link ReferenceNormNetwork}: weights, biases, gamma, beta and
 * running statistics after every step, and evaluation with the running statistics at the end.
 */
class NormReferenceAgreementTest {

    private static final int STEPS = 15;
    private static final double TOLERANCE = 2e-12;

    static Stream<Arguments> combinations() {
        RegularizationConfig l2 = new RegularizationConfig(RegularizationKind.L2, 0.01);
        RegularizationConfig l1 = new RegularizationConfig(RegularizationKind.L1, 0.003);
        return Stream.of(
                Arguments.of(OptimizerConfig.defaults(OptimizerKind.SGD, 0.1), RegularizationConfig.NONE, "true,true"),
                Arguments.of(OptimizerConfig.defaults(OptimizerKind.SGD, 0.05).withMomentum(0.9, true), l2, "true,false"),
                Arguments.of(OptimizerConfig.defaults(OptimizerKind.RMSPROP, 0.01), l1, "false,true"),
                Arguments.of(OptimizerConfig.defaults(OptimizerKind.ADAM, 0.02), l2, "true,true"),
                Arguments.of(OptimizerConfig.defaults(OptimizerKind.ADAMW, 0.02), RegularizationConfig.NONE, "true,true"));
    }

    /** Circle, 32 training examples in batches of 7 (the last batch of each epoch holds 4), sigmoid [5, 3]. */
    private static RunConfig config(OptimizerConfig opt, RegularizationConfig reg, String flags) {
        RunConfig c = RunConfig.defaults().withData(64, 0.1, 0.5, 17).withHidden(List.of(5, 3), List.of())
                .withActivations(ActivationKind.SIGMOID, ActivationKind.TANH, RunConfig.defaults().loss(),
                        RunConfig.defaults().problem())
                .withOptimizer(opt).withRegularization(reg).withBatch(7, true);
        List<Boolean> f = java.util.Arrays.stream(flags.split(",")).map(Boolean::parseBoolean).toList();
        return c.withExtras(c.extras().withBatchNorm(f));
    }

    @ParameterizedTest(name = "{0}, {1}, batch norm {2}")
    @MethodSource("combinations")
    void batchNormTrainsLikeTheReference(OptimizerConfig opt, RegularizationConfig reg, String flags) {
        RunConfig config = config(opt, reg, flags);
        DataSplit data = DataGenerator.generate(config);
        Trainer trainer = new Trainer(config, data);
        ReferenceNormNetwork reference = new ReferenceNormNetwork(trainer.network());
        Dataset train = data.train();
        for (int s = 0; s < STEPS; s++) {
            int[] batch = trainer.nextBatch();
            double[][] x = new double[batch.length][];
            double[] labels = new double[batch.length];
            for (int e = 0; e < batch.length; e++) {
                x[e] = new double[]{train.x1(batch[e]), train.x2(batch[e])};
                labels[e] = train.label(batch[e]);
            }
            double loss = reference.step(x, labels, config.optimizer(), trainer.learningRate(), config.regularization());
            StepResult result = trainer.step();
            assertClose(loss, result.batchLoss(), 1e-10, "loss of step " + (s + 1));
            assertSame(reference, trainer.network(), "after step " + (s + 1));
        }
        for (double[] p : new double[][]{{0.3, -0.7}, {1.5, 2.0}, {-2.2, 0.1}}) {
            assertClose(reference.predict(p)[0], trainer.network().predict(p[0], p[1])[0], 1e-11, "evaluation at "
                    + p[0] + ", " + p[1]);
        }
    }

    @Test
    void theComparisonSeesADifferentRunningStatistic() {
        RunConfig config = config(OptimizerConfig.defaults(OptimizerKind.SGD, 0.1), RegularizationConfig.NONE,
                "true,true");
        Trainer trainer = new Trainer(config, DataGenerator.generate(config));
        trainer.runSteps(3);
        ReferenceNormNetwork reference = new ReferenceNormNetwork(trainer.network());
        trainer.runSteps(1);
        try {
            assertSame(reference, trainer.network(), "after one more step");
        } catch (AssertionError expected) {
            return;
        }
        fail("a step went unnoticed");
    }

    private static void assertSame(ReferenceNormNetwork reference, Network net, String when) {
        for (int l = 0; l < net.layerCount(); l++) {
            Layer layer = net.layer(l);
            for (int o = 0; o < layer.outputs(); o++) {
                for (int i = 0; i < layer.inputs(); i++) {
                    assertClose(reference.weight(l, o, i), layer.weight(o, i), TOLERANCE, "W " + l + " " + when);
                }
                assertClose(reference.bias(l, o), layer.bias(o), TOLERANCE, "b " + l + " " + when);
            }
            BatchNorm bn = layer.norm();
            if (bn == null) {
                continue;
            }
            for (int o = 0; o < layer.outputs(); o++) {
                assertClose(reference.gamma(l, o), bn.gammaCopy()[o], TOLERANCE, "gamma " + l + " " + when);
                assertClose(reference.beta(l, o), bn.betaCopy()[o], TOLERANCE, "beta " + l + " " + when);
                assertClose(reference.runningMean(l, o), bn.runningMeanCopy()[o], TOLERANCE, "running mean " + l
                        + " " + when);
                assertClose(reference.runningVar(l, o), bn.runningVarCopy()[o], TOLERANCE, "running var " + l
                        + " " + when);
            }
        }
    }

    private static void assertClose(double expected, double actual, double tolerance, String what) {
        double scale = Math.max(1, Math.abs(expected));
        assertTrue(Math.abs(expected - actual) <= tolerance * scale, what + ": reference " + expected + ", engine "
                + actual);
    }
}
