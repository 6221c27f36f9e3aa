package org.weightlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.ConvSpec;
import org.weightlab.engine.config.LossKind;
import org.weightlab.engine.config.RegularizationConfig;
import org.weightlab.engine.config.RegularizationKind;

/** The convolution module: values by hand, gradients against finite differences, shapes and freezing. */
class ConvLayerTest {

    private static final double H = 1e-5;

    @Test
    void aThreeByThreeImageThroughATwoByTwoKernelGivesTheHandComputedMap() {
        // x = [[1 2 3] [4 5 6] [7 8 9]], kernel [[1 0] [-1 2]], bias 0.5:
        // z00 = 0.5 + 1*1 + 0*2 - 1*4 + 2*5 = 7.5, z01 = 0.5 + 2 - 5 + 12 = 9.5,
        // z10 = 0.5 + 4 - 7 + 16 = 13.5,           z11 = 0.5 + 5 - 8 + 18 = 15.5
        ConvLayer conv = ConvLayer.of(1, 3, 3, 1, 2, ActivationKind.LINEAR, new double[]{1, 0, -1, 2},
                new double[]{0.5}, null, null);
        ConvLayer.FeatureMaps maps = conv.featureMaps(new double[]{1, 2, 3, 4, 5, 6, 7, 8, 9});
        assertArrayEquals(new double[]{7.5, 9.5, 13.5, 15.5}, maps.z(), 0.0);
        assertEquals(4, conv.outputs());
        assertEquals(9, conv.inputs());

        ConvLayer tanh = ConvLayer.of(1, 3, 3, 1, 2, ActivationKind.TANH, new double[]{0.1, 0, -0.1, 0.2},
                new double[]{0}, null, null);
        double[] a = tanh.featureMaps(new double[]{1, 2, 3, 4, 5, 6, 7, 8, 9}).a();
        assertEquals(Math.tanh(0.1 * 1 - 0.1 * 4 + 0.2 * 5), a[0], 1e-15);
        assertEquals(Math.tanh(0.1 * 5 - 0.1 * 8 + 0.2 * 9), a[3], 1e-15);
    }

    @Test
    void twoKernelsOverTwoChannelsFlattenChannelThenRowThenColumn() {
        // Input channel 0 is all 1, channel 1 all 10; kernel 0 reads channel 0 (all weights 1),
        // kernel 1 reads channel 1 at its top-left weight only.
        double[] x = new double[2 * 3 * 3];
        java.util.Arrays.fill(x, 0, 9, 1.0);
        java.util.Arrays.fill(x, 9, 18, 10.0);
        x[9 + 4] = 20; // channel 1, row 1, column 1
        double[] w = new double[2 * 2 * 2 * 2];
        java.util.Arrays.fill(w, 0, 4, 1.0); // kernel 0, channel 0
        w[(1 * 2 + 1) * 4] = 1.0;            // kernel 1, channel 1, (0, 0)
        ConvLayer conv = ConvLayer.of(2, 3, 3, 2, 2, ActivationKind.LINEAR, w, new double[]{0, -1}, null, null);
        double[] z = conv.featureMaps(x).z();
        assertArrayEquals(new double[]{4, 4, 4, 4, 9, 9, 9, 19}, z, 0.0);
        assertArrayEquals(new double[]{1, 0, 0, 0}, conv.kernel(1, 1), 0.0);
        assertEquals(2 * 2 * 2 * 2 + 2, conv.parameterCount());
        assertEquals(2 * 2 * 2, conv.fanIn());
    }

