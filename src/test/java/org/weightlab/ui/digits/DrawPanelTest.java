package org.weightlab.ui.digits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightlab.analysis.SnapshotForward;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.session.LayerSnapshot;
import org.weightlab.session.SessionState;
import org.weightlab.session.TrainingSnapshot;

@ExtendWith(ApplicationExtension.class)
class DrawPanelTest {

    private DrawPanel panel;

    @Start
    void start(Stage stage) {
        panel = new DrawPanel();
        stage.setScene(new Scene(panel, 1000, 700));
        stage.show();
    }

    private static LayerSnapshot layer(int in, int out, ActivationKind act, Random r) {
        double[] w = new double[in * out];
        for (int i = 0; i < w.length; i++) {
            w[i] = r.nextGaussian();
        }
        double[] b = new double[out];
        return new LayerSnapshot(in, out, act, w, b, new double[w.length], new double[out], new double[w.length],
                new double[out], new boolean[w.length], new boolean[out], null);
    }

    /** A 64 -> 12 tanh -> 10 softmax network with seeded random weights, as a moment. */
    private static TrainingSnapshot digitsNetwork(long seed) {
        Random r = new Random(seed);
        List<LayerSnapshot> layers = List.of(layer(64, 12, ActivationKind.TANH, r),
                layer(12, 10, ActivationKind.SOFTMAX, r));
        return new TrainingSnapshot(1, 0, SessionState.PAUSED, RunConfig.defaults(), List.of(), layers,
                0, 0, 0, 0, 0, 0, null);
    }

    @Test
    void aDrawnStrokeIsReducedToBlocksAndTheNetworksProbabilitiesFollowItAndDeleteClears(FxRobot robot) {
        TrainingSnapshot s = digitsNetwork(5);
        robot.interact(() -> panel.show(s));
        WaitForAsyncUtils.waitForFxEvents();
        Bounds b = panel.pad().localToScreen(panel.pad().getBoundsInLocal());
        double cell = b.getWidth() / 32;
        // a vertical stroke down pixel column 10, rows 4 to 27
        robot.moveTo(new javafx.geometry.Point2D(b.getMinX() + 10.5 * cell, b.getMinY() + 4.5 * cell));
        robot.press(MouseButton.PRIMARY);
        robot.moveTo(new javafx.geometry.Point2D(b.getMinX() + 10.5 * cell, b.getMinY() + 27.5 * cell));
        robot.release(MouseButton.PRIMARY);
        robot.interact(() -> panel.drawNow());

        boolean[] ink = panel.pad().ink();
        double[] x = InkReduction.inputs(InkReduction.counts(ink));
        assertArrayEquals(x, panel.reduced().values(), "the picture shows the reduction of the drawing");
        assertTrue(ink[15 * 32 + 10], "the stroke's middle is inked");
        assertEquals(0.0, x[3 * 8 + 6], "far from the stroke, no ink");
        assertTrue(x[3 * 8 + 2] > 0, "block column 2 holds pixel column 10");

        double[] expected = new SnapshotForward(s.layers()).forward(x, 0);
        assertArrayEquals(expected, panel.bars().shown(), 1e-15);
        assertTrue(panel.verdict().getText().startsWith("The network says "), panel.verdict().getText());

        // the same drawing, a network that has trained on: the answer follows
        TrainingSnapshot later = digitsNetwork(6);
        robot.interact(() -> {
            panel.show(later);
            panel.drawNow();
        });
        assertArrayEquals(new SnapshotForward(later.layers()).forward(x, 0), panel.bars().shown(), 1e-15);

        robot.clickOn(panel.pad(), MouseButton.SECONDARY); // focus the panel (and erase a dab)
        robot.type(KeyCode.DELETE);
        robot.interact(() -> panel.drawNow());
        assertTrue(panel.pad().isEmpty());
        assertArrayEquals(new double[64], panel.reduced().values());
        assertNull(panel.bars().shown());
    }

    @Test
    void aNetworkThatDoesNotReadDigitsSaysSo(FxRobot robot) {
        Random r = new Random(1);
        TrainingSnapshot circle = new TrainingSnapshot(1, 0, SessionState.PAUSED, RunConfig.defaults(), List.of(),
                List.of(layer(2, 4, ActivationKind.TANH, r), layer(4, 1, ActivationKind.TANH, r)), 0, 0, 0, 0, 0, 0,
                null);
        robot.interact(() -> {
            panel.show(circle);
            panel.pad().stroke(5, 5, 20, 20, false);
            panel.drawNow();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(panel.bars().shown());
        assertTrue(panel.verdict().getText().contains("digits data set"), panel.verdict().getText());
    }
}
