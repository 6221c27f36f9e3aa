package org.weightlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
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

/** LoRA adapters: gradients, a step worked by hand, initialization, merging. */
class LoraTest {

    private static final double H = 1e-6;

    private static RunConfig config(List<LoraSpec> lora) {
        return RunConfig.defaults().withHidden(List.of(5, 3), List.of())
                .withOptimizer(OptimizerConfig.defaults(OptimizerKind.ADAM, 0.02)).withLora(lora);
    }

    @Test
    void adapterGradientsMatchFiniteDifferences() {
        Rng rng = new Rng(7);
        Layer hidden = GradientCheckTest.randomLayer(2, 5, ActivationKind.TANH, rng).withAdapter(2, 3.0, rng);
        Layer middle = GradientCheckTest.randomLayer(5, 4, ActivationKind.RELU, rng);
        Layer out = GradientCheckTest.randomLayer(4, 3, ActivationKind.SOFTMAX, rng).withAdapter(3, 1.5, rng);
        for (Layer l : List.of(hidden, out)) { // B starts at zero: give it values so that dL/dA is not 0
            for (int j = 0; j < l.adapter().b.values.length; j++) {
                l.adapter().b.values[j] = rng.nextGaussian() * 0.5;
            }
        }
        Network net = new Network(List.of(Feature.X1, Feature.X2), LossKind.CROSS_ENTROPY, List.of(hidden, middle, out));
        RegularizationConfig reg = new RegularizationConfig(RegularizationKind.L2, 0.01);
        int n = 5;
        Workspace ws = new Workspace(net, n);
        Rng data = new Rng(11);
        for (int b = 0; b < n; b++) {
            ws.x[b] = data.nextDouble() * 4 - 2;
            ws.x[n + b] = data.nextDouble() * 4 - 2;
            ws.labels[b] = data.nextInt(3);
        }
        double[][] grads = net.newParameterBuffers();
        net.forward(ws, n, 0, null);
        net.backward(ws, n, reg, grads);
        assertEquals(4 + 2 + 4, net.parameters().size(), "weight, bias, A, B on the adapted layers, weight and bias on the other");
        int checked = 0;
        for (int p = 0; p < net.parameters().size(); p++) {
            Parameter param = net.parameter(p);
            for (int j = 0; j < param.size(); j++) {
                double saved = param.values[j];
                param.values[j] = saved + H;
                double plus = objective(net, ws, n, reg);
                param.values[j] = saved - H;
                double minus = objective(net, ws, n, reg);
                param.values[j] = saved;
                double numeric = (plus - minus) / (2 * H);
                double scale = Math.max(1e-4, Math.max(Math.abs(numeric), Math.abs(grads[p][j])));
                assertTrue(Math.abs(numeric - grads[p][j]) / scale < 1e-6, "dL/d" + param.name() + " of layer "
                        + net.parameterOwner(p) + " entry " + j + ": numeric " + numeric + ", backprop " + grads[p][j]);
                checked += param.name().length() == 1 ? 1 : 0;
            }
        }
        assertEquals(2 * 2 + 5 * 2 + 3 * 4 + 3 * 3, checked, "every entry of A and B was checked");
    }

    private static double objective(Network net, Workspace ws, int n, RegularizationConfig reg) {
        net.forward(ws, n, 0, null);
        int last = net.layerCount() - 1;
        double total = 0;
        for (int b = 0; b < n; b++) {
            total += Loss.value(net.loss(), ws.z[last], ws.a[last], b, n, net.outputs(), ws.labels[b]);
        }
        return total / n + net.penalty(reg);
    }

    /**
     * One linear neuron, x = (1, 2), label 0.5, mse, W = (0.5, -0.25), b = 0.1, A = (0.3, -0.2),
     * B = 0.4, alpha 2, rank 1: s = 2, W' = (0.74, -0.41), z = 0.02, dL/dz = -0.48,
     * dL/dW' = (-0.48, -0.96), dL/dA = s B dL/dW' = (-0.384, -0.768), dL/dB = s dL/dW' . A = 0.096.
     */
    private static Trainer handRun(OptimizerConfig opt) {
        RunConfig c = new RunConfig(DatasetKind.PLANE, 10, 0, 0.5, 3, List.of(Feature.X1, Feature.X2),
                ProblemKind.REGRESSION, List.of(), ActivationKind.TANH, List.of(), ActivationKind.LINEAR, LossKind.MSE,
                InitSpec.ZEROS, InitSpec.ZEROS, opt, RegularizationConfig.NONE, ScheduleConfig.CONSTANT, 1, false, 0.0,
                List.of(new LoraSpec(0, 1, 2.0)), RunExtras.NONE);
        Layer layer = Layer.of(2, 1, ActivationKind.LINEAR, new double[] {0.5, -0.25}, new double[] {0.1}, null, null)
                .withAdapter(1, 2.0, new double[] {0.3, -0.2}, new double[] {0.4});
        Network start = new Network(c.features(), c.loss(), List.of(layer));
        DataSplit data = new DataSplit(new Dataset(new double[] {1, 2}, new double[] {0.5}),
                new Dataset(new double[0], new double[0]));
        Trainer t = new Trainer(c, data, start);
        t.step();
        return t;
    }

