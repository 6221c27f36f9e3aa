package org.weightlab.ui.heatmap;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.engine.data.Dataset;
import org.weightlab.ui.theme.Palette;
import org.weightlab.ui.theme.PaletteColor;

/**
 * The output view for 1-D data (x2 is 0): y against x, with labelled ticks on both axes, the data
 * points (training filled, test outlined, as in the plane), the model's curve over x and, for a
 * network without hidden layers, its equation in large type inside the plot.
 */
final class CurvePlot {

    /** The plot rectangle in canvas pixels and the data ranges it shows. */
    record Frame(double x, double y, double w, double h, double xLo, double xHi, double yLo, double yHi) {

        double px(double v) {
            return x + (v - xLo) / (xHi - xLo) * w;
        }

        double py(double v) {
            return y + (yHi - v) / (yHi - yLo) * h;
        }
    }

    /** What to draw in the frame: the data and the curve sampled at {@code curveCount} evenly spaced x. */
    record Content(DataSplit data, boolean showTest, double labelRange, double[] curve, int curveCount,
                   String equation) {
    }

    private CurvePlot() {
    }

    /** The tick font for a plot of height {@code h}: 13 px, larger on a large plot. */
    static double tickFont(double h) {
        return Math.max(13, Math.min(18, h / 26));
    }

    static void draw(GraphicsContext g, Palette palette, Frame f, Content c) {
        Color ink = palette.inkColor();
        drawAxes(g, palette, ink, f);
        g.save();
        g.beginPath();
        g.rect(f.x(), f.y(), f.w(), f.h());
        g.clip();
        drawPoints(g, palette, f, c);
        drawCurve(g, ink, f, c);
        g.restore();
        g.setStroke(ink);
        g.setLineWidth(1);
        g.strokeRect(f.x() + 0.5, f.y() + 0.5, f.w() - 1, f.h() - 1);
        if (c.equation() != null) {
            drawEquation(g, palette, ink, f, c.equation());
        }
    }

