package org.weightlab.ui.confusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightlab.analysis.Confusion;
import org.weightlab.analysis.ConfusionMatrix;
import org.weightlab.analysis.EngineRun;
import org.weightlab.engine.config.ConfigEdits;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.session.TrainingSnapshot;

@ExtendWith(ApplicationExtension.class)
class ConfusionPanelTest {

    private ConfusionPanel panel;
    private final AtomicReference<double[]> picked = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        panel = new ConfusionPanel();
        panel.setOnPointPicked((x, y) -> picked.set(new double[]{x, y}));
        stage.setScene(new Scene(panel, 900, 700));
        stage.show();
    }

    /** A three-class run trained a little, as the session publishes it (with its data split). */
    private static TrainingSnapshot gauss3(int steps) {
        RunConfig c = ConfigEdits.withDataset(RunConfig.defaults(), DatasetKind.GAUSS3).withData(300, 0.5, 0.5, 3);
        EngineRun run = new EngineRun(c);
        for (int i = 0; i < steps; i++) {
            run.trainer().step();
        }
        TrainingSnapshot s = run.snapshot(0);
        DataSplit data = DataGenerator.generate(c);
        return new TrainingSnapshot(s.step(), s.epoch(), s.state(), s.config(), s.features(), s.layers(), s.trainLoss(),
                s.testLoss(), s.trainAccuracy(), s.testAccuracy(), s.penalty(), s.learningRate(), null, data);
    }

    @Test
    void cellsShowTheCountsAndAClickedCellListsItsTestExamples(FxRobot robot) throws Exception {
        TrainingSnapshot s = gauss3(40);
        ConfusionMatrix expected = Confusion.ofTest(s);
        robot.interact(() -> panel.show(s));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> panel.matrix() != null);
        WaitForAsyncUtils.waitForFxEvents();

        ConfusionGrid grid = panel.grid();
        for (int t = 0; t < 3; t++) {
            for (int p = 0; p < 3; p++) {
                assertEquals(Integer.toString(expected.count(t, p)), grid.cell(t, p).getText(), t + "," + p);
            }
            assertEquals(String.format(Locale.ROOT, "%.0f%%", 100 * expected.classAccuracy(t)),
                    grid.rowAccuracy(t).getText());
        }
        assertTrue(panel.summary().getText().contains(expected.correct() + " of " + expected.total()),
                panel.summary().getText());

        // the fullest off-diagonal cell, so that the list has something to show
        int bestT = 0;
        int bestP = 1;
        for (int t = 0; t < 3; t++) {
            for (int p = 0; p < 3; p++) {
                if (t != p && expected.count(t, p) > expected.count(bestT, bestP)) {
                    bestT = t;
                    bestP = p;
                }
            }
        }
        assertTrue(expected.count(bestT, bestP) > 0, "a network trained 40 steps still confuses some classes");
        robot.clickOn("#confusion-" + bestT + "-" + bestP);
        WaitForAsyncUtils.waitForFxEvents();
        int[] which = expected.examples(bestT, bestP);
        assertEquals(which.length, panel.pointList().getItems().size());
        assertTrue(panel.cellTitle().getText().startsWith("True " + bestT + ", predicted " + bestP + ": "
                + which.length), panel.cellTitle().getText());

        robot.interact(() -> panel.pointList().getSelectionModel().select(0));
        double[] p = picked.get();
        assertEquals(s.data().test().x1(which[0]), p[0]);
        assertEquals(s.data().test().x2(which[0]), p[1]);
    }

    @Test
    void theMatrixFollowsANewMomentAndKeepsTheClickedCell(FxRobot robot) throws Exception {
        TrainingSnapshot early = gauss3(5);
        robot.interact(() -> panel.show(early));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> panel.matrix() != null);
        robot.clickOn("#confusion-0-0");
        TrainingSnapshot later = gauss3(400);
        ConfusionMatrix expected = Confusion.ofTest(later);
        assertNotEquals(Confusion.ofTest(early), expected, "training moved some test examples");
        robot.interact(() -> panel.show(later));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> expected.equals(panel.matrix()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(expected.count(0, 0), panel.pointList().getItems().size());
    }

    @Test
    void aRegressionSaysItHasNoClasses(FxRobot robot) throws Exception {
        RunConfig c = ConfigEdits.withDataset(RunConfig.defaults(), DatasetKind.PLANE);
        TrainingSnapshot s0 = new EngineRun(c).snapshot(0);
        TrainingSnapshot s = new TrainingSnapshot(0, 0, s0.state(), c, s0.features(), s0.layers(), 0, 0, 0, 0, 0, 0,
                null, DataGenerator.generate(c));
        robot.interact(() -> panel.show(s));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> panel.summary().getText().contains("regression"));
        assertEquals(null, panel.matrix());
    }
}
