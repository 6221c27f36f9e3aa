package org.weightlab.ui.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightlab.ui.network.EdgeRef;

@ExtendWith(ApplicationExtension.class)
class InspectorViewTest {

    private InspectorModel model;
    private InspectorView view;

    @Start
    void start(Stage stage) {
        javafx.application.Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        model = new InspectorModel();
        view = new InspectorView(model);
        Scene scene = new Scene(view, 1400, 900);
        scene.getStylesheets().add(InspectorView.class.getResource("/org/weightlab/ui/weightlab.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @BeforeEach
    void showKnownSnapshot() {
        WaitForAsyncUtils.asyncFx(() -> model.show(InspectorFixture.known(7)));
        settle();
    }

    /** Lets queued events run, then draws what they marked (the redraw pass would on the next pulse). */
    private void settle() {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(view::redrawNow);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theChartsRepaintedEveryFrameAreNotKeptAsABitmapByTheirScrollPane() {
        boolean cached = fx(() -> {
            javafx.scene.Node viewport = view.lookup("#inspectorScroll").lookup(".viewport");
            return viewport == null || viewport.isCache();
        });
        org.junit.jupiter.api.Assertions.assertFalse(cached,
                "a cached viewport draws each frame twice: into its bitmap and from it");
    }

    /** The weights matrix as pixels, as a person sees it on screen. */
    private PixelReader weightPixels() {
        return fx(() -> {
            WritableImage img = view.weightsPanel().matrix.snapshot(new SnapshotParameters(), null);
            return img.getPixelReader();
        });
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static int[] rgb(PixelReader r, double x, double y) {
        int argb = r.getArgb((int) x, (int) y);
        return new int[] {argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF};
    }

    private double cell() {
        return view.weightsPanel().matrix.cellWidth();
    }

    private int[] centre(PixelReader r, int row, int col) {
        return rgb(r, (col + 0.5) * cell(), (row + 0.5) * cell());
    }

    @Test
    void heatmapPaintsPositiveBlueNegativeOrangeZeroNeutralAndNaNGrey() throws Exception {
        PixelReader px = weightPixels();
        int[] positive = centre(px, 0, 0);
        int[] negative = centre(px, 0, 1);
        int[] zero = centre(px, 0, 2);
        int[] half = centre(px, 1, 0);
        int[] nan = centre(px, 1, 1);
        assertTrue(positive[2] > positive[0] + 80 && positive[2] > positive[1] + 30, "w=1 is blue: " + str(positive));
        assertTrue(negative[0] > negative[2] + 80 && negative[0] > negative[1], "w=-1 is orange: " + str(negative));
        assertTrue(min(zero) > 225 && spread(zero) < 12, "w=0 is the light neutral: " + str(zero));
        assertTrue(half[2] > half[0] && min(half) > min(positive), "w=0.5 is a paler blue: " + str(half));
        assertTrue(spread(nan) < 12 && nan[0] > 100 && nan[0] < 200, "NaN is mid grey: " + str(nan));
    }

    @Test
    void frozenCellsAreHatched() throws Exception {
        PixelReader px = weightPixels();
        // Cell (1, 2) holds w = 1 (blue) and is frozen; cell (0, 0) holds w = 1 and is not.
        int[] stripes = countColours(px, 1, 2);
        int[] plain = countColours(px, 0, 0);
        assertTrue(stripes[0] > 20 && stripes[1] > 20, "the frozen cell mixes blue and dark stripes: blue="
                + stripes[0] + " dark=" + stripes[1]);
        assertEquals(0, plain[1], "an unfrozen cell has no stripes");
    }

    /** Blue pixels and dark-grey pixels inside a cell (its border left out). */
    private int[] countColours(PixelReader px, int row, int col) {
        int blue = 0;
        int dark = 0;
        int c = (int) cell();
        for (int y = row * c + 5; y < (row + 1) * c - 5; y++) {
            for (int x = col * c + 5; x < (col + 1) * c - 5; x++) {
                int[] p = rgb(px, x, y);
                if (p[2] > p[0] + 80) {
                    blue++;
                } else if (max(p) < 90 && spread(p) < 20) {
                    dark++;
                }
            }
        }
        return new int[] {blue, dark};
    }

    @Test
    void settingTheSelectionOutlinesItsCellInEveryMatrix() throws Exception {
        int[] before = rgb(weightPixels(), 1 * cell() + 2, 0.5 * cell());
        WaitForAsyncUtils.asyncFx(() -> model.selectionProperty().set(new EdgeRef(0, 0, 1)));
        settle();
        int[] after = rgb(weightPixels(), 1 * cell() + 2, 0.5 * cell());
        assertTrue(before[0] > 150, "the orange cell's edge before: " + str(before));
        assertTrue(max(after) < 60, "the selected cell's edge is outlined dark: " + str(after));
        assertEquals(0, view.gradientsPanel().matrix.selectedRow());
        assertEquals(1, view.gradientsPanel().matrix.selectedCol());
        int[] other = rgb(weightPixels(), 0 * cell() + 2, 0.5 * cell());
        assertTrue(other[2] > 150, "other cells are not outlined: " + str(other));
    }

    @Test
    void clickingACellSelectsItsEdgeAndAGraphBoundBothWaysFollows(FxRobot robot) {
        ObjectProperty<EdgeRef> graphSelection = new SimpleObjectProperty<>();
        WaitForAsyncUtils.asyncFx(() -> model.selectionProperty().bindBidirectional(graphSelection));
        settle();
        robot.clickOn(cellOnScreen(1, 2));
        settle();
        assertEquals(new EdgeRef(0, 1, 2), model.selectionProperty().get());
        assertEquals(new EdgeRef(0, 1, 2), graphSelection.get(), "the graph hears of the click");

        WaitForAsyncUtils.asyncFx(() -> graphSelection.set(new EdgeRef(0, 0, 0)));
        settle();
        assertEquals(0, view.weightsPanel().matrix.selectedRow(), "the graph's choice is outlined here");
        assertEquals(0, view.weightsPanel().matrix.selectedCol());
    }

    @Test
    void hoveringACellTellsItsValueAndWhichNeuronsItConnects(FxRobot robot) {
        robot.moveTo(cellOnScreen(0, 1));
        settle();
        String text = view.hoverText();
        assertTrue(text.contains("w = -1"), text);
        assertTrue(text.contains("from input x2 to neuron 1 of layer 1"), text);
        assertTrue(text.contains("gradient 0.1"), text);
    }

    @Test
    void selectingAnEdgeOfAnotherLayerShowsThatLayerAndItsNeuron() {
        WaitForAsyncUtils.asyncFx(() -> model.selectionProperty().set(new EdgeRef(1, 0, 1)));
        settle();
        assertEquals(1, model.layerProperty().get());
        assertEquals(1, view.weightsPanel().matrix.rows(), "the output layer's 1x2 matrix is shown");
        assertEquals(2, view.weightsPanel().matrix.cols());
        assertEquals(new NeuronRef(1, 0), model.neuronProperty().get());
    }

    @Test
    void showingAPastSnapshotShowsThatMomentAndItsPast() {
        WaitForAsyncUtils.asyncFx(() -> {
            model.clearHistory();
            for (int s = 0; s <= 10; s++) {
                model.show(InspectorFixture.moving(s, s * 0.1));
            }
            model.show(InspectorFixture.moving(3, 3 * 0.1));
        });
        settle();
        assertEquals(3, model.snapshot().step());
        assertEquals(4, model.shownHistoryProperty().get().size(), "steps 0 to 3");
        assertEquals(11, model.history().size(), "the future is kept for scrubbing forward");
        PixelReader px = weightPixels();
        int[] w0 = centre(px, 0, 0);
        // At step 3, w0 = 0.3 of a scale up to |w| = 1: a pale blue, not the full blue of step 10.
        assertTrue(w0[2] > w0[0] && w0[0] > 120, "pale blue at step 3: " + str(w0));
    }

    @Test
    void aSelectionThatNoLongerFitsIsDropped() {
        WaitForAsyncUtils.asyncFx(() -> {
            model.selectionProperty().set(new EdgeRef(0, 1, 2));
            model.show(InspectorFixture.moving(20, 1));
        });
        settle();
        assertNull(model.selectionProperty().get());
    }

    @Test
    void diagnosesShowWhenTheyApplyAndTheAreaIsSilentOtherwise(FxRobot robot) {
        javafx.scene.Node box = robot.lookup("#inspectorDiagnostics").query();
        assertTrue(box.isVisible(), "the known snapshot holds a NaN weight: that is worth a word");
        WaitForAsyncUtils.asyncFx(() -> {
            model.clearHistory();
            for (int s = 0; s < 5; s++) {
                model.show(InspectorFixture.moving(s, 1, 1e-3));
            }
        });
        settle();
        assertTrue(!box.isVisible(), "a healthy run: nothing to say");
        WaitForAsyncUtils.asyncFx(() -> {
            for (int s = 5; s < 13; s++) {
                // Each step moves the weights by about half their size: far above 1e-3.
                model.show(InspectorFixture.moving(s, 1, 0.5));
            }
        });
        settle();
        assertTrue(box.isVisible(), "a too-large learning rate is reported");
        String text = robot.lookup(".wl-diagnosis").queryLabeled().getText();
        assertTrue(text.startsWith("\u26a0 Learning rate too large."), text);
        WaitForAsyncUtils.asyncFx(() -> {
            for (int s = 13; s < 25; s++) {
                model.show(InspectorFixture.moving(s, 1, 1e-3));
            }
        });
        settle();
        assertTrue(!box.isVisible(), "the message goes once the updates are small again");
    }

    @Test
    void theSelectedNeuronShowsItsIncomingWeightsAndBias(FxRobot robot) {
        WaitForAsyncUtils.asyncFx(() -> model.selectionProperty().set(new EdgeRef(0, 1, 0)));
        settle();
        assertEquals("Neuron 2 of layer 1 (tanh)", robot.lookup("#neuronTitle").queryLabeled().getText());
        assertTrue(robot.lookup("#neuronBias").queryLabeled().getText().startsWith("bias -0.500"),
                robot.lookup("#neuronBias").queryLabeled().getText());
    }

    @Test
    void anEdgeOutsideTheNetworkIsRefusedWithAReason() {
        IllegalArgumentException e = fx(() -> {
            try {
                model.selectEdge(0, 5, 0);
                return null;
            } catch (IllegalArgumentException x) {
                return x;
            }
        });
        assertTrue(e != null && e.getMessage().contains("no edge"), String.valueOf(e));
        assertNull(model.selectionProperty().get(), "nothing changed");
    }

    private Point2D cellOnScreen(int row, int col) {
        Bounds b = fx(() -> view.weightsPanel().matrix.localToScreen(view.weightsPanel().matrix.getBoundsInLocal()));
        return new Point2D(b.getMinX() + (col + 0.5) * cell(), b.getMinY() + (row + 0.5) * cell());
    }

    private static int min(int[] p) {
        return Math.min(p[0], Math.min(p[1], p[2]));
    }

    private static int max(int[] p) {
        return Math.max(p[0], Math.max(p[1], p[2]));
    }

    private static int spread(int[] p) {
        return max(p) - min(p);
    }

    private static String str(int[] p) {
        return "rgb(" + p[0] + "," + p[1] + "," + p[2] + ")";
    }
}
