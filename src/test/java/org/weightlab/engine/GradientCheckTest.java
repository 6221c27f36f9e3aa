package org.weightlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.LossKind;
import org.weightlab.engine.config.RegularizationConfig;
import org.weightlab.engine.config.RegularizationKind;

/** Backpropagation against central finite differences of (mean data loss + penalty). */
class GradientCheckTest {

    private static final double H = 1e-5;
    private static final double TOLERANCE = 1e-6;

    /** Hidden activation x (loss, output activation) x layer shape x regularization. */
    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        ActivationKind[] hidden = {ActivationKind.LINEAR, ActivationKind.RELU, ActivationKind.LEAKY_RELU,
                ActivationKind.TANH, ActivationKind.SIGMOID};
        Object[][] heads = {
                {LossKind.MSE, ActivationKind.LINEAR}, {LossKind.MSE, ActivationKind.TANH},
                {LossKind.MSE, ActivationKind.SIGMOID}, {LossKind.MSE, ActivationKind.RELU},
                {LossKind.MSE, ActivationKind.LEAKY_RELU},
                {LossKind.BCE, ActivationKind.SIGMOID}, {LossKind.CROSS_ENTROPY, ActivationKind.SOFTMAX}};
        int[][] shapes = {{3}, {5, 4}};
        RegularizationConfig[] regs = {RegularizationConfig.NONE,
                new RegularizationConfig(RegularizationKind.L1, 0.01),
                new RegularizationConfig(RegularizationKind.L2, 0.03)};
        int k = 0;
        for (ActivationKind h : hidden) {
            for (Object[] head : heads) {
                for (int[] shape : shapes) {
                    all.add(Arguments.of(h, head[0], head[1], shape, regs[k++ % regs.length]));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} hidden, {1} with {2} output, shape {3}, {4}")
    @MethodSource("cases")
    void backpropMatchesFiniteDifferences(ActivationKind hidden, LossKind loss, ActivationKind outAct, int[] shape,
                                          RegularizationConfig reg) {
        Network net = randomNetwork(List.of(Feature.X1, Feature.X2, Feature.X1_TIMES_X2), shape, hidden, loss,
                outAct, 42 + shape.length);
        checkGradients(net, loss, reg, 0.0, 7);
    }

    @Test
    void gradientsOfFrozenEntriesAreStillComputed() {
        Network net = randomNetwork(List.of(Feature.X1, Feature.X2), new int[]{4, 3}, ActivationKind.TANH,
                LossKind.MSE, ActivationKind.TANH, 5);
        net.layer(0).frozenWeights[1] = true;
        net.layer(1).frozenBiases[2] = true;
        for (int j = 0; j < net.layer(2).frozenWeights.length; j++) {
            net.layer(2).frozenWeights[j] = true;
        }
        checkGradients(net, LossKind.MSE, new RegularizationConfig(RegularizationKind.L2, 0.1), 0.0, 9);
    }

    @Test
    void dropoutGradientMatchesFiniteDifferencesWithTheSameMask() {
        Network net = randomNetwork(List.of(Feature.X1, Feature.X2), new int[]{6, 5}, ActivationKind.TANH,
                LossKind.MSE, ActivationKind.TANH, 8);
        checkGradients(net, LossKind.MSE, RegularizationConfig.NONE, 0.3, 11);
    }

    @Test
    void wideLayersMatchFiniteDifferences() {
        Rng rng = new Rng(3);
        Network net = new Network(List.of(Feature.X1, Feature.X2), LossKind.CROSS_ENTROPY, List.of(
                randomLayer(2, 64, ActivationKind.TANH, rng), randomLayer(64, 32, ActivationKind.RELU, rng),
                randomLayer(32, 3, ActivationKind.SOFTMAX, rng)));
        checkGradients(net, LossKind.CROSS_ENTROPY, new RegularizationConfig(RegularizationKind.L1, 0.001), 0.0, 4);
    }

    /** Batch norm in training mode: the batch is coupled, so each example's loss depends on all others' z. */
    @ParameterizedTest(name = "batch norm, {0} hidden, {1} with {2} output, {3}")
    @MethodSource("normCases")
    void batchNormTrainingGradientsMatchFiniteDifferences(ActivationKind hidden, LossKind loss, ActivationKind outAct,
                                                          RegularizationConfig reg, double dropout) {
        Network net = normalized(randomNetwork(List.of(Feature.X1, Feature.X2, Feature.X1_TIMES_X2), new int[]{5, 4},
                hidden, loss, outAct, 17), 23);
        checkGradients(net, loss, reg, dropout, 13, true);
    }

    static Stream<Arguments> normCases() {
        RegularizationConfig l2 = new RegularizationConfig(RegularizationKind.L2, 0.03);
        RegularizationConfig l1 = new RegularizationConfig(RegularizationKind.L1, 0.01);
        return Stream.of(
                Arguments.of(ActivationKind.SIGMOID, LossKind.MSE, ActivationKind.LINEAR, RegularizationConfig.NONE, 0.0),
                Arguments.of(ActivationKind.TANH, LossKind.CROSS_ENTROPY, ActivationKind.SOFTMAX, l2, 0.0),
                Arguments.of(ActivationKind.RELU, LossKind.BCE, ActivationKind.SIGMOID, l1, 0.0),
                Arguments.of(ActivationKind.LEAKY_RELU, LossKind.MSE, ActivationKind.TANH, RegularizationConfig.NONE, 0.0),
                Arguments.of(ActivationKind.LINEAR, LossKind.MSE, ActivationKind.LINEAR, l2, 0.0),
                Arguments.of(ActivationKind.TANH, LossKind.MSE, ActivationKind.TANH, RegularizationConfig.NONE, 0.25));
    }

    /** Evaluation mode (the trace): the running statistics are constants of the function. */
    @Test
    void batchNormEvaluationGradientsMatchFiniteDifferences() {
        Network net = normalized(randomNetwork(List.of(Feature.X1, Feature.X2), new int[]{4, 3},
                ActivationKind.TANH, LossKind.MSE, ActivationKind.TANH, 29), 31);
        checkGradients(net, LossKind.MSE, new RegularizationConfig(RegularizationKind.L2, 0.05), 0.0, 3, false);
    }

    /** Batch norm on every hidden layer, with gamma, beta and running statistics away from their start. */
    static Network normalized(Network net, long seed) {
        Rng rng = new Rng(seed);
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l < net.layerCount(); l++) {
            Layer layer = net.layer(l);
            if (l < net.layerCount() - 1) {
                layer = layer.withBatchNorm();
                BatchNorm bn = layer.norm();
                for (int j = 0; j < bn.units(); j++) {
                    bn.gamma.values[j] = 0.5 + rng.nextDouble();
                    bn.beta.values[j] = rng.nextGaussian() * 0.3;
                    bn.runningMean[j] = rng.nextGaussian() * 0.5;
                    bn.runningVar[j] = 0.2 + rng.nextDouble();
                }
            }
            layers.add(layer);
        }
        return new Network(net.features(), net.loss(), layers);
    }

    static Network randomNetwork(List<Feature> features, int[] hidden, ActivationKind act, LossKind loss,
                                 ActivationKind outAct, long seed) {
        Rng rng = new Rng(seed);
        List<Layer> layers = new ArrayList<>();
        int in = features.size();
        for (int h : hidden) {
            layers.add(randomLayer(in, h, act, rng));
            in = h;
        }
        layers.add(randomLayer(in, loss == LossKind.CROSS_ENTROPY ? 3 : 1, outAct, rng));
        return new Network(features, loss, layers);
    }

    static Layer randomLayer(int in, int out, ActivationKind act, Rng rng) {
        Layer l = new Layer(in, out, act);
        for (int j = 0; j < l.weights.length; j++) {
            l.weights[j] = rng.nextGaussian() * 1.5 / Math.sqrt(in);
        }
        for (int j = 0; j < l.biases.length; j++) {
            l.biases[j] = rng.nextGaussian() * 0.3;
        }
        return l;
    }

    private static void checkGradients(Network net, LossKind loss, RegularizationConfig reg, double dropout,
                                       long seed) {
        checkGradients(net, loss, reg, dropout, seed, false);
    }

    private static void checkGradients(Network net, LossKind loss, RegularizationConfig reg, double dropout,
                                       long seed, boolean training) {
        int n = 6;
        Workspace ws = new Workspace(net, n, training);
        Rng data = new Rng(seed);
        for (int b = 0; b < n; b++) {
            double x1 = data.nextDouble() * 6 - 3;
            double x2 = data.nextDouble() * 6 - 3;
            for (int f = 0; f < net.inputs(); f++) {
                ws.x[f * n + b] = net.features().get(f).apply(x1, x2);
            }
            ws.labels[b] = switch (loss) {
                case CROSS_ENTROPY -> data.nextInt(3);
                case BCE -> data.nextDouble() < 0.5 ? -1 : 1;
                case MSE -> data.nextDouble() * 2 - 1;
            };
        }
        Rng maskRng = new Rng(seed * 31);
        double[][] grads = net.newParameterBuffers();
        net.forward(ws, n, dropout, maskRng.copy());
        net.backward(ws, n, reg, grads);
        List<Parameter> params = net.parameters();
        int norms = 0;
        for (int l = 0; l < net.layerCount(); l++) {
            norms += net.layer(l).norm() == null ? 0 : 1;
        }
        assertEquals(2 * net.layerCount() + 2 * norms, params.size(),
                "a weight and a bias per dense layer, gamma and beta per batch norm");
        for (int p = 0; p < params.size(); p++) {
            Parameter param = params.get(p);
            for (int j = 0; j < param.size(); j++) {
                double numeric = numeric(net, ws, n, dropout, maskRng, reg, param.values, j);
                assertClose(numeric, grads[p][j], "dL/d" + param.name() + " layer " + net.parameterOwner(p)
                        + " entry " + j);
            }
        }
    }

    private static double numeric(Network net, Workspace ws, int n, double dropout, Rng maskRng,
                                  RegularizationConfig reg, double[] param, int j) {
        double saved = param[j];
        param[j] = saved + H;
        double plus = objective(net, ws, n, dropout, maskRng, reg);
        param[j] = saved - H;
        double minus = objective(net, ws, n, dropout, maskRng, reg);
        param[j] = saved;
        return (plus - minus) / (2 * H);
    }

    private static double objective(Network net, Workspace ws, int n, double dropout, Rng maskRng,
                                    RegularizationConfig reg) {
        net.forward(ws, n, dropout, maskRng.copy());
        Layer out = net.output();
        int k = out.outputs();
        int last = net.layerCount() - 1;
        double total = 0;
        for (int b = 0; b < n; b++) {
            total += Loss.value(net.loss(), ws.z[last], ws.a[last], b, n, k, ws.labels[b]);
        }
        return total / n + net.penalty(reg);
    }

    private static void assertClose(double numeric, double analytic, String what) {
        double scale = Math.max(1e-4, Math.max(Math.abs(numeric), Math.abs(analytic)));
        double rel = Math.abs(numeric - analytic) / scale;
        assertTrue(rel <= TOLERANCE, what + ": numeric " + numeric + " vs backprop " + analytic + " (rel " + rel + ")");
    }
}