    static Stream<Arguments> shapes() {
        RegularizationConfig l2 = new RegularizationConfig(RegularizationKind.L2, 0.03);
        RegularizationConfig l1 = new RegularizationConfig(RegularizationKind.L1, 0.01);
        return Stream.of(
                // image side, {channels, kernel} per convolution, activation, regularization
                Arguments.of(5, new int[][]{{1, 2}}, ActivationKind.TANH, RegularizationConfig.NONE),
                Arguments.of(8, new int[][]{{4, 3}}, ActivationKind.TANH, l2),
                Arguments.of(6, new int[][]{{2, 2}, {3, 2}}, ActivationKind.SIGMOID, l1),
                Arguments.of(4, new int[][]{{2, 1}}, ActivationKind.LEAKY_RELU, l2),
                Arguments.of(4, new int[][]{{3, 4}}, ActivationKind.RELU, RegularizationConfig.NONE));
    }

    @ParameterizedTest(name = "{0}x{0} image, convolutions {1}, {2}, {3}")
    @MethodSource("shapes")
    void backpropThroughConvolutionsMatchesFiniteDifferences(int side, int[][] convs, ActivationKind act,
                                                             RegularizationConfig reg) {
        Network net = convNetwork(side, convs, act, 5, 31L * side + convs.length);
        int n = 4;
        Workspace ws = new Workspace(net, n, true);
        Rng data = new Rng(side);
        for (int j = 0; j < ws.x.length; j++) {
            ws.x[j] = data.nextDouble();
        }
        for (int b = 0; b < n; b++) {
            ws.labels[b] = data.nextInt(3);
        }
        double[][] grads = net.newParameterBuffers();
        net.forward(ws, n, 0, null);
        net.backward(ws, n, reg, grads);
        assertEquals(2 * convs.length + 4, net.parameters().size(), "weight and bias of every module");
        int checked = 0;
        for (int p = 0; p < net.parameters().size(); p++) {
            Parameter param = net.parameters().get(p);
            for (int j = 0; j < param.size(); j++) {
                double saved = param.values[j];
                param.values[j] = saved + H;
                double plus = objective(net, ws, n, reg);
                param.values[j] = saved - H;
                double minus = objective(net, ws, n, reg);
                param.values[j] = saved;
                double numeric = (plus - minus) / (2 * H);
                double scale = Math.max(1e-4, Math.max(Math.abs(numeric), Math.abs(grads[p][j])));
                assertTrue(Math.abs(numeric - grads[p][j]) / scale < 1e-6, "dL/d" + param.name() + " of module "
                        + net.parameterOwner(p) + " entry " + j + ": numeric " + numeric + ", backprop " + grads[p][j]);
                checked++;
            }
        }
        assertEquals(net.parameterCount(), checked);
    }

    @Test
    void theInputGradientOfAConvolutionMatchesFiniteDifferences() {
        // The first module's dL/dx is not needed in training; computed here to check the transposed convolution.
        Network net = convNetwork(5, new int[][]{{3, 2}}, ActivationKind.TANH, 4, 77);
        ConvLayer conv = net.conv(0);
        int n = 3;
        Workspace ws = new Workspace(net, n, true);
        Rng data = new Rng(5);
        for (int j = 0; j < ws.x.length; j++) {
            ws.x[j] = data.nextDouble() * 2 - 1;
        }
        for (int b = 0; b < n; b++) {
            ws.labels[b] = b % 3;
        }
        double[][] grads = net.newParameterBuffers();
        net.forward(ws, n, 0, null);
        net.backward(ws, n, RegularizationConfig.NONE, grads);
        double[] dx = new double[ws.x.length];
        conv.backward(ws, 0, n, false, net.newParameterBuffers(), 0, dx);
        for (int j = 0; j < ws.x.length; j++) {
            double saved = ws.x[j];
            ws.x[j] = saved + H;
            double plus = objective(net, ws, n, RegularizationConfig.NONE);
            ws.x[j] = saved - H;
            double minus = objective(net, ws, n, RegularizationConfig.NONE);
            ws.x[j] = saved;
            double numeric = (plus - minus) / (2 * H) * n; // dL/dx of one example's loss, not the mean
            assertEquals(numeric, dx[j], 1e-7 * Math.max(1, Math.abs(numeric)), "dL/dx " + j);
        }
    }

