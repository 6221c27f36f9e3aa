package org.weightlab.lessons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.Feature;
import org.weightlab.scenario.Scenario;
import org.weightlab.scenario.ScenarioFile;
import org.weightlab.session.SessionHost;
import org.weightlab.session.TrainingSession;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.MainWindow;
import org.weightlab.ui.OpenWindow;
import org.weightlab.ui.lessons.LessonPanel;
import org.weightlab.ui.lessons.LessonStepsView;

/**
 * An instructor in front of a class: three lessons opened in the real window and played with the
 * keyboard alone (1-4 to predict, N / PageDown to run and go on, P / PageUp back), on the real
 * training session.
 */
@ExtendWith(ApplicationExtension.class)
class LessonKeyboardFlowTest {

    private static final long TIMEOUT_S = 60;

    private SessionHost host;
    private MainWindow window;
    private OpenWindow open;

    @Start
    void start(Stage primary) {
        open = OpenWindow.onDefaults();
        host = open.host();
        window = open.window();
    }

    @AfterEach
    void stop() throws Exception {
        open.close();
    }

    private void open(FxRobot robot, String name) throws Exception {
        Scenario s = ScenarioFile.builtIn(name);
        robot.interact(() -> window.openScenario(s, name));
        waitUntil(name + " shows its first step", () -> steps(robot).indexProperty().get() == 0
                && robot.lookup("#lessonPanel").query().isVisible());
    }

    /** The lesson's steps, looked up on the FX thread (the scene changes while a step runs). */
    private static LessonStepsView steps(FxRobot robot) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> robot.lookup("#lessonPanel").queryAs(LessonPanel.class).steps())
                    .get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("no lesson panel", e);
        }
    }

    /** Presses {@code keys}, then waits until the step shown has finished running. */
    private void press(FxRobot robot, KeyCode... keys) throws Exception {
        for (KeyCode k : keys) {
            robot.type(k);
            waitUntil("the step finished", () -> !steps(robot).busyProperty().get());
        }
    }

    private static void waitUntil(String what, BooleanSupplier condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TrainingSnapshot idle() throws Exception {
        return host.session().whenIdle().get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    private static void assertAllOk(LessonStepsView v, int step) {
        assertTrue(v.results(step) != null && !v.results(step).isEmpty(), "step " + (step + 1) + " ran");
        assertTrue(v.results(step).stream().allMatch(m -> m.ok()), v.results(step).toString());
    }

    @Test
    void threeLessonsPlayedWithTheKeyboardAlone(FxRobot robot) throws Exception {
        // 1. Freezing: the switch to XOR keeps the circle's weights, and the frozen layer stays put.
        open(robot, "freezing");
        press(robot, KeyCode.N);
        assertAllOk(steps(robot), 0);
        TrainingSnapshot circle = idle();
        assertEquals(300, circle.step());
        press(robot, KeyCode.PAGE_DOWN, KeyCode.DIGIT1, KeyCode.N);
        assertAllOk(steps(robot), 1);
        TrainingSnapshot xor = idle();
        assertEquals(DatasetKind.XOR, xor.config().dataset());
        assertArrayEquals(circle.layers().get(0).weights(), xor.layers().get(0).weights(), 0.0,
                "the frozen first layer is bit-identical to the one trained on the circle");
        assertTrue(xor.layers().get(0).frozenWeights()[0], "still frozen");
        assertEquals("Your prediction was right. Measured on the run:",
                robot.lookup("#lessonStatus").queryAs(Label.class).getText());
        press(robot, KeyCode.N);
        assertEquals(2, steps(robot).indexProperty().get());
        press(robot, KeyCode.P);
        assertEquals(1, steps(robot).indexProperty().get());

        // 2. Features: squares separate the circle with one neuron, plain x1 and x2 cannot.
        open(robot, "features");
        press(robot, KeyCode.DIGIT1, KeyCode.N);
        assertAllOk(steps(robot), 0);
        press(robot, KeyCode.N, KeyCode.DIGIT2, KeyCode.PAGE_DOWN);
        assertAllOk(steps(robot), 1);
        assertEquals(List.of(Feature.X1, Feature.X2), idle().config().features());

        // 3. Linear regression: w and b find the line; a learning rate of 3 blows up.
        open(robot, "linear-regression");
        press(robot, KeyCode.DIGIT1, KeyCode.N);
        assertAllOk(steps(robot), 0);
        press(robot, KeyCode.N, KeyCode.DIGIT3, KeyCode.N);
        assertAllOk(steps(robot), 1);
        assertEquals(3.0, idle().config().optimizer().learningRate());
        assertTrue(steps(robot).results(1).get(0).text().contains("diverged")
                || steps(robot).results(1).get(0).text().contains("\u2192"), steps(robot).results(1).toString());
    }
}
