package org.weightlab.ui.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightlab.session.LossPoint;
import org.weightlab.ui.loss.LossChartView.Curve;
import org.weightlab.ui.theme.Palette;
import org.weightlab.ui.theme.PaletteColor;

/** What a reader gets from the loss chart: enough labelled ticks, whole labels, gaps, the cursor, the theme. */
@ExtendWith(ApplicationExtension.class)
class LossChartReadingTest {

    private LossChartView chart;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        chart = new LossChartView();
        Scene scene = new Scene(chart, 900, 450);
        scene.getStylesheets().add(LossChartView.class.getResource("/org/weightlab/ui/weightlab.css").toExternalForm());
        stage.setScene(scene);
        stage.setMaximized(false);
        stage.sizeToScene();
        stage.show();
    }

    @AfterEach
    void lightAgain() {
        WaitForAsyncUtils.waitForAsyncFx(5_000,
                () -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    /** Batch and epoch-end points at steps 1..n whose loss falls geometrically from {@code from} to {@code to}. */
    private static List<LossPoint> falling(int n, double from, double to, int perEpoch) {
        List<LossPoint> points = new ArrayList<>();
        for (int s = 1; s <= n; s++) {
            double loss = from * Math.pow(to / from, (s - 1) / (double) Math.max(1, n - 1));
            points.add(new LossPoint(s, (s - 1) / perEpoch, loss, Double.NaN, false));
            if (s % perEpoch == 0) {
                points.add(new LossPoint(s, s / perEpoch, loss, loss * 1.1, true));
            }
        }
        return points;
    }

    private void show(FxRobot robot, List<LossPoint> points) {
        robot.interact(() -> {
            chart.clear();
            chart.append(points);
            chart.redrawNow();
        });
    }

    @Test
    void everyZoomHasThreeLabelledTicksOnEachAxisAndNoLabelIsCutOrOverlaps(FxRobot robot) {
        double[][] losses = {{0.7, 1e-6}, {0.52, 0.48}, {12_000, 3}, {0.351, 0.3502}, {2.5, 0.9}, {1e-3, 9e-4}};
        int[] runs = {12, 480, 12_000, 1_000_000};
        double[][] sizes = {{900, 450}, {420, 300}, {340, 260}};
        for (double[] size : sizes) {
            robot.interact(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            WaitForAsyncUtils.waitForFxEvents();
            for (boolean log : new boolean[] {true, false}) {
                robot.interact(() -> chart.logScaleProperty().set(log));
                for (double[] l : losses) {
                    for (int n : runs) {
                        int count = Math.min(n, 20_000);
                        List<LossPoint> points = new ArrayList<>();
                        for (LossPoint p : falling(count, l[0], l[1], Math.max(1, count / 10))) {
                            long step = Math.max(1, Math.round(p.step() * (double) n / count));
                            points.add(new LossPoint(step, p.epoch(), p.trainLoss(), p.testLoss(), p.epochEnd()));
                        }
                        show(robot, points);
                        check(size, log, l, n, "whole run");
                        double a = n * 0.4;
                        double b = n * 0.4 + Math.max(2, n * 0.01);
                        robot.interact(() -> {
                            chart.zoomTo(a, b);
                            chart.redrawNow();
                        });
                        check(size, log, l, n, "zoomed to " + a + ".." + b);
                    }
                }
            }
        }
    }

    private void check(double[] size, boolean log, double[] loss, int n, String where) {
        String what = size[0] + "x" + size[1] + (log ? " log " : " linear ") + loss[0] + ".." + loss[1]
                + ", " + n + " steps, " + where + ": ";
        assertTrue(chart.xTicks().size() >= 3, what + "x ticks " + chart.xTicks());
        assertTrue(chart.yTicks().size() >= 3, what + "y ticks " + chart.yTicks());
        assertEquals(chart.xTicks().size(), chart.xTicks().stream().map(AxisTicks.Tick::label).distinct().count(),
                what + "repeated x labels " + chart.xTicks());
        assertEquals(chart.yTicks().size(), chart.yTicks().stream().map(AxisTicks.Tick::label).distinct().count(),
                what + "repeated y labels " + chart.yTicks());
        double w = chart.canvas().getWidth();
        double h = chart.canvas().getHeight();
        List<Rectangle2D> boxes = chart.tickLabelBoxes();
        assertEquals(chart.xTicks().size() + chart.yTicks().size(), boxes.size(), what + "every tick is labelled");
        for (int i = 0; i < boxes.size(); i++) {
            Rectangle2D b = boxes.get(i);
            assertTrue(b.getMinX() >= 0 && b.getMaxX() <= w && b.getMinY() >= 0 && b.getMaxY() <= h,
                    what + "label cut at the canvas edge: " + b + " in " + w + "x" + h);
            for (int j = i + 1; j < boxes.size(); j++) {
                assertFalse(b.intersects(boxes.get(j)), what + "labels overlap: " + b + " and " + boxes.get(j)
                        + " " + chart.xTicks() + " " + chart.yTicks());
            }
        }
    }

    @Test
    void missingEvaluationsAreAGapNotALine(FxRobot robot) {
        robot.interact(() -> chart.logScaleProperty().set(false));
        List<LossPoint> points = new ArrayList<>();
        for (int e = 1; e <= 40; e++) {
            if (e > 10 && e <= 30) {
                continue; // twenty epochs without an evaluation
            }
            points.add(new LossPoint(e * 100L, e, 0.5 - 0.01 * e, 0.6 - 0.01 * e, true));
        }
        show(robot, points);
        assertEquals(1, chart.drawnGaps(Curve.TRAIN));
        assertEquals(1, chart.drawnGaps(Curve.TEST));

        // nothing of the train colour in the middle of the gap, where a joining line would run
        Color train = new Palette().color(PaletteColor.TRAIN_LOSS);
        Image image = snapshot(robot);
        double[] mid = chart.toPixels(2_000, 0.3);
        assertFalse(columnHas(image, (int) mid[0], train), "a line drawn across the missing epochs");
        double[] inside = chart.toPixels(550, 0.445);
        assertTrue(columnHas(image, (int) inside[0], train), "the evaluated epochs are joined");

        // the same points at a steady rhythm have no gap
        List<LossPoint> steady = new ArrayList<>();
        for (int e = 1; e <= 40; e++) {
            steady.add(new LossPoint(e * 100L, e, 0.5 - 0.01 * e, 0.6 - 0.01 * e, true));
        }
        show(robot, steady);
        assertEquals(0, chart.drawnGaps(Curve.TRAIN));
    }

    @Test
    void theCursorMarksThePastStepShownOnBothAxes(FxRobot robot) {
        show(robot, falling(2_000, 0.7, 0.1, 100));
        assertNull(chart.drawnCursorLabel());
        Color ink = new Palette().inkColor();
        int at = (int) Math.round(chart.toPixels(900, 0.3)[0] - 0.5);
        rows = new int[] {(int) chart.toPixels(900, 0.6)[1], (int) chart.toPixels(900, 0.12)[1]};
        assertFalse(columnHas(snapshot(robot), at, ink), "ink at step 900 before the cursor");

        robot.interact(() -> {
            chart.showCursor(900);
            chart.redrawNow();
        });
        assertEquals("step 900", chart.drawnCursorLabel());
        assertTrue(columnHas(snapshot(robot), at, ink), "no cursor line at step 900");

        robot.interact(() -> {
            chart.epochAxisProperty().set(true);
            chart.redrawNow();
        });
        assertEquals("step 900", chart.drawnCursorLabel(), "the cursor sits at epoch 9 on the epoch axis");
        int atEpoch = (int) Math.round(chart.toPixels(9, 0.3)[0] - 0.5);
        assertTrue(columnHas(snapshot(robot), atEpoch, ink), "no cursor line at epoch 9");

        robot.interact(() -> {
            chart.clearCursor();
            chart.redrawNow();
        });
        assertNull(chart.drawnCursorLabel());
        assertFalse(columnHas(snapshot(robot), atEpoch, ink), "the cursor stayed after going live");
    }

    @Test
    void aThemeSwitchRepaintsTheEmptyChartWithTheDarkGrid(FxRobot robot) throws Exception {
        robot.interact(chart::redrawNow);
        long frames = chart.framesDrawn();
        Color lightInk = new Palette().inkColor();
        WaitForAsyncUtils.asyncFx(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()))
                .get(5, TimeUnit.SECONDS);
        // no new data, no call to redraw: the palette change alone must bring a frame
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.interact(() -> { }) == robot
                && chart.framesDrawn() > frames);
        Image image = snapshot(robot);
        double[] tick = chart.toPixels(chart.xRange()[0], 1);
        Color label = null;
        // the y labels are drawn in the theme's ink: light text on the dark theme
        for (Rectangle2D b : chart.tickLabelBoxes()) {
            label = brightest(image, b);
            break;
        }
        assertTrue(label != null && label.getBrightness() > 0.7 && !label.equals(lightInk),
                "tick labels after the dark switch: " + label + " at " + tick[0]);
    }

    private static Color brightest(Image image, Rectangle2D b) {
        Color best = Color.BLACK;
        for (int x = (int) b.getMinX(); x < (int) b.getMaxX(); x++) {
            for (int y = (int) b.getMinY(); y < (int) b.getMaxY(); y++) {
                Color c = image.getPixelReader().getColor(x, y);
                if (c.getOpacity() > 0.9 && c.getBrightness() > best.getBrightness()) {
                    best = c;
                }
            }
        }
        return best;
    }

    private Image snapshot(FxRobot robot) {
        Image[] out = new Image[1];
        robot.interact(() -> out[0] = chart.canvas().snapshot(null, null));
        return out[0];
    }

    /** The rows a column is searched in (the whole height when null). */
    private int[] rows;

    private boolean columnHas(Image image, int x, Color c) {
        int from = rows == null ? 0 : rows[0];
        int to = rows == null ? (int) image.getHeight() : rows[1];
        for (int dx = -1; dx <= 1; dx++) {
            for (int y = from; y < to; y++) {
                Color p = image.getPixelReader().getColor(Math.max(0, x + dx), y);
                if (Math.abs(p.getRed() - c.getRed()) < 0.08 && Math.abs(p.getGreen() - c.getGreen()) < 0.08
                        && Math.abs(p.getBlue() - c.getBlue()) < 0.08 && p.getOpacity() > 0.5) {
                    return true;
                }
            }
        }
        return false;
    }
}