    @Test
    void frozenKernelsStayBitIdenticalWhileTheOthersLearn() {
        org.weightlab.engine.config.RunConfig c = NdDataTrainingTest.digits().withHidden(List.of(), List.of())
                .withExtras(org.weightlab.engine.config.RunExtras.NONE.withConv(List.of(new ConvSpec(3, 3))))
                .withRegularization(new RegularizationConfig(RegularizationKind.L2, 0.01));
        Trainer t = new Trainer(c, org.weightlab.engine.data.DataGenerator.generate(c));
        t.freezeKernel(0, 1, true);
        double[] before = t.network().conv(0).weightsCopy();
        double[] biasBefore = t.network().conv(0).biasesCopy();
        t.runSteps(20);
        ConvLayer after = t.network().conv(0);
        double[] w = after.weightsCopy();
        for (int j = 9; j < 18; j++) {
            assertEquals(Double.doubleToRawLongBits(before[j]), Double.doubleToRawLongBits(w[j]), "kernel 1 " + j);
        }
        assertEquals(biasBefore[1], after.biasesCopy()[1], 0.0);
        assertFalse(java.util.Arrays.equals(java.util.Arrays.copyOf(before, 9), java.util.Arrays.copyOf(w, 9)),
                "kernel 0 learns");
        assertTrue(after.frozenWeightsCopy()[9] && !after.frozenWeightsCopy()[8]);
        assertTrue(after.weightGradientsCopy()[10] != 0, "a frozen kernel's gradient is still computed");
    }

    @Test
    void aConvolutionNetworkLearnsTheDigits() {
        org.weightlab.engine.config.RunConfig c = NdDataTrainingTest.digits().withHidden(List.of(), List.of())
                .withExtras(org.weightlab.engine.config.RunExtras.NONE.withConv(List.of(new ConvSpec(4, 3))));
        Trainer t = new Trainer(c, org.weightlab.engine.data.DataGenerator.generate(c));
        assertEquals(1, t.network().convCount());
        assertEquals(144, t.network().layer(0).inputs());
        assertEquals(64, t.network().inputs());
        assertEquals(4 * 9 + 4 + 144 * 10 + 10, t.network().parameterCount());
        double before = t.evaluate().testAccuracy();
        t.runEpochs(8);
        double after = t.evaluate().testAccuracy();
        assertTrue(after > 0.9 && after > before + 0.5, "test accuracy " + before + " -> " + after);
    }

    @Test
    void featureMapsOfAnExampleAreWhatTheNetworkFeedsItsFirstDenseLayer() {
        org.weightlab.engine.config.RunConfig c = NdDataTrainingTest.digits().withHidden(List.of(16), List.of())
                .withExtras(org.weightlab.engine.config.RunExtras.NONE.withConv(List.of(new ConvSpec(2, 3))));
        org.weightlab.engine.data.DataSplit data = org.weightlab.engine.data.DataGenerator.generate(c);
        Trainer t = new Trainer(c, data);
        t.runSteps(5);
        Trace tr = t.trace(7);
        ConvLayer.FeatureMaps maps = t.network().copy().conv(0).featureMaps(data.train().row(7));
        assertArrayEquals(maps.a(), tr.layer(0).input(), 0.0);
        assertEquals(2, maps.channels());
        assertEquals(36, maps.map(1).length);
    }

