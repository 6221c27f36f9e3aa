package org.weightlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.PickResult;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.OptimizerKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.scenario.Scenario;
import org.weightlab.session.SessionSettings;
import org.weightlab.session.LayerSnapshot;
import org.weightlab.session.SessionEvent;
import org.weightlab.session.SessionHost;
import org.weightlab.session.SessionState;
import org.weightlab.session.SnapshotBus;
import org.weightlab.session.TrainingSession;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.heatmap.DecisionHeatmapView;
import org.weightlab.ui.loss.LossChartView;
import org.weightlab.ui.loss.MinMaxDecimator;
import org.weightlab.ui.network.NetworkGraphView;
import org.weightlab.ui.status.DivergenceBanner;

/**
 * End-to-end flows on the real window with a real training session: what a person does with the
 * mouse and keyboard, and what the engine and every view then hold. (Play and the falling loss
 * are in {@link MainWindowTest}.)
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowFlowsTest {

    private static final long TIMEOUT_S = 20;

    private SessionHost host;
    private MainWindow window;

    @Start
    void start(Stage primary) {
        // A window of its own: the main window sizes and maximizes its stage from preferences,
        // which must not leak into the shared primary stage of later tests.
        Stage stage = new Stage();
        ownStage = stage;
        host = new SessionHost(new SnapshotBus(), DataGenerator::generate, SessionSettings.defaults());
        host.open(RunConfig.defaults(), null);
        window = new MainWindow(host, RunConfig.defaults());
        window.show(stage);
    }

    private Stage ownStage;

    @AfterEach
    void stop() throws Exception {
        window.close();
        WaitForAsyncUtils.asyncFx(ownStage::close).get();
        host.close();
    }

    // ------------------------------------------------------------------ flows

    @Test
    void typingANewLearningRateWhileRunningKeepsTrainingAndMarksTheChart(FxRobot robot) throws Exception {
        waitForFirstSnapshot();
        assertEquals(0.03, shown().config().optimizer().learningRate(), "the default run starts at lr 0.03");
        robot.clickOn("#playButton");
        waitUntil("training runs", () -> shown().state() == SessionState.RUNNING && shown().step() >= 50);
        // every snapshot from now on: a reset or rebuild would publish one at a small step
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        AtomicLong firstStepAtNewRate = new AtomicLong(-1);
        try (var e = host.bus().onEvent(events::add);
             var s = host.bus().onSnapshot(snap -> {
                 if (snap.learningRate() == 0.3) {
                     firstStepAtNewRate.compareAndSet(-1, snap.step());
                 }
             })) {
            long before = shown().step();
            TextField lr = robot.lookup("#learningRateField").queryAs(TextField.class);
            reveal(robot, lr);
            robot.clickOn(lr);
            robot.push(KeyCode.SHORTCUT, KeyCode.A);
            robot.write("0.3");
            robot.type(KeyCode.ENTER);

            waitUntil("the run trains on at lr 0.3", () -> shown().learningRate() == 0.3
                    && shown().config().optimizer().learningRate() == 0.3 && shown().step() > before);
            assertEquals(SessionState.RUNNING, shown().state(), "the change did not stop training");
            assertTrue(firstStepAtNewRate.get() >= before,
                    "the first snapshot at the new rate is at step " + firstStepAtNewRate.get()
                            + ", before the change it was " + before + ": the run was reset");
            assertTrue(events.stream().noneMatch(ev -> ev instanceof SessionEvent.Rebuilt),
                    "a learning rate change rebuilt the run: " + events);
        }
        String expected = "lr 0.03 \u2192 0.3";
        LossChartView chart = robot.lookup("#lossArea").queryAs(LossChartView.class);
        List<org.weightlab.session.LossHistory.Marker> markers = fx(() -> List.copyOf(chart.markers()));
        assertTrue(markers.stream().anyMatch(m -> m.label().equals(expected) && m.step() > 0),
                "no marker \"" + expected + "\" in " + markers);
        robot.clickOn("#playButton");
    }

    @Test
    void aNeuronFrozenWithAltClickKeepsItsWeightsBitForBit(FxRobot robot) throws Exception {
        waitForFirstSnapshot();
        int layer = 0;
        int neuron = 1;
        Node box = robot.lookup("#neuron-" + layer + "-" + neuron).query();
        robot.press(KeyCode.ALT).clickOn(box).release(KeyCode.ALT);
        waitUntil("the neuron is frozen", () -> neuronFrozen(shown().layers().get(layer), neuron));
        assertTrue(robot.lookup("#neuron-" + layer + "-" + neuron + " .wl-lock-box").query().isVisible(),
                "the frozen neuron shows its lock");

        TrainingSnapshot start = idle();
        LayerSnapshot first = start.layers().get(layer);
        double[] frozenBefore = incoming(first, neuron);
        double[] otherBefore = incoming(first, 0);

        robot.clickOn("#playButton");
        waitUntil("150 steps trained", () -> shown().step() >= start.step() + 150);
        robot.clickOn("#playButton");
        TrainingSnapshot end = idle();
        LayerSnapshot last = end.layers().get(layer);

        assertTrue(end.step() >= start.step() + 150);
        assertArrayEquals(frozenBefore, incoming(last, neuron), "a frozen weight or bias moved");
        assertFalse(Arrays.equals(otherBefore, incoming(last, 0)), "the unfrozen neuron did not train");
        // Not trivially still: the loss does pull on the frozen neuron, only the updates are held back.
        double[] pull = new double[last.inputs() + 1];
        for (int i = 0; i < last.inputs(); i++) {
            pull[i] = last.weightGradients()[neuron * last.inputs() + i];
        }
        pull[last.inputs()] = last.biasGradients()[neuron];
        assertTrue(Arrays.stream(pull).anyMatch(g -> g != 0), "the frozen neuron has no gradient to resist");

        // Its context menu unfreezes it. (Monocle sends no menu event for a right click, so the
        // request is fired as the platform would; the menu item is clicked for real.)
        robot.interact(() -> {
            Bounds b = box.localToScreen(box.getBoundsInLocal());
            Point2D local = new Point2D(box.getLayoutBounds().getWidth() / 2, box.getLayoutBounds().getHeight() / 2);
            Point2D scene = box.localToScene(local);
            box.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, local.getX(), local.getY(),
                    b.getCenterX(), b.getCenterY(), false, new PickResult(box, scene.getX(), scene.getY())));
        });
        robot.clickOn("Unfreeze neuron");
        waitUntil("the neuron is free again", () -> !neuronFrozen(shown().layers().get(layer), neuron)
                && !shown().layers().get(layer).frozenBiases()[neuron]);
        assertFalse(robot.lookup("#neuron-" + layer + "-" + neuron + " .wl-lock-box").query().isVisible());
    }

    @Test
    void aWeightTypedIntoTheEdgeEditorIsTheEnginesWeight(FxRobot robot) throws Exception {
        waitForFirstSnapshot();
        TrainingSnapshot before = idle();
        int layer = 1;
        int out = 1;
        int in = 2;
        double value = -0.4375; // exact in binary and in decimal
        assertNotEquals(value, before.layers().get(layer).weight(out, in));

        CubicCurve edge = robot.lookup("#edge-" + layer + "-" + out + "-" + in).queryAs(CubicCurve.class);
        robot.clickOn(fx(() -> onCurve(edge, 0.3)));
        Node editor = robot.lookup("#valueEditor").query();
        TextField field = robot.lookup("#valueEditorField").queryAs(TextField.class);
        waitUntil("the edge editor opens", () -> fx(() -> editor.isVisible() && field.isFocused()));
        NetworkGraphView graph = robot.lookup("#networkArea").queryAs(NetworkGraphView.class);
        var selected = fx(() -> graph.selectedEdgeProperty().get());
        assertEquals(List.of(layer, out, in), List.of(selected.layer(), selected.out(), selected.in()),
                "the click selected another edge");
        robot.write(Double.toString(value));
        robot.type(KeyCode.ENTER);

        waitUntil("the window shows the typed weight", () -> shown().layers().get(layer).weight(out, in) == value);
        TrainingSnapshot after = idle();
        assertEquals(value, after.layers().get(layer).weight(out, in), 0.0);
        assertEquals(before.step(), after.step(), "editing a weight trained the network");
        assertEquals(SessionState.PAUSED, after.state());
        assertFalse(fx(editor::isVisible), "the editor closes on Enter");
    }

    @Test
    void thePlusButtonAddsAHiddenLayerToTheGraphAndTheConfig(FxRobot robot) throws Exception {
        waitForFirstSnapshot();
        List<Integer> hidden = shown().config().hidden();
        int headers = robot.lookup("." + NetworkGraphView.HEADER_CLASS).queryAll().size();
        int neurons = robot.lookup("." + NetworkGraphView.NEURON_CLASS).queryAll().size();
        assertEquals(hidden.size() + 1, headers, "one header per hidden layer and the output");

        robot.clickOn("#addLayerButton");
        waitUntil("the run has one more hidden layer", () -> shown().config().hidden().size() == hidden.size() + 1);

        List<Integer> now = shown().config().hidden();
        assertEquals(hidden, now.subList(0, hidden.size()), "the old layers stay as they were");
        int added = now.get(hidden.size());
        assertEquals(hidden.size() + 2, shown().layers().size(), "the network has one more weight layer");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(headers + 1, robot.lookup("." + NetworkGraphView.HEADER_CLASS).queryAll().size());
        assertEquals(neurons + added, robot.lookup("." + NetworkGraphView.NEURON_CLASS).queryAll().size());
        String newHeader = "#header-" + hidden.size() + " ." + NetworkGraphView.HEADER_TITLE_CLASS;
        assertEquals("Layer " + (hidden.size() + 1), robot.lookup(newHeader).queryAs(Labeled.class).getText());
        assertEquals(now.size() + " hidden layers", robot.lookup("#hiddenLayerCount").queryLabeled().getText());
    }

    @Test
    void learningRateTenOnTheSpiralDivergesWithoutNaNOnScreenAndGoesBack(FxRobot robot) throws Exception {
        waitForFirstSnapshot();
        // ReLU layers with a linear output at lr 10: the loss overflows within a few steps.
        RunConfig base = RunConfig.defaults();
        RunConfig wild = base.withDataset(DatasetKind.SPIRAL)
                .withHidden(List.of(8, 8), List.of())
                .withActivations(ActivationKind.RELU, ActivationKind.LINEAR, base.loss(), base.problem())
                .withOptimizer(OptimizerConfig.defaults(OptimizerKind.SGD, 10));
        robot.interact(() -> window.openScenario(Scenario.of(wild), "wild"));
        waitUntil("the spiral run is shown", () -> shown().config().equals(wild));

        DivergenceBanner banner = robot.lookup("#divergenceBanner").queryAs(DivergenceBanner.class);
        assertFalse(fx(banner::isShowing));
        List<SessionEvent.Diverged> divergences = new CopyOnWriteArrayList<>();
        try (var sub = host.bus().onEvent(e -> {
            if (e instanceof SessionEvent.Diverged d) {
                divergences.add(d);
            }
        })) {
            robot.clickOn("#playButton");
            waitUntil("the run diverges", () -> fx(banner::isShowing) && shown().state() == SessionState.DIVERGED);
        }
        assertEquals(SessionState.DIVERGED, host.state());
        TrainingSnapshot diverged = shown();
        assertEquals(1, divergences.size(), divergences.toString());
        SessionEvent.Diverged d = divergences.get(0);
        String message = fx(banner::messageText);
        assertTrue(message.contains(String.format(java.util.Locale.ROOT, "step %,d", d.step()))
                && message.contains(d.what()), message);
        if (d.what().contains("Infinity")) {
            assertFalse(message.contains("became NaN"), "an infinite value is called NaN: " + message);
        }
        assertFinite(diverged, "the diverged snapshot");

        // Every view, in every edge mode.
        NetworkGraphView graph = robot.lookup("#networkArea").queryAs(NetworkGraphView.class);
        for (String mode : new String[] {"#edgeModeWeights", "#edgeModeGradients", "#edgeModeUpdates"}) {
            robot.clickOn(mode);
            assertGraphDrawsNoNaN(robot, graph, mode);
        }
        DecisionHeatmapView heatmap = robot.lookup("#outputArea").queryAs(DecisionHeatmapView.class);
        assertOpaque(fx(heatmap::image), "the decision heatmap");
        LossChartView chart = robot.lookup("#lossArea").queryAs(LossChartView.class);
        long frames = fx(chart::framesDrawn);
        robot.interact(chart::redrawNow);
        assertTrue(fx(chart::framesDrawn) > frames);
        assertLossChartDrawsNoNaN(chart);
        robot.interact(() -> {
            // Rendering the views whole must not fail on the diverged values either.
            for (Node n : List.of(graph, heatmap, chart)) {
                n.snapshot(null, null);
            }
        });

        robot.clickOn("#goBackButton");
        waitUntil("the run went back and paused", () -> shown().state() == SessionState.PAUSED
                && shown().step() < diverged.step() + 1 && !fx(banner::isShowing));
        TrainingSnapshot back = idle();
        assertEquals(SessionState.PAUSED, back.state());
        assertEquals(SessionState.PAUSED, host.state());
        assertTrue(back.step() <= diverged.step(), "went back to step " + back.step());
        assertFinite(back, "the snapshot gone back to");
    }

    @Test
    void spaceRightArrowAndEPlayPauseStepABatchAndFinishTheEpoch(FxRobot robot) throws Exception {
        waitForFirstSnapshot();
        robot.clickOn("#statusBar"); // keys go to the window, not to a text field
        robot.type(KeyCode.SPACE);
        waitUntil("Space plays", () -> host.state() == SessionState.RUNNING && shown().state() == SessionState.RUNNING);
        robot.type(KeyCode.SPACE);
        waitUntil("Space pauses", () -> host.state() == SessionState.PAUSED && shown().state() == SessionState.PAUSED);
        TrainingSnapshot paused = idle();
        assertTrue(paused.step() > 0, "it trained while playing");

        robot.type(KeyCode.RIGHT);
        waitUntil("Right steps", () -> shown().step() > paused.step());
        TrainingSnapshot stepped = idle();
        assertEquals(paused.step() + 1, stepped.step(), "Right steps exactly one batch");
        assertEquals(SessionState.PAUSED, stepped.state());

        int stepsPerEpoch = stepsPerEpoch(stepped.config());
        robot.type(KeyCode.E);
        waitUntil("E finishes the epoch", () -> shown().epoch() > stepped.epoch());
        TrainingSnapshot epochEnd = idle();
        assertEquals(stepped.epoch() + 1, epochEnd.epoch(), "E finishes exactly one epoch");
        assertEquals((long) epochEnd.epoch() * stepsPerEpoch, epochEnd.step(), "E stops at the epoch's end");
        assertTrue(epochEnd.step() > stepped.step() && epochEnd.step() <= stepped.step() + stepsPerEpoch);
        assertEquals(SessionState.PAUSED, epochEnd.state());
    }

    // ------------------------------------------------------------------ helpers

    /** Runs {@code c} on the FX thread and returns its result. */
    private static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not read the window on the FX thread", e);
        }
    }

    /** The snapshot the window shows, read on the FX thread. */
    private TrainingSnapshot shown() {
        return fx(window::shownSnapshot);
    }

    private void waitForFirstSnapshot() throws Exception {
        waitUntil("the first snapshot", () -> shown() != null);
    }

    private static void waitUntil(String what, BooleanSupplier condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
    }

    /**
     * The engine's snapshot once it has nothing left to do, after the window shows that same
     * moment (so view checks that follow see it).
     */
    private TrainingSnapshot idle() throws Exception {
        TrainingSnapshot s = host.session().whenIdle().get(TIMEOUT_S, TimeUnit.SECONDS);
        waitUntil("the window shows step " + s.step(), () -> {
            TrainingSnapshot now = shown();
            return now.step() == s.step() && now.state() == s.state();
        });
        return s;
    }

    private static int stepsPerEpoch(RunConfig c) {
        int train = DataGenerator.generate(c).train().size();
        return (train + c.batchSize() - 1) / c.batchSize();
    }

    /** The weights into neuron {@code o}, then its bias. */
    private static double[] incoming(LayerSnapshot l, int o) {
        double[] v = Arrays.copyOfRange(l.weights(), o * l.inputs(), (o + 1) * l.inputs() + 1);
        v[l.inputs()] = l.biases()[o];
        return v;
    }

    private static boolean neuronFrozen(LayerSnapshot l, int o) {
        for (int i = 0; i < l.inputs(); i++) {
            if (!l.frozen(o, i)) {
                return false;
            }
        }
        return l.frozenBiases()[o];
    }

    /** Bit for bit, so -0.0 and 0.0 (or two NaNs) are told apart as the engine would. */
    private static void assertArrayEquals(double[] expected, double[] actual, String message) {
        assertEquals(expected.length, actual.length, message);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]),
                    message + " at " + i + ": " + expected[i] + " became " + actual[i]);
        }
    }

    private static void assertFinite(TrainingSnapshot s, String what) {
        for (int l = 0; l < s.layers().size(); l++) {
            LayerSnapshot ls = s.layers().get(l);
            for (double w : ls.weights()) {
                assertTrue(Double.isFinite(w), what + ": layer " + l + " has weight " + w);
            }
            for (double b : ls.biases()) {
                assertTrue(Double.isFinite(b), what + ": layer " + l + " has bias " + b);
            }
        }
    }

    /** Point {@code t} of a cubic Bezier edge, in screen coordinates (read on the FX thread). */
    private static Point2D onCurve(CubicCurve c, double t) {
        double u = 1 - t;
        double a = u * u * u;
        double b = 3 * u * u * t;
        double d = 3 * u * t * t;
        double e = t * t * t;
        double x = a * c.getStartX() + b * c.getControlX1() + d * c.getControlX2() + e * c.getEndX();
        double y = a * c.getStartY() + b * c.getControlY1() + d * c.getControlY2() + e * c.getEndY();
        return c.localToScreen(x, y);
    }

    /** Scrolls every scroll pane around {@code node} so that it is in view. */
    private static void reveal(FxRobot robot, Node node) {
        robot.interact(() -> {
            for (Node p = node.getParent(); p != null; p = p.getParent()) {
                if (p instanceof ScrollPane sp && sp.getContent() != null) {
                    Node content = sp.getContent();
                    Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                    double viewport = sp.getViewportBounds().getHeight();
                    double room = content.getBoundsInLocal().getHeight() - viewport;
                    if (room > 0) {
                        double top = Math.max(0, Math.min(room, b.getMinY() - viewport / 3));
                        sp.setVvalue(sp.getVmin() + top / room * (sp.getVmax() - sp.getVmin()));
                    }
                    sp.layout();
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Every edge width finite and every neuron picture opaque: NaN gets the view's NaN colour, not a hole. */
    private static void assertGraphDrawsNoNaN(FxRobot robot, NetworkGraphView graph, String mode) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        List<String> problems = fx(() -> {
            List<String> bad = new ArrayList<>();
            Set<Node> edges = graph.lookupAll("." + NetworkGraphView.EDGE_CLASS);
            if (edges.isEmpty()) {
                bad.add("no edges drawn");
            }
            // every edge is drawn into the graph image: its middle is not a hole
            ImageView graphImage = (ImageView) graph.lookup("#graphImage");
            PixelReader pixels = graphImage.getImage().getPixelReader();
            double scale = graphImage.getImage().getWidth() / graphImage.getFitWidth();
            for (Node n : edges) {
                CubicCurve c = (CubicCurve) n;
                double mx = 0.125 * c.getStartX() + 0.375 * c.getControlX1() + 0.375 * c.getControlX2() + 0.125 * c.getEndX();
                double my = 0.125 * c.getStartY() + 0.375 * c.getControlY1() + 0.375 * c.getControlY2() + 0.125 * c.getEndY();
                int px = (int) ((mx - graphImage.getLayoutX()) * scale);
                int py = (int) ((my - graphImage.getLayoutY()) * scale);
                if (pixels.getArgb(px, py) >>> 24 == 0) {
                    bad.add("edge " + n.getId() + " not drawn");
                }
            }
            for (Node n : graph.lookupAll("." + NetworkGraphView.BIAS_CLASS)) {
                if (((Rectangle) n).getFill() == null) {
                    bad.add("bias " + n.getId() + " unfilled");
                }
            }
            // every neuron's thumbnail, in the graph image under the neuron, is opaque
            for (Node n : graph.lookupAll("." + NetworkGraphView.NEURON_CLASS)) {
                int x0 = (int) Math.round((n.getLayoutX() - graphImage.getLayoutX()) * scale);
                int y0 = (int) Math.round((n.getLayoutY() - graphImage.getLayoutY()) * scale);
                int size = (int) Math.round(((Region) n).getWidth() * scale);
                String hole = null;
                for (int y = y0; y < y0 + size && hole == null; y++) {
                    for (int x = x0; x < x0 + size && hole == null; x++) {
                        int argb = pixels.getArgb(x, y);
                        if (argb >>> 24 != 0xff) {
                            hole = String.format("pixel (%d, %d) is %08x", x - x0, y - y0, argb);
                        }
                    }
                }
                if (hole != null) {
                    bad.add(n.getId() + " " + hole);
                }
            }
            return bad;
        });
        assertTrue(problems.isEmpty(), "edge mode " + mode + ": " + problems);
    }

    private static void assertOpaque(Image image, String what) throws Exception {
        String hole = fx(() -> transparentPixel(image));
        assertTrue(hole == null, what + ": " + hole);
    }

    /** The first pixel that is not fully opaque, or null. */
    private static String transparentPixel(Image image) {
        PixelReader r = image.getPixelReader();
        for (int y = 0; y < (int) image.getHeight(); y++) {
            for (int x = 0; x < (int) image.getWidth(); x++) {
                int argb = r.getArgb(x, y);
                if (argb >>> 24 != 0xff) {
                    return String.format("pixel (%d, %d) is %08x", x, y, argb);
                }
            }
        }
        return null;
    }

    /** The curves' drawn vertices and the axis ticks are all finite numbers. */
    private static void assertLossChartDrawsNoNaN(LossChartView chart) throws Exception {
        List<String> problems = fx(() -> {
            List<String> bad = new ArrayList<>();
            int vertices = 0;
            for (LossChartView.Curve c : LossChartView.Curve.values()) {
                MinMaxDecimator line = chart.drawnLine(c);
                for (int k = 0; k < line.count(); k++) {
                    vertices++;
                    if (!Double.isFinite(line.x(k)) || !Double.isFinite(line.y(k))) {
                        bad.add(c + " vertex " + k + " at (" + line.x(k) + ", " + line.y(k) + ")");
                    }
                }
            }
            if (vertices == 0) {
                bad.add("no loss drawn at all");
            }
            for (var t : chart.yTicks()) {
                if (!Double.isFinite(t.value()) || t.label().contains("NaN") || t.label().contains("Infinity") || t.label().contains("\u221e")) {
                    bad.add("y tick " + t.label());
                }
            }
            double[] range = chart.xRange();
            if (!Double.isFinite(range[0]) || !Double.isFinite(range[1])) {
                bad.add("x range " + Arrays.toString(range));
            }
            return bad;
        });
        assertTrue(problems.isEmpty(), "loss chart: " + problems);
    }
}
