package org.weightlab.ui.inspector;

import java.util.List;
import java.util.function.Function;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.weightlab.analysis.LayerSummary;
import org.weightlab.analysis.Percentiles;
import org.weightlab.analysis.StepSummary;
import org.weightlab.ui.theme.PaletteColor;

/**
 * How a population (the weights or the gradients of one layer) moves over the steps, as
 * TensorBoard's distribution bands: nested bands between percentiles 0-100, 7-93, 16-84 and
 * 31-69, darker inside, and the median as a line.
 */
final class PercentileBandsView extends CanvasPane {

    private static final int PAD_RIGHT = 8;
    private static final int PAD_TOP = 8;

    private final boolean gradients;
    private List<StepSummary> history = List.of();
    private int layer;

    PercentileBandsView(boolean gradients) {
        super(300, 170);
        this.gradients = gradients;
        getStyleClass().add("wl-percentile-bands");
    }

    void setData(List<StepSummary> history, int layer) {
        this.history = history;
        this.layer = layer;
        redraw();
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        Color base = gradients ? palette.color(PaletteColor.GRADIENT_BANDS) : palette.color(PaletteColor.WEIGHT_BANDS);
        Function<StepSummary, double[]> pick = s -> {
            if (layer >= s.layers().size()) {
                return null;
            }
            LayerSummary l = s.layers().get(layer);
            return gradients ? l.gradientPercentiles() : l.weightPercentiles();
        };
        int n = history.size();
        double[][] p = new double[n][];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            p[i] = pick.apply(history.get(i));
            if (p[i] != null && Double.isFinite(p[i][0]) && Double.isFinite(p[i][8])) {
                lo = Math.min(lo, p[i][0]);
                hi = Math.max(hi, p[i][8]);
            }
        }
        // The left margin fits the widest value label, the bottom one line of step labels.
        double x0 = lo <= hi ? Math.ceil(Math.max(textWidth(num(hi)), textWidth(num(lo))) + 10) : 10;
        double x1 = w - PAD_RIGHT;
        double y0 = PAD_TOP;
        double y1 = h - lineHeight() - 4;
        g.setStroke(palette.color(PaletteColor.GUIDE));
        g.setLineWidth(1);
        g.strokeRect(x0 + 0.5, y0 + 0.5, x1 - x0, y1 - y0);
        if (!(lo <= hi)) {
            text(g, "no steps recorded yet", (x0 + x1) / 2, (y0 + y1) / 2, TextAlignment.CENTER, VPos.CENTER,
                    palette.inkColor());
            return;
        }
        if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) {
            hi += 0.5 * Math.max(1e-12, Math.abs(hi));
            lo -= 0.5 * Math.max(1e-12, Math.abs(lo));
        }
        double vlo = lo;
        double vhi = hi;
        long s0 = history.get(0).step();
        long s1 = history.get(n - 1).step();
        double span = Math.max(1, s1 - s0);
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = n == 1 ? (x0 + x1) / 2 : x0 + (history.get(i).step() - s0) / span * (x1 - x0);
        }
        java.util.function.DoubleUnaryOperator y = v -> y1 - (v - vlo) / (vhi - vlo) * (y1 - y0);
        if (vlo < 0 && vhi > 0) {
            g.setStroke(fade(palette.color(PaletteColor.GUIDE), 0.6));
            g.setLineDashes(4, 3);
            g.strokeLine(x0, y.applyAsDouble(0), x1, y.applyAsDouble(0));
            g.setLineDashes();
        }
        // Bands from the outside in: (0,8) (1,7) (2,6) (3,5).
        double[] opacity = {0.18, 0.3, 0.45, 0.65};
        for (int band = 0; band < 4; band++) {
            int a = band;
            int b = Percentiles.LEVELS.length - 1 - band;
            g.setFill(fade(base, opacity[band]));
            if (n == 1) {
                double ya = y.applyAsDouble(p[0][a]);
                double yb = y.applyAsDouble(p[0][b]);
                g.fillRect(xs[0] - 3, Math.min(ya, yb), 6, Math.max(1, Math.abs(ya - yb)));
                continue;
            }
            g.beginPath();
            boolean started = false;
            for (int i = 0; i < n; i++) {
                if (p[i] == null || !Double.isFinite(p[i][b])) {
                    continue;
                }
                double yy = y.applyAsDouble(p[i][b]);
                if (started) {
                    g.lineTo(xs[i], yy);
                } else {
                    g.moveTo(xs[i], yy);
                    started = true;
                }
            }
            for (int i = n - 1; i >= 0; i--) {
                if (p[i] != null && Double.isFinite(p[i][a])) {
                    g.lineTo(xs[i], y.applyAsDouble(p[i][a]));
                }
            }
            g.closePath();
            g.fill();
        }
        g.setStroke(base.darker());
        g.setLineWidth(1.5);
        g.beginPath();
        boolean started = false;
        for (int i = 0; i < n; i++) {
            if (p[i] == null || !Double.isFinite(p[i][4])) {
                continue;
            }
            double yy = y.applyAsDouble(p[i][4]);
            if (started) {
                g.lineTo(xs[i], yy);
            } else {
                g.moveTo(xs[i], yy);
                started = true;
            }
        }
        g.stroke();
        text(g, num(vhi), x0 - 4, y0, TextAlignment.RIGHT, VPos.TOP, palette.inkColor());
        text(g, num(vlo), x0 - 4, y1, TextAlignment.RIGHT, VPos.BOTTOM, palette.inkColor());
        stepLabels(g, s0, s1, x0, x1, y1 + 2);
    }
}
