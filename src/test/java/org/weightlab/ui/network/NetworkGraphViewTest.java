package org.weightlab.ui.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.scene.shape.CubicCurve;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.session.SessionState;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.theme.RecordingControl;
import org.weightlab.ui.theme.TestSnapshots;

@ExtendWith(ApplicationExtension.class)
class NetworkGraphViewTest {

    /** x1, x2 straight into the output: two edges that never cross. */
    private static final RunConfig TWO_EDGES = TestSnapshots.config(List.of(Feature.X1, Feature.X2));

    private final RecordingControl control = new RecordingControl();
    private NetworkGraphView view;

    /** Runs {@code r} on the FX thread and waits for it (only for it: quicker than robot.interact). */
    static void fx(Runnable r) {
        try {
            WaitForAsyncUtils.asyncFx(r).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new AssertionError(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        view = new NetworkGraphView(control);
        Scene scene = new Scene(view, 1000, 700);
        scene.getStylesheets().add(getClass().getResource("/org/weightlab/ui/weightlab.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private void show(FxRobot robot, TrainingSnapshot s) {
        fx(() -> {
            view.show(s);
            view.applyCss();
            view.layout();
        });
    }

    private TrainingSnapshot twoEdges(double w1, double w2) {
        return TestSnapshots.of(TWO_EDGES).weights(0, w1, w2).biases(0, 0.1)
                .gradients(0, -0.05, 0.02).build();
    }

    private WritableImage snapshot(FxRobot robot) {
        WritableImage[] img = new WritableImage[1];
        fx(() -> img[0] = view.snapshot(null, null));
        return img[0];
    }

    /** The middle of an edge in view coordinates, and the unit normal there. */
    private double[] middle(CubicCurve c) {
        double mx = 0.125 * c.getStartX() + 0.375 * c.getControlX1() + 0.375 * c.getControlX2() + 0.125 * c.getEndX();
        double my = 0.125 * c.getStartY() + 0.375 * c.getControlY1() + 0.375 * c.getControlY2() + 0.125 * c.getEndY();
        Point2D p = view.sceneToLocal(c.localToScene(mx, my));
        // tangent at t = 1/2 is 3/4 (P1 - P0) + 3/2 (P2 - P1) + 3/4 (P3 - P2)
        double tx = 0.75 * (c.getControlX1() - c.getStartX()) + 1.5 * (c.getControlX2() - c.getControlX1())
                + 0.75 * (c.getEndX() - c.getControlX2());
        double ty = 0.75 * (c.getControlY1() - c.getStartY()) + 1.5 * (c.getControlY2() - c.getControlY1())
                + 0.75 * (c.getEndY() - c.getControlY2());
        double n = Math.hypot(tx, ty);
        return new double[] {p.getX(), p.getY(), -ty / n, tx / n};
    }

    private Point2D onScreen(CubicCurve c) {
        double[] m = middle(c);
        return view.localToScreen(m[0], m[1]);
    }

    private Point2D sceneMiddle(CubicCurve c) {
        double[] m = middle(c);
        return view.localToScene(m[0], m[1]);
    }

    /** Fires a click at a scene point straight at {@code target} (no robot: fast and exact). */
    private void click(FxRobot robot, Node target, Point2D scene, MouseButton b, boolean ctrl, boolean alt) {
        fx(() -> {
            for (var type : List.of(MouseEvent.MOUSE_ENTERED, MouseEvent.MOUSE_CLICKED)) {
                Event.fireEvent(target, new MouseEvent(type, scene.getX(), scene.getY(), 0, 0, b, 1, false, ctrl,
                        alt, false, false, false, false, false, false, true, null));
            }
        });
    }

    private void click(FxRobot robot, Node target, boolean ctrl, boolean alt) {
        Bounds b = target.localToScene(target.getBoundsInLocal());
        click(robot, target, new Point2D(b.getCenterX(), b.getCenterY()), MouseButton.PRIMARY, ctrl, alt);
    }

    private void hover(FxRobot robot, Node target) {
        fx(() -> Event.fireEvent(target, new MouseEvent(MouseEvent.MOUSE_ENTERED, 0, 0, 0, 0,
                MouseButton.NONE, 0, false, false, false, false, false, false, false, false, false, true, null)));
    }

    /** Asks {@code target} for its context menu and picks the item called {@code text}. */
    private void menu(FxRobot robot, Node target, Point2D scene, String text) {
        fx(() -> Event.fireEvent(target, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                scene.getX(), scene.getY(), 0, 0, false, null)));
        MenuItem item = view.contextMenu().getItems().stream().filter(m -> text.equals(m.getText())).findFirst()
                .orElseThrow(() -> new AssertionError("no menu item " + text + " in "
                        + view.contextMenu().getItems().stream().map(MenuItem::getText).toList()));
        fx(item::fire);
        fx(view.contextMenu()::hide);
    }

    private void menu(FxRobot robot, Node target, String text) {
        Bounds b = target.localToScene(target.getBoundsInLocal());
        menu(robot, target, new Point2D(b.getCenterX(), b.getCenterY()), text);
    }

    private void key(FxRobot robot, KeyCode code) {
        fx(() -> Event.fireEvent(view.editor().field(), new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code,
                false, false, false, false)));
    }

    private static Color pixel(WritableImage img, double x, double y) {
        return img.getPixelReader().getColor((int) Math.round(x), (int) Math.round(y));
    }

    private static boolean blueish(Color c) {
        return c.getBlue() - c.getRed() > 0.25;
    }

    private static boolean orangeish(Color c) {
        return c.getRed() - c.getBlue() > 0.25 && c.getGreen() > c.getBlue();
    }

    /** How many pixels across the edge (along its normal) carry a strong colour. */
    private static double thickness(WritableImage img, double[] m) {
        int count = 0;
        for (double d = -12; d <= 12; d += 0.25) {
            Color c = pixel(img, m[0] + d * m[2], m[1] + d * m[3]);
            if (Math.abs(c.getRed() - c.getBlue()) > 0.25) {
                count++;
            }
        }
        return count * 0.25;
    }

    @Test
    void positiveWeightsAreBlueNegativeOrangeAndBiggerIsThicker(FxRobot robot) {
        show(robot, twoEdges(0.8, -0.4));
        WritableImage img = snapshot(robot);
        double[] pos = middle(view.edgeHit(0, 0, 0));
        double[] neg = middle(view.edgeHit(0, 0, 1));
        assertTrue(blueish(pixel(img, pos[0], pos[1])), "positive edge " + pixel(img, pos[0], pos[1]));
        assertTrue(orangeish(pixel(img, neg[0], neg[1])), "negative edge " + pixel(img, neg[0], neg[1]));
        double thick = thickness(img, pos);
        double thin = thickness(img, neg);
        assertTrue(thick > thin + 1, "|0.8| draws thicker than |0.4|: " + thick + " vs " + thin);
    }

    @Test
    void switchingToGradientsRecoloursTheEdges(FxRobot robot) {
        show(robot, twoEdges(0.8, -0.4));
        fx(() -> robot.lookup("#edgeModeGradients").queryAs(ToggleButton.class).fire());
        fx(() -> view.layout());
        assertEquals(EdgeMode.GRADIENT, view.edgeModeProperty().get());
        WritableImage img = snapshot(robot);
        double[] first = middle(view.edgeHit(0, 0, 0));
        double[] second = middle(view.edgeHit(0, 0, 1));
        // gradients are -0.05 and +0.02: the signs and the thickness order flip
        assertTrue(orangeish(pixel(img, first[0], first[1])), "gradient -0.05 " + pixel(img, first[0], first[1]));
        assertTrue(blueish(pixel(img, second[0], second[1])), "gradient +0.02 " + pixel(img, second[0], second[1]));
        assertTrue(thickness(img, first) > thickness(img, second) + 1);
    }

    @Test
    void clickingAnEdgeAndTypingAValueSetsTheWeight(FxRobot robot) {
        show(robot, twoEdges(0.8, -0.4));
        robot.clickOn(onScreen(view.edgeHit(0, 0, 1)), Motion.DIRECT, MouseButton.PRIMARY);
        assertTrue(view.editor().isOpen());
        assertEquals(new EdgeRef(0, 0, 1), view.selectedEdgeProperty().get());
        fx(() -> view.editor().field().setText("0.5"));
        robot.type(KeyCode.ENTER);
        assertEquals(List.of("setWeight 0 0 1 0.5"), control.calls());
        assertFalse(view.editor().isOpen());
    }

    @Test
    void escapeCancelsTheEdit(FxRobot robot) {
        show(robot, twoEdges(0.8, -0.4));
        click(robot, view.edgeHit(0, 0, 0), sceneMiddle(view.edgeHit(0, 0, 0)), MouseButton.PRIMARY, false, false);
        assertTrue(view.editor().isOpen());
        fx(() -> view.editor().field().setText("0.25"));
        key(robot, KeyCode.ESCAPE);
        assertFalse(view.editor().isOpen());
        assertEquals(List.of(), control.calls());
    }

    @Test
    void badTextShowsAMessageAndSetsNothing(FxRobot robot) {
        show(robot, twoEdges(0.8, -0.4));
        click(robot, view.edgeHit(0, 0, 0), sceneMiddle(view.edgeHit(0, 0, 0)), MouseButton.PRIMARY, false, false);
        for (String bad : List.of("abc", "1000", "NaN", "")) {
            fx(() -> view.editor().field().setText(bad));
            key(robot, KeyCode.ENTER);
            assertTrue(view.editor().isOpen(), "stays open for " + bad);
            assertFalse(view.editor().errorText().isEmpty(), "a message for " + bad);
        }
        assertEquals(List.of(), control.calls());
        assertTrue(robot.lookup("#valueEditorError").queryLabeled().getTextFill() instanceof Color c
                && c.getRed() > 0.6 && c.getGreen() < 0.3, "the message is red");
    }

    @Test
    void bothEditorsOpenOnTheCurrentValue(FxRobot robot) {
        show(robot, twoEdges(0.8, -0.4));
        robot.clickOn(onScreen(view.edgeHit(0, 0, 1)), Motion.DIRECT, MouseButton.PRIMARY);
        assertTrue(view.editor().isOpen());
        assertEquals("-0.4", view.editor().field().getText(), "the edge editor shows the weight");
        key(robot, KeyCode.ESCAPE);
        Bounds b = view.biasMark(0, 0).localToScreen(view.biasMark(0, 0).getBoundsInLocal());
        robot.clickOn(new Point2D(b.getCenterX(), b.getCenterY()), Motion.DIRECT, MouseButton.PRIMARY);
        assertTrue(view.editor().isOpen(), "a click on the bias mark opens the editor");
        assertEquals("0.1", view.editor().field().getText(), "the bias editor shows the bias");
        assertEquals(List.of(), control.calls());
    }

    @Test
    void clickingABiasEditsIt(FxRobot robot) {
        show(robot, twoEdges(0.8, -0.4));
        click(robot, view.biasMark(0, 0), false, false);
        fx(() -> view.editor().field().setText("-2.5"));
        key(robot, KeyCode.ENTER);
        assertEquals(List.of("setBias 0 0 -2.5"), control.calls());
    }

    @Test
    void altClickFreezesAWeightAndCtrlClickANeuron(FxRobot robot) {
        show(robot, TestSnapshots.of(TestSnapshots.config(List.of(Feature.X1, Feature.X2), 3)).build());
        Point2D edge = onScreen(view.edgeHit(0, 2, 1));
        robot.press(KeyCode.ALT).clickOn(edge, Motion.DIRECT, MouseButton.PRIMARY).release(KeyCode.ALT);
        click(robot, view.neuronNode(0, 1), true, false);
        click(robot, view.biasMark(0, 2), false, true);
        click(robot, view.header(0), false, true);
        assertEquals(List.of("freezeWeight 0 2 1 true", "freezeNeuron 0 1 true", "freezeBias 0 2 true",
                "freezeLayer 0 true"), control.calls());
        assertFalse(view.editor().isOpen(), "a freeze gesture does not open the editor");
    }

    @Test
    void contextMenusFreezeNeuronsAndLayers(FxRobot robot) {
        show(robot, TestSnapshots.of(TestSnapshots.config(List.of(Feature.X1, Feature.X2), 3)).build());
        menu(robot, view.neuronNode(0, 2), "Freeze neuron");
        menu(robot, view.neuronNode(0, 0), "Freeze bias");
        menu(robot, view.header(0), "Freeze layer");
        menu(robot, view.edgeHit(1, 0, 0), sceneMiddle(view.edgeHit(1, 0, 0)), "Freeze weight");
        assertEquals(List.of("freezeNeuron 0 2 true", "freezeBias 0 0 true", "freezeLayer 0 true",
                "freezeWeight 1 0 0 true"), control.calls());
        // a frozen neuron's menu offers to unfreeze it
        control.clear();
        RunConfig c = TestSnapshots.config(List.of(Feature.X1, Feature.X2), 3);
        show(robot, TestSnapshots.of(c).frozenWeights(0, false, false, false, false, true, true)
                .frozenBiases(0, false, false, true).build());
        menu(robot, view.neuronNode(0, 2), "Unfreeze neuron");
        menu(robot, view.edgeHit(0, 2, 0), sceneMiddle(view.edgeHit(0, 2, 0)), "Edit weight\u2026");
        assertTrue(view.editor().isOpen());
        assertEquals(List.of("freezeNeuron 0 2 false"), control.calls());
    }

    @Test
    void frozenNeuronShowsALockAndDashedEdges(FxRobot robot) {
        RunConfig c = TestSnapshots.config(List.of(Feature.X1, Feature.X2), 3);
        show(robot, TestSnapshots.of(c).frozenWeights(0, false, false, true, true, false, true)
                .frozenBiases(0, false, true, false).build());
        assertTrue(view.lockIcon(0, 1).getParent().isVisible(), "neuron 1: weights and bias frozen");
        assertEquals("mdi2l-lock", view.lockIcon(0, 1).getIconLiteral());
        assertFalse(view.lockIcon(0, 0).getParent().isVisible());
        assertFalse(view.lockIcon(0, 2).getParent().isVisible(), "neuron 2: one weight frozen is not a frozen neuron");
        assertTrue(view.edgeStyle(0, 1, 0).dashed());
        assertTrue(view.edgeStyle(0, 2, 1).dashed());
        assertFalse(view.edgeStyle(0, 2, 0).dashed());
        // unfreezing in a later snapshot removes the dashes and the lock
        show(robot, TestSnapshots.of(c).build());
        assertFalse(view.edgeStyle(0, 1, 0).dashed());
        assertFalse(view.lockIcon(0, 1).getParent().isVisible());
        click(robot, view.neuronNode(0, 1), false, true);
        assertEquals(List.of("freezeNeuron 0 1 true"), control.calls());
    }

    @Test
    void plusAddsAHiddenLayerAndTheNextSnapshotRebuildsTheGraph(FxRobot robot) {
        RunConfig c = TestSnapshots.config(List.of(Feature.X1, Feature.X2), 4, 2);
        show(robot, TestSnapshots.of(c).build());
        int before = view.drawnNodeCount();
        Node firstNeuron = view.neuronNode(0, 0);
        fx(() -> robot.lookup("#addLayerButton").queryButton().fire());
        assertEquals(List.of("applyConfig"), control.calls());
        RunConfig next = control.lastConfig();
        assertEquals(List.of(4, 2, 2), next.hidden());
        show(robot, TestSnapshots.of(next).build());
        assertEquals(3, view.neuronNode(3, 0) == null ? -1 : 3, "output is weight layer 3 now");
        assertTrue(view.drawnNodeCount() > before);
        assertNotEquals(firstNeuron, view.neuronNode(0, 0), "rebuilt");
        assertEquals("3 hidden layers", robot.lookup("#hiddenLayerCount").queryLabeled().getText());
    }

    @Test
    void restylingKeepsEveryNode(FxRobot robot) {
        RunConfig c = TestSnapshots.config(List.of(Feature.X1, Feature.X2), 4, 2);
        show(robot, TestSnapshots.of(c).build());
        Node neuron = view.neuronNode(1, 1);
        CubicCurve edge = view.edgeHit(1, 1, 3);
        int count = view.drawnNodeCount();
        Color oldColor = view.edgeStyle(1, 1, 3).color();
        show(robot, TestSnapshots.of(c).phase(2.0).step(5).build());
        assertSame(neuron, view.neuronNode(1, 1));
        assertSame(edge, view.edgeHit(1, 1, 3));
        assertEquals(count, view.drawnNodeCount());
        assertNotEquals(oldColor, view.edgeStyle(1, 1, 3).color(), "restyled");
    }

    @Test
    void nonFiniteWeightsPaintGreyAndSayNotANumber(FxRobot robot) {
        show(robot, twoEdges(Double.NaN, Double.POSITIVE_INFINITY));
        WritableImage img = snapshot(robot);
        for (int in = 0; in < 2; in++) {
            double[] m = middle(view.edgeHit(0, 0, in));
            Color c = pixel(img, m[0], m[1]);
            assertEquals(view.palette().notANumberColor(), view.edgeStyle(0, 0, in).color());
            assertTrue(Math.abs(c.getRed() - c.getBlue()) < 0.05 && Math.abs(c.getRed() - c.getGreen()) < 0.05,
                    "neutral grey, got " + c);
        }
        hover(robot, view.edgeHit(0, 0, 0));
        String tip = view.tooltip().getText();
        assertTrue(tip.contains("value: not a number"), tip);
        assertTrue(tip.contains("gradient: -0.05000"), tip);
        assertFalse(tip.contains("NaN"), tip);
    }

    @Test
    void hoveringANeuronPublishesItAndShowsItsNumbers(FxRobot robot) {
        RunConfig c = TestSnapshots.config(List.of(Feature.X1, Feature.X2), 3);
        TrainingSnapshot s = TestSnapshots.of(c).biases(0, 0.123456, -2, 3).build();
        show(robot, s);
        robot.moveTo(view.neuronNode(0, 0), Motion.DIRECT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new NodeRef(1, 0), view.hoveredNodeProperty().get());
        String tip = view.tooltip().getText();
        assertTrue(tip.contains("bias: 0.1235"), tip);
        assertTrue(tip.contains("frozen: no"), tip);
        hover(robot, view.inputNode(Feature.X2));
        assertEquals(new NodeRef(0, 1), view.hoveredNodeProperty().get());
    }

    @Test
    void thumbnailsShowTheNeuronsField(FxRobot robot) {
        RunConfig c = TestSnapshots.config(List.of(Feature.X1, Feature.X2), 2);
        // neuron 0 is +1 on the right half (x1 > 0) and -1 on the left; neuron 1 is 0 everywhere
        var field = TestSnapshots.uniformField(21, new int[] {2, 2, 1}, (x1, x2) -> x1 > 0 ? 1 : -1);
        float[][][] v = field.values();
        java.util.Arrays.fill(v[1][1], 0f);
        show(robot, TestSnapshots.of(c).field(field).build());
        WritableImage t = view.thumbnail(0, 0);
        int n = (int) t.getWidth();
        assertEquals(Color.web("#2166ac"), t.getPixelReader().getColor(n - 3, n / 2), "right: class +1 colour");
        assertEquals(Color.web("#e08214"), t.getPixelReader().getColor(2, n / 2), "left: class -1 colour");
        assertEquals(Color.web("#f7f7f7"), view.thumbnail(0, 1).getPixelReader().getColor(n / 2, n / 2));
    }

    @Test
    void edgesAreRedrawnOnlyWhenOneOfThemVisiblyChanged(FxRobot robot) {
        TrainingSnapshot first = twoEdges(0.8, -0.4);
        show(robot, first);
        long draws = view.edgeDraws();
        // a later snapshot with the same weights and the same field: the graph image stays
        show(robot, TestSnapshots.of(TWO_EDGES).weights(0, 0.8, -0.4).biases(0, 0.1).gradients(0, -0.05, 0.02)
                .field(first.field()).step(9).build());
        assertEquals(draws, view.edgeDraws());
        show(robot, twoEdges(0.8, 0.4));
        assertEquals(draws + 1, view.edgeDraws(), "a weight changed sign");
        fx(() -> robot.lookup("#edgeModeGradients").queryAs(ToggleButton.class).fire());
        assertEquals(draws + 2, view.edgeDraws(), "another edge mode");
    }

    @Test
    void whileTrainingRunsAChangedEdgeIsDrawnOnALaterPulseAtTheLatest(FxRobot robot) throws Exception {
        show(robot, running(twoEdges(0.8, -0.4)));
        long draws = view.edgeDraws();
        show(robot, running(twoEdges(0.8, 0.4)));
        // drawn at once or, when the last drawing was too recent, on a later pulse
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (view.edgeDraws() == draws && System.nanoTime() < deadline) {
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertTrue(view.edgeDraws() > draws, "the change was drawn");
        WritableImage img = snapshot(robot);
        double[] m = middle(view.edgeHit(0, 0, 1));
        assertTrue(blueish(pixel(img, m[0], m[1])), "the latest weight, +0.4: " + pixel(img, m[0], m[1]));
    }

    @Test
    void aHiddenGraphPaintsNothingAndShowsTheLatestSnapshotWhenShownAgain(FxRobot robot) {
        show(robot, twoEdges(0.8, -0.4));
        long draws = view.edgeDraws();
        fx(() -> view.setVisible(false));
        show(robot, twoEdges(0.8, 0.4));
        show(robot, twoEdges(-0.8, 0.4));
        assertEquals(draws, view.edgeDraws(), "behind another tab nothing is painted");
        fx(() -> view.setVisible(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(draws + 1, view.edgeDraws(), "shown again: painted once");
        WritableImage img = snapshot(robot);
        double[] m = middle(view.edgeHit(0, 0, 1));
        assertTrue(blueish(pixel(img, m[0], m[1])), "the latest weight, +0.4: " + pixel(img, m[0], m[1]));
    }

    private static TrainingSnapshot running(TrainingSnapshot s) {
        return new TrainingSnapshot(s.step(), s.epoch(), SessionState.RUNNING, s.config(), s.features(), s.layers(),
                s.trainLoss(), s.testLoss(), s.trainAccuracy(), s.testAccuracy(), s.penalty(), s.learningRate(),
                s.field());
    }

    @Test
    void frozenEdgesAreDrawnDashed(FxRobot robot) {
        show(robot, TestSnapshots.of(TWO_EDGES).weights(0, 0.8, 0.8).frozenWeights(0, true, false).build());
        WritableImage img = snapshot(robot);
        int[] frozen = dashCount(img, view.edgeHit(0, 0, 0));
        int[] solid = dashCount(img, view.edgeHit(0, 0, 1));
        assertTrue(frozen[0] > 10 && frozen[1] > 10, "dashes and gaps along the frozen edge: " + frozen[0] + " on, "
                + frozen[1] + " off");
        assertEquals(0, solid[1], "no gap along the other edge");
    }

    /** Samples every half pixel along the middle 60% of an edge: {strongly blue, not blue}. */
    private int[] dashCount(WritableImage img, CubicCurve c) {
        int on = 0;
        int off = 0;
        double[] xs = {c.getStartX(), c.getControlX1(), c.getControlX2(), c.getEndX()};
        double[] ys = {c.getStartY(), c.getControlY1(), c.getControlY2(), c.getEndY()};
        double length = Math.hypot(xs[3] - xs[0], ys[3] - ys[0]);
        int n = (int) (length * 2);
        for (int k = (int) (n * 0.2); k <= (int) (n * 0.8); k++) {
            double t = (double) k / n;
            double u = 1 - t;
            double x = u * u * u * xs[0] + 3 * u * u * t * xs[1] + 3 * u * t * t * xs[2] + t * t * t * xs[3];
            double y = u * u * u * ys[0] + 3 * u * u * t * ys[1] + 3 * u * t * t * ys[2] + t * t * t * ys[3];
            Point2D p = view.sceneToLocal(c.localToScene(x, y));
            Color colour = pixel(img, p.getX(), p.getY());
            if (colour.getBlue() - colour.getRed() > 0.4) {
                on++;
            } else if (colour.getBlue() - colour.getRed() < 0.05) {
                off++;
            }
        }
        return new int[] {on, off};
    }

    @Test
    void thumbnailsArePaintedOnlyWhenTheirFieldChanged(FxRobot robot) {
        RunConfig c = TestSnapshots.config(List.of(Feature.X1, Feature.X2), 2);
        var right = TestSnapshots.uniformField(21, new int[] {2, 2, 1}, (x1, x2) -> x1 > 0 ? 1 : -1);
        show(robot, TestSnapshots.of(c).field(right).build());
        long paints = view.thumbnailPaints();
        show(robot, TestSnapshots.of(c).field(right).phase(1.5).step(4).build());
        assertEquals(paints, view.thumbnailPaints(), "new weights, the same field");
        var top = TestSnapshots.uniformField(21, new int[] {2, 2, 1}, (x1, x2) -> x2 > 0 ? 1 : -1);
        show(robot, TestSnapshots.of(c).field(top).step(5).build());
        assertEquals(paints + 3, view.thumbnailPaints(), "two hidden neurons and the output");
        int n = (int) view.thumbnail(0, 0).getWidth();
        assertEquals(Color.web("#2166ac"), view.thumbnail(0, 0).getPixelReader().getColor(n / 2, 2), "top: class +1");
        assertEquals(Color.web("#e08214"), view.thumbnail(0, 0).getPixelReader().getColor(n / 2, n - 3));
        // and that is what the window shows under the neuron
        WritableImage img = snapshot(robot);
        Node box = view.neuronNode(0, 0);
        Point2D topMiddle = view.sceneToLocal(box.localToScene(n / 2.0, 4));
        Point2D bottomMiddle = view.sceneToLocal(box.localToScene(n / 2.0, n - 5));
        assertEquals(Color.web("#2166ac"), pixel(img, topMiddle.getX(), topMiddle.getY()));
        assertEquals(Color.web("#e08214"), pixel(img, bottomMiddle.getX(), bottomMiddle.getY()));
    }

    @Test
    void clickingFeaturesSwitchesThemButKeepsOne(FxRobot robot) {
        show(robot, twoEdges(0.8, -0.4));
        click(robot, view.inputNode(Feature.X1_SQUARED), false, false);
        assertEquals(List.of(Feature.X1, Feature.X2, Feature.X1_SQUARED), control.lastConfig().features());
        control.clear();
        show(robot, TestSnapshots.of(TestSnapshots.config(List.of(Feature.X2))).build());
        click(robot, view.inputNode(Feature.X2), false, false);
        assertEquals(List.of(), control.calls());
        assertTrue(view.message().contains("At least one input feature"), view.message());
    }

    @Test
    void activationPickersApplyConfigs(FxRobot robot) {
        RunConfig c = TestSnapshots.config(List.of(Feature.X1, Feature.X2), 4, 2);
        show(robot, TestSnapshots.of(c).build());
        @SuppressWarnings("unchecked")
        ChoiceBox<ActivationKind> hidden = robot.lookup("#activation-1").queryAs(ChoiceBox.class);
        fx(() -> hidden.setValue(ActivationKind.RELU));
        assertEquals(List.of(ActivationKind.TANH, ActivationKind.RELU), control.lastConfig().layerActivations());
        @SuppressWarnings("unchecked")
        ChoiceBox<ActivationKind> output = robot.lookup("#outputActivation").queryAs(ChoiceBox.class);
        fx(() -> output.setValue(ActivationKind.SIGMOID));
        assertEquals(ActivationKind.SIGMOID, control.lastConfig().outputActivation());
        assertEquals(2, control.calls().size());
        // a new snapshot sets the pickers without sending anything
        show(robot, TestSnapshots.of(c).build());
        assertEquals(ActivationKind.TANH, hidden.getValue());
        assertEquals(2, control.calls().size());
    }

    @Test
    void neuronButtonsChangeTheLayerSize(FxRobot robot) {
        RunConfig c = TestSnapshots.config(List.of(Feature.X1, Feature.X2), 4, 1);
        show(robot, TestSnapshots.of(c).build());
        fx(() -> robot.lookup("#addNeuron-0").queryButton().fire());
        assertEquals(List.of(5, 1), control.lastConfig().hidden());
        assertTrue(robot.lookup("#removeNeuron-1").queryButton().isDisabled(), "a layer keeps one neuron");
        fx(() -> robot.lookup("#removeLayerButton").queryButton().fire());
        assertEquals(List.of(4), control.lastConfig().hidden());
        assertEquals(List.of("applyConfig", "applyConfig"), control.calls());
    }
}
