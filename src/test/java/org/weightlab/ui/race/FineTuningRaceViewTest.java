package org.weightlab.ui.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.session.TaskMove;
import org.weightlab.session.TrainingSession;
import org.weightlab.session.race.FineTuning;
import org.weightlab.session.race.FineTuningStart;
import org.weightlab.session.race.Race;
import org.weightlab.session.race.RaceSetting;
import org.weightlab.session.race.RaceSnapshot;
import org.weightlab.ui.theme.Palette;

/** The fine-tuning race on screen: its own columns, its names, and the dialog that asks for task B. */
@ExtendWith(ApplicationExtension.class)
class FineTuningRaceViewTest {

    private static final RunConfig TASK_A = RunConfig.defaults().withData(200, 0, 0.5, 1);
    private RaceView view;

    @Start
    void start(Stage stage) {
        view = new RaceView(new RaceView.Commands(() -> { }, () -> { }, k -> { }));
        Scene scene = new Scene(new StackPane(view), 1100, 760);
        scene.getStylesheets().add(Objects.requireNonNull(Palette.class.getResource(Palette.APP_STYLESHEET))
                .toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private static RaceSnapshot fineTuned() {
        DataSplit data = DataGenerator.generate(TASK_A);
        Trainer pre = new Trainer(TASK_A, data);
        pre.runEpochs(10);
        Race race = Race.fineTune(FineTuningStart.of(new TrainingSession.RunCopy(pre.checkpoint(), data, null),
                TaskMove.next(TASK_A, DatasetKind.XOR), DataGenerator::generate), FineTuning.defaults());
        race.runEpochs(3);
        return race.snapshot(false, true);
    }

    @Test
    void theTableShowsTrainableTaskBAndTaskAKeptAndTheLegendNamesTheChoices() {
        RaceSnapshot s = fineTuned();
        fx(() -> {
            view.show(s);
            view.drawNow();
            return null;
        });
        assertEquals(List.of("run", "epoch", "trainable", "train loss", "task B acc", "task A kept", ""),
                fx(() -> view.table().headers()));
        for (int k = 0; k < 3; k++) {
            RaceSnapshot.Run r = s.runs().get(k);
            int row = k;
            assertEquals(r.variant().label(), fx(() -> view.table().cell(row, 0)));
            assertEquals(Long.toString(r.trainable()), fx(() -> view.table().cell(row, 2)));
            assertEquals(RaceTable.percent(r.testAccuracy()), fx(() -> view.table().cell(row, 4)));
            assertEquals(RaceTable.percent(r.taskA().accuracy()), fx(() -> view.table().cell(row, 5)));
        }
        assertEquals("LoRA r=2", fx(() -> view.table().cell(2, 0)));
        assertEquals("Race: fine-tuning on xor (task B)", fx(() -> ((Label) view.lookup("#raceTitle")).getText()));
        List<String> legend = fx(() -> ((javafx.scene.Parent) view.lookup("#raceLegend")).getChildrenUnmodifiable().stream()
                .map(n -> ((Label) n).getText()).toList());
        assertEquals(List.of("train all", "freeze base", "LoRA r=2"), legend);
        assertTrue(fx(() -> view.tiles().get(1).figuresText()).contains(s.runs().get(1).trainable() + " trainable"),
                fx(() -> view.tiles().get(1).figuresText()));
    }

    @Test
    void aNarrowViewShowsTheFiguresThatMatterAndNothingReachesPastItsEdge() {
        RaceSnapshot s = fineTuned();
        fx(() -> {
            view.getScene().getWindow().setWidth(420);
            view.show(s);
            view.drawNow();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("run", "train-\nable", "task B\nacc", "task A\nkept"),
                fx(() -> view.table().shownHeaders()));
        assertEquals(RaceTable.percent(s.runs().get(1).taskA().accuracy()), fx(() -> view.table().cell(1, 5)));
        double width = fx(view::getWidth);
        assertTrue(width <= 420, "the view fits the window: " + width);
        for (int k = 0; k < 3; k++) {
            int tile = k;
            double right = fx(() -> view.tiles().get(tile).localToScene(view.tiles().get(tile).getBoundsInLocal())
                    .getMaxX());
            assertTrue(right <= width + 1, "tile " + k + " ends at " + right + " of " + width);
        }
        double tableRight = fx(() -> view.table().localToScene(view.table().getBoundsInLocal()).getMaxX());
        assertTrue(tableRight <= width + 1, "the table ends at " + tableRight + " of " + width);
    }

    @Test
    void anotherRaceAfterwardsGetsTheUsualColumnsBack() {
        RaceSnapshot s = fineTuned();
        DataSplit data = DataGenerator.generate(TASK_A);
        Race lr = Race.fork(new Trainer(TASK_A, data).checkpoint(), data, RaceSetting.LEARNING_RATE,
                List.of("0.01", "0.1"));
        RaceSnapshot other = lr.snapshot(false, true);
        fx(() -> {
            view.show(s);
            view.show(other);
            return null;
        });
        assertEquals(List.of("run", "epoch", "train loss", "test loss", "test accuracy", ""),
                fx(() -> view.table().headers()));
        assertEquals("lr 0.1", fx(() -> view.table().cell(1, 0)));
    }

    @Test
    void theDialogAsksForTaskBOnlyForFineTuning() {
        RaceDialog d = fx(() -> new RaceDialog(null, TASK_A, null));
        assertFalse(fx(() -> d.taskBChoice().isVisible()), "a learning-rate race has no task B");
        fx(() -> {
            d.settingChoice().setValue(RaceSetting.FINE_TUNING);
            return null;
        });
        assertTrue(fx(() -> d.taskBChoice().isVisible()));
        assertEquals(FineTuning.defaults(), fx(() -> List.of(d.value(0).getText(), d.value(1).getText(),
                d.value(2).getText())));
        List<RaceDialog.TaskB> offered = fx(() -> List.copyOf(d.taskBChoice().getItems()));
        assertEquals(TaskMove.candidates(TASK_A).size(), offered.size());
        assertNull(fx(d::check));
        fx(() -> {
            d.value(2).setText("lora(0,4)");
            return null;
        });
        assertTrue(fx(d::check).startsWith("lora(0,4)"), fx(d::check));

        RaceDialog moved = fx(() -> new RaceDialog(null, TaskMove.next(TASK_A, DatasetKind.XOR), "circle"));
        RaceDialog.TaskB first = fx(() -> moved.taskBChoice().getItems().get(0));
        assertNull(first.next(), "the data the run moved to comes first");
        assertEquals("xor (moved there from circle)", first.label());
    }

    private static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
