package org.weightlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
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
import org.weightlab.engine.config.QuantizationSpec;
import org.weightlab.engine.config.RegularizationConfig;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.config.RunExtras;
import org.weightlab.engine.config.ScheduleConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.engine.data.Dataset;

/** Quantization-aware training: the forward pass on quantized weights, the straight-through backward pass. */
class QatTest {

    private static RunConfig quantized(RunConfig c, String bits) {
        return c.withExtras(c.extras().withQuantization(bits == null ? null : new QuantizationSpec(bits)));
    }

    /** One linear neuron, x = (1, 2), label 0.5, mse, W = (0.5, -0.25), b = 0.1, SGD lr 0.1, one step. */
    private static Trainer handRun(String bits) {
        RunConfig c = quantized(new RunConfig(DatasetKind.PLANE, 10, 0, 0.5, 3, List.of(Feature.X1, Feature.X2),
                ProblemKind.REGRESSION, List.of(), ActivationKind.TANH, List.of(), ActivationKind.LINEAR, LossKind.MSE,
                InitSpec.ZEROS, InitSpec.ZEROS, OptimizerConfig.defaults(OptimizerKind.SGD, 0.1),
                RegularizationConfig.NONE, ScheduleConfig.CONSTANT, 1, false, 0.0, List.of(), RunExtras.NONE), bits);
        Layer layer = Layer.of(2, 1, ActivationKind.LINEAR, new double[] {0.5, -0.25}, new double[] {0.1}, null, null);
        Network start = new Network(c.features(), c.loss(), List.of(layer));
        DataSplit data = new DataSplit(new Dataset(new double[] {1, 2}, new double[] {0.5}),
                new Dataset(new double[0], new double[0]));
        return new Trainer(c, data, start);
    }

    /**
     * Binary: g = mean|W| = 0.375, W' = (0.375, -0.375), z = 0.375 - 0.75 + 0.1 = -0.275,
     * dL/dz = z - 0.5 = -0.775, dL/dW' = (-0.775, -1.55) = dL/dW (straight through), so
     * W = (0.5 + 0.0775, -0.25 + 0.155) and b = 0.1 + 0.0775; the loss is 0.5 * 0.775^2.
     */
    @Test
    void binaryStepWorkedByHandMovesTheLatentWeights() {
        Trainer t = handRun("binary");
        assertArrayEquals(new double[] {0.375, -0.375}, t.network().layer(0).effectiveWeightsCopy(), 0.0);
        StepResult r = t.step();
        Layer l = t.network().layer(0);
        assertEquals(0.5 * 0.775 * 0.775, r.batchLoss(), 1e-15);
        assertArrayEquals(new double[] {-0.775, -1.55}, l.weightGradientsCopy(), 1e-15);
        assertArrayEquals(new double[] {0.5 + 0.0775, -0.25 + 0.155}, l.weightsCopy(), 1e-15);
        assertArrayEquals(new double[] {0.1 + 0.0775}, l.biasesCopy(), 1e-15, "the bias is full precision");
        double g = (0.5775 + 0.095) / 2;
        assertArrayEquals(new double[] {g, -g}, l.effectiveWeightsCopy(), 1e-15, "the new latent weights, quantized");
    }

    /**
     * 4 bits: qmax = 7, scale = 0.5 / 7, w / scale = (7, -3.5), and -3.5 rounds half to even: -4,
     * so W' = (0.5, -2/7); z = 0.5 - 4/7 + 0.1 = 1/35, dL/dz = 1/35 - 1/2 = -33/70,
     * dL/dW = (-33/70, -66/70), W = (0.5 + 3.3/70, -0.25 + 6.6/70).
     */
    @Test
    void fourBitStepWorkedByHandRoundsTiesToEven() {
        Trainer t = handRun("4");
        assertArrayEquals(new double[] {0.5, -2.0 / 7}, t.network().layer(0).effectiveWeightsCopy(), 1e-15);
        t.step();
        Layer l = t.network().layer(0);
        assertArrayEquals(new double[] {-33.0 / 70, -66.0 / 70}, l.weightGradientsCopy(), 1e-15);
        assertArrayEquals(new double[] {0.5 + 3.3 / 70, -0.25 + 6.6 / 70}, l.weightsCopy(), 1e-15);
    }

    @Test
    void plainRunHasNoQuantizerAndComputesWithItsWeights() {
        Trainer t = handRun(null);
        assertNull(t.network().layer(0).quantizer());
        assertArrayEquals(new double[] {0.5, -0.25}, t.network().layer(0).effectiveWeightsCopy(), 0.0);
        t.step();
        // z = 0.5 - 0.5 + 0.1 = 0.1, dL/dz = -0.4
        assertArrayEquals(new double[] {-0.4, -0.8}, t.network().layer(0).weightGradientsCopy(), 1e-15);
    }

