package org.weightlab.ui.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.session.SessionSettings;
import org.weightlab.session.SnapshotBus;
import org.weightlab.session.TrainingSession;
import org.weightlab.session.TrainingSnapshot;

@ExtendWith(ApplicationExtension.class)
class CompressionPanelTest {

    private final TrainingSession session;
    private CompressionPanel panel;
    private final AtomicReference<TrainingSnapshot> drawn = new AtomicReference<>();

    CompressionPanelTest() {
        RunConfig config = RunConfig.defaults();
        session = new TrainingSession(config, DataGenerator.generate(config), null, new SnapshotBus(),
                DataGenerator::generate, SessionSettings.defaults());
        session.start();
    }

    @Start
    void start(Stage stage) {
        panel = new CompressionPanel(session, session::whenIdle);
        panel.setOnPreview(drawn::set);
        stage.setScene(new Scene(panel, 900, 800));
        stage.show();
    }

    @AfterEach
    void close() {
        session.close();
    }

    private TrainingSnapshot trained() throws Exception {
        session.requestFields(true);
        session.runSteps(25 * 40);
        return session.whenIdle().get(30, TimeUnit.SECONDS);
    }

    @Test
    void sliderPreviewsThePrunedNetworkForTheViewsWithoutTouchingTheRunAndApplyPrunesIt(FxRobot robot)
            throws Exception {
        TrainingSnapshot s = trained();
        robot.interact(() -> panel.show(s));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> panel.previewProperty().get() != null);
        robot.interact(() -> robot.lookup("#compressSparsity").queryAs(Slider.class).setValue(50));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> panel.previewProperty().get() != null
                && panel.previewProperty().get().whatIf().sparsity() == 0.5);
        WaitForAsyncUtils.waitForFxEvents();

        CompressionPreview p = panel.previewProperty().get();
        assertEquals(9, p.mask().prunedWeights(), "half of the circle network's 18 weights");
        TrainingSnapshot shown = panel.shownFor(s);
        assertSame(p.preview(), shown);
        assertSame(shown, drawn.get(), "the graph and output views were handed the pruned network");
        assertNotEquals(s.field(), shown.field());
        long zeros = shown.layers().stream().flatMapToDouble(l -> java.util.Arrays.stream(l.weights()))
                .filter(w -> w == 0).count();
        assertEquals(9, zeros);
        assertTrue(robot.lookup("#compressFigures").queryAs(Label.class).getText().startsWith("What-if: test accuracy"));
        assertEquals(21, p.sparsityCurve().size());
        TrainingSnapshot run = session.whenIdle().get(30, TimeUnit.SECONDS);
        assertEquals(s.layers().get(0).weights()[0], run.layers().get(0).weights()[0], 0.0, "a what-if changes nothing");

        robot.interact(() -> robot.lookup("#compressApply").queryAs(Button.class).fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#compressSparsity").queryAs(Slider.class).getValue() == 0);
        TrainingSnapshot applied = session.whenIdle().get(30, TimeUnit.SECONDS);
        for (int l = 0; l < applied.layers().size(); l++) {
            for (int j = 0; j < applied.layers().get(l).weights().length; j++) {
                if (p.mask().weightPruned(l, j)) {
                    assertEquals(0.0, applied.layers().get(l).weights()[j]);
                    assertTrue(applied.layers().get(l).frozenWeights()[j]);
                }
            }
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(s, panel.shownFor(s), "after apply the what-if is reset and the views show the run");
    }
}
