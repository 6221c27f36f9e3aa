package org.weightlab.ui.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.application.Application;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.weightlab.session.LossPoint;
import org.weightlab.session.LossSeries;
import org.weightlab.session.SessionEvent.SettingChanged;
import org.weightlab.ui.loss.LossChartView.Curve;

@ExtendWith(ApplicationExtension.class)
class LossChartViewTest {

    private LossChartView chart;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        chart = new LossChartView();
        Scene scene = new Scene(chart, 900, 450);
        scene.getStylesheets().add(LossChartView.class.getResource("/org/weightlab/ui/weightlab.css").toExternalForm());
        stage.setScene(scene);
        stage.setMaximized(false);
        stage.sizeToScene(); // the shared test stage may keep another test's window size
        stage.show();
    }

    /** Per-step points 1..n with a decaying noisy loss; epoch-end points every {@code perEpoch} steps. */
    private static List<LossPoint> run(int n, int perEpoch, long seed) {
        Random r = new Random(seed);
        List<LossPoint> points = new ArrayList<>();
        for (int s = 1; s <= n; s++) {
            double clean = 0.05 + 0.6 * Math.exp(-s / 30_000.0);
            points.add(new LossPoint(s, (s - 1) / perEpoch, clean * Math.exp(0.3 * r.nextGaussian()), Double.NaN, false));
            if (s % perEpoch == 0) {
                points.add(new LossPoint(s, s / perEpoch, clean, clean * 1.2, true));
            }
        }
        return points;
    }

    private void appendInFrames(List<LossPoint> points, int perFrame, FxRobot robot) {
        for (int i = 0; i < points.size(); i += perFrame) {
            List<LossPoint> chunk = points.subList(i, Math.min(points.size(), i + perFrame));
            robot.interact(() -> chart.append(chunk));
        }
        robot.interact(chart::redrawNow);
    }

    @Test
    void holdsAHundredThousandPointsAndTheDrawnLineRunsFromTheFirstToTheLast(FxRobot robot) {
        List<LossPoint> points = run(100_000, 250, 1);
        appendInFrames(points, 10_000, robot);

        LossSeries batch = chart.series(Curve.BATCH);
        assertEquals(100_000, batch.size());
        MinMaxDecimator line = chart.drawnLine(Curve.BATCH);
        int n = line.count();
        assertTrue(n > 100 && n <= 4 * 900, "a frame draws O(width) vertices, drew " + n);
        assertEquals(0, line.index(0));
        assertEquals(99_999, line.index(n - 1));
        double[] first = chart.toPixels(line.x(0), line.y(0));
        double[] last = chart.toPixels(line.x(n - 1), line.y(n - 1));
        double[] range = chart.xRange();
        assertEquals(1, range[0]);
        assertEquals(100_000, range[1]);
        assertTrue(last[0] - first[0] > 600, "the line spans the plot: " + first[0] + " .. " + last[0]);
        // the highest batch loss of the run is on the drawn line (decimation keeps extremes)
        double max = points.stream().filter(p -> !p.epochEnd()).mapToDouble(LossPoint::trainLoss).max().orElseThrow();
        boolean found = false;
        for (int k = 0; k < n; k++) {
            found |= line.y(k) == max;
        }
        assertTrue(found, "the maximum " + max + " was decimated away");
        assertEquals(400, chart.series(Curve.TEST).size());
    }

    @Test
    void nanAndInfiniteLossesAreNotDrawn(FxRobot robot) {
        robot.interact(() -> chart.logScaleProperty().set(false));
        List<LossPoint> points = new ArrayList<>(run(200, 50, 2));
        points.add(new LossPoint(201, 4, Double.NaN, Double.NaN, false));
        points.add(new LossPoint(202, 4, Double.POSITIVE_INFINITY, Double.NaN, false));
        appendInFrames(points, 1000, robot);
        MinMaxDecimator line = chart.drawnLine(Curve.BATCH);
        assertEquals(199, line.index(line.count() - 1), "the last drawn point is the last finite one");
        for (int k = 0; k < line.count(); k++) {
            assertTrue(Double.isFinite(line.y(k)));
        }
        chart.yTicks().forEach(t -> assertTrue(Double.isFinite(t.value())));
        assertTrue(chart.yTicks().get(chart.yTicks().size() - 1).value() < 2, "an infinite loss must not blow up the axis");
    }

    @Test
    void theLogToggleChangesTheLossAxis(FxRobot robot) {
        assertTrue(chart.logScaleProperty().get(), "log is the default");
        robot.interact(() -> robot.lookup("#lossLinear").queryAs(javafx.scene.control.ToggleButton.class).fire());
        appendInFrames(run(50_000, 250, 3), 5_000, robot);
        List<AxisTicks.Tick> linear = chart.yTicks();
        double step = linear.get(1).value() - linear.get(0).value();
        for (int i = 2; i < linear.size(); i++) {
            assertEquals(step, linear.get(i).value() - linear.get(i - 1).value(), 1e-9, "linear ticks are evenly spaced");
        }
        robot.interact(() -> robot.lookup("#lossLog").queryAs(javafx.scene.control.ToggleButton.class).fire());
        robot.interact(chart::redrawNow);
        assertTrue(chart.logScaleProperty().get());
        List<AxisTicks.Tick> log = chart.yTicks();
        assertNotEquals(linear, log);
        for (AxisTicks.Tick t : log) {
            double mantissa = t.value() / Math.pow(10, Math.floor(Math.log10(t.value()) + 1e-9));
            assertTrue(Math.abs(mantissa - 1) < 1e-9 || Math.abs(mantissa - 2) < 1e-9 || Math.abs(mantissa - 5) < 1e-9,
                    "log tick " + t.value());
        }
        // on a log axis equal ratios take equal heights
        double[] a = chart.toPixels(1, 0.1);
        double[] b = chart.toPixels(1, 0.2);
        double[] c = chart.toPixels(1, 0.4);
        assertEquals(a[1] - b[1], b[1] - c[1], 1e-6);
    }

    @Test
    void aSettingChangeDrawsALabelledMarkerAtItsStep(FxRobot robot) {
        appendInFrames(run(10_000, 250, 4), 1_000, robot);
        robot.interact(() -> chart.mark(new SettingChanged(4_000, "lr", "0.03", "0.3")));
        robot.interact(() -> chart.mark(new SettingChanged(7_000, "froze layer", "", "2")));
        robot.interact(chart::redrawNow);
        assertEquals(List.of("lr 0.03 \u2192 0.3", "froze layer 2"), chart.drawnMarkerLabels());

        // the marker's colour is on the canvas in the column of step 4000, and not at step 2000
        Node canvas = robot.lookup("#lossCanvas").query();
        Image image = snapshot(robot, canvas);
        double x = chart.toPixels(4_000, 0.1)[0];
        double x2 = chart.toPixels(2_000, 0.1)[0];
        Color marker = Color.web("#b35806");
        assertTrue(columnHas(image, (int) Math.round(x - 0.5), marker), "no marker line at step 4000");
        assertFalse(columnHas(image, (int) Math.round(x2 - 0.5), marker), "a marker line where nothing changed");
    }

    @Test
    void taskACurveAppearsAfterAMoveWithItsLegendEntry(FxRobot robot) {
        List<LossPoint> points = new ArrayList<>();
        for (int e = 1; e <= 20; e++) {
            // task A's loss only from epoch 11 on: the run moved to task B after epoch 10
            double taskA = e > 10 ? 0.1 * e : Double.NaN;
            points.add(new LossPoint(e * 10L, e, 0.5 / e, 0.6 / e, true, 0.9, 0.8, taskA, e > 10 ? 0.7 : Double.NaN));
        }
        robot.interact(() -> chart.append(points.subList(0, 10)));
        robot.interact(chart::redrawNow);
        assertEquals(0, chart.drawnLine(Curve.TASK_A).count(), "no task A curve before the move");
        assertFalse(robot.lookup("#legend-task_a").query().isVisible());

        robot.interact(() -> chart.append(points.subList(10, 20)));
        robot.interact(chart::redrawNow);
        MinMaxDecimator line = chart.drawnLine(Curve.TASK_A);
        assertEquals(10, line.count(), "one vertex per epoch end after the move");
        for (int k = 0; k < line.count(); k++) {
            assertEquals(0.1 * (11 + k), line.y(k), 1e-12);
            assertEquals(10.0 * (11 + k), line.x(k), 1e-12);
        }
        assertTrue(chart.showsTaskA());
        javafx.scene.control.Label legend = robot.lookup("#legend-task_a").queryAs(javafx.scene.control.Label.class);
        assertTrue(legend.isVisible());
        assertEquals("task A test", legend.getText());

        // the curve is drawn in its own palette colour, not the train or test colour
        Color taskA = Color.web("#0072b2");
        Image image = snapshot(robot, robot.lookup("#lossCanvas").query());
        double[] px = chart.toPixels(150, 1.5);
        assertTrue(near(image, (int) px[0], (int) px[1], taskA), "task A's colour at its point");

        robot.interact(chart::clear);
        assertFalse(chart.showsTaskA(), "a new run has no task A");
    }

    @Test
    void epochAxisShowsEpochEndPointsOnly(FxRobot robot) {
        appendInFrames(run(5_000, 250, 5), 1_000, robot);
        robot.interact(() -> robot.lookup("#lossEpochs").queryAs(javafx.scene.control.ToggleButton.class).fire());
        robot.interact(chart::redrawNow);
        assertEquals(0, chart.drawnLine(Curve.BATCH).count());
        assertEquals(20, chart.drawnLine(Curve.TEST).count());
        assertEquals(20, chart.xRange()[1]);
    }

    @Test
    void hoverShowsTheNearestPointsExactValues(FxRobot robot) {
        List<LossPoint> points = run(1_000, 250, 6);
        appendInFrames(points, 1_000, robot);
        LossPoint epoch2 = points.stream().filter(p -> p.epochEnd() && p.epoch() == 2).findFirst().orElseThrow();
        double[] at = chart.toPixels(epoch2.step(), epoch2.testLoss());
        Node plot = robot.lookup("#lossPlot").query();
        robot.interact(() -> Event.fireEvent(plot, mouse(MouseEvent.MOUSE_MOVED, at[0] + 2, at[1] - 1, 0)));
        robot.interact(chart::redrawNow);
        String text = chart.readoutText();
        assertTrue(text.contains("step 500"), text);
        assertTrue(text.contains("test: " + AxisTicks.exact(epoch2.testLoss())), text);
        assertTrue(text.contains("train: " + AxisTicks.exact(epoch2.trainLoss())), text);
    }

    @Test
    void draggingARectangleZoomsAndDoubleClickResets(FxRobot robot) {
        appendInFrames(run(10_000, 250, 7), 1_000, robot);
        double[] from = chart.toPixels(2_000, 0.3);
        double[] to = chart.toPixels(4_000, 0.1);
        Node plot = robot.lookup("#lossPlot").query();
        robot.interact(() -> {
            Event.fireEvent(plot, mouse(MouseEvent.MOUSE_PRESSED, from[0], from[1], 1));
            Event.fireEvent(plot, mouse(MouseEvent.MOUSE_DRAGGED, to[0], to[1], 1));
            Event.fireEvent(plot, mouse(MouseEvent.MOUSE_RELEASED, to[0], to[1], 1));
        });
        robot.interact(chart::redrawNow);
        assertEquals(2_000, chart.xRange()[0], 15);
        assertEquals(4_000, chart.xRange()[1], 15);
        MinMaxDecimator line = chart.drawnLine(Curve.BATCH);
        assertTrue(line.index(0) >= 1_950 && line.index(line.count() - 1) <= 4_050, "only the zoomed range is drawn");
        robot.interact(() -> Event.fireEvent(plot, mouse(MouseEvent.MOUSE_CLICKED, 300, 200, 2)));
        robot.interact(chart::redrawNow);
        assertEquals(1, chart.xRange()[0]);
        assertEquals(10_000, chart.xRange()[1]);
    }

    @Test
    void goingBackInTimeForksTheCurve(FxRobot robot) {
        appendInFrames(run(1_000, 250, 8), 1_000, robot);
        robot.interact(() -> chart.append(List.of(new LossPoint(601, 2, 0.5, Double.NaN, false))));
        assertEquals(601, chart.series(Curve.BATCH).size());
        assertEquals(2, chart.series(Curve.TEST).size(), "epoch ends at 750 and 1000 belonged to the old branch");
    }

    /** A mouse event at (x, y) in the plot's own coordinates. */
    private MouseEvent mouse(javafx.event.EventType<MouseEvent> type, double x, double y, int clicks) {
        boolean primary = clicks > 0;
        javafx.geometry.Point2D scene = chart.lookup("#lossPlot").localToScene(x, y);
        return new MouseEvent(type, scene.getX(), scene.getY(), scene.getX(), scene.getY(),
                primary ? MouseButton.PRIMARY : MouseButton.NONE, clicks,
                false, false, false, false, primary, false, false, true, false, true, null);
    }

    private static Image snapshot(FxRobot robot, Node node) {
        Image[] out = new Image[1];
        robot.interact(() -> out[0] = node.snapshot(null, null));
        return out[0];
    }

    /** True when a pixel within 3 pixels of (x, y) has colour {@code c}. */
    private static boolean near(Image image, int x, int y, Color c) {
        for (int dx = -3; dx <= 3; dx++) {
            for (int dy = -3; dy <= 3; dy++) {
                Color p = image.getPixelReader().getColor(x + dx, y + dy);
                if (Math.abs(p.getRed() - c.getRed()) < 0.08 && Math.abs(p.getGreen() - c.getGreen()) < 0.08
                        && Math.abs(p.getBlue() - c.getBlue()) < 0.08) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean columnHas(Image image, int x, Color c) {
        for (int dx = -1; dx <= 1; dx++) {
            for (int y = 0; y < image.getHeight(); y++) {
                Color p = image.getPixelReader().getColor(x + dx, y);
                if (Math.abs(p.getRed() - c.getRed()) < 0.08 && Math.abs(p.getGreen() - c.getGreen()) < 0.08
                        && Math.abs(p.getBlue() - c.getBlue()) < 0.08) {
                    return true;
                }
            }
        }
        return false;
    }
}
