package org.weightlab.ui.digits;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.weightlab.ui.fx.Redraw;
import org.weightlab.ui.theme.Palette;
import org.weightlab.ui.theme.PaletteColor;
import org.weightlab.ui.fx.CanvasFit;

/**
 * A small square picture of {@code side x side} values, row-major with the top row first: either
 * ink on paper (values 0..1, a digit) or on the diverging weight scale (values in [-range, range],
 * what a neuron's incoming weights look for). Drawn through the window's one redraw pass.
 */
public final class PixelPicture extends Region {

    /** How values become colours. */
    public enum Scale {
        /** 0 is paper (the zero colour), 1 is ink. */
        INK,
        /** Negative to positive on the weight palette, symmetric around 0. */
        DIVERGING
    }

    public static final String STYLE_CLASS = "pixel-picture";

    private static final int DATA = 1;

    private final Canvas canvas = new Canvas();
    private final Palette palette;
    private final int side;
    private final Scale scale;
    private final Redraw redraw;
    private double[] values;
    private double range = 1;

    public PixelPicture(Palette palette, int side, Scale scale, double size) {
        this.palette = palette;
        this.side = side;
        this.scale = scale;
        getStyleClass().add(STYLE_CLASS);
        getChildren().add(canvas);
        setPrefSize(size, size);
        setMinSize(size, size);
        setMaxSize(size, size);
        redraw = new Redraw(canvas, bits -> paint());
        palette.revisionProperty().addListener((o, was, now) -> redraw.mark(DATA));
    }

    /**
     * Shows {@code v} (length side * side; kept, not copied: pass arrays that are not changed
     * afterwards). For the diverging scale, {@code range} is the value drawn at full colour.
     */
    public void show(double[] v, double range) {
        if (v != null && v.length != side * side) {
            throw new IllegalArgumentException("a " + side + "x" + side + " picture takes " + side * side
                    + " values, got " + v.length);
        }
        values = v;
        this.range = range > 0 ? range : 1;
        redraw.mark(DATA);
    }

    public void show(double[] v) {
        show(v, 1);
    }

    /** The values shown (null when none). */
    public double[] values() {
        return values;
    }

    /** The colour value {@code v} gets on this picture's scale. */
    public Color colorOf(double v) {
        if (scale == Scale.INK) {
            double t = Double.isFinite(v) ? Math.max(0, Math.min(1, v)) : 0;
            return palette.zeroColor().interpolate(palette.color(PaletteColor.DIGIT_INK), t);
        }
        return palette.weightMap().color(v / range);
    }

    /** Draws now (tests, pictures taken off screen). */
    public void drawNow() {
        redraw.mark(DATA);
        redraw.drawNow();
    }

    @Override
    protected void layoutChildren() {
        if (CanvasFit.fit(canvas, this)) {
            redraw.mark(DATA);
        }
    }

    private void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        double cw = w / side;
        double ch = h / side;
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                g.setFill(values == null ? palette.zeroColor() : colorOf(values[r * side + c]));
                // whole pixels, overlapping by one, so that no seam shows between cells
                double x0 = Math.floor(c * cw);
                double y0 = Math.floor(r * ch);
                g.fillRect(x0, y0, Math.ceil((c + 1) * cw) - x0, Math.ceil((r + 1) * ch) - y0);
            }
        }
        g.setStroke(palette.color(PaletteColor.GUIDE));
        g.setLineWidth(1);
        g.strokeRect(0.5, 0.5, w - 1, h - 1);
    }
}
