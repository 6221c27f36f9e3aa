package org.weightlab.ui.inspector;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.weightlab.analysis.Percentiles;
import org.weightlab.ui.theme.PaletteColor;

/**
 * A histogram of one set of values at the shown step: the layer's weights or gradients, or a
 * neuron's activation. Bars of a diverging histogram take the colour their centre has in the
 * heatmap, so the two pictures read together.
 */
final class HistogramView extends CanvasPane {

    static final int BINS = 24;
    private static final int PAD = 6;
    private static final int PAD_TOP = 8;

    private final boolean diverging;
    private int[] counts = new int[0];
    private double lo;
    private double hi;
    private int nonFinite;
    private String note = "";

    HistogramView(boolean diverging) {
        super(220, 170);
        this.diverging = diverging;
        getStyleClass().add("wl-histogram");
    }

    /**
     * Bins the finite values of {@code values} in {@link #BINS} equal bins over their range; a big
     * array is binned from an even sample of {@link Percentiles#MAX_SAMPLE} values (the shape is
     * the same, the FX thread stays free).
     */
    void setValues(double[] all, String note) {
        double[] values = all;
        if (all.length > Percentiles.MAX_SAMPLE) {
            values = new double[Percentiles.MAX_SAMPLE];
            for (int k = 0; k < values.length; k++) {
                values[k] = all[(int) ((long) k * all.length / values.length)];
            }
            note = note.isEmpty() ? "sample of " + values.length : note;
        }
        this.note = note;
        lo = Double.POSITIVE_INFINITY;
        hi = Double.NEGATIVE_INFINITY;
        nonFinite = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            } else {
                nonFinite++;
            }
        }
        counts = new int[BINS];
        if (lo <= hi) {
            if (diverging) {
                // Symmetric range, so 0 sits in the middle as in the heatmap's legend.
                double m = Math.max(Math.abs(lo), Math.abs(hi));
                lo = -m;
                hi = m;
            }
            double width = hi - lo;
            for (double v : values) {
                if (Double.isFinite(v)) {
                    int b = width > 0 ? (int) ((v - lo) / width * BINS) : BINS / 2;
                    counts[Math.max(0, Math.min(BINS - 1, b))]++;
                }
            }
        }
        redraw();
    }

    int[] counts() {
        return counts.clone();
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        double x0 = PAD;
        double x1 = w - PAD;
        double y0 = PAD_TOP;
        double y1 = h - lineHeight() - 4;
        int max = 0;
        for (int c : counts) {
            max = Math.max(max, c);
        }
        g.setStroke(palette.color(PaletteColor.GUIDE));
        g.setLineWidth(1);
        g.strokeLine(x0, y1 + 0.5, x1, y1 + 0.5);
        if (max == 0) {
            text(g, nonFinite > 0 ? "all values NaN" : note.isEmpty() ? "no values" : note, (x0 + x1) / 2,
                    (y0 + y1) / 2, TextAlignment.CENTER, VPos.CENTER, palette.inkColor());
            return;
        }
        DivergingScale scale = new DivergingScale(Math.max(Math.abs(lo), Math.abs(hi)), palette);
        double bw = (x1 - x0) / counts.length;
        for (int b = 0; b < counts.length; b++) {
            double bh = (double) counts[b] / max * (y1 - y0);
            double centre = lo + (b + 0.5) / counts.length * (hi - lo);
            // Near-zero bins would be near-white on the light background: keep at least a third of the colour.
            double m = scale.max();
            int argb = scale.argb(Math.copySign(Math.max(Math.abs(centre), m / 3), centre));
            g.setFill(diverging ? Color.rgb(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF)
                    : palette.color(PaletteColor.WEIGHT_BANDS));
            g.fillRect(x0 + b * bw + 0.5, y1 - bh, Math.max(1, bw - 1), bh);
        }
        if (diverging) {
            g.setStroke(palette.color(PaletteColor.GUIDE));
            g.strokeRect(x0 + 0.5, y0, x1 - x0 - 1, y1 - y0);
        }
        String left = num(lo);
        String right = num(hi);
        double room = x1 - x0;
        if (textWidth(left) + textWidth(right) + 8 <= room) {
            text(g, left, x0, y1 + 2, TextAlignment.LEFT, VPos.TOP, palette.inkColor());
            text(g, right, x1, y1 + 2, TextAlignment.RIGHT, VPos.TOP, palette.inkColor());
            // The note between them only where it clears both.
            double free = room - 2 * Math.max(textWidth(left), textWidth(right)) - 16;
            if (!note.isEmpty() && textWidth(note) <= free) {
                text(g, note, (x0 + x1) / 2, y1 + 2, TextAlignment.CENTER, VPos.TOP, palette.inkColor());
            }
        }
    }
}
