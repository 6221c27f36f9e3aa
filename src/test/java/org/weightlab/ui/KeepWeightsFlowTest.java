package org.weightlab.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weightlab.ui.FlowWaits.fx;
import static org.weightlab.ui.FlowWaits.waitUntil;

import javafx.scene.control.CheckBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.session.LayerSnapshot;
import org.weightlab.session.SessionHost;
import org.weightlab.session.TrainingSnapshot;

/**
 * A new data set from the Data controls: with "Keep weights" (the default) the network trains on
 * from the weights and frozen parts it has; without, it starts fresh from new initial weights.
 */
@ExtendWith(ApplicationExtension.class)
class KeepWeightsFlowTest {

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
    void switchingDataKeepsTheTrainedWeightsAndFrozenPartsOrStartsFreshWhenAskedTo(FxRobot robot) throws Exception {
        waitUntil("the first snapshot", () -> fx(window::shownSnapshot) != null);
        robot.interact(() -> {
            host.freezeWeight(0, 1, 0, true);
            host.runSteps(40);
        });
        waitUntil("forty steps with a frozen weight", () -> {
            TrainingSnapshot s = fx(window::shownSnapshot);
            return s.step() >= 40 && s.layers().get(0).frozenWeights()[1 * 2];
        });
        TrainingSnapshot trained = fx(window::shownSnapshot);
        CheckBox keep = robot.lookup("#keepWeightsBox").queryAs(CheckBox.class);
        assertTrue(fx(keep::isSelected), "keeping the weights is the default");
        assertFalse(fx(() -> keep.getTooltip().getText()).isBlank(), "the choice is explained");

        robot.clickOn("#dataset-xor");
        waitUntil("the xor run is shown", () -> fx(window::shownSnapshot).config().dataset() == DatasetKind.XOR);
        TrainingSnapshot kept = fx(window::shownSnapshot);
        for (int l = 0; l < trained.layers().size(); l++) {
            LayerSnapshot a = trained.layers().get(l);
            LayerSnapshot b = kept.layers().get(l);
            assertArrayEquals(a.weights(), b.weights(), "layer " + l + " weights kept");
            assertArrayEquals(a.biases(), b.biases(), "layer " + l + " biases kept");
            assertArrayEquals(a.frozenWeights(), b.frozenWeights(), "layer " + l + " frozen parts kept");
        }

        robot.clickOn(keep);
        waitUntil("keeping is off", () -> !fx(keep::isSelected));
        robot.clickOn("#dataset-gauss");
        waitUntil("the gauss run is shown", () -> fx(window::shownSnapshot).config().dataset() == DatasetKind.GAUSS);
        TrainingSnapshot fresh = fx(window::shownSnapshot);
        assertEquals(0, fresh.step(), "a fresh run");
        double[] w = fresh.layers().get(0).weights();
        assertFalse(java.util.Arrays.equals(trained.layers().get(0).weights(), w), "new initial weights");
        assertFalse(fresh.layers().get(0).frozenWeights()[1 * 2], "nothing frozen in a fresh network");
    }
}
