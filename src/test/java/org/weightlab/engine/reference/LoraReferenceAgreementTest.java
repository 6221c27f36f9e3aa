package org.weightlab.engine.reference;

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
import org.weightlab.engine.LoraAdapter;
import org.weightlab.engine.Network;
import org.weightlab.engine.StepResult;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.InitSpec;
import org.weightlab.engine.config.LoraSpec;
import org.weightlab.engine.config.LossKind;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.OptimizerKind;
import org.weightlab.engine.config.ProblemKind;
import org.weightlab.engine.config.RegularizationConfig;
import org.weightlab.engine.config.RegularizationKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.config.RunExtras;
import org.weightlab.engine.config.ScheduleConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.engine.data.Dataset;

/**
 * The engine's LoRA path (W' = W + s B A formed, then the dense kernels) against the reference's
 * peft form (W x + b + s B (A x), one example at a time), for every optimizer, with l1 / l2, on a
 * hidden layer and the output. Same tolerance as {@link ReferenceAgreementTest}.
 */
class LoraReferenceAgreementTest {

    private static final int STEPS = 12;
    private static final double TOLERANCE = 2e-12;

    static Stream<Arguments> combinations() {
        List<OptimizerConfig> opts = List.of(
                OptimizerConfig.defaults(OptimizerKind.SGD, 0.1),
                OptimizerConfig.defaults(OptimizerKind.SGD, 0.05).withMomentum(0.9, true),
                OptimizerConfig.defaults(OptimizerKind.ADAGRAD, 0.1),
                OptimizerConfig.defaults(OptimizerKind.RMSPROP, 0.01).withMomentum(0.5, false),
                OptimizerConfig.defaults(OptimizerKind.ADAM, 0.02),
                OptimizerConfig.defaults(OptimizerKind.ADAMW, 0.02));
        RegularizationConfig[] regs = {RegularizationConfig.NONE, new RegularizationConfig(RegularizationKind.L2, 0.01),
                new RegularizationConfig(RegularizationKind.L1, 0.003)};
        List<Arguments> all = new ArrayList<>();
        int k = 0;
        for (boolean softmax : new boolean[] {false, true}) {
            for (OptimizerConfig o : opts) {
                all.add(Arguments.of(softmax, o, regs[k++ % regs.length]));
            }
        }
        return all.stream();
    }

    private static RunConfig config(boolean softmax, OptimizerConfig opt, RegularizationConfig reg) {
        return new RunConfig(softmax ? DatasetKind.GAUSS3 : DatasetKind.CIRCLE, 64, 0.1, 0.5, 17,
                List.of(Feature.X1, Feature.X2, Feature.X1_SQUARED, Feature.X2_SQUARED, Feature.SIN_X1),
                ProblemKind.CLASSIFICATION, List.of(5, 3), ActivationKind.TANH, List.of(),
                softmax ? ActivationKind.SOFTMAX : ActivationKind.TANH,
                softmax ? LossKind.CROSS_ENTROPY : LossKind.MSE, InitSpec.XAVIER_UNIFORM, InitSpec.ZEROS, opt, reg,
                ScheduleConfig.CONSTANT, 7, true, 0.0,
                List.of(new LoraSpec(0, 3, 6.0), new LoraSpec(2, softmax ? 2 : 1, 1.0)), RunExtras.NONE);
    }

    @ParameterizedTest(name = "softmax {0}, {1}, {2}")
    @MethodSource("combinations")
    void loraTrainsLikeTheReference(boolean softmax, OptimizerConfig opt, RegularizationConfig reg) {
        RunConfig config = config(softmax, opt, reg);
        DataSplit data = DataGenerator.generate(config);
        Trainer trainer = new Trainer(config, data);
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
            double loss = reference.step(x, labels, config.optimizer(), trainer.learningRate(), config.regularization());
            StepResult result = trainer.step();
            assertClose(loss, result.batchLoss(), 1e-10, "loss of step " + (s + 1));
            assertSame(reference, trainer.network(), "after step " + (s + 1));
        }
        assertTrue(trainer.network().layer(0).adapter().bCopy()[0] != 0, "the adapter moved");
    }

    @Test
    void theComparisonSeesADifferentAdapter() {
        RunConfig config = config(false, OptimizerConfig.defaults(OptimizerKind.SGD, 0.1), RegularizationConfig.NONE);
        Trainer trainer = new Trainer(config, DataGenerator.generate(config));
        trainer.runSteps(3);
        ReferenceNetwork reference = new ReferenceNetwork(trainer.network());
        trainer.runSteps(1);
        try {
            assertSame(reference, trainer.network(), "after one more step");
        } catch (AssertionError expected) {
            return;
        }
        fail("a step of the adapters went unnoticed");
    }

    private static void assertSame(ReferenceNetwork reference, Network net, String when) {
        for (int l = 0; l < net.layerCount(); l++) {
            Layer layer = net.layer(l);
            for (int o = 0; o < layer.outputs(); o++) {
                for (int i = 0; i < layer.inputs(); i++) {
                    assertClose(reference.weight(l, o, i), layer.weight(o, i), TOLERANCE, "W " + l + " " + when);
                }
                assertClose(reference.bias(l, o), layer.bias(o), TOLERANCE, "b " + l + " " + when);
            }
            LoraAdapter a = layer.adapter();
            if (a == null) {
                continue;
            }
            int r = a.rank();
            double[] av = a.aCopy();
            double[] bv = a.bCopy();
            for (int k = 0; k < r; k++) {
                for (int i = 0; i < layer.inputs(); i++) {
                    assertClose(reference.loraA(l, k, i), av[k * layer.inputs() + i], TOLERANCE, "A " + l + " " + when);
                }
                for (int o = 0; o < layer.outputs(); o++) {
                    assertClose(reference.loraB(l, o, k), bv[o * r + k], TOLERANCE, "B " + l + " " + when);
                }
            }
        }
    }

    private static void assertClose(double expected, double actual, double tolerance, String what) {
        if (!(Math.abs(expected - actual) <= tolerance * Math.max(1, Math.abs(expected)))) {
            fail(what + ": reference " + expected + ", engine " + actual);
        }
    }
}
