package org.weightlab.ui.inspector;

import java.util.List;
import java.util.function.ToDoubleFunction;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.weightlab.analysis.LayerSummary;
import org.weightlab.analysis.StepSummary;
import org.weightlab.ui.theme.PaletteColor;

/**
 * Gradient flow over the steps, one line per layer: either the gradient norm ||dL/dW|| on a log
 * scale, or the update-to-weight ratio ||dW|| / ||W|| as log10 with a guide at -3 (the rule of
 * thumb: about a thousandth of the weights per step).
 */
final class GradientFlowView extends CanvasPane {

    enum Measure { GRADIENT_NORM, UPDATE_RATIO }

    static final double RATIO_GUIDE = -3;
    private static final int PAD_LEFT = 52;
    private static final int PAD_RIGHT = 8;
    private static final int PAD_TOP = 8;

    private final Measure measure;
    private List<StepSummary> history = List.of();
    private int selectedLayer;

    GradientFlowView(Measure measure) {
        super(360, 190);
        this.measure = measure;
        getStyleClass().add("wl-gradient-flow");
    }

    void setData(List<StepSummary> history, int selectedLayer) {
        this.history = history;
        this.selectedLayer = selectedLayer;
        redraw();
    }

    private ToDoubleFunction<LayerSummary> value() {
        return measure == Measure.GRADIENT_NORM ? LayerSummary::gradientNorm : LayerSummary::updateRatio;
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        double x0 = PAD_LEFT;
        double x1 = w - PAD_RIGHT;
        double y0 = PAD_TOP;
        int n = history.size();
        int layers = n == 0 ? 0 : history.get(n - 1).layers().size();
        // Below the plot: one line of step labels, then the legend in as many rows as it needs.
        double line = lineHeight();
        double y1 = h - (line + 4) - legendRows(layers, w) * (line + 2) - 2;
        g.setStroke(palette.color(PaletteColor.GUIDE));
        g.setLineWidth(1);
        g.strokeRect(x0 + 0.5, y0 + 0.5, x1 - x0, y1 - y0);
        if (n == 0) {
            text(g, "no steps recorded yet", (x0 + x1) / 2, (y0 + y1) / 2, TextAlignment.CENTER, VPos.CENTER,
                    palette.inkColor());
            return;
        }
        ToDoubleFunction<LayerSummary> f = value();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (StepSummary s : history) {
            for (LayerSummary l : s.layers()) {
                double v = f.applyAsDouble(l);
                if (v > 0 && Double.isFinite(v)) {
                    lo = Math.min(lo, Math.log10(v));
                    hi = Math.max(hi, Math.log10(v));
                }
            }
        }
        if (measure == Measure.UPDATE_RATIO) {
            // Keep the guide in view: it is the point of this chart.
            lo = Math.min(lo, RATIO_GUIDE - 0.5);
            hi = Math.max(hi, RATIO_GUIDE + 0.5);
        }
        if (!(lo <= hi)) {
            text(g, "no gradients yet", (x0 + x1) / 2, (y0 + y1) / 2, TextAlignment.CENTER, VPos.CENTER,
                    palette.inkColor());
            return;
        }
        lo = Math.floor(lo);
        hi = Math.max(lo + 1, Math.ceil(hi));
        double vlo = lo;
        double vhi = hi;
        java.util.function.DoubleUnaryOperator y = v -> y1 - (v - vlo) / (vhi - vlo) * (y1 - y0);
        // Decade grid lines with their labels.
        int decades = (int) (hi - lo);
        // At most five labels, and never closer than a line apart.
        double perDecade = (y1 - y0) / Math.max(1, decades);
        int every = Math.max(Math.max(1, decades / 5), (int) Math.ceil((lineHeight() + 2) / perDecade));
        for (int d = (int) lo; d <= (int) hi; d += every) {
            double yy = y.applyAsDouble(d);
            g.setStroke(fade(palette.color(PaletteColor.GUIDE), 0.25));
            g.strokeLine(x0, yy, x1, yy);
            String label = measure == Measure.UPDATE_RATIO ? Integer.toString(d).replace('-', '\u2212') : "1e" + d;
            text(g, label, x0 - 4, yy, TextAlignment.RIGHT, VPos.CENTER, palette.inkColor());
        }
        if (measure == Measure.UPDATE_RATIO) {
            double yy = y.applyAsDouble(RATIO_GUIDE);
            g.setStroke(palette.color(PaletteColor.GUIDE));
            g.setLineWidth(1.5);
            g.setLineDashes(6, 4);
            g.strokeLine(x0, yy, x1, yy);
            g.setLineDashes();
            text(g, "1e\u22123", x1 - 2, yy - 2, TextAlignment.RIGHT, VPos.BOTTOM, palette.inkColor());
        }
        long s0 = history.get(0).step();
        long s1 = history.get(n - 1).step();
        double span = Math.max(1, s1 - s0);
        for (int l = 0; l < layers; l++) {
            Color c = palette.seriesColor(l);
            g.setStroke(c);
            g.setLineWidth(l == selectedLayer ? 3 : 1.5);
            g.beginPath();
            boolean started = false;
            for (StepSummary s : history) {
                if (l >= s.layers().size()) {
                    continue;
                }
                double v = f.applyAsDouble(s.layers().get(l));
                if (!(v > 0 && Double.isFinite(v))) {
                    started = false;
                    continue;
                }
                double xx = n == 1 ? (x0 + x1) / 2 : x0 + (s.step() - s0) / span * (x1 - x0);
                double yy = y.applyAsDouble(Math.log10(v));
                if (started) {
                    g.lineTo(xx, yy);
                } else {
                    g.moveTo(xx, yy);
                    started = true;
                }
                if (n == 1) {
                    g.lineTo(xx + 1, yy);
                }
            }
            g.stroke();
        }
        g.setLineWidth(1);
        stepLabels(g, s0, s1, x0, x1, y1 + 2);
        // Legend: one swatch per layer, wrapped into rows below the step labels.
        double lx = LEGEND_LEFT;
        double ly = y1 + line + 6 + line / 2;
        for (int l = 0; l < layers; l++) {
            String name = legendName(l, layers);
            double itemWidth = legendItemWidth(name);
            if (lx > LEGEND_LEFT && lx + itemWidth > w) {
                lx = LEGEND_LEFT;
                ly += line + 2;
            }
            g.setFill(palette.seriesColor(l));
            g.fillRect(lx, ly - 2, 14, l == selectedLayer ? 5 : 3);
            text(g, name, lx + 18, ly, TextAlignment.LEFT, VPos.CENTER, palette.inkColor());
            lx += itemWidth;
        }
    }

    private static final double LEGEND_LEFT = 6;

    private static String legendName(int l, int layers) {
        return l == layers - 1 ? "out" : "L" + (l + 1);
    }

    private double legendItemWidth(String name) {
        return 18 + textWidth(name) + 12;
    }

    /** Rows the legend of {@code layers} layers takes in a chart {@code w} wide. */
    private int legendRows(int layers, double w) {
        int rows = layers == 0 ? 0 : 1;
        double lx = LEGEND_LEFT;
        for (int l = 0; l < layers; l++) {
            double itemWidth = legendItemWidth(legendName(l, layers));
            if (lx > LEGEND_LEFT && lx + itemWidth > w) {
                rows++;
                lx = LEGEND_LEFT;
            }
            lx += itemWidth;
        }
        return rows;
    }
}
