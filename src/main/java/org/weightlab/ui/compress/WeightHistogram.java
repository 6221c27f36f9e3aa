package org.weightlab.ui.compress;

import java.util.Arrays;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;
import org.weightlab.ui.theme.Palette;
import org.weightlab.ui.theme.PaletteColor;

/**
 * One layer's weights as a histogram over [-m, m] (m the largest |w| before compression, so that
 * "before" and "after" share their axis): quantized weights pile up on their few levels.
 */
final class WeightHistogram extends SmallCanvas {

    static final int BINS = 41;

    private String title = "";
    private double[] values = new double[0];
    private double range = 1;

    WeightHistogram(Palette palette) {
        super(palette, 150, 70);
    }

    /** Shows {@code values} on [-range, range] under {@code title}. */
    void show(String title, double[] values, double range) {
        this.title = title;
        this.values = values.clone();
        this.range = range > 0 ? range : 1;
        redraw.mark(DATA);
    }

    /** How many different values the layer holds (a quantizer's levels, with 0 if pruned). */
    static int levels(double[] values) {
        return (int) Arrays.stream(values).map(v -> v == 0 ? 0 : v).distinct().count();
    }

    /** The bin of {@code v} among BINS bins over [-range, range]. */
    static int bin(double v, double range) {
        int b = (int) Math.floor((v + range) / (2 * range) * BINS);
        return Math.max(0, Math.min(BINS - 1, b));
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        double top = 16;
        double bottom = h - 4;
        int[] counts = new int[BINS];
        int max = 1;
        for (double v : values) {
            int b = bin(v, range);
            counts[b]++;
            max = Math.max(max, counts[b]);
        }
        g.setStroke(palette.color(PaletteColor.GUIDE));
        g.setLineWidth(1);
        g.strokeLine(0, bottom + 0.5, w, bottom + 0.5);
        g.strokeLine(Math.floor(w / 2) + 0.5, top, Math.floor(w / 2) + 0.5, bottom);
        double bw = w / BINS;
        g.setFill(palette.color(PaletteColor.SERIES_1));
        for (int b = 0; b < BINS; b++) {
            if (counts[b] > 0) {
                double bh = Math.max(2, (bottom - top) * counts[b] / max);
                g.fillRect(b * bw + 0.5, bottom - bh, Math.max(1, bw - 1), bh);
            }
        }
        g.setFill(palette.inkColor());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title, 2, 1);
    }

    String title() {
        return title;
    }
}
