package org.weightlab.ui.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.session.SessionEvent.Diverged;
import org.weightlab.session.SessionState;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.controls.RecordingControl;

@ExtendWith(ApplicationExtension.class)
class StatusBarViewTest {

    private final RecordingControl control = new RecordingControl();
    private StatusBarView status;
    private DivergenceBanner banner;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        status = new StatusBarView();
        banner = new DivergenceBanner(control);
        Scene scene = new Scene(new VBox(banner, status), 1024, 200);
        scene.getStylesheets().add(StatusBarView.class.getResource("/org/weightlab/ui/weightlab.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private static TrainingSnapshot snapshot(RunConfig c, SessionState state, long step, int epoch, double trainLoss,
                                             double testLoss, double trainAcc, double testAcc) {
        return new TrainingSnapshot(step, epoch, state, c, c.features(), List.of(), trainLoss, testLoss, trainAcc,
                testAcc, 0, 0.03, null);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void showsTheSnapshotsNumbers(FxRobot robot) {
        robot.interact(() -> status.show(snapshot(RunConfig.defaults(), SessionState.RUNNING, 12_345, 49, 0.25,
                0.3125, 0.9625, 0.875), 1_234.4, 59.6));
        assertEquals("12,345", text(robot, "#statusStep"));
        assertEquals("49", text(robot, "#statusEpoch"));
        assertEquals("0.2500", text(robot, "#statusTrainLoss"));
        assertEquals("0.3125", text(robot, "#statusTestLoss"));
        assertEquals("96.3%", text(robot, "#statusTrainAccuracy"));
        assertEquals("87.5%", text(robot, "#statusTestAccuracy"));
        assertEquals("1,234", text(robot, "#statusStepsPerSecond"));
        assertEquals("60", text(robot, "#statusFps"));
        assertEquals("Running", text(robot, "#statusState"));
        assertEquals("mdi2p-play-circle", ((FontIcon) robot.lookup("#statusState").queryAs(Label.class).getGraphic())
                .getIconLiteral());
        assertTrue(robot.lookup("#statusAccuracy").query().isVisible());
    }

    @Test
    void regressionHidesAccuracyAndADivergedRunSaysSo(FxRobot robot) {
        RunConfig regression = RunConfig.defaults();
        RunConfig sine = new RunConfig(DatasetKind.SINE, 200, 0, 0.5, 1, regression.features(),
                org.weightlab.engine.config.ProblemKind.REGRESSION, regression.hidden(), regression.activation(),
                List.of(), regression.outputActivation(), regression.loss(), regression.init(), regression.biasInit(),
                regression.optimizer(), regression.regularization(), regression.schedule(), 10, true, 0);
        robot.interact(() -> status.show(snapshot(sine, SessionState.DIVERGED, 77, 0, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NaN, Double.NaN)));
        assertFalse(robot.lookup("#statusAccuracy").query().isVisible());
        assertEquals("NaN", text(robot, "#statusTrainLoss"));
        assertEquals("\u221e", text(robot, "#statusTestLoss"));
        assertEquals("Diverged", text(robot, "#statusState"));
    }

    @Test
    void theBannersButtonGoesBackToTheGivenStep(FxRobot robot) {
        assertFalse(banner.isShowing());
        robot.interact(() -> banner.show(new Diverged(48_213, "loss"), 48_000));
        assertTrue(banner.isShowing());
        assertEquals("Training diverged at step 48,213: loss became NaN. Training paused.", banner.messageText());
        Button goBack = robot.lookup("#goBackButton").queryAs(Button.class);
        assertEquals("Go back to step 48,000", goBack.getText());
        robot.clickOn(goBack);
        assertEquals(List.of(48_000L), control.jumps);
        assertFalse(banner.isShowing());
    }

    @Test
    void theBannerCallsAnOverflowInfiniteNotNaN() {
        assertEquals("Training diverged at step 132: the loss (Infinity) became infinite. Training paused.",
                DivergenceBanner.text(new Diverged(132, "the loss (Infinity)")));
        assertEquals("Training diverged at step 7: the gradient of layer 0 weight 3 (NaN) became NaN. Training paused.",
                DivergenceBanner.text(new Diverged(7, "the gradient of layer 0 weight 3 (NaN)")));
    }

    @Test
    void dismissingTheBannerSendsNothing(FxRobot robot) {
        robot.interact(() -> banner.show(new Diverged(10, "a weight of layer 2"), 0));
        robot.clickOn("#dismissBannerButton");
        assertFalse(banner.isShowing());
        assertTrue(control.commands.isEmpty());
    }
}
