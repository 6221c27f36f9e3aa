package org.weightlab.ui.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightlab.engine.config.ConfigEdits;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.RunConfig;

/** The move-to-task-B form: the data sets offered fit the network; the choice is what the form shows. */
@ExtendWith(ApplicationExtension.class)
class TaskBFormTest {

    private TaskBForm form;

    @Start
    void start(Stage stage) {
        form = new TaskBForm(RunConfig.defaults());
        stage.setScene(new Scene(form, 600, 300));
        stage.show();
    }

    @Test
    void offersTheOtherSetsOfTheSameShapeAndReturnsTheChoice(FxRobot robot) {
        assertFalse(fx(form::offered).contains(RunConfig.defaults().dataset()), "not the set the run is on");
        assertFalse(fx(form::offered).contains(DatasetKind.DIGITS), "not a set of another shape");
        assertTrue(fx(form::canMove));
        assertFalse(fx(form.choice()::freezeBase), "training everything is the default");

        robot.interact(() -> form.datasetBox().setValue(DatasetKind.XOR));
        robot.clickOn("#taskBFreezeBase");
        TaskBForm.Choice c = fx(form::choice);
        assertEquals(DatasetKind.XOR, c.next().dataset());
        assertTrue(c.freezeBase());
        assertEquals(RunConfig.defaults().hidden(), c.next().hidden(), "the network's shape is kept");
    }

    @Test
    void aNetworkThatFitsNoOtherSetCannotMove(FxRobot robot) {
        RunConfig digits = ConfigEdits.withDataset(RunConfig.defaults(), DatasetKind.DIGITS);
        TaskBForm none = fx(() -> new TaskBForm(digits));
        assertTrue(fx(none::offered).isEmpty());
        assertFalse(fx(none::canMove));
        assertNull(fx(none::choice));
    }

    @Test
    void ownDataThatFitsIsOfferedAndChosenAndOtherDataSaysWhyNot(FxRobot robot) {
        double[] rows = {1, 2, -1, 0.5, 2, -2, -0.5, 1};
        org.weightlab.engine.config.InlineData fits = new org.weightlab.engine.config.InlineData(
                java.util.List.of("a", "b"), java.util.List.of("no", "yes"), rows, new double[] {1, -1, 1, -1}, true);
        org.weightlab.engine.config.InlineData wide = new org.weightlab.engine.config.InlineData(
                java.util.List.of("a", "b", "c", "d"), java.util.List.of("no", "yes"), rows, new double[] {1, -1}, true);
        assertFalse(fx(() -> form.offerOwnData("wide.csv", wide)));
        assertFalse(fx(form::offered).contains(DatasetKind.CUSTOM));
        javafx.scene.control.Label why = robot.lookup("#taskBOwnDataProblem").queryAs(javafx.scene.control.Label.class);
        assertTrue(fx(why::isVisible));
        assertTrue(fx(why::getText).startsWith("wide.csv has 4 input columns"), fx(why::getText));

        assertTrue(fx(() -> form.offerOwnData("mine.csv", fits)));
        assertFalse(fx(why::isVisible));
        assertTrue(fx(form::offered).contains(DatasetKind.CUSTOM));
        assertEquals("own data: mine.csv", fx(() -> form.datasetBox().getConverter().toString(DatasetKind.CUSTOM)));
        TaskBForm.Choice c = fx(form::choice);
        assertEquals(DatasetKind.CUSTOM, c.next().dataset());
        assertEquals(fits.size(), c.next().inlineData().size());
        assertEquals(RunConfig.defaults().hidden(), c.next().hidden());
    }

    private static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
