package org.weightlab.ui.stepper;

import java.util.Locale;
import java.util.function.IntFunction;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.weightlab.engine.ConvLayer;
import org.weightlab.explain.ConvWalk;
import org.weightlab.ui.fx.CanvasFit;
import org.weightlab.ui.fx.Redraw;
import org.weightlab.ui.theme.Palette;
import org.weightlab.ui.theme.PaletteColor;

/**
 * The kernel sliding over the picture: the input (first channel) with a box where the kernel
 * sits, the box's cells tinted by the kernel's weights (the same weights at every position), the
 * kernel with its numbers, and the feature map with the value being computed framed.
 */
final class ConvSlideCanvas extends Region {

    private final Canvas canvas = new Canvas();
    private final Palette palette;
    private final Redraw redraw;
    private ConvWalk walk;
    private ConvWalk.Position at;
    /** Where the last paint put the box on the input: x, y, side (tests). */
    private double[] box;
    /** The stepper's own ink (its pages stay light whatever the window's theme), or null for the palette's. */
    private Color stepperInk;

    ConvSlideCanvas(Palette palette) {
        this.palette = palette;
        getChildren().add(canvas);
        redraw = new Redraw(canvas, bits -> paint());
        palette.revisionProperty().addListener((o, was, now) -> redraw.mark(1));
        setMinHeight(150);
        setPrefHeight(220);
    }

    /** Writes captions and numbers in {@code ink}: the stepper's text colour. */
    void setInk(javafx.scene.paint.Paint ink) {
        stepperInk = ink instanceof Color c ? c : null;
        redraw.mark(1);
    }

    void show(ConvWalk walk, ConvWalk.Position at) {
        this.walk = walk;
        this.at = at;
        redraw.mark(1);
    }

    void drawNow() {
        redraw.mark(1);
        redraw.drawNow();
    }

    /** The box around the kernel's position on the input as last painted: x, y, side; null before. */
    double[] box() {
        return box == null ? null : box.clone();
    }

    @Override
    protected void layoutChildren() {
        if (CanvasFit.fit(canvas, this)) {
            redraw.mark(1);
        }
    }

    private void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (walk == null || at == null || w < 60 || h < 60) {
            return;
        }
        ConvLayer conv = walk.conv();
        int k = conv.kernel();
        int ih = conv.height();
        int iw = conv.width();
        int oh = conv.outHeight();
        int ow = conv.outWidth();
        double kernelScale = 1.8; // the kernel's cells are larger, to hold their numbers
        double top = 22;
        double columns = iw + k * kernelScale + ow + 2.8; // and two gaps of 1.3 cells
        double c = Math.max(4, Math.min((h - top - 4) / Math.max(ih, k * kernelScale), (w - 8) / columns));
        Font font = Font.font(Math.max(11, Math.min(15, c * 0.55)));
        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        Color ink = stepperInk != null ? stepperInk : palette.inkColor();
        Color guide = palette.color(PaletteColor.GUIDE);
        Color selection = palette.color(PaletteColor.SELECTION);
        double[] input = walk.input();
        double x0 = 4;
        // the input, first channel, as ink on paper
        double inMax = maxAbs(input, ih * iw);
        fillCells(g, ih, iw, x0, top, c, j -> palette.zeroColor().interpolate(palette.color(PaletteColor.DIGIT_INK),
                Math.max(0, Math.min(1, input[j] / inMax))));
        g.setStroke(guide);
        g.setLineWidth(1);
        g.strokeRect(x0, top, iw * c, ih * c);
        // the kernel's weights lit where it sits: the same k x k tint at every position
        double wMax = maxAbs(at.weights(), at.weights().length);
        double bx = x0 + at.column() * c;
        double by = top + at.row() * c;
        for (int u = 0; u < k; u++) {
            for (int v = 0; v < k; v++) {
                Color wc = palette.weightMap().color(at.weights()[u * k + v] / wMax);
                g.setFill(wc.deriveColor(0, 1, 1, 0.55));
                g.fillRect(bx + v * c, by + u * c, c, c);
            }
        }
        g.setStroke(selection);
        g.setLineWidth(Math.max(2, c / 7));
        g.strokeRect(bx, by, k * c, k * c);
        box = new double[] {bx, by, k * c};
        g.setFill(ink);
        g.fillText("input", x0, top / 2);

        // the kernel with its numbers
        double kc = c * kernelScale;
        double kx = x0 + iw * c + c * 1.3;
        double ky = top;
        for (int u = 0; u < k; u++) {
            for (int v = 0; v < k; v++) {
                double value = at.weights()[u * k + v];
                g.setFill(palette.weightMap().color(value / wMax));
                g.fillRect(kx + v * kc, ky + u * kc, kc, kc);
                g.setStroke(guide);
                g.setLineWidth(1);
                g.strokeRect(kx + v * kc, ky + u * kc, kc, kc);
                if (kc > font.getSize() * 3.3) { // room for a number such as -0.43
                    g.setFill(ink);
                    g.setTextAlign(TextAlignment.CENTER);
                    g.fillText(String.format(Locale.ROOT, "%.2f", value), kx + (v + 0.5) * kc, ky + (u + 0.5) * kc);
                    g.setTextAlign(TextAlignment.LEFT);
                }
            }
        }
        g.setFill(ink);
        g.fillText("kernel " + (at.kernel() + 1), kx, top / 2);

        // the feature map, the value being computed framed
        double mx = kx + k * kc + c * 1.3;
        double[] map = walk.maps().map(at.kernel());
        double mMax = maxAbs(map, map.length);
        fillCells(g, oh, ow, mx, top, c, j -> palette.weightMap().color(map[j] / mMax));
        g.setStroke(guide);
        g.setLineWidth(1);
        g.strokeRect(mx, top, ow * c, oh * c);
        g.setStroke(selection);
        g.setLineWidth(Math.max(2, c / 7));
        g.strokeRect(mx + at.column() * c, top + at.row() * c, c, c);
        g.setFill(ink);
        g.fillText("feature map " + (at.kernel() + 1), mx, top / 2);
    }

    /** The largest |v| of the first {@code n} values, at least 1e-12 (a scale to divide by). */
    private static double maxAbs(double[] v, int n) {
        double max = 1e-12;
        for (int j = 0; j < n; j++) {
            max = Math.max(max, Math.abs(v[j]));
        }
        return max;
    }

    /** A rows x cols grid of square cells at (x, y), cell j (row-major) in {@code colour.apply(j)}. */
    private static void fillCells(GraphicsContext g, int rows, int cols, double x, double y, double cell,
                                  IntFunction<Color> colour) {
        for (int r = 0; r < rows; r++) {
            for (int s = 0; s < cols; s++) {
                g.setFill(colour.apply(r * cols + s));
                g.fillRect(x + s * cell, y + r * cell, cell + 0.5, cell + 0.5);
            }
        }
    }
}
