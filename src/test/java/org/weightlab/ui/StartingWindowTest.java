package org.weightlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.session.SessionHost;
import org.weightlab.session.SessionSettings;
import org.weightlab.session.SnapshotBus;

@ExtendWith(ApplicationExtension.class)
class StartingWindowTest {

    private Stage stage;
    private SessionHost host;
    private MainWindow window;

    @Start
    void start(Stage primary) {
        stage = new Stage(); // the window sizes its stage from preferences: not the shared primary stage
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            if (window != null) {
                window.close();
            }
            stage.close();
        }).get(10, TimeUnit.SECONDS);
        if (host != null) {
            host.close();
        }
    }

    @Test
    void theWindowIsOnScreenBeforeTheMainWindowIsBuiltAndTheMainWindowFillsTheSameScene() throws Exception {
        CompletableFuture<Scene> filledIn = new CompletableFuture<>();
        CompletableFuture<Scene> shownFirst = new CompletableFuture<>();
        WaitForAsyncUtils.asyncFx(() -> {
            StartingWindow.show(stage, () -> {
                // the starting scene was on screen and laid out before the main window is built
                assertTrue(stage.isShowing());
                Scene starting = stage.getScene();
                assertTrue(starting.getRoot().getStyleClass().contains(StartingWindow.STYLE_CLASS));
                host = new SessionHost(new SnapshotBus(), DataGenerator::generate, SessionSettings.defaults());
                host.open(RunConfig.defaults(), null);
                window = new MainWindow(host, RunConfig.defaults());
                window.show(stage);
                filledIn.complete(starting);
            });
            shownFirst.complete(stage.getScene());
        }).get(10, TimeUnit.SECONDS);
        Scene starting = shownFirst.get(10, TimeUnit.SECONDS);
        assertSame(starting, filledIn.get(30, TimeUnit.SECONDS), "one scene from the first frame on");
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(starting, stage.getScene());
        assertSame(window.root(), stage.getScene().getRoot());
        assertNotNull(stage.getScene().lookup("#networkArea"), "the main window's views are in the window");
        assertEquals(MainWindow.TITLE, stage.getTitle().substring(0, MainWindow.TITLE.length()));
    }

    @Test
    void theControlsOutOfSightFollowTheFirstFrameAndShowTheRunsSettings() throws Exception {
        RunConfig config = RunConfig.defaults().withOptimizer(RunConfig.defaults().optimizer().withLearningRate(0.3));
        CompletableFuture<Boolean> completeAtFirstLayout = new CompletableFuture<>();
        WaitForAsyncUtils.asyncFx(() -> StartingWindow.show(stage, () -> {
            host = new SessionHost(new SnapshotBus(), DataGenerator::generate, SessionSettings.defaults());
            host.open(config, null);
            window = new MainWindow(host, config);
            window.show(stage);
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                stage.getScene().removePostLayoutPulseListener(once[0]);
                completeAtFirstLayout.complete(window.complete()
                        || stage.getScene().lookup("#learningRateField") != null);
            };
            stage.getScene().addPostLayoutPulseListener(once[0]);
        })).get(10, TimeUnit.SECONDS);
        assertFalse(completeAtFirstLayout.get(30, TimeUnit.SECONDS), "the first frame leaves the lower sections out");
        FlowWaits.waitUntil("the lower sections are in", () -> FlowWaits.fx(() -> window.complete()));
        WaitForAsyncUtils.waitForFxEvents();
        TextField rate = FlowWaits.fx(() -> (TextField) stage.getScene().lookup("#learningRateField"));
        assertNotNull(rate, "the Training section's controls are in the window");
        assertEquals(0.3, Double.parseDouble(FlowWaits.fx(rate::getText)), 1e-12, "they show the run's setting");
        assertNotNull(FlowWaits.fx(() -> stage.getScene().lookup("#activationBox")), "and the Model section's");
        assertTrue(FlowWaits.fx(() -> rate.getLayoutBounds().getHeight() > 0), "laid out");
    }
}
