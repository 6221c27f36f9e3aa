package org.weightlab.ui.loss;

import java.util.Locale;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import org.weightlab.session.LossSeries;
import org.weightlab.ui.loss.LossChartView.Curve;

/**
 * The loss chart's hover read-out: finds the drawn point nearest the pointer (an epoch end wins
 * over the dense batch band within a few pixels), rings it, and shows its exact values in a label
 * beside it.
 */
final class HoverReadout {

    private static final double HOVER_RADIUS = 14;

    private final CurvePainter curves;
    private final PlotScale scale;
    private final ChartPalette palette;
    private final Label label = new Label();

    HoverReadout(CurvePainter curves, PlotScale scale, ChartPalette palette) {
        this.curves = curves;
        this.scale = scale;
        this.palette = palette;
        label.getStyleClass().add("wl-loss-readout");
        label.setId("lossReadout");
        label.setVisible(false);
        label.setMouseTransparent(true);
        label.setManaged(false);
    }

    Label label() {
        return label;
    }

    String text() {
        return label.isVisible() ? label.getText() : "";
    }

    /** Rings and describes the point nearest ({@code hoverX}, {@code hoverY}); hides the label when none. */
    void draw(GraphicsContext g, double hoverX, double hoverY, boolean inEpochs) {
        double left = scale.left;
        double top = scale.top;
        double plotW = scale.plotW;
        double plotH = scale.plotH;
        if (Double.isNaN(hoverX) || hoverX < left || hoverX > left + plotW || hoverY < top || hoverY > top + plotH) {
            label.setVisible(false);
            return;
        }
        Curve best = null;
        int bestIndex = -1;
        double bestD = Double.POSITIVE_INFINITY;
        double xa = scale.xAt(hoverX - HOVER_RADIUS);
        double xb = scale.xAt(hoverX + HOVER_RADIUS);
        for (Curve c : Curve.values()) {
            if (c == Curve.BATCH && inEpochs) {
                continue;
            }
            LossSeries s = curves.series(c);
            double[] xs = s.xs(inEpochs);
            double[] values = curves.values(c);
            int n = s.size();
            if (n == 0) {
                continue;
            }
            int from = LossSeries.lowerBound(xs, n, xa);
            int to = LossSeries.lowerBound(xs, n, xb);
            // near-by points first; failing that, the nearest point in x on either side
            if (from == to) {
                from = Math.max(0, from - 1);
                to = Math.min(n, to + 1);
            }
            for (int i = from; i < to; i++) {
                double v = values[i];
                if (!Double.isFinite(v) || (scale.log && v <= 0)) {
                    continue;
                }
                double dx = scale.px(xs[i]) - hoverX;
                double dy = scale.py(v) - hoverY;
                // the batch band is dense: an epoch-end point within a few pixels wins over batch points
                double d = dx * dx + dy * dy + (c == Curve.BATCH ? 64 : 0);
                if (d < bestD) {
                    bestD = d;
                    best = c;
                    bestIndex = i;
                }
            }
        }
        if (best == null) {
            label.setVisible(false);
            return;
        }
        LossSeries s = curves.series(best);
        double sx = scale.px(s.xs(inEpochs)[bestIndex]);
        double sy = scale.py(curves.value(best, bestIndex));
        g.setStroke(palette.curveColour(best));
        g.setLineWidth(3);
        g.strokeOval(sx - 7, sy - 7, 14, 14);
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "step %,d  \u00b7  epoch %d%n", (long) s.step(bestIndex),
                (long) s.epoch(bestIndex)));
        text.append(best.label()).append(": ").append(AxisTicks.exact(curves.value(best, bestIndex)));
        if (best != Curve.BATCH) {
            Curve other = best == Curve.TRAIN ? Curve.TEST : best == Curve.TEST ? Curve.TRAIN : Curve.TEST;
            text.append('\n').append(other.label()).append(": ").append(AxisTicks.exact(curves.value(other, bestIndex)));
        }
        label.setText(text.toString());
        label.setVisible(true);
        label.applyCss();
        label.autosize();
        double rw = label.getWidth();
        double rh = label.getHeight();
        double rx = sx + 14 + rw > left + plotW ? sx - 14 - rw : sx + 14;
        double ry = Math.max(top, Math.min(sy - rh - 10, top + plotH - rh));
        label.relocate(rx, ry);
    }
}
