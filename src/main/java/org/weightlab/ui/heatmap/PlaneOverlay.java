package org.weightlab.ui.heatmap;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.ui.theme.DivergingColorMap;
import org.weightlab.ui.theme.Palette;

/**
 * What the output view draws over the picture of 2-D data: the frame, the x1 and x2 axes, the
 * data and the colour legend under the plot.
 */
final class PlaneOverlay {

    static final double LEGEND_GAP = 28;
    private static final double LEGEND_BAR = 14;

    /** What to draw: the plot square (x, y, size) over [lo, hi]^2, the data and how to colour it. */
    record Frame(double x, double y, double size, double lo, double hi, DataSplit data, boolean showTest,
                 int classes, double labelRange, boolean classLegend, List<String> legend) {
    }

    private PlaneOverlay() {
    }

    static void draw(GraphicsContext g, Palette palette, Frame f) {
        Color ink = palette.inkColor();
        g.setStroke(ink);
        g.setLineWidth(1);
        g.strokeRect(f.x() + 0.5, f.y() + 0.5, f.size() - 1, f.size() - 1);
        drawAxes(g, ink, f);
        drawPoints(g, palette, f);
        drawLegend(g, palette, ink, f);
    }

    private static void drawAxes(GraphicsContext g, Color ink, Frame f) {
        double lo = f.lo();
        double hi = f.hi();
        double step = PlotTicks.niceStep((hi - lo) / 6);
        g.setFill(ink);
        g.setFont(Font.font(13));
        for (double t = Math.ceil(lo / step) * step; t <= hi + 1e-9; t += step) {
            double x = f.x() + (t - lo) / (hi - lo) * f.size();
            double y = f.y() + (hi - t) / (hi - lo) * f.size();
            g.strokeLine(x, f.y() + f.size(), x, f.y() + f.size() + 5);
            g.strokeLine(f.x() - 5, y, f.x(), y);
            String label = PlotTicks.tick(t);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            g.fillText(label, x, f.y() + f.size() + 6);
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(label, f.x() - 7, y);
        }
    }

    private static void drawPoints(GraphicsContext g, Palette palette, Frame f) {
        if (f.data() == null) {
            return;
        }
        double r = DataPoints.radius(f.size());
        double k = f.size() / (f.hi() - f.lo());
        DataPoints.Place place = new DataPoints.Place() {
            @Override
            public double x(org.weightlab.engine.data.Dataset set, int i) {
                return f.x() + (set.x1(i) - f.lo()) * k;
            }

            @Override
            public double y(org.weightlab.engine.data.Dataset set, int i) {
                return f.y() + (f.hi() - set.x2(i)) * k;
            }
        };
        g.save();
        g.beginPath();
        g.rect(f.x(), f.y(), f.size(), f.size());
        g.clip();
        if (f.showTest() && f.data().test() != null) {
            g.setLineWidth(Math.max(1.5, r * 0.6));
            DataPoints.draw(g, palette, f.data().test(), place, r, f.classes(), f.labelRange(), false);
        }
        g.setLineWidth(1);
        DataPoints.draw(g, palette, f.data().train(), place, r, f.classes(), f.labelRange(), true);
        g.restore();
    }

    private static void drawLegend(GraphicsContext g, Palette palette, Color ink, Frame f) {
        double y = f.y() + f.size() + LEGEND_GAP;
        double w = f.size();
        g.setFont(Font.font(Font.getDefault().getFamily(), FontWeight.NORMAL, 13));
        g.setFill(ink);
        List<String> labels = f.legend();
        if (f.classLegend()) {
            double cell = w / labels.size();
            for (int c = 0; c < labels.size(); c++) {
                double x = f.x() + c * cell;
                g.setFill(palette.classColor(c));
                g.fillRect(x + 2, y, LEGEND_BAR, LEGEND_BAR);
                g.setStroke(ink);
                g.strokeRect(x + 2.5, y + 0.5, LEGEND_BAR - 1, LEGEND_BAR - 1);
                g.setFill(ink);
                g.setTextAlign(TextAlignment.LEFT);
                g.setTextBaseline(VPos.CENTER);
                g.fillText(labels.get(c), x + LEGEND_BAR + 8, y + LEGEND_BAR / 2);
            }
            return;
        }
        DivergingColorMap map = palette.classMap();
        int steps = (int) Math.max(2, Math.ceil(w));
        for (int i = 0; i < steps; i++) {
            double u = -1 + 2.0 * i / (steps - 1);
            g.setFill(map.color(u));
            g.fillRect(f.x() + w * i / steps, y, w / steps + 1, LEGEND_BAR);
        }
        g.setStroke(ink);
        g.strokeRect(f.x() + 0.5, y + 0.5, w - 1, LEGEND_BAR - 1);
        g.setFill(ink);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i < labels.size(); i++) {
            double x = f.x() + w * i / (labels.size() - 1);
            g.strokeLine(x, y + LEGEND_BAR, x, y + LEGEND_BAR + 4);
            g.setTextAlign(i == 0 ? TextAlignment.LEFT : i == labels.size() - 1 ? TextAlignment.RIGHT
                    : TextAlignment.CENTER);
            g.fillText(labels.get(i), x, y + LEGEND_BAR + 5);
        }
    }
}
