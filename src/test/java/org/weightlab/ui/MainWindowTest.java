package org.weightlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.control.ToolBar;
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
import org.weightlab.session.SessionHost;
import org.weightlab.session.SnapshotBus;
import org.weightlab.session.TrainingSession;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private Stage stage;
    private SessionHost host;
    private MainWindow window;

    @Start
    void start(Stage primary) {
        // A window of its own: the main window sizes and maximizes its stage from preferences,
        // which must not leak into the shared primary stage of later tests.
        Stage stage = new Stage();
        ownStage = stage;
        this.stage = stage;
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

    @Test
    void windowIsTitledAndHasItsRegions(FxRobot robot) {
        assertEquals("WeightLab", stage.getTitle());
        for (String id : new String[] {"#toolbar", "#controlsColumn", "#networkArea", "#outputColumn", "#statusBar"}) {
            assertNotNull(robot.lookup(id).tryQuery().orElse(null), id + " is missing");
        }
    }

    @Test
    void theLessonsMenuListsEveryBuiltInLessonWhenItOpens(FxRobot robot) throws Exception {
        javafx.scene.control.MenuBar bar = robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class);
        javafx.scene.control.Menu lessons = bar.getMenus().stream().filter(m -> "lessonsMenu".equals(m.getId()))
                .findFirst().orElseThrow();
        java.util.List<String> before = WaitForAsyncUtils.asyncFx(() -> lessons.getItems().stream()
                .map(javafx.scene.control.MenuItem::getText).filter(java.util.Objects::nonNull).toList()).get();
        assertEquals(java.util.List.of("Lesson gallery\u2026"), before, "read when the menu opens, not with the window");
        WaitForAsyncUtils.asyncFx(() -> {
            lessons.getOnShowing().handle(new javafx.event.Event(javafx.scene.control.Menu.ON_SHOWING));
            lessons.getOnShowing().handle(new javafx.event.Event(javafx.scene.control.Menu.ON_SHOWING));
        }).get();
        java.util.List<org.weightlab.scenario.LessonCatalog.Entry> all = org.weightlab.scenario.LessonCatalog.builtIn();
        java.util.List<String> shown = WaitForAsyncUtils.asyncFx(() -> lessons.getItems().stream()
                .map(javafx.scene.control.MenuItem::getText).filter(java.util.Objects::nonNull).skip(1).toList()).get();
        assertEquals(all.size(), shown.size(), "each lesson once, opened twice: " + shown);
        assertEquals("1. " + all.get(0).title(), shown.get(0));
    }

    @Test
    void toolbarHoldsThePlayButton(FxRobot robot) {
        Button play = robot.lookup("#playButton").queryAs(Button.class);
        ToolBar bar = robot.lookup("#toolbar").queryAs(ToolBar.class);
        assertTrue(robot.lookup("#toolbar #playButton").tryQuery().isPresent(), "play button is not in the toolbar");
        assertNotNull(bar);
        assertTrue(play.getTooltip().getText().contains("Space"), "the tooltip names the shortcut");
    }

    @Test
    void stepThroughWalksForwardAndBackAndEscReturns(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.shownSnapshot() != null);
        robot.clickOn("#statusBar").type(KeyCode.T);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.stepThrough().isActive());
        int start = window.stepThrough().indexProperty().get();
        robot.type(KeyCode.RIGHT, 3);
        assertEquals(start + 3, window.stepThrough().indexProperty().get());
        robot.type(KeyCode.LEFT, 3);
        assertEquals(start, window.stepThrough().indexProperty().get());
        long stepBefore = window.shownSnapshot().step();
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.stepThrough().isActive());
        assertEquals(stepBefore, window.shownSnapshot().step(), "walking changed nothing in the run");
    }

    @Test
    void controlsFollowATopologyChangeMadeInTheGraph(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.shownSnapshot() != null);
        robot.clickOn("#addLayerButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> window.shownSnapshot().config().hidden().size() == 3);
        org.weightlab.ui.controls.ControlsPanel controls =
                robot.lookup(n -> n instanceof org.weightlab.ui.controls.ControlsPanel).query();
        assertEquals(window.shownSnapshot().config(), controls.config(),
                "a later control change would start from a stale config and undo the new layer");
    }

    @Test
    void playTrainsAndTheLossFalls(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.shownSnapshot() != null);
        double before = window.shownSnapshot().trainLoss();
        robot.clickOn("#playButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> window.shownSnapshot().epoch() >= 20 && window.shownSnapshot().trainLoss() < 0.5 * before);
        robot.clickOn("#playButton");
        assertTrue(window.shownSnapshot().trainLoss() < before);
    }
}
