package org.weightlab.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weightlab.ui.FlowWaits.fx;
import static org.weightlab.ui.FlowWaits.waitUntil;

import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.session.LossHistory;
import org.weightlab.session.SessionHost;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.loss.LossChartView;

/**
 * Data > Move to task B: the run goes on on the new data set with its weights (the base frozen
 * when asked), and the loss chart draws task A's test loss from then on, marked "moved to task B".
 */
@ExtendWith(ApplicationExtension.class)
class TaskBFlowTest {

    private OpenWindow open;
    private MainWindow window;
    private SessionHost host;

    @Start
    void start(javafx.stage.Stage primary) {
        open = OpenWindow.onDefaults();
        window = open.window();
        host = open.host();
    }

    @AfterEach
    void stop() throws Exception {
        open.close();
    }

    @Test
    void movingToTaskBKeepsTheBaseAndTheChartShowsTaskA(FxRobot robot) throws Exception {
        waitUntil("the first snapshot", () -> fx(window::shownSnapshot) != null);
        robot.interact(() -> host.runSteps(60));
        waitUntil("task A trained a little", () -> fx(window::shownSnapshot).step() >= 60);
        TrainingSnapshot taskA = fx(window::shownSnapshot);
        DatasetKind first = taskA.config().dataset();

        robot.clickOn("#dataMenu");
        robot.clickOn("Move to task B\u2026");
        waitUntil("the dialog", () -> !robot.lookup("#taskBDataset").queryAll().isEmpty());
        ComboBox<DatasetKind> data = robot.lookup("#taskBDataset").queryComboBox();
        assertFalse(fx(() -> data.getItems().contains(first)), "not the data set the run is on");
        robot.interact(() -> data.setValue(DatasetKind.XOR));
        robot.clickOn(robot.lookup("#taskBFreezeBase").queryAs(CheckBox.class));
        robot.clickOn("Move");

        waitUntil("the run is on xor", () -> fx(window::shownSnapshot).config().dataset() == DatasetKind.XOR);
        robot.interact(() -> host.runSteps(60));
        LossChartView chart = robot.lookup(".wl-loss-chart").queryAs(LossChartView.class);
        waitUntil("an epoch end with task A's loss", () -> fx(() -> {
            LossHistory h = chart.history();
            int n = h.epochEnds().size();
            return n > 0 && Double.isFinite(h.epochEnds().value(LossHistory.TASK_A_LOSS, n - 1));
        }));
        robot.interact(chart::redrawNow);
        assertTrue(fx(() -> chart.drawnLine(LossChartView.Curve.TASK_A).count()) > 0, "the task A curve is drawn");
        assertTrue(fx(chart::showsTaskA), "its legend entry shows");
        assertTrue(fx(() -> chart.markers().stream().anyMatch(m -> m.label().equals("moved to task B (xor)"))),
                "the move is marked");

        TrainingSnapshot taskB = fx(window::shownSnapshot);
        assertTrue(taskB.step() > taskA.step(), "the steps go on");
        int last = taskB.layers().size() - 1;
        for (int l = 0; l < last; l++) {
            assertArrayEquals(taskA.layers().get(l).weights(), taskB.layers().get(l).weights(), "base layer " + l + " frozen");
        }
        assertFalse(java.util.Arrays.equals(taskA.layers().get(last).weights(), taskB.layers().get(last).weights()),
                "the last layer learns task B");
        assertEquals(DatasetKind.XOR, taskB.config().dataset());
    }
}
