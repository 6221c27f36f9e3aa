package org.weightlab.explain;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.weightlab.engine.Layer;
import org.weightlab.engine.Network;
import org.weightlab.engine.Trace;
import org.weightlab.engine.TraceLayer;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.LossKind;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.OptimizerKind;
import org.weightlab.engine.config.RegularizationConfig;
import org.weightlab.engine.config.RegularizationKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.session.LayerSnapshot;
import org.weightlab.session.SessionState;
import org.weightlab.session.TrainingSnapshot;

class StepThroughModelTest {

    static Stream<Arguments> activationsAndLosses() {
        List<Arguments> a = new ArrayList<>();
        for (ActivationKind h : List.of(ActivationKind.LINEAR, ActivationKind.RELU, ActivationKind.LEAKY_RELU,
                ActivationKind.TANH, ActivationKind.SIGMOID)) {
            a.add(Arguments.of(h, ActivationKind.TANH, LossKind.MSE));
            a.add(Arguments.of(h, ActivationKind.LINEAR, LossKind.MSE));
            a.add(Arguments.of(h, ActivationKind.SIGMOID, LossKind.BCE));
            a.add(Arguments.of(h, ActivationKind.SOFTMAX, LossKind.CROSS_ENTROPY));
        }
        return a.stream();
    }

    static Stream<OptimizerConfig> optimizers() {
        return Stream.of(
                OptimizerConfig.defaults(OptimizerKind.SGD, 0.1),
                OptimizerConfig.defaults(OptimizerKind.SGD, 0.1).withMomentum(0.9, false),
                OptimizerConfig.defaults(OptimizerKind.SGD, 0.1).withMomentum(0.9, true),
                OptimizerConfig.defaults(OptimizerKind.ADAGRAD, 0.1),
                OptimizerConfig.defaults(OptimizerKind.RMSPROP, 0.01),
                OptimizerConfig.defaults(OptimizerKind.RMSPROP, 0.01).withMomentum(0.5, false),
                OptimizerConfig.defaults(OptimizerKind.ADAM, 0.01),
                OptimizerConfig.defaults(OptimizerKind.ADAMW, 0.01));
    }

    /** Every number the panel shows for one example equals the engine's trace of that example. */
    private static void assertPanelMatchesTrace(StepThroughModel m, Trace t, Network net, boolean single) {
        int updates = 0;
        for (Stage s : m.stages()) {
            switch (s.phase()) {
                case INPUT -> {
                    double[] f = t.features();
                    for (int i = 0; i < f.length; i++) {
                        assertEquals(f[i], s.value("x" + i), "feature " + i);
                    }
                }
                case FORWARD -> {
                    TraceLayer tl = t.layer(s.layer());
                    int o = s.neuron();
                    double[] x = tl.input();
                    for (int i = 0; i < x.length; i++) {
                        assertEquals(x[i], s.value("in" + i), s.title());
                        assertEquals(net.layer(s.layer()).weight(o, i), s.value("w" + i), s.title());
                    }
                    assertEquals(net.layer(s.layer()).bias(o), s.value("b"), s.title());
                    assertEquals(tl.z()[o], s.value("z"), s.title());
                    assertEquals(tl.a()[o], s.value("a"), s.title());
                }
                case LOSS -> assertEquals(t.loss(), s.value("loss"));
                case BACKWARD -> {
                    TraceLayer tl = t.layer(s.layer());
                    int o = s.neuron();
                    assertEquals(tl.dLdz()[o], s.value("delta"), s.title());
                    if (s.find("dLda").isPresent()) {
                        assertEquals(tl.dLda()[o], s.value("dLda"), s.title());
                    }
                    int in = tl.inputs();
                    for (int i = 0; i < in; i++) {
                        assertEquals(tl.dataWeightGradients()[o * in + i], s.value("gw" + i), s.title());
                    }
                    assertEquals(tl.biasGradients()[o], s.value("gb"), s.title());
                }
                case UPDATE -> {
                    updates++;
                    if (single) {
                        TraceLayer tl = t.layer(s.layer());
                        int o = s.neuron();
                        int in = tl.inputs();
                        for (int i = 0; i < in; i++) {
                            assertEquals(tl.weightGradients()[o * in + i], s.value("w" + i + ".grad"), s.title());
                            assertEquals(tl.newWeights()[o * in + i], s.value("w" + i + ".after"), s.title());
                        }
                        assertEquals(tl.newBiases()[o], s.value("b.after"), s.title());
                    }
                }
                default -> {
                }
            }
        }
        assertTrue(updates > 0);
    }