    private static void drawAxes(GraphicsContext g, Palette palette, Color ink, Frame f) {
        double font = tickFont(f.h());
        g.setFont(Font.font(font));
        g.setLineWidth(1);
        Color guide = palette.color(PaletteColor.GUIDE);
        double xStep = PlotTicks.stepFor(f.xLo(), f.xHi(), (int) Math.max(3, Math.min(8, f.w() / 70)));
        for (double t = Math.ceil(f.xLo() / xStep) * xStep; t <= f.xHi() + 1e-9 * xStep; t += xStep) {
            double x = Math.round(f.px(t)) + 0.5;
            g.setStroke(guide);
            g.setGlobalAlpha(0.35);
            g.strokeLine(x, f.y(), x, f.y() + f.h());
            g.setGlobalAlpha(1);
            g.setStroke(ink);
            g.strokeLine(x, f.y() + f.h(), x, f.y() + f.h() + 5);
            g.setFill(ink);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            g.fillText(label(clean(t, xStep)), x, f.y() + f.h() + 6);
        }
        double yStep = PlotTicks.stepFor(f.yLo(), f.yHi(), (int) Math.max(3, Math.min(8, f.h() / 50)));
        // the axis name "y" stands at the top left, where a tick's number would collide with it
        double nameBottom = f.y() + 2 + 1.2 * font;
        for (double t = Math.ceil(f.yLo() / yStep) * yStep; t <= f.yHi() + 1e-9 * yStep; t += yStep) {
            double y = Math.round(f.py(t)) + 0.5;
            g.setStroke(guide);
            g.setGlobalAlpha(0.35);
            g.strokeLine(f.x(), y, f.x() + f.w(), y);
            g.setGlobalAlpha(1);
            g.setStroke(ink);
            g.strokeLine(f.x() - 5, y, f.x(), y);
            g.setFill(ink);
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.CENTER);
            if (y - font / 2 > nameBottom) {
                g.fillText(label(clean(t, yStep)), f.x() - 7, y);
            }
        }
        // axis names: x under the tick labels on the right, y above the tick labels at the top
        g.setFont(Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, font));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.TOP);
        g.fillText("x", f.x() + f.w(), f.y() + f.h() + 8 + font);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.TOP);
        g.fillText("y", f.x() - 7, f.y() + 2);
    }

    /** {@code t} with the rounding noise of repeated steps removed (0.30000000000000004 is 0.3). */
    private static double clean(double t, double step) {
        double r = Math.rint(t / step) * step;
        return Math.abs(r) < step * 1e-9 ? 0 : r;
    }

    /** "0.5", "-1", "2.25": as few digits as the tick needs. */
    private static String label(double v) {
        if (Math.abs(v) >= 1e5 || (v != 0 && Math.abs(v) < 1e-4)) {
            return PlotTicks.tick(v);
        }
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    private static void drawPoints(GraphicsContext g, Palette palette, Frame f, Content c) {
        if (c.data() == null) {
            return;
        }
        double r = DataPoints.radius(Math.min(f.w(), f.h()) * 1.3);
        DataPoints.Place place = new DataPoints.Place() {
            @Override
            public double x(Dataset set, int i) {
                return f.px(set.x1(i));
            }

            @Override
            public double y(Dataset set, int i) {
                return f.py(set.label(i));
            }
        };
        if (c.showTest() && c.data().test() != null) {
            g.setLineWidth(Math.max(1.5, r * 0.6));
            DataPoints.draw(g, palette, c.data().test(), place, r, 0, c.labelRange(), false);
        }
        g.setLineWidth(1);
        DataPoints.draw(g, palette, c.data().train(), place, r, 0, c.labelRange(), true,
                palette.inkColor().deriveColor(0, 1, 1, 0.45));
    }

    private static void drawCurve(GraphicsContext g, Color ink, Frame f, Content c) {
        if (c.curve() == null || c.curveCount() < 2) {
            return;
        }
        g.setStroke(ink);
        g.setLineWidth(3);
        g.beginPath();
        boolean open = false;
        for (int i = 0; i < c.curveCount(); i++) {
            double v = c.curve()[i];
            if (!Double.isFinite(v)) {
                open = false; // a gap where the output is not a number
                continue;
            }
            double x = f.x() + f.w() * i / (c.curveCount() - 1);
            // far off the plot is clamped, so the clip cuts a steep line where it leaves
            double y = Math.max(f.y() - f.h(), Math.min(f.y() + 2 * f.h(), f.py(v)));
            if (open) {
                g.lineTo(x, y);
            } else {
                g.moveTo(x, y);
                open = true;
            }
        }
        g.stroke();
    }

    /** The equation's font size: large enough for the back row, small enough to fit the plot. */
    static double equationFont(double w) {
        return Math.max(16, Math.min(30, w / 14));
    }

    private static void drawEquation(GraphicsContext g, Palette palette, Color ink, Frame f, String text) {
        double size = equationFont(f.w());
        Font font = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, size);
        javafx.scene.text.Text probe = new javafx.scene.text.Text(text);
        probe.setFont(font);
        double tw = probe.getLayoutBounds().getWidth();
        while (tw > f.w() - 16 && size > 11) {
            size -= 1;
            font = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, size);
            probe.setFont(font);
            tw = probe.getLayoutBounds().getWidth();
        }
        double th = probe.getLayoutBounds().getHeight();
        double bx = f.x() + 8;
        double by = f.y() + 8;
        // the neutral colour behind, its inverse for the text: readable in the light and dark themes
        Color back = palette.zeroColor();
        g.setGlobalAlpha(0.9);
        g.setFill(back);
        g.fillRoundRect(bx, by, tw + 12, th + 6, 8, 8);
        g.setGlobalAlpha(1);
        g.setFill(back.invert());
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(text, bx + 6, by + 3);
    }
}
