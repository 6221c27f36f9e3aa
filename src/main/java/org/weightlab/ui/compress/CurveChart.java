package org.weightlab.ui.compress;

import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.weightlab.compress.SweepPoint;
import org.weightlab.ui.theme.Palette;
import org.weightlab.ui.theme.PaletteColor;

/**
 * A compression curve: test accuracy (solid, 0 to 100%) and test loss (dashed, 0 to its largest
 * value on the curve) at each point of a sweep, points evenly spaced left to right, with the
 * point the what-if stands at marked. Regression (no accuracy) shows the loss alone.
 */
final class CurveChart extends SmallCanvas {

    private static final double LEFT = 34;
    private static final double RIGHT = 10;
    private static final double TOP = 34;
    private static final double BOTTOM = 18;

    private final String title;
    private List<SweepPoint> points = List.of();
    private int marked = -1;

    CurveChart(Palette palette, String title) {
        super(palette, 340, 160);
        this.title = title;
    }

    /** Draws {@code points}, marking point {@code marked} (-1 for none). */
    void show(List<SweepPoint> points, int marked) {
        this.points = List.copyOf(points);
        this.marked = marked;
        redraw.mark(DATA);
    }

    List<SweepPoint> points() {
        return points;
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        Color ink = palette.inkColor();
        Color guide = palette.color(PaletteColor.GUIDE);
        double pw = w - LEFT - RIGHT;
        double ph = h - TOP - BOTTOM;
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(ink);
        g.fillText(title, 2, 1);
        g.setStroke(guide);
        g.setLineWidth(1);
        g.strokeRect(LEFT + 0.5, TOP + 0.5, pw, ph);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        boolean accuracy = points.stream().anyMatch(p -> !Double.isNaN(p.testAccuracy()));
        if (accuracy) {
            g.fillText("100%", LEFT - 3, TOP);
            g.fillText("50%", LEFT - 3, TOP + ph / 2);
            g.fillText("0%", LEFT - 3, TOP + ph);
        }
        if (points.isEmpty()) {
            return;
        }
        int n = points.size();
        double largest = points.stream().mapToDouble(SweepPoint::testLoss).filter(Double::isFinite).max().orElse(1);
        double maxLoss = largest > 0 ? largest : 1;
        if (marked >= 0 && marked < n) {
            double x = x(marked, n, pw);
            g.setStroke(palette.color(PaletteColor.SELECTION));
            g.setLineWidth(2);
            g.strokeLine(x, TOP, x, TOP + ph);
        }
        g.setLineWidth(2);
        g.setStroke(palette.color(PaletteColor.SERIES_2));
        g.setLineDashes(5, 4);
        polyline(g, n, pw, ph, i -> points.get(i).testLoss() / maxLoss);
        g.setLineDashes((double[]) null);
        if (accuracy) {
            g.setStroke(palette.color(PaletteColor.SERIES_1));
            polyline(g, n, pw, ph, i -> points.get(i).testAccuracy());
        }
        g.setFill(ink);
        g.setTextBaseline(VPos.TOP);
        int labels = Math.max(1, (int) Math.ceil(n / Math.max(1, pw / 40)));
        for (int i = 0; i < n; i += labels) {
            g.setTextAlign(i == 0 ? TextAlignment.LEFT : i == n - 1 ? TextAlignment.RIGHT : TextAlignment.CENTER);
            g.fillText(shortLabel(points.get(i).label()), x(i, n, pw), TOP + ph + 3);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(legend(accuracy, maxLoss), 2, 16);
    }

    /** Axis labels short enough to sit side by side: "8 bits" -> "8", "ternary" -> "1.58", "binary" -> "1". */
    static String shortLabel(String label) {
        return switch (label) {
            case "float64" -> "64";
            case "ternary" -> "1.58";
            case "binary" -> "1";
            default -> label.endsWith(" bits") ? label.substring(0, label.length() - 5) : label;
        };
    }

    static String legend(boolean accuracy, double maxLoss) {
        String loss = String.format(Locale.ROOT, "- - test loss (top %.3g)", maxLoss);
        return accuracy ? "\u2014 test accuracy   " + loss : loss;
    }

    private static double x(int i, int n, double pw) {
        return LEFT + (n == 1 ? pw / 2 : pw * i / (n - 1));
    }

    private void polyline(GraphicsContext g, int n, double pw, double ph, java.util.function.IntToDoubleFunction y) {
        g.beginPath();
        boolean open = false;
        for (int i = 0; i < n; i++) {
            double v = y.applyAsDouble(i);
            if (!Double.isFinite(v)) {
                open = false;
                continue;
            }
            double px = x(i, n, pw);
            double py = TOP + ph * (1 - Math.max(0, Math.min(1, v)));
            if (open) {
                g.lineTo(px, py);
            } else {
                g.moveTo(px, py);
                open = true;
            }
        }
        g.stroke();
    }
}
