package org.weightlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.session.SessionSettings;
import org.weightlab.session.SessionHost;
import org.weightlab.session.SnapshotBus;
import org.weightlab.session.TrainingSession;
import org.weightlab.ui.loss.LossChartView;
import org.weightlab.ui.shell.TimelineBar;
import org.weightlab.ui.shell.WindowPreferences;

/**
 * The interface size a window starts with is the one ticked in its View menu, and it sizes the
 * canvases' type too; presentation mode gives the output and the loss chart over half the width;
 * a past moment on the timeline is marked on the loss chart.
 */
@ExtendWith(ApplicationExtension.class)
class InterfaceSizeAndCursorFlowTest {

    private static final long TIMEOUT_S = 20;

    private SessionHost host;
    private MainWindow window;
    private Stage stage;
    private int savedScale;

    @Start
    void start(Stage primary) {
        WindowPreferences prefs = WindowPreferences.ofUser();
        savedScale = prefs.scale();
        prefs.setScale(150); // what an earlier run left behind
        stage = new Stage();
        host = new SessionHost(new SnapshotBus(), DataGenerator::generate, SessionSettings.defaults());
        host.open(RunConfig.defaults(), null);
        window = new MainWindow(host, RunConfig.defaults());
        window.show(stage);
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
        WaitForAsyncUtils.asyncFx(stage::close).get();
        host.close();
        WindowPreferences.ofUser().setScale(savedScale);
    }

    @Test
    void theSizeRestoredFromThePreferencesIsTickedAndScalesTheChartsType(FxRobot robot) throws Exception {
        assertEquals("150%", fx(this::tickedSize), "the menu ticks the size in use");
        LossChartView chart = robot.lookup("#lossArea").queryAs(LossChartView.class);
        double at150 = fx(() -> labelHeight(chart));
        robot.interact(() -> window.setScale(100));
        assertEquals("100%", fx(this::tickedSize));
        double at100 = fx(() -> labelHeight(chart));
        assertEquals(1.5, at150 / at100, 0.05, "the chart's type grows with the interface size");
    }

    @Test
    void presentationModeGivesTheOutputAndLossOverHalfTheWidth(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setFullScreen(false);
            stage.setMaximized(false);
            stage.setWidth(1024);
            stage.setHeight(768);
        });
        robot.interact(() -> window.setPresentation(true));
        waitUntil("the pictures take their presentation share", () -> fx(() -> {
            Bounds out = bounds(robot.lookup("#outputColumn").query());
            return out.getWidth() >= 0.5 * stage.getScene().getWidth();
        }));
        Bounds network = fx(() -> bounds(robot.lookup("#networkArea").query()));
        Bounds loss = fx(() -> bounds(robot.lookup("#lossArea").query()));
        assertTrue(loss.getWidth() > network.getWidth(), "loss " + loss + " network " + network);
        robot.interact(() -> window.setPresentation(false));
        waitUntil("the usual share again", () -> fx(() ->
                bounds(robot.lookup("#outputColumn").query()).getWidth() < 0.4 * stage.getScene().getWidth()));
    }

    @Test
    void aPastMomentOnTheTimelineIsMarkedOnTheLossChart(FxRobot robot) throws Exception {
        LossChartView chart = robot.lookup("#lossArea").queryAs(LossChartView.class);
        TimelineBar timeline = robot.lookup("#timelineBar").queryAs(TimelineBar.class);
        robot.clickOn("#playButton");
        waitUntil("a few hundred steps", () -> fx(() -> window.shownSnapshot() != null
                && window.shownSnapshot().step() > 400 && host.timeline().recordedSteps().length > 3));
        assertEquals(-1L, fx(chart::cursorStep), "no cursor while the run is live");
        long[] steps = fx(() -> host.timeline().recordedSteps());
        long past = steps[steps.length / 2];
        robot.interact(() -> timeline.scrubTo(past));
        assertEquals(past, (long) fx(() -> window.shownSnapshot().step()));
        assertEquals(past, (long) fx(chart::cursorStep));
        robot.interact(chart::redrawNow);
        assertEquals(String.format(java.util.Locale.ROOT, "step %,d", past), fx(chart::drawnCursorLabel));

        robot.clickOn("#liveButton");
        assertEquals(-1L, fx(chart::cursorStep), "the cursor goes with the return to the present");
        robot.interact(chart::redrawNow);
        assertNull(fx(chart::drawnCursorLabel));
    }

    private double labelHeight(LossChartView chart) {
        chart.applyCss();
        return chart.tickFontSize();
    }

    private String tickedSize() {
        MenuBar bar = (MenuBar) stage.getScene().lookup("#menuBar");
        for (Menu m : bar.getMenus()) {
            for (MenuItem i : m.getItems()) {
                if (i instanceof Menu sub && sub.getText().equals("Interface size")) {
                    for (MenuItem r : sub.getItems()) {
                        if (r instanceof RadioMenuItem radio && radio.isSelected()) {
                            return radio.getText();
                        }
                    }
                }
            }
        }
        return null;
    }

    private Bounds bounds(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    private static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void waitUntil(String what, BooleanSupplier condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
    }
}
