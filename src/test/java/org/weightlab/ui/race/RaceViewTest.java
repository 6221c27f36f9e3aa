package org.weightlab.ui.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.LossKind;
import org.weightlab.engine.config.ProblemKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.session.race.Race;
import org.weightlab.session.race.RaceSetting;
import org.weightlab.session.race.RaceSnapshot;
import org.weightlab.ui.theme.Palette;

/** The race view draws one tile per run, the overlaid curves and the table, and marks a diverged run. */
@ExtendWith(ApplicationExtension.class)
class RaceViewTest {

    private RaceView view;
    private final List<Integer> continued = new ArrayList<>();
    private int stops;

    @Start
    void start(Stage stage) {
        view = new RaceView(new RaceView.Commands(() -> { }, () -> stops++, continued::add));
        Scene scene = new Scene(new StackPane(view), 1100, 760);
        scene.getStylesheets().add(Objects.requireNonNull(Palette.class.getResource(Palette.APP_STYLESHEET))
                .toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private static RaceSnapshot raced() {
        RunConfig c = RunConfig.defaults().withActivations(ActivationKind.TANH, ActivationKind.LINEAR, LossKind.MSE,
                ProblemKind.CLASSIFICATION);
        DataSplit data = DataGenerator.generate(c);
        Race race = Race.fork(new Trainer(c, data).checkpoint(), data, RaceSetting.LEARNING_RATE,
                List.of("0.003", "0.03", "10"));
        race.runEpochs(12);
        return race.snapshot(false, true);
    }

    @Test
    void eachRunGetsItsTileItsCurveAndItsRowAndADivergedRunSaysWhere() {
        RaceSnapshot s = raced();
        assertTrue(s.runs().get(2).diverged(), "lr 10 diverges");
        WaitForAsyncUtils.asyncFx(() -> {
            view.show(s);
            view.drawNow();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, view.tiles().size());
        assertEquals(3, view.chart().curvesDrawn());
        assertEquals("lr 0.03", view.table().cell(1, 0));
        assertEquals("12", view.table().cell(1, 1));
        assertEquals(RaceTable.num(s.runs().get(1).trainLoss()), view.table().cell(1, 2));
        assertTrue(view.table().cell(2, 5).startsWith("diverged at step " + s.runs().get(2).divergence().step()),
                view.table().cell(2, 5));
        Label banner = view.tiles().get(2).divergedLabel();
        assertTrue(banner.isVisible());
        assertEquals("diverged at step " + s.runs().get(2).divergence().step(), banner.getText());
        assertFalse(view.tiles().get(0).divergedLabel().isVisible());
        assertEquals("Race: learning rate", ((Label) view.lookup("#raceTitle")).getText());
    }

    @Test
    void eachCurveHasItsRunsColourAndTheDivergedPictureIsNeverNotANumber() {
        RaceSnapshot s = raced();
        WaitForAsyncUtils.asyncFx(() -> {
            view.show(s);
            view.drawNow();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Palette palette = view.chart().palette();
        assertNotEquals(palette.seriesColor(0), palette.seriesColor(1));
        var field = s.runs().get(2).moment().field();
        for (float[][] layer : field.values()) {
            for (float[] node : layer) {
                for (float v : node) {
                    assertTrue(Float.isFinite(v), "the diverged run shows its last finite picture");
                }
            }
        }
        Color nan = palette.notANumberColor();
        var img = view.tiles().get(2).output().image();
        int nanPixels = 0;
        for (int y = 0; y < img.getHeight(); y += 4) {
            for (int x = 0; x < img.getWidth(); x += 4) {
                nanPixels += img.getPixelReader().getColor(x, y).equals(nan) ? 1 : 0;
            }
        }
        assertEquals(0, nanPixels);
    }

    @Test
    void continueHandsTheChosenRunBackAndStopRestsThePlayButton() {
        RaceSnapshot s = raced();
        WaitForAsyncUtils.asyncFx(() -> view.show(s));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> {
            ((javafx.scene.control.ChoiceBox<?>) view.lookup("#racePick")).getSelectionModel().select(1);
            ((Button) view.lookup("#raceContinue")).fire();
            ((Button) view.lookup("#raceStop")).fire();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(1), continued);
        assertEquals(1, stops);
        assertTrue(((Button) view.lookup("#racePlayPause")).isDisabled());
    }
}
