package org.weightlab.ui.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.CubicCurve;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.QuantizationSpec;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.session.LayerSnapshot;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.theme.RecordingControl;
import org.weightlab.ui.theme.TestSnapshots;

/**
 * The graph draws what the network computes with: quantized weights under quantization-aware
 * training (the latent ones in the hover text), and leaves out the weights a pruning what-if removes.
 */
@ExtendWith(ApplicationExtension.class)
class GraphEffectiveWeightsTest {

    private static final RunConfig PLAIN = TestSnapshots.config(List.of(Feature.X1, Feature.X2));
    private static final RunConfig BINARY = PLAIN.withExtras(PLAIN.extras().withQuantization(new QuantizationSpec("binary")));

    private NetworkGraphView view;
    private final RecordingControl control = new RecordingControl();

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        view = new NetworkGraphView(control);
        Scene scene = new Scene(view, 1000, 700);
        scene.getStylesheets().add(getClass().getResource("/org/weightlab/ui/weightlab.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    /** The two-edge moment of {@code config} with latent weights (0.8, -0.1), its layer rebuilt with {@code effective} and {@code removed}. */
    private static TrainingSnapshot moment(RunConfig config, double[] effective, boolean[] removed) {
        TrainingSnapshot s = TestSnapshots.of(config).weights(0, 0.8, -0.1).biases(0, 0.1).build();
        List<LayerSnapshot> layers = new ArrayList<>();
        for (LayerSnapshot x : s.layers()) {
            layers.add(new LayerSnapshot(x.inputs(), x.outputs(), x.activation(), x.weights(), x.biases(),
                    x.weightGradients(), x.biasGradients(), x.weightUpdates(), x.biasUpdates(), x.frozenWeights(),
                    x.frozenBiases(), x.stats(), x.norm(), effective, removed));
        }
        return new TrainingSnapshot(s.step(), s.epoch(), s.state(), config, s.features(), layers, s.trainLoss(),
                s.testLoss(), s.trainAccuracy(), s.testAccuracy(), s.penalty(), s.learningRate(), s.field(), s.data());
    }

    private void show(TrainingSnapshot s) {
        NetworkGraphViewTest.fx(() -> {
            view.show(s);
            view.applyCss();
            view.layout();
        });
    }

    private String hoverText(CubicCurve edge) {
        NetworkGraphViewTest.fx(() -> {
            Point2D p = edge.localToScene(edge.getStartX(), edge.getStartY());
            javafx.event.Event.fireEvent(edge, new MouseEvent(MouseEvent.MOUSE_ENTERED, p.getX(), p.getY(), 0, 0,
                    javafx.scene.input.MouseButton.NONE, 0, false, false, false, false, false, false, false, false,
                    false, false, null));
        });
        String[] text = new String[1];
        NetworkGraphViewTest.fx(() -> text[0] = view.tooltip().getText());
        return text[0];
    }

    @Test
    void quantizedLayerDrawsItsQuantizedWeightsAndSaysSo() {
        show(moment(PLAIN, null, null));
        double thick = view.edgeStyle(0, 0, 0).width();
        double thin = view.edgeStyle(0, 0, 1).width();
        assertTrue(thick > thin, "plain: |0.8| draws thicker than |-0.1|: " + thick + " vs " + thin);

        show(moment(BINARY, new double[] {0.45, -0.45}, null));
        assertEquals(view.edgeStyle(0, 0, 0).width(), view.edgeStyle(0, 0, 1).width(), 0.0,
                "binary: both edges +-0.45, the same width");
        assertFalse(view.edgeStyle(0, 0, 0).color().equals(view.edgeStyle(0, 0, 1).color()), "signs still differ");
        String tip = hoverText(view.edgeHit(0, 0, 1));
        assertTrue(tip.contains("value: -0.1") && tip.contains("computes with: -0.45") && tip.contains("quantized, binary"),
                tip);
    }

    @Test
    void prunedEdgesAreLeftOutOfThePictureAndCannotBeHovered() {
        show(moment(PLAIN, new double[] {0.8, 0.0}, new boolean[] {false, true}));
        WritableImage img = snapshotOf();
        assertTrue(strong(pixelAtMiddle(img, view.edgeHit(0, 0, 0))), "the kept edge is drawn");
        assertFalse(strong(pixelAtMiddle(img, view.edgeHit(0, 0, 1))), "the removed edge is not drawn");
        assertTrue(view.edgeHit(0, 0, 1).isMouseTransparent());
        show(moment(PLAIN, new double[] {0.8, -0.6}, null));
        assertFalse(view.edgeHit(0, 0, 1).isMouseTransparent(), "back when the what-if ends");
        assertTrue(strong(pixelAtMiddle(snapshotOf(), view.edgeHit(0, 0, 1))), "drawn again");
    }

    private WritableImage snapshotOf() {
        WritableImage[] img = new WritableImage[1];
        NetworkGraphViewTest.fx(() -> img[0] = view.snapshot(null, null));
        return img[0];
    }

    private Color pixelAtMiddle(WritableImage img, CubicCurve c) {
        double mx = 0.125 * c.getStartX() + 0.375 * c.getControlX1() + 0.375 * c.getControlX2() + 0.125 * c.getEndX();
        double my = 0.125 * c.getStartY() + 0.375 * c.getControlY1() + 0.375 * c.getControlY2() + 0.125 * c.getEndY();
        Point2D[] p = new Point2D[1];
        NetworkGraphViewTest.fx(() -> p[0] = view.sceneToLocal(c.localToScene(mx, my)));
        return img.getPixelReader().getColor((int) Math.round(p[0].getX()), (int) Math.round(p[0].getY()));
    }

    private static boolean strong(Color c) {
        return Math.abs(c.getRed() - c.getBlue()) > 0.25;
    }

    @Test
    void theBarChoosesTheWeightsTheRunTrainsWithAndShowsTheRunsChoice() {
        show(moment(BINARY, new double[] {0.45, -0.45}, null));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<String> box = (javafx.scene.control.ChoiceBox<String>) view.lookup("#quantizationChoice");
        assertEquals("binary", box.getValue());
        assertEquals("binary weights", box.getConverter().toString(box.getValue()));
        assertTrue(control.calls().isEmpty(), "showing a moment sends nothing: " + control.calls());
        NetworkGraphViewTest.fx(() -> box.setValue("4"));
        assertEquals(new QuantizationSpec("4"), control.lastConfig().extras().quantization());
        control.clear();
        NetworkGraphViewTest.fx(() -> box.setValue("none"));
        assertEquals(null, control.lastConfig().extras().quantization(), "back to full precision");
        show(moment(PLAIN, null, null));
        assertEquals("none", box.getValue());
        assertEquals("64-bit weights", box.getConverter().toString(box.getValue()));
    }

    @Test
    void adaptedLayersAreMarkedLoRAWithTheirRankAndAlpha() {
        RunConfig lora = PLAIN.withLora(List.of(new org.weightlab.engine.config.LoraSpec(0, 1, 2.0)));
        show(moment(PLAIN, null, null));
        assertFalse(view.lookup("#lora-0").isVisible());
        show(moment(lora, new double[] {0.7, -0.2}, null));
        javafx.scene.control.Label mark = (javafx.scene.control.Label) view.lookup("#lora-0");
        assertTrue(mark.isVisible());
        assertTrue(mark.getTooltip().getText().contains("rank 1, alpha 2.0"), mark.getTooltip().getText());
    }
}
