package org.weightlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
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
}
