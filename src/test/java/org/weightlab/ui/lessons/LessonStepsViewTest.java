package org.weightlab.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightlab.lessons.TrainerDriver;
import org.weightlab.scenario.Scenario;
import org.weightlab.scenario.ScenarioFile;

/** A guided lesson in the panel, played with the keyboard on a run of its own (no window needed). */
@ExtendWith(ApplicationExtension.class)
class LessonStepsViewTest {

    private LessonPanel panel;

    @Start
    void start(Stage stage) {
        panel = new LessonPanel();
        stage.setScene(new Scene(panel, 480, 1000));
        stage.show();
    }

    private void open(FxRobot robot, String name) throws Exception {
        Scenario s = ScenarioFile.builtIn(name);
        robot.interact(() -> {
            panel.setDrivers(() -> new TrainerDriver(s));
            panel.setLesson(s.lesson());
        });
        robot.clickOn("#lessonTitle");
    }

    private void waitIdle() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !panel.steps().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void inANarrowPanelInAProjectorsTypeTheStepButtonsKeepTheirWholeText(FxRobot robot) throws Exception {
        open(robot, "circle-basics");
        robot.interact(() -> {
            // in the window the lesson panel sits in the left column's scroll pane
            Scene scene = panel.getScene();
            javafx.scene.control.ScrollPane column = new javafx.scene.control.ScrollPane();
            column.setFitToWidth(true);
            scene.setRoot(column);
            column.setContent(panel);
            panel.setStyle("-fx-font-size: 21px;");
            scene.getWindow().setWidth(270);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Button back = robot.lookup("#lessonBack").queryButton();
        Button next = robot.lookup("#lessonNext").queryButton();
        double[] sizes = WaitForAsyncUtils.asyncFx(() -> {
            panel.applyCss();
            panel.layout();
            panel.layout();
            return new double[] {back.getWidth(), back.prefWidth(-1), next.getHeight(), next.prefHeight(next.getWidth()),
                    next.getBoundsInParent().getMaxX(), back.getBoundsInParent().getMaxX(), next.getBoundsInParent().getMinX()};
        }).get(10, TimeUnit.SECONDS);
        assertTrue(sizes[0] >= sizes[1] - 0.5, "Back has its whole word: " + sizes[0] + " of " + sizes[1] + " px");
        assertTrue(sizes[2] >= sizes[3] - 0.5, "the step's button is as tall as its wrapped text: " + sizes[2]
                + " of " + sizes[3] + " px");
        assertTrue(sizes[5] < sizes[6], "the buttons do not overlap");
    }

    @Test
    void nextAsksForAPredictionFirstThenRunsTheStepAndShowsItsChecks(FxRobot robot) throws Exception {
        open(robot, "linear-regression");
        LessonStepsView steps = panel.steps();
        assertEquals("Step 1 of 3", robot.lookup("#lessonStepCounter").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#lessonPredict").query().isVisible());

        robot.type(KeyCode.N);
        waitIdle();
        assertNull(steps.results(0), "nothing runs before a prediction is picked");
        assertTrue(robot.lookup("#lessonStatus").queryAs(Label.class).getText().startsWith("First pick"));

        robot.type(KeyCode.DIGIT1);
        assertTrue(robot.lookup("#lessonChoice1").queryAs(ToggleButton.class).isSelected());
        robot.type(KeyCode.PAGE_DOWN);
        waitIdle();
        assertEquals(2, steps.results(0).size());
        assertTrue(steps.results(0).stream().allMatch(m -> m.ok()), steps.results(0).toString());
        assertTrue(steps.results(0).get(0).text().startsWith("w = 2.0"), steps.results(0).get(0).text());
        assertTrue(robot.lookup("#lessonChecks").query().lookupAll(".label").size() >= 2);
        assertTrue(robot.lookup("#lessonStatus").queryAs(Label.class).getText().startsWith("Your prediction was right"));
        assertEquals(0, steps.indexProperty().get(), "the results stay in view until the next Next");

        robot.type(KeyCode.N);
        assertEquals(1, steps.indexProperty().get());
        assertEquals("Step 2 of 3", robot.lookup("#lessonStepCounter").queryAs(Label.class).getText());
        robot.type(KeyCode.P);
        assertEquals(0, steps.indexProperty().get());
        assertTrue(robot.lookup("#lessonChoice1").queryAs(ToggleButton.class).isDisabled(), "answered");
        robot.type(KeyCode.PAGE_DOWN);
        assertEquals(1, steps.indexProperty().get(), "a played step is not played again");
        robot.type(KeyCode.PAGE_UP);
        assertEquals(0, steps.indexProperty().get());
    }

    @Test
    void aWrongPredictionIsToldApartAndTheRunsFiguresStillShow(FxRobot robot) throws Exception {
        open(robot, "learning-rate");
        // the lesson races lr 0.001, 0.1 and 3; "lr 0.001 ends lowest" is the wrong guess
        robot.type(KeyCode.N, KeyCode.DIGIT1);
        robot.type(KeyCode.DIGIT1);
        robot.type(KeyCode.N);
        waitIdle();
        assertTrue(robot.lookup("#lessonStatus").queryAs(Label.class).getText().startsWith("Not what you predicted"));
        assertTrue(panel.steps().results(0).get(0).text().startsWith("lr 0.1 ranks 1 of 3"),
                panel.steps().results(0).get(0).text());
    }

    @Test
    void theLastStepHasNoNextAndTheFirstNoBack(FxRobot robot) throws Exception {
        open(robot, "circle-basics");
        assertTrue(robot.lookup("#lessonBack").queryAs(Button.class).isDisabled());
        robot.type(KeyCode.DIGIT1, KeyCode.N);
        waitIdle();
        robot.type(KeyCode.N);
        assertEquals(1, panel.steps().indexProperty().get());
        assertTrue(robot.lookup("#lessonNext").queryAs(Button.class).isDisabled());
        assertFalse(robot.lookup("#lessonBack").queryAs(Button.class).isDisabled());
    }
}