    @ParameterizedTest(name = "{0} hidden, {1} output, {2}")
    @MethodSource("activationsAndLosses")
    void panelShowsTheEnginesTraceForEveryActivationAndLoss(ActivationKind hidden, ActivationKind out, LossKind loss) {
        RunConfig c = Runs.config(hidden, out, loss, Runs.sgd(0.1));
        DataSplit d = Runs.data(c);
        Trainer live = Runs.trained(c, d, 3);
        StepThroughModel m = StepThroughModel.fromCheckpoint(live.checkpoint(), d);
        int example = firstOutside(m.batch(), d.train().size());
        m.selectExample(example);
        assertFalse(m.batchMode());
        assertPanelMatchesTrace(m, live.trace(example), live.network(), true);
        // The batch walk details its first example with the same numbers.
        m.startBatch();
        assertPanelMatchesTrace(m, live.trace(m.batch()[0]), live.network(), false);
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void updatePreviewEqualsTheEnginesForEveryOptimizer(OptimizerConfig opt) {
        RunConfig c = Runs.tanhMse(opt).withRegularization(new RegularizationConfig(RegularizationKind.L2, 0.01));
        DataSplit d = Runs.data(c);
        Trainer live = Runs.trained(c, d, 4);
        live.freezeWeight(0, 1, 0, true);
        live.freezeBias(1, 2, true);
        StepThroughModel m = StepThroughModel.fromCheckpoint(live.checkpoint(), d);
        m.selectPoint(0.7, -1.3, 1);
        assertPanelMatchesTrace(m, live.trace(0.7, -1.3, 1), live.network(), true);
        Stage frozen = m.stages().stream().filter(s -> s.phase() == Phase.UPDATE && s.layer() == 0
                && s.neuron() == 1).findFirst().orElseThrow();
        assertEquals(live.network().layer(0).weight(1, 0), frozen.value("w0.after"));
        assertTrue(frozen.text().contains("frozen"));
    }

    static Stream<Arguments> stepCases() {
        List<Arguments> a = new ArrayList<>();
        optimizers().forEach(o -> {
            a.add(Arguments.of(o, RegularizationConfig.NONE));
            a.add(Arguments.of(o, new RegularizationConfig(RegularizationKind.L1, 0.003)));
        });
        a.add(Arguments.of(OptimizerConfig.defaults(OptimizerKind.ADAM, 0.01),
                new RegularizationConfig(RegularizationKind.L2, 0.01)));
        return a.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("stepCases")
    void applyingTheWalkedBatchGivesTheEnginesStepBitForBit(OptimizerConfig opt, RegularizationConfig reg) {
        RunConfig c = Runs.tanhMse(opt).withRegularization(reg);
        DataSplit d = Runs.data(c);
        Trainer live = Runs.trained(c, d, 5);
        live.freezeWeight(1, 0, 2, true);
        live.freezeNeuron(0, 3, true);
        StepThroughModel m = StepThroughModel.fromCheckpoint(live.checkpoint(), d);
        for (int round = 0; round < 3; round++) {
            assertTrue(m.batchMode());
            double[][] shownW = new double[3][];
            double[][] shownB = new double[3][];
            for (int l = 0; l < 3; l++) {
                shownW[l] = m.shownNewWeights(l);
                shownB[l] = m.shownNewBiases(l);
            }
            StepThroughModel.ApplyResult r = m.apply();
            live.step();
            assertTrue(r.matchesShown(), r.message());
            for (int l = 0; l < 3; l++) {
                assertBitIdentical(live.network().layer(l).weightsCopy(), shownW[l]);
                assertBitIdentical(live.network().layer(l).biasesCopy(), shownB[l]);
                assertBitIdentical(live.network().layer(l).weightsCopy(), m.network().layer(l).weightsCopy());
            }
        }
        assertEquals(live.stepCount(), m.stepCount());
    }

    @Test
    void batchSumAndMeanInThePanelAreTheMeanOfTheExamplesGradients() {
        RunConfig c = Runs.tanhMse(Runs.sgd(0.1));
        DataSplit d = Runs.data(c);
        Trainer live = Runs.trained(c, d, 2);
        StepThroughModel m = StepThroughModel.fromCheckpoint(live.checkpoint(), d);
        int[] batch = m.batch();
        assertEquals(5, batch.length);
        List<Stage> acc = m.stages().stream().filter(s -> s.phase() == Phase.ACCUMULATE).toList();
        assertEquals(batch.length + 1, acc.size());
        double running = 0;
        for (int k = 0; k < batch.length; k++) {
            double g = live.trace(batch[k]).layer(2).dataWeightGradients()[1];
            running += g;
            assertEquals(g, acc.get(k).value("g.L2.w0.1"));
            assertEquals(running, acc.get(k).value("sum.L2.w0.1"), 1e-15);
        }
        assertEquals(running / batch.length, acc.get(batch.length).value("g.L2.w0.1"), 1e-15);
    }

    @Test
    void handComputedTwoTwoOneNetworkMatchesThePanel() {
        RunConfig c = RunConfig.defaults().withData(40, 0, 0.5, 3).withFeatures(List.of(Feature.X1, Feature.X2))
                .withHidden(List.of(2), List.of()).withOptimizer(Runs.sgd(0.1)).withBatch(1, false);
        DataSplit d = Runs.data(c);
        double[] w1 = {0.5, -0.25, 0.75, 0.125};
        double[] b1 = {0.1, -0.2};
        double[] w2 = {0.6, -0.4};
        double[] b2 = {0.05};
        Network net = new Network(c.features(), LossKind.MSE, List.of(
                Layer.of(2, 2, ActivationKind.TANH, w1, b1, null, null),
                Layer.of(2, 1, ActivationKind.TANH, w2, b2, null, null)));
        Trainer live = new Trainer(c, d, net);
        StepThroughModel m = StepThroughModel.fromCheckpoint(live.checkpoint(), d);
        double x1 = 1.5;
        double x2 = -2.0;
        double t = -1;
        m.selectPoint(x1, x2, t);

        double z11 = 0.5 * x1 - 0.25 * x2 + 0.1;
        double z12 = 0.75 * x1 + 0.125 * x2 - 0.2;
        double a11 = Math.tanh(z11);
        double a12 = Math.tanh(z12);
        double z2 = 0.6 * a11 - 0.4 * a12 + 0.05;
        double a2 = Math.tanh(z2);
        double loss = 0.5 * (a2 - t) * (a2 - t);
        double d2 = (a2 - t) * (1 - a2 * a2);
        double d11 = 0.6 * d2 * (1 - a11 * a11);
        double d12 = -0.4 * d2 * (1 - a12 * a12);

        double tol = 1e-12;
        assertEquals(z11, stage(m, Phase.FORWARD, 0, 0).value("z"), tol);
        assertEquals(a11, stage(m, Phase.FORWARD, 0, 0).value("a"), tol);
        assertEquals(z12, stage(m, Phase.FORWARD, 0, 1).value("z"), tol);
        assertEquals(a12, stage(m, Phase.FORWARD, 0, 1).value("a"), tol);
        assertEquals(z2, stage(m, Phase.FORWARD, 1, 0).value("z"), tol);
        assertEquals(a2, stage(m, Phase.FORWARD, 1, 0).value("a"), tol);
        assertEquals(loss, stage(m, Phase.LOSS, 1, -1).value("loss"), tol);
        Stage out = stage(m, Phase.BACKWARD, 1, 0);
        assertEquals(a2 - t, out.value("dLda"), tol);
        assertEquals(1 - a2 * a2, out.value("fprime"), tol);
        assertEquals(d2, out.value("delta"), tol);
        assertEquals(d2 * a11, out.value("gw0"), tol);
        assertEquals(d2 * a12, out.value("gw1"), tol);
        assertEquals(d2, out.value("gb"), tol);
        Stage h2 = stage(m, Phase.BACKWARD, 0, 1);
        assertEquals(-0.4 * d2, h2.value("dLda"), tol);
        assertEquals(d12, h2.value("delta"), tol);
        assertEquals(d12 * x1, h2.value("gw0"), tol);
        assertEquals(d12 * x2, h2.value("gw1"), tol);
        assertEquals(d11, stage(m, Phase.BACKWARD, 0, 0).value("delta"), tol);
        Stage up = stage(m, Phase.UPDATE, 0, 0);
        assertEquals(0.5 - 0.1 * d11 * x1, up.value("w0.after"), tol);
        assertEquals(-0.25 - 0.1 * d11 * x2, up.value("w1.after"), tol);
        assertEquals(0.1 - 0.1 * d11, up.value("b.after"), tol);
        assertEquals(0.05 - 0.1 * d2, stage(m, Phase.UPDATE, 1, 0).value("b.after"), tol);
        // The panel text carries the 4-digit forms of these numbers.
        assertTrue(stage(m, Phase.FORWARD, 0, 0).text().contains(NumberText.format(z11)));
        assertTrue(stage(m, Phase.LOSS, 1, -1).text().contains(NumberText.format(loss)));
    }

    @Test
    void rightThenLeftReturnsToTheSameStageAndText() {
        RunConfig c = Runs.tanhMse(OptimizerConfig.defaults(OptimizerKind.ADAM, 0.01));
        DataSplit d = Runs.data(c);
        StepThroughModel m = StepThroughModel.fromCheckpoint(Runs.trained(c, d, 2).checkpoint(), d);
        m.goTo(3);
        String before = m.stage().text();
        int n = 17;
        for (int i = 0; i < n; i++) {
            assertTrue(m.forward());
        }
        assertNotEquals(before, m.stage().text());
        for (int i = 0; i < n; i++) {
            assertTrue(m.back());
        }
        assertEquals(3, m.index());
        assertEquals(before, m.stage().text());
    }

    @Test
    void homeEndAndLayerJumps() {
        RunConfig c = Runs.tanhMse(Runs.sgd(0.03));
        DataSplit d = Runs.data(c);
        StepThroughModel m = StepThroughModel.fromCheckpoint(Runs.trained(c, d, 1).checkpoint(), d);
        assertTrue(m.end());
        assertEquals(m.size() - 1, m.index());
        assertEquals(Phase.APPLY, m.stage().phase());
        assertFalse(m.forward());
        assertTrue(m.home());
        assertEquals(Phase.INPUT, m.stage().phase());
        assertFalse(m.back());
        m.forward();
        assertEquals(Phase.FORWARD, m.stage().phase());
        assertEquals(0, m.stage().layer());
        m.forwardLayer();
        assertEquals(1, m.stage().layer());
        assertEquals(0, m.stage().neuron());
        m.forward();
        m.backLayer();
        assertEquals(1, m.stage().layer());
        assertEquals(0, m.stage().neuron());
        m.backLayer();
        assertEquals(0, m.stage().layer());
        assertEquals(0, m.stage().neuron());
    }

    @Test
    void nextBatchExampleDetailsEachExampleOfTheBatchInTurn() {
        RunConfig c = Runs.tanhMse(Runs.sgd(0.03));
        DataSplit d = Runs.data(c);
        Trainer live = Runs.trained(c, d, 1);
        StepThroughModel m = StepThroughModel.fromCheckpoint(live.checkpoint(), d);
        int[] batch = m.batch();
        assertTrue(m.nextBatchExample());
        assertEquals(1, m.detail());
        assertEquals(live.trace(batch[1]).loss(), m.stages().stream().filter(s -> s.phase() == Phase.LOSS)
                .findFirst().orElseThrow().value("loss"));
        m.selectExample(batch[3]);
        assertTrue(m.batchMode());
        assertEquals(3, m.detail());
    }

    @Test
    void badSelectionsAreRefusedAndChangeNothing() {
        RunConfig c = Runs.tanhMse(Runs.sgd(0.03));
        DataSplit d = Runs.data(c);
        StepThroughModel m = StepThroughModel.fromCheckpoint(Runs.trained(c, d, 1).checkpoint(), d);
        m.goTo(4);
        String text = m.stage().text();
        assertThrows(IllegalArgumentException.class, () -> m.selectExample(-1));
        assertThrows(IllegalArgumentException.class, () -> m.selectExample(d.train().size()));
        assertThrows(IllegalArgumentException.class, () -> m.selectPoint(Double.NaN, 0, 1));
        assertEquals(text, m.stage().text());
        m.selectPoint(1, 2, 1);
        assertThrows(IllegalStateException.class, m::apply);
    }

    @Test
    void enteringFromASnapshotWalksItsWeightsAndSaysWhatItLacks() {
        RunConfig c = Runs.tanhMse(OptimizerConfig.defaults(OptimizerKind.SGD, 0.1));
        DataSplit d = Runs.data(c);
        Trainer live = Runs.trained(c, d, 3);
        List<LayerSnapshot> layers = new ArrayList<>();
        for (int l = 0; l < live.network().layerCount(); l++) {
            Layer layer = live.network().layer(l);
            layers.add(new LayerSnapshot(layer.inputs(), layer.outputs(), layer.activation(), layer.weightsCopy(),
                    layer.biasesCopy(), layer.weightGradientsCopy(), layer.biasGradientsCopy(),
                    layer.weightUpdatesCopy(), layer.biasUpdatesCopy(), layer.frozenWeightsCopy(),
                    layer.frozenBiasesCopy(), null));
        }
        TrainingSnapshot snap = new TrainingSnapshot(live.stepCount(), live.epochCount(), SessionState.PAUSED, c,
                c.features(), layers, 0.5, 0.5, 0.5, 0.5, 0, c.optimizer().learningRate(), null);
        StepThroughModel m = StepThroughModel.fromSnapshot(snap, d);
        assertTrue(m.notice().contains("snapshot"), m.notice());
        m.selectPoint(0.25, -0.5, -1);
        // Plain SGD has no memory, so even the update is the live run's.
        assertPanelMatchesTrace(m, live.trace(0.25, -0.5, -1), live.network(), true);
    }

    @Test
    void longSumsShowTheirFirstAndLastTermsAndCountTheRest() {
        assertArrayEquals(new int[]{0, 1, 2, 3}, Notation.shownTerms(4));
        assertEquals(16, Notation.shownTerms(16).length);
        assertArrayEquals(new int[]{0, 1, 2, 3, 4, 5, 782, 783}, Notation.shownTerms(784));
    }

    private static Stage stage(StepThroughModel m, Phase p, int layer, int neuron) {
        return m.stages().stream().filter(s -> s.phase() == p && s.layer() == layer && s.neuron() == neuron)
                .findFirst().orElseThrow();
    }

    private static int firstOutside(int[] batch, int size) {
        for (int i = 0; i < size; i++) {
            final int e = i;
            if (Arrays.stream(batch).noneMatch(b -> b == e)) {
                return i;
            }
        }
        throw new IllegalStateException("every example is in the batch");
    }

    private static void assertBitIdentical(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int j = 0; j < expected.length; j++) {
            assertEquals(Double.doubleToRawLongBits(expected[j]), Double.doubleToRawLongBits(actual[j]),
                    "entry " + j + ": " + expected[j] + " vs " + actual[j]);
        }
    }

    @org.junit.jupiter.api.Test
    void theWalkedPointIsTheExampleShownInDetailForTheOutputPlotToMark() {
        RunConfig c = Runs.tanhMse(Runs.sgd(0.1));
        DataSplit d = Runs.data(c);
        StepThroughModel m = StepThroughModel.fromCheckpoint(Runs.trained(c, d, 2).checkpoint(), d);
        m.startBatch();
        for (int k = 0; k < 3; k++) {
            int example = m.batch()[m.detail()];
            assertArrayEquals(new double[] {d.train().x1(example), d.train().x2(example)}, m.walkedPoint(), 0.0,
                    "example " + k + " of the batch");
            m.nextBatchExample();
        }
        m.selectPoint(0.25, -1.5, 1);
        assertArrayEquals(new double[] {0.25, -1.5}, m.walkedPoint(), 0.0);
    }
}