    /**
     * Finite differences do not apply across rounding (q is flat between levels), so the check is
     * the estimator's definition: the quantized network's gradients (and the loss) equal those of a
     * plain network whose weights are the quantized values w', for every parameter.
     */
    @Test
    void straightThroughGradientIsTheDenseGradientAtTheQuantizedWeights() {
        for (String bits : QuantizationSpec.LEVELS) {
            Rng rng = new Rng(5);
            Network qat = new Network(List.of(Feature.X1, Feature.X2, Feature.X1_SQUARED), LossKind.CROSS_ENTROPY,
                    List.of(GradientCheckTest.randomLayer(3, 5, ActivationKind.TANH, rng),
                            GradientCheckTest.randomLayer(5, 4, ActivationKind.RELU, rng),
                            GradientCheckTest.randomLayer(4, 3, ActivationKind.SOFTMAX, rng)));
            qat.quantize(new QuantizationSpec(bits));
            int n = 6;
            Workspace ws = new Workspace(qat, n);
            Rng data = new Rng(11);
            for (int j = 0; j < 3 * n; j++) {
                ws.x[j] = data.nextDouble() * 4 - 2;
            }
            for (int b = 0; b < n; b++) {
                ws.labels[b] = data.nextInt(3);
            }
            double[][] grads = qat.newParameterBuffers();
            qat.forward(ws, n, 0, null);
            double loss = qat.backward(ws, n, RegularizationConfig.NONE, grads);

            List<Layer> atWq = new java.util.ArrayList<>();
            for (int l = 0; l < qat.layerCount(); l++) {
                Layer q = qat.layer(l);
                atWq.add(Layer.of(q.inputs(), q.outputs(), q.activation(), q.effectiveWeightsCopy(), q.biasesCopy(),
                        null, null));
                assertFalse(Arrays.equals(q.weightsCopy(), q.effectiveWeightsCopy()), bits + ": layer " + l
                        + " computes with other weights than its latent ones");
            }
            Network dense = new Network(qat.features(), qat.loss(), atWq);
            Workspace ws2 = new Workspace(dense, n);
            System.arraycopy(ws.x, 0, ws2.x, 0, ws.x.length);
            System.arraycopy(ws.labels, 0, ws2.labels, 0, n);
            double[][] expected = dense.newParameterBuffers();
            dense.forward(ws2, n, 0, null);
            assertEquals(dense.backward(ws2, n, RegularizationConfig.NONE, expected), loss, 0.0, bits + ": loss");
            for (int p = 0; p < grads.length; p++) {
                assertArrayEquals(expected[p], grads[p], 0.0, bits + ": gradient of parameter " + p);
            }
        }
    }

    @Test
    void quantizationSwitchesOnAndOffWithoutARebuildAndSurvivesARestore() {
        RunConfig plain = RunConfig.defaults().withHidden(List.of(4), List.of());
        DataSplit data = DataGenerator.generate(plain);
        Trainer t = new Trainer(plain, data);
        Checkpoint before = t.checkpoint();
        double plainLoss = t.evaluate().trainLoss();
        RunConfig ternary = quantized(plain, "ternary");
        assertFalse(Trainer.needsRebuild(plain, ternary));
        t.updateHyperparameters(ternary);
        assertEquals("ternary", String.valueOf(t.network().layer(0).quantizer()));
        assertNotEquals(plainLoss, t.evaluate().trainLoss(), "evaluation uses the quantized weights");
        Checkpoint quantizedMoment = t.checkpoint();
        t.restore(before);
        assertNull(t.network().layer(1).quantizer(), "restored with the plain config");
        assertEquals(plainLoss, t.evaluate().trainLoss(), 0.0);
        t.restore(quantizedMoment);
        assertEquals("ternary", String.valueOf(t.network().layer(1).quantizer()));
        assertEquals("8 bits", String.valueOf(WeightQuantizer.kBits(8)));
        assertEquals("2 bits", String.valueOf(WeightQuantizer.kBits(2)));
    }

    /**
     * A binary network learns the circle: features x1 and x2 only, hidden [8, 4] tanh, tanh output,
     * mse, Adam 0.03, batch 10, 300 samples with noise 0.1 (half for training), 100 epochs: test
     * accuracy >= 0.9 for data and weights from seeds 1, 2 and 3 (measured 0.980, 0.973, 0.967).
     */
    @Test
    void binaryNetworkLearnsTheCircle() {
        for (long seed = 1; seed <= 3; seed++) {
            RunConfig c = quantized(RunConfig.defaults().withData(300, 0.1, 0.5, seed)
                    .withHidden(List.of(8, 4), List.of())
                    .withOptimizer(OptimizerConfig.defaults(OptimizerKind.ADAM, 0.03)).withBatch(10, true), "binary");
            Trainer t = new Trainer(c, DataGenerator.generate(c));
            t.runEpochs(100);
            for (int l = 0; l < t.network().layerCount(); l++) {
                double[] w = t.network().layer(l).effectiveWeightsCopy();
                double g = Math.abs(w[0]);
                for (double v : w) {
                    assertEquals(g, Math.abs(v), 0.0, "layer " + l + " computes with two levels, +-g");
                }
            }
            double accuracy = t.evaluate().testAccuracy();
            assertTrue(accuracy >= 0.9, "seed " + seed + ": test accuracy " + accuracy);
        }
    }
}
