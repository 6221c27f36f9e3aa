package org.weightlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.OptimizerKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.scenario.Scenario;
import org.weightlab.session.SessionHost;
import org.weightlab.session.SessionState;
import org.weightlab.session.TrainingSession;
import org.weightlab.ui.loss.AxisTicks;
import org.weightlab.ui.loss.LossChartView;
import org.weightlab.ui.status.DivergenceBanner;

/**
 * A diverged run shows a bar at the top of the centre area that covers no view; it is closed from
 * the keyboard, and the loss chart keeps its labelled y axis before and after.
 */
@ExtendWith(ApplicationExtension.class)
class DivergenceBarFlowTest {

    private static final long TIMEOUT_S = 20;
    private static final List<String> VIEWS = List.of("#networkArea", "#outputArea", "#lossArea");

    private SessionHost host;
    private MainWindow window;
    private OpenWindow open;

    @Start
    void start(Stage primary) {
        open = OpenWindow.onDefaults();
        host = open.host();
        window = open.window();
    }

    @AfterEach
    void stop() throws Exception {
        open.close();
    }

    @Test
    void theDivergenceBarSitsAboveTheCentreCoversNoViewAndLeavesTheLossAxisLabelled(FxRobot robot)
            throws Exception {
        waitUntil("the first snapshot", () -> fx(window::shownSnapshot) != null);
        RunConfig base = RunConfig.defaults();
        RunConfig wild = base.withDataset(DatasetKind.SPIRAL)
                .withHidden(List.of(8, 8), List.of())
                .withActivations(ActivationKind.RELU, ActivationKind.LINEAR, base.loss(), base.problem())
                .withOptimizer(OptimizerConfig.defaults(OptimizerKind.SGD, 10));
        robot.interact(() -> window.openScenario(Scenario.of(wild), "wild"));
        waitUntil("the spiral run is shown", () -> fx(window::shownSnapshot).config().equals(wild));
        DivergenceBanner bar = robot.lookup("#divergenceBanner").queryAs(DivergenceBanner.class);
        LossChartView chart = robot.lookup("#lossArea").queryAs(LossChartView.class);

        robot.clickOn("#playButton");
        waitUntil("the run diverges", () -> fx(bar::isShowing)
                && fx(window::shownSnapshot).state() == SessionState.DIVERGED);
        WaitForAsyncUtils.waitForFxEvents();

        Bounds barBounds = fx(() -> bar.localToScene(bar.getBoundsInLocal()));
        Bounds centre = fx(() -> {
            Node c = robot.lookup("#centreArea").query();
            return c.localToScene(c.getBoundsInLocal());
        });
        Bounds scene = fx(() -> bar.getScene().getRoot().getLayoutBounds());
        // (at 1024 x 768 the centre is narrow and the message wraps to three lines)
        assertTrue(barBounds.getHeight() < scene.getHeight() / 3.5, "a bar, not a cover: " + barBounds);
        assertTrue(Math.abs(barBounds.getMinY() - centre.getMinY()) < 1
                && Math.abs(barBounds.getMinX() - centre.getMinX()) < 1
                && barBounds.getWidth() <= centre.getWidth() + 1, "at the top of the centre area: " + barBounds
                + " in " + centre);
        for (String id : VIEWS) {
            Node view = robot.lookup(id).query();
            Bounds b = fx(() -> view.localToScene(view.getBoundsInLocal()));
            assertTrue(fx(view::isVisible) && b.getHeight() > 100 && b.getWidth() > 100, id + " shown: " + b);
            assertFalse(b.getMinY() < barBounds.getMaxY() - 1 && b.getMaxY() > barBounds.getMinY() + 1
                    && b.getMinX() < barBounds.getMaxX() - 1 && b.getMaxX() > barBounds.getMinX() + 1,
                    id + " " + b + " is covered by the bar " + barBounds);
        }
        List<AxisTicks.Tick> before = assertLabelledYAxis(robot, chart, "while the bar shows");

        // the bar's buttons take the keyboard focus; the close button closes it
        Button close = robot.lookup("#dismissBannerButton").queryAs(Button.class);
        assertTrue(fx(close::isFocusTraversable) && fx(() -> robot.lookup("#goBackButton").query().isFocusTraversable()));
        robot.clickOn(close);
        waitUntil("the bar closes", () -> !fx(bar::isShowing));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, assertLabelledYAxis(robot, chart, "after the bar closed"), "the same labels");
        Bounds after = fx(() -> {
            Node view = robot.lookup("#lossArea").query();
            return view.localToScene(view.getBoundsInLocal());
        });
        assertTrue(after.getHeight() > 100, "the loss chart is still shown: " + after);
    }

    @Test
    void atLearningRate10TheReluCircleDivergesIntoOneCompactLineAndEnterGoesBackToFiniteNumbers(FxRobot robot)
            throws Exception {
        waitUntil("the first snapshot", () -> fx(window::shownSnapshot) != null);
        robot.interact(() -> {
            open.stage().setWidth(1024);
            open.stage().setHeight(768);
        });
        RunConfig base = RunConfig.defaults();
        // the circle with ReLU units and a linear output: at learning rate 10 the loss overflows in a few steps
        RunConfig wild = base.withActivations(ActivationKind.RELU, ActivationKind.LINEAR, base.loss(), base.problem())
                .withOptimizer(base.optimizer().withLearningRate(10));
        robot.interact(() -> window.openScenario(Scenario.of(wild), "learning rate 10"));
        waitUntil("the run at learning rate 10 is shown", () -> fx(window::shownSnapshot).config().equals(wild));
        DivergenceBanner bar = robot.lookup("#divergenceBanner").queryAs(DivergenceBanner.class);
        robot.clickOn("#playButton");
        waitUntil("the run diverges", () -> fx(bar::isShowing)
                && fx(window::shownSnapshot).state() == SessionState.DIVERGED);
        WaitForAsyncUtils.waitForFxEvents();

        double[] size = fx(() -> {
            Node message = bar.lookup("#divergenceMessage");
            return new double[] {bar.getHeight(), message.getBoundsInLocal().getHeight(),
                ((javafx.scene.control.Label) message).getFont().getSize(), bar.getScene().getHeight()};
        });
        assertTrue(size[1] < 2 * size[2], "the message is one line: " + size[1] + " px at " + size[2] + " px type");
        assertTrue(size[0] <= Math.max(size[1], 32) + 16 && size[0] < size[3] / 15,
                "one compact line: " + size[0] + " px of " + size[3]);
        for (String id : VIEWS) {
            Node view = robot.lookup(id).query();
            Bounds b = fx(() -> view.localToScene(view.getBoundsInLocal()));
            assertTrue(fx(view::isVisible) && b.getHeight() > 100 && b.getWidth() > 100, id + " shown: " + b);
        }
        assertTrue(fx(() -> robot.lookup("#lowerLearningRateButton").query().isVisible()), "lower the rate offered");

        // Enter reaches the bar before the window's shortcuts: it goes back to the last finite step
        robot.type(javafx.scene.input.KeyCode.ENTER);
        waitUntil("the bar closes and the run is back at a finite step", () -> !fx(bar::isShowing)
                && fx(window::shownSnapshot).state() != SessionState.DIVERGED
                && Double.isFinite(fx(window::shownSnapshot).trainLoss()));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> nan = fx(() -> window.root().lookupAll(".label").stream()
                .filter(n -> shown(n) && n instanceof javafx.scene.control.Labeled)
                .map(n -> ((javafx.scene.control.Labeled) n).getText())
                .filter(t -> t != null && (t.contains("NaN") || t.contains("Infinity"))).toList());
        assertTrue(nan.isEmpty(), "nothing says NaN after going back: " + nan);
        assertEquals(SessionState.PAUSED, fx(window::shownSnapshot).state(), "paused at the step gone back to");
    }

    @Test
    void escapeClosesTheBarAndLowerTheLearningRateGoesBackWithATenthOfIt(FxRobot robot) throws Exception {
        waitUntil("the first snapshot", () -> fx(window::shownSnapshot) != null);
        RunConfig base = RunConfig.defaults();
        // the circle with ReLU units and a linear output: at learning rate 10 the loss overflows in a few steps
        RunConfig wild = base.withActivations(ActivationKind.RELU, ActivationKind.LINEAR, base.loss(), base.problem())
                .withOptimizer(base.optimizer().withLearningRate(10));
        robot.interact(() -> window.openScenario(Scenario.of(wild), "learning rate 10"));
        waitUntil("the run at learning rate 10 is shown", () -> fx(window::shownSnapshot).config().equals(wild));
        DivergenceBanner bar = robot.lookup("#divergenceBanner").queryAs(DivergenceBanner.class);
        robot.clickOn("#playButton");
        waitUntil("the run diverges", () -> fx(bar::isShowing));
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        waitUntil("Escape closes the bar", () -> !fx(bar::isShowing));
        assertEquals(SessionState.DIVERGED, fx(window::shownSnapshot).state(), "closing changes nothing else");

        robot.interact(() -> host.reset());
        robot.clickOn("#playButton");
        waitUntil("the run diverges again", () -> fx(bar::isShowing));
        robot.clickOn("#lowerLearningRateButton");
        waitUntil("back at a finite step with learning rate 1", () -> !fx(bar::isShowing)
                && fx(window::shownSnapshot).config().optimizer().learningRate() == 1.0
                && Double.isFinite(fx(window::shownSnapshot).trainLoss()));
    }

    /** True when the node and every parent of it are visible. */
    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static List<AxisTicks.Tick> assertLabelledYAxis(FxRobot robot, LossChartView chart, String when) {
        robot.interact(chart::redrawNow);
        List<AxisTicks.Tick> ticks = fx(() -> List.copyOf(chart.yTicks()));
        long labelled = ticks.stream().filter(t -> t.label() != null && !t.label().isBlank()).count();
        // (how many ticks a range gets is the chart's own matter; here: an overflowing loss leaves it some)
        assertTrue(labelled >= 1, "the loss chart's y axis has labels " + when + ": " + ticks);
        return ticks;
    }

    private static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not read the window on the FX thread", e);
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
