package org.weightlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightlab.session.SessionHost;
import org.weightlab.session.SessionState;
import org.weightlab.session.TrainingSession;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.shell.TransportBar;

/** The pace controls, the stop epoch and the status while looking at the past, on the real window. */
@ExtendWith(ApplicationExtension.class)
class MainWindowPaceFlowsTest {

    private static final long TIMEOUT_S = 20;

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

    private void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, condition);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryLabeled().getText();
    }

    @Test
    void theWindowStartsAtAWatchablePaceStopsAtTheAskedEpochAndMaxIsOneClickAway(FxRobot robot) throws Exception {
        waitFor(() -> window.shownSnapshot() != null);
        ToggleButton watchable = robot.lookup("#pace-20").queryAs(ToggleButton.class);
        ToggleButton max = robot.lookup("#pace-max").queryAs(ToggleButton.class);
        assertTrue(watchable.isSelected(), "the window starts at " + TransportBar.DEFAULT_PACE + " epochs/s");
        assertFalse(max.isSelected());
        assertEquals("epochs/s", text(robot, "#paceUnit"));

        TextField stopAt = robot.lookup("#stopAtField").queryAs(TextField.class);
        robot.clickOn(stopAt).write("4").type(javafx.scene.input.KeyCode.ENTER);
        long t0 = System.nanoTime();
        robot.clickOn("#playButton");
        waitFor(() -> window.shownSnapshot().epoch() == 4 && window.shownSnapshot().state() == SessionState.PAUSED);
        double seconds = (System.nanoTime() - t0) / 1e9;
        TrainingSnapshot s = window.shownSnapshot();
        assertEquals(100, s.step(), "four epochs of 25 steps");
        // 4 epochs at 20 a second take 0.2 s; at "max" they would take milliseconds
        assertTrue(seconds > 0.15, "paced: four epochs took " + seconds + " s");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stopAt.getStyleClass().contains(TransportBar.STOPPED_STYLE), "the stop field shows it was reached");
        assertTrue(text(robot, "#statusMessage").startsWith("Stopped at epoch 4"), text(robot, "#statusMessage"));
        assertEquals("Paused", text(robot, "#statusState"));

        robot.clickOn(max);
        assertTrue(max.isSelected());
        assertFalse(watchable.isSelected());
        robot.clickOn(max); // clicking the chosen pace again keeps it
        assertTrue(max.isSelected());
        robot.clickOn("#pace-1");
        assertFalse(max.isSelected());
    }

    @Test
    void lookingAtThePastSaysViewingStepAndItsNumbersAgreeWithTheRunContinuedFromThere(FxRobot robot)
            throws Exception {
        waitFor(() -> window.shownSnapshot() != null);
        robot.clickOn("#pace-60");
        robot.interact(() -> host.runSteps(400));
        waitFor(() -> window.shownSnapshot().step() == 400 && window.shownSnapshot().state() == SessionState.PAUSED);
        long[] steps = host.timeline().recordedSteps();
        long mid = -1;
        for (long st : steps) {
            if (st % 25 != 0 && st > 50) {
                mid = st;
                break;
            }
        }
        assertTrue(mid > 0, "a mid-epoch moment is recorded");
        long target = mid;
        Slider slider = robot.lookup("#timelineSlider").queryAs(Slider.class);
        robot.interact(() -> slider.setValue(target));
        waitFor(() -> window.shownSnapshot().step() == target);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(String.format(java.util.Locale.ROOT, "Viewing step %,d", target), text(robot, "#statusState"));
        String pastLoss = text(robot, "#statusTrainLoss");
        String pastTest = text(robot, "#statusTestLoss");
        assertEquals(String.format(java.util.Locale.ROOT, "%,d", target), text(robot, "#statusStep"));

        robot.clickOn("#forkButton");
        waitFor(() -> host.session().timeline().latestStep() == target
                && window.shownSnapshot().step() == target);
        WaitForAsyncUtils.waitForFxEvents();
        waitFor(() -> "Paused".equals(text(robot, "#statusState")));
        assertEquals(pastLoss, text(robot, "#statusTrainLoss"), "train loss past and continued");
        assertEquals(pastTest, text(robot, "#statusTestLoss"), "test loss past and continued");
    }
}