    @Test
    void sgdStepOfAnAdapterWorkedByHand() {
        Trainer t = handRun(OptimizerConfig.defaults(OptimizerKind.SGD, 0.1));
        Layer l = t.network().layer(0);
        assertArrayEquals(new double[] {0.3 + 0.1 * 0.384, -0.2 + 0.1 * 0.768}, l.adapter().aCopy(), 1e-15);
        assertArrayEquals(new double[] {0.4 - 0.1 * 0.096}, l.adapter().bCopy(), 1e-15);
        assertArrayEquals(new double[] {-0.384, -0.768}, l.adapter().a.gradsCopy(), 1e-15);
        assertArrayEquals(new double[] {0.5, -0.25}, l.weightsCopy(), 0.0, "W is frozen");
        assertArrayEquals(new double[] {0.1}, l.biasesCopy(), 0.0, "the bias is frozen");
        assertArrayEquals(new double[] {-0.48, -0.96}, l.weightGradientsCopy(), 1e-15, "dL/dW is still shown");
    }

    @Test
    void adamStepOfAnAdapterWorkedByHand() {
        Trainer t = handRun(OptimizerConfig.defaults(OptimizerKind.ADAM, 0.01));
        Layer l = t.network().layer(0);
        // Adam's first step: m^ = g, v^ = g^2, so p - lr g / (|g| + eps).
        double eps = 1e-8;
        assertArrayEquals(new double[] {0.3 + 0.01 * 0.384 / (0.384 + eps), -0.2 + 0.01 * 0.768 / (0.768 + eps)},
                l.adapter().aCopy(), 1e-15);
        assertArrayEquals(new double[] {0.4 - 0.01 * 0.096 / (0.096 + eps)}, l.adapter().bCopy(), 1e-15);
        OptimizerState s = t.optimizerState();
        assertEquals(1, s.parameterState(2).steps(0), "A's own step count");
        assertEquals(0, s.weightState(0).steps(0), "the frozen W's state does not move");
        assertEquals((1 - 0.9) * -0.384, s.parameterState(2).expAvg(0), 1e-15);
    }

    @Test
    void adaptersStartAsPeftDoesFromStreamFourAndLeaveTheBaseAlone() {
        RunConfig plain = config(List.of());
        RunConfig adapted = config(List.of(new LoraSpec(1, 2, 4.0), new LoraSpec(0, 1, 1.0)));
        Network a = Network.create(adapted);
        Network p = Network.create(plain);
        Rng stream = Rng.stream(adapted.seed(), 4);
        for (int l = 0; l < 3; l++) {
            assertArrayEquals(p.layer(l).weightsCopy(), a.layer(l).weightsCopy(), 0.0, "W as without adapters");
        }
        assertNull(a.layer(2).adapter());
        for (int l = 0; l < 2; l++) { // layer order: layer 0 draws first
            LoraAdapter ad = a.layer(l).adapter();
            double bound = 1 / Math.sqrt(a.layer(l).inputs());
            for (double v : ad.aCopy()) {
                assertEquals(-bound + 2 * bound * stream.nextDouble(), v, 0.0);
                assertTrue(Math.abs(v) <= bound);
            }
            assertArrayEquals(new double[ad.bCopy().length], ad.bCopy(), 0.0, "B starts at zero");
            for (boolean f : a.layer(l).frozenWeightsCopy()) {
                assertTrue(f, "W frozen");
            }
        }
        assertEquals(2.0, a.layer(1).adapter().scale(), 0.0);
        double[] out = a.predict(0.3, -0.7);
        assertArrayEquals(p.predict(0.3, -0.7), out, 0.0, "B = 0: the adapted network starts as the plain one");
    }

    @Test
    void mergeKeepsTheOutputsAndRemovesTheAdapters() {
        RunConfig c = config(List.of(new LoraSpec(0, 2, 4.0), new LoraSpec(2, 1, 0.5)));
        Trainer t = new Trainer(c, DataGenerator.generate(c));
        t.runEpochs(3);
        Network net = t.network().copy();
        assertTrue(Math.abs(net.layer(0).adapter().bCopy()[0]) > 0, "the adapter learned");
        Network merged = net.merged();
        assertEquals(6, merged.parameters().size(), "weight and bias per layer only");
        assertNull(merged.layer(0).adapter());
        Rng rng = new Rng(5);
        double worst = 0;
        for (int k = 0; k < 200; k++) {
            double x1 = rng.nextDouble() * 12 - 6;
            double x2 = rng.nextDouble() * 12 - 6;
            worst = Math.max(worst, Math.abs(net.predict(x1, x2)[0] - merged.predict(x1, x2)[0]));
        }
        assertTrue(worst <= 1e-12, "largest difference " + worst);
        double[] delta = net.layer(0).adapter().deltaCopy();
        assertTrue(Math.abs(merged.layer(0).weight(0, 0) - net.layer(0).weight(0, 0) - delta[0]) <= 1e-15,
                "W := W + s B A");
    }

    @Test
    void configRefusesAdaptersThatDoNotFit() {
        RunConfig c = config(List.of());
        assertThrows(IllegalArgumentException.class, () -> c.withLora(List.of(new LoraSpec(3, 1, 1))), "layer");
        assertThrows(IllegalArgumentException.class, () -> c.withLora(List.of(new LoraSpec(2, 2, 1))), "rank > 1 output");
        assertThrows(IllegalArgumentException.class, () -> new LoraSpec(0, 1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new LoraSpec(0, 1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> c.withLora(List.of(new LoraSpec(0, 1, 1), new LoraSpec(0, 2, 1))), "twice");
        assertEquals(2, c.withLora(List.of(new LoraSpec(0, 2, 1))).loraOf(0).rank());
        assertTrue(Trainer.needsRebuild(c, c.withLora(List.of(new LoraSpec(0, 2, 1)))));
    }
}
