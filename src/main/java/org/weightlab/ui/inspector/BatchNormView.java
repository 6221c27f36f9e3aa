package org.weightlab.ui.inspector;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.weightlab.session.NormSnapshot;
import org.weightlab.ui.theme.PaletteColor;

/**
 * A batch-normalized layer, one row per neuron: where the last training batch's mean and variance
 * of z (filled dots) stand against the running mean and variance that evaluation uses (rings),
 * each on a scale shared by the layer's neurons, and the neuron's gamma and beta. A batch far
 * from the running statistics shows that the batch's examples move each other's values.
 */
final class BatchNormView extends CanvasPane {

    /** Rows drawn at most; the rest are counted below them. */
    static final int MAX_ROWS = 16;
    private static final int PAD = 6;

    private NormSnapshot norm;

    BatchNormView() {
        super(300, 200);
        getStyleClass().add("wl-batch-norm-chart");
    }

    void setData(NormSnapshot norm) {
        this.norm = norm;
        redraw();
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        Color ink = palette.inkColor();
        if (norm == null) {
            text(g, "This layer is not batch-normalized", w / 2, h / 2, TextAlignment.CENTER, VPos.CENTER, ink);
            return;
        }
        Color batch = palette.color(PaletteColor.WEIGHT_POSITIVE);
        Color running = palette.color(PaletteColor.WEIGHT_NEGATIVE);
        int units = norm.units();
        double line = lineHeight();
        double room = h - 2 * line - 3 * PAD - 4;
        int rows = (int) Math.max(1, Math.min(Math.min(units, MAX_ROWS), Math.floor(room / (line + 3))));
        double rowH = Math.min(Math.max(line + 3, room / rows), 2 * line);
        double labelW = textWidth("99") + PAD;
        double gbW = textWidth("\u03b3 / \u03b2");
        for (int j = 0; j < rows; j++) {
            gbW = Math.max(gbW, textWidth(gammaBeta(j)));
        }
        gbW += PAD;
        double plotW = Math.max(20, (w - labelW - gbW - 3 * PAD) / 2);
        double meanX = labelW + PAD;
        double varX = meanX + plotW + PAD;
        double gbX = varX + plotW + PAD;
        double top = PAD + line + 2;
        text(g, "mean", meanX + plotW / 2, PAD, TextAlignment.CENTER, VPos.TOP, ink);
        text(g, "variance", varX + plotW / 2, PAD, TextAlignment.CENTER, VPos.TOP, ink);
        if (gbX + textWidth("\u03b3 / \u03b2") <= w) {
            text(g, "\u03b3 / \u03b2", gbX, PAD, TextAlignment.LEFT, VPos.TOP, ink);
        }
        double[] meanRange = range(norm.batchMean(), norm.runningMean(), false);
        double[] varRange = range(norm.batchVar(), norm.runningVar(), true);
        g.setStroke(fade(ink, 0.35));
        g.setLineWidth(1);
        double zeroX = meanX + scale(0, meanRange) * plotW;
        if (meanRange[0] < 0 && meanRange[1] > 0) {
            g.strokeLine(zeroX, top, zeroX, top + rows * rowH);
        }
        for (int j = 0; j < rows; j++) {
            double cy = top + j * rowH + rowH / 2;
            text(g, Integer.toString(j + 1), labelW, cy, TextAlignment.RIGHT, VPos.CENTER, ink);
            g.setStroke(fade(ink, 0.2));
            g.strokeLine(meanX, cy, meanX + plotW, cy);
            g.strokeLine(varX, cy, varX + plotW, cy);
            marks(g, meanX, plotW, cy, norm.batchMean()[j], norm.runningMean()[j], meanRange, batch, running);
            marks(g, varX, plotW, cy, norm.batchVar()[j], norm.runningVar()[j], varRange, batch, running);
            String gb = gammaBeta(j);
            if (gbX + textWidth(gb) <= w) {
                text(g, gb, gbX, cy, TextAlignment.LEFT, VPos.CENTER, ink);
            }
        }
        double legendY = Math.min(top + rows * rowH + 4, h - line - 1) + line / 2;
        double x = meanX + 4;
        if (!Double.isNaN(norm.batchMean()[0])) {
            marks(g, x - 4, 8, legendY, 0.5, Double.NaN, new double[]{0, 1}, batch, running);
            text(g, "last batch", x + 8, legendY, TextAlignment.LEFT, VPos.CENTER, ink);
            x += 8 + textWidth("last batch") + 16;
        }
        marks(g, x - 4, 8, legendY, Double.NaN, 0.5, new double[]{0, 1}, batch, running);
        String rest = "running" + (units > rows ? "   +" + (units - rows) + " more" : "");
        text(g, rest, x + 8, legendY, TextAlignment.LEFT, VPos.CENTER, ink);
    }

    private String gammaBeta(int j) {
        return num(norm.gamma()[j]) + " / " + num(norm.beta()[j]);
    }

    private void marks(GraphicsContext g, double x0, double w, double cy, double batchValue, double runningValue,
                       double[] range, Color batch, Color running) {
        double r = 3.5;
        if (Double.isFinite(runningValue)) {
            double x = x0 + scale(runningValue, range) * w;
            g.setStroke(running);
            g.setLineWidth(1.5);
            g.strokeOval(x - r - 1, cy - r - 1, 2 * r + 2, 2 * r + 2);
        }
        if (Double.isFinite(batchValue)) {
            double x = x0 + scale(batchValue, range) * w;
            g.setFill(batch);
            g.fillOval(x - r, cy - r, 2 * r, 2 * r);
        }
    }

    /** A range holding every finite value of both arrays (from 0 for variances), never empty. */
    static double[] range(double[] a, double[] b, boolean fromZero) {
        double lo = fromZero ? 0 : Double.POSITIVE_INFINITY;
        double hi = fromZero ? 0 : Double.NEGATIVE_INFINITY;
        for (double[] arr : new double[][]{a, b}) {
            for (double v : arr) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(lo <= hi)) {
            return new double[]{-1, 1};
        }
        double pad = Math.max(1e-9, (hi - lo) * 0.08);
        return new double[]{fromZero ? 0 : lo - pad, hi + pad};
    }

    static double scale(double v, double[] range) {
        return Math.max(0, Math.min(1, (v - range[0]) / (range[1] - range[0])));
    }
}
