package org.weightlab.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weightlab.ui.FlowWaits.fx;
import static org.weightlab.ui.FlowWaits.waitUntil;

import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.weightlab.engine.config.ConfigEdits;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.session.SessionHost;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.heatmap.ClickPicker;
import org.weightlab.ui.heatmap.DecisionHeatmapView;

/**
 * The picker under the output view chooses what a click adds: a class of three by its button or by
 * a key, Shift+click the next class, and for regression a target value; the test set stays put.
 */
@ExtendWith(ApplicationExtension.class)
class ClickPickerFlowTest {

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
    void thePickedClassIsWhatAClickAddsAndTheTestSetStaysPut(FxRobot robot) throws Exception {
        waitUntil("the first snapshot", () -> fx(window::shownSnapshot) != null);
        RunConfig gauss3 = ConfigEdits.withDataset(RunConfig.defaults(), DatasetKind.GAUSS3);
        robot.interact(() -> host.applyConfig(gauss3));
        waitUntil("gauss3 on screen", () -> fx(window::shownSnapshot).config().dataset() == DatasetKind.GAUSS3);
        ClickPicker picker = robot.lookup("#clickPicker").queryAs(ClickPicker.class);
        waitUntil("three class buttons", () -> fx(() -> picker.isVisible()
                && robot.lookup("#clickClass2").tryQuery().isPresent()));
        DataSplit before = fx(window::shownSnapshot).data();

        robot.clickOn("#clickClass2");
        clickAt(robot, 1, 1, MouseButton.PRIMARY);
        TrainingSnapshot one = waitForSamples(before.train().size() + before.test().size() + 1);
        double[] labels = one.config().inlineData().labels();
        assertEquals(2.0, labels[labels.length - 1], "the picked class");
        assertArrayEquals(before.test().points(), one.data().test().points(), "the test set is the one shown before");

        // with the output view focused (a click gives it the focus), key 1 picks the first class
        robot.type(KeyCode.DIGIT1);
        assertEquals(0, fx(picker::pickedClass));
        robot.press(KeyCode.SHIFT);
        try {
            clickAt(robot, -2, 3, MouseButton.PRIMARY);
        } finally {
            robot.release(KeyCode.SHIFT);
        }
        TrainingSnapshot two = waitForSamples(one.config().samples() + 1);
        labels = two.config().inlineData().labels();
        assertEquals(1.0, labels[labels.length - 1], "Shift+click adds the next class");
        assertArrayEquals(before.test().points(), two.data().test().points(), "still the same test set");
    }

    @Test
    void aRegressionClickAddsThePickedTargetValue(FxRobot robot) throws Exception {
        waitUntil("the first snapshot", () -> fx(window::shownSnapshot) != null);
        RunConfig plane = ConfigEdits.withDataset(RunConfig.defaults(), DatasetKind.PLANE);
        robot.interact(() -> host.applyConfig(plane));
        waitUntil("plane on screen", () -> fx(window::shownSnapshot).config().dataset() == DatasetKind.PLANE);
        ClickPicker picker = robot.lookup("#clickPicker").queryAs(ClickPicker.class);
        waitUntil("the value slider", () -> fx(() -> picker.isVisible()
                && robot.lookup("#clickValue").tryQuery().isPresent()));
        int samples = fx(window::shownSnapshot).config().samples();
        clickAt(robot, 0, 0, MouseButton.PRIMARY); // gives the view the focus
        waitForSamples(samples + 1);
        robot.type(KeyCode.DIGIT5); // the middle of nine values: 0
        assertEquals(0.0, fx(picker::pickedValue), 1e-12);
        robot.type(KeyCode.DIGIT1);
        double lowest = fx(picker::pickedValue);
        assertTrue(lowest < 0, "key 1 is the lowest value");
        clickAt(robot, 3, -3, MouseButton.PRIMARY);
        TrainingSnapshot s = waitForSamples(samples + 2);
        double[] labels = s.config().inlineData().labels();
        assertEquals(lowest, labels[labels.length - 1], 1e-12);
    }

    private void clickAt(FxRobot robot, double x1, double x2, MouseButton button) {
        DecisionHeatmapView view = robot.lookup("#outputArea").queryAs(DecisionHeatmapView.class);
        Point2D p = fx(() -> view.localToScreen(view.plotPoint(x1, x2)));
        robot.moveTo(p).clickOn(button);
    }

    private TrainingSnapshot waitForSamples(int n) throws Exception {
        waitUntil(n + " samples on screen", () -> {
            TrainingSnapshot s = fx(window::shownSnapshot);
            return s.config().dataset() == DatasetKind.CUSTOM && s.config().samples() == n && s.data() != null
                    && s.data().train().size() + s.data().test().size() == n;
        });
        return fx(window::shownSnapshot);
    }
}