    @Test
    void theConvolutionTraceOfOneExampleHoldsItsMapsAndItsKernelGradients() {
        Network net = convNetwork(6, new int[][]{{2, 3}, {2, 2}}, ActivationKind.TANH, 4, 19);
        Rng data = new Rng(8);
        double[] x = new double[36];
        for (int j = 0; j < x.length; j++) {
            x[j] = data.nextDouble();
        }
        ConvTrace tr = ConvTrace.of(net, x, 2);
        assertEquals(2, tr.layers().size());
        assertArrayEquals(net.conv(0).featureMaps(x).a(), tr.layers().get(0).a(), 0.0);
        assertArrayEquals(tr.layers().get(0).a(), tr.layers().get(1).input(), 0.0);
        double[] p = net.predictInputs(x);
        assertEquals(-Math.log(p[2]), tr.loss(), 1e-12);
        Parameter w = net.conv(0).parameters().get(0);
        double[] g = tr.layers().get(0).weightGradients();
        for (int j = 0; j < w.size(); j++) {
            double saved = w.values[j];
            w.values[j] = saved + H;
            double plus = -Math.log(net.predictInputs(x)[2]);
            w.values[j] = saved - H;
            double minus = -Math.log(net.predictInputs(x)[2]);
            w.values[j] = saved;
            assertEquals((plus - minus) / (2 * H), g[j], 1e-7, "kernel weight " + j);
        }
        assertEquals(2, tr.layers().get(1).biasGradients().length);
    }

    @Test
    void convolutionsAreRefusedWhereTheyDoNotFit() {
        org.weightlab.engine.config.RunConfig digits = NdDataTrainingTest.digits();
        assertThrows(IllegalArgumentException.class, () -> digits.withExtras(
                org.weightlab.engine.config.RunExtras.NONE.withConv(List.of(new ConvSpec(2, 9)))), "kernel > 8");
        assertThrows(IllegalArgumentException.class, () -> digits.withExtras(org.weightlab.engine.config.RunExtras
                .NONE.withConv(List.of(new ConvSpec(2, 5), new ConvSpec(2, 5)))), "4x4 then 5x5");
        assertThrows(IllegalArgumentException.class, () -> new ConvSpec(17, 3));
        assertThrows(IllegalArgumentException.class, () -> org.weightlab.engine.config.RunConfig.defaults()
                .withExtras(org.weightlab.engine.config.RunExtras.NONE.withConv(List.of(new ConvSpec(2, 2)))),
                "2-D points are not an image");
        org.weightlab.engine.config.RunConfig conv = digits.withExtras(
                org.weightlab.engine.config.RunExtras.NONE.withConv(List.of(new ConvSpec(2, 2))));
        assertTrue(org.weightlab.engine.config.ConfigEdits.withDataset(conv,
                org.weightlab.engine.config.DatasetKind.CIRCLE).extras().conv().isEmpty(),
                "leaving the digits drops the convolutions");
    }

    /** side x side images -> the convolutions -> dense 'hidden' -> 3 softmax, random parameters. */
    static Network convNetwork(int side, int[][] convs, ActivationKind act, int hidden, long seed) {
        Rng rng = new Rng(seed);
        List<NetModule> modules = new ArrayList<>();
        int ch = 1;
        int h = side;
        for (int[] spec : convs) {
            ConvLayer conv = new ConvLayer(ch, h, h, spec[0], spec[1], act);
            for (Parameter p : conv.parameters()) {
                for (int j = 0; j < p.size(); j++) {
                    p.values[j] = rng.nextGaussian() * 1.2 / Math.sqrt(conv.fanIn());
                }
            }
            modules.add(conv);
            ch = spec[0];
            h = h - spec[1] + 1;
        }
        int flat = ch * h * h;
        modules.add(GradientCheckTest.randomLayer(flat, hidden, ActivationKind.TANH, rng));
        modules.add(GradientCheckTest.randomLayer(hidden, 3, ActivationKind.SOFTMAX, rng));
        return new Network(List.of(), LossKind.CROSS_ENTROPY, modules);
    }

    private static double objective(Network net, Workspace ws, int n, RegularizationConfig reg) {
        net.forward(ws, n, 0, null);
        int last = net.moduleCount() - 1;
        double total = 0;
        for (int b = 0; b < n; b++) {
            total += Loss.value(net.loss(), ws.z[last], ws.a[last], b, n, 3, ws.labels[b]);
        }
        return total / n + net.penalty(reg);
    }
}
