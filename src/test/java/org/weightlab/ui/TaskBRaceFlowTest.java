package org.weightlab.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weightlab.ui.FlowWaits.fx;
import static org.weightlab.ui.FlowWaits.waitUntil;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.InlineData;
import org.weightlab.session.SessionHost;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.transfer.TaskBForm;

/**
 * Data > Move to task B: the run moves to the person's own data keeping its weights, or the
 * dialog races the fine-tuning choices on the chosen task B while the run stays where it is.
 */
@ExtendWith(ApplicationExtension.class)
class TaskBRaceFlowTest {

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
        WaitForAsyncUtils.asyncFx(() -> { // a race still training is ended on the FX thread, as the window does
            if (open.stage().getScene().lookup("#raceStop") instanceof javafx.scene.control.Button b) {
                b.fire();
            }
        }).get(10, TimeUnit.SECONDS);
        open.close();
    }

    private TaskBForm openDialog(FxRobot robot) throws Exception {
        waitUntil("the first snapshot", () -> fx(window::shownSnapshot) != null);
        robot.interact(() -> host.runSteps(40));
        waitUntil("task A trained a little", () -> fx(window::shownSnapshot).step() >= 40);
        robot.clickOn("#dataMenu");
        robot.clickOn("Move to task B\u2026");
        waitUntil("the dialog", () -> !robot.lookup(".wl-task-b-form").queryAll().isEmpty());
        return robot.lookup(".wl-task-b-form").queryAs(TaskBForm.class);
    }

    @Test
    void theRunMovesToOwnDataKeepingItsWeights(FxRobot robot) throws Exception {
        TaskBForm form = openDialog(robot);
        TrainingSnapshot before = fx(window::shownSnapshot);
        double[] rows = new double[2 * 40];
        double[] labels = new double[40];
        for (int i = 0; i < 40; i++) {
            rows[2 * i] = Math.sin(i * 1.3) * 2;
            rows[2 * i + 1] = Math.cos(i * 0.7);
            labels[i] = rows[2 * i] * rows[2 * i + 1] > 0 ? 1 : -1;
        }
        InlineData mine = new InlineData(List.of("a", "b"), List.of("no", "yes"), rows, labels, true);
        assertTrue(fx(() -> form.offerOwnData("mine.csv", mine)));
        robot.clickOn("Move");
        waitUntil("the run is on the own data", () -> fx(window::shownSnapshot).config().dataset() == DatasetKind.CUSTOM);
        TrainingSnapshot after = fx(window::shownSnapshot);
        for (int l = 0; l < after.layers().size(); l++) {
            assertArrayEquals(before.layers().get(l).weights(), after.layers().get(l).weights(), 0.0,
                    "layer " + l + " carried over");
        }
        assertEquals(40, after.data().train().size() + after.data().test().size());
    }

    @Test
    void theDialogRacesTheFineTuningChoicesAndTheRunStays(FxRobot robot) throws Exception {
        openDialog(robot);
        DatasetKind first = fx(window::shownSnapshot).config().dataset();
        ComboBox<DatasetKind> data = robot.lookup("#taskBDataset").queryComboBox();
        robot.interact(() -> data.setValue(DatasetKind.XOR));
        robot.clickOn("Race the fine-tuning choices");
        waitUntil("the fine-tuning race shows", () -> !robot.lookup("#raceTitle").queryAll().isEmpty()
                && fx(() -> robot.lookup("#raceTitle").queryAs(Label.class).getText())
                        .equals("Race: fine-tuning on xor (task B)"));
        waitUntil("three runs with task A kept", () -> fx(() -> robot.lookup("#raceCell2_5").tryQueryAs(Label.class)
                .map(l -> l.getText().endsWith("%")).orElse(false)));
        assertEquals("LoRA r=2", fx(() -> robot.lookup("#raceCell2_0").queryAs(Label.class).getText()));
        assertEquals(first, fx(window::shownSnapshot).config().dataset(), "the run itself does not move");
    }
}
