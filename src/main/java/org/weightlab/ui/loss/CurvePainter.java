package org.weightlab.ui.loss;

import java.util.Arrays;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import org.weightlab.session.LossHistory;
import org.weightlab.session.LossSeries;
import org.weightlab.ui.loss.LossChartView.Curve;

/**
 * Draws the three loss curves of a {@link LossHistory}: reduces each to at most four vertices per
 * pixel column ({@link MinMaxDecimator}), then strokes the epoch curves (with a halo and, while
 * they are sparse, a dot per point) and the batch curve, which becomes a raster band once it has
 * more vertices than the plot has columns.
 */
final class CurvePainter {

    private final LossHistory history;
    private final PlotScale scale;
    private final ChartPalette palette;
    private final MinMaxDecimator[] lines = {new MinMaxDecimator(), new MinMaxDecimator(), new MinMaxDecimator()};

    /** The dense batch band: premultiplied ARGB pixels of the plot area, reused between frames. */
    private WritableImage band;
    private int[] bandPixels;

    CurvePainter(LossHistory history, PlotScale scale, ChartPalette palette) {
        this.history = history;
        this.scale = scale;
        this.palette = palette;
    }

    /** The points of {@code c}: the batch series, or the epoch ends (train in column 0, test beside it). */
    LossSeries series(Curve c) {
        return c == Curve.BATCH ? history.batches() : history.epochEnds();
    }

    /** The live array of {@code c}'s values, valid up to its series' size. */
    double[] values(Curve c) {
        return c == Curve.TEST ? history.epochEnds().values(LossHistory.TEST_LOSS) : series(c).values();
    }

    double value(Curve c, int i) {
        return values(c)[i];
    }

    /** The vertices drawn for {@code c} in the last frame. */
    MinMaxDecimator line(Curve c) {
        return lines[c.ordinal()];
    }

    /**
     * Decimates every curve shown over the scale's horizontal range into {@code columns} columns;
     * returns the lowest and highest value drawn inside that range ({+inf, -inf} when none).
     */
    double[] decimate(boolean inEpochs, int columns) {
        double yLo = Double.POSITIVE_INFINITY;
        double yHi = Double.NEGATIVE_INFINITY;
        for (Curve c : Curve.values()) {
            MinMaxDecimator line = lines[c.ordinal()];
            if (c == Curve.BATCH && inEpochs) {
                line.decimate(new double[0], new double[0], 0, 0, 1, 1, scale.log);
                continue;
            }
            LossSeries s = series(c);
            line.decimate(s.xs(inEpochs), values(c), s.size(), scale.x0, scale.x1, columns, scale.log);
            for (int k = 0; k < line.count(); k++) {
                // an overflowing loss (a diverged run) must not stretch the axis to infinity
                if (line.x(k) >= scale.x0 && line.x(k) <= scale.x1 && Double.isFinite(line.y(k))) {
                    yLo = Math.min(yLo, line.y(k));
                    yHi = Math.max(yHi, line.y(k));
                }
            }
        }
        return new double[] {yLo, yHi};
    }

    void draw(GraphicsContext g, Curve c) {
        MinMaxDecimator line = lines[c.ordinal()];
        int n = line.count();
        if (n == 0) {
            return;
        }
        Paint colour = palette.swatchColour(c);
        if (c == Curve.BATCH && n > scale.plotW) {
            // more than one vertex per pixel column: a raster band is exact and far cheaper to render
            drawBand(g, line, colour);
            return;
        }
        g.setStroke(colour);
        g.setFill(colour);
        g.setLineDashes();
        g.setGlobalAlpha(c == Curve.BATCH ? 0.5 : 1.0);
        g.beginPath();
        g.moveTo(scale.px(line.x(0)), scale.py(line.y(0)));
        for (int k = 1; k < n; k++) {
            g.lineTo(scale.px(line.x(k)), scale.py(line.y(k)));
        }
        if (c != Curve.BATCH) {
            // a halo in the background colour keeps the epoch curves readable on top of the batch band
            g.setStroke(palette.markerBackground());
            g.setLineWidth(7);
            g.stroke();
            g.setStroke(colour);
        }
        g.setLineWidth(c == Curve.BATCH ? 1.5 : 3);
        g.stroke();
        g.setGlobalAlpha(1.0);
        // epoch-end curves have few points: show each as a dot while they are far apart
        if (c != Curve.BATCH && n > 0 && scale.plotW / n >= 10) {
            double r = c == Curve.TEST ? 4.5 : 4;
            for (int k = 0; k < n; k++) {
                double x = scale.px(line.x(k));
                double y = scale.py(line.y(k));
                g.setFill(palette.markerBackground());
                g.fillOval(x - r - 1.5, y - r - 1.5, 2 * r + 3, 2 * r + 3);
                g.setFill(colour);
                g.fillOval(x - r, y - r, 2 * r, 2 * r);
            }
        }
    }

    /**
     * Fills, per pixel column, the span from the column's lowest to highest vertex, joined to the
     * previous column's last vertex so the band has no gaps: what the polyline would cover, as
     * pixels. One setPixels call into a reused buffer; the render thread only copies an image.
     */
    private void drawBand(GraphicsContext g, MinMaxDecimator line, Paint colour) {
        double left = scale.left;
        double top = scale.top;
        int w = (int) Math.ceil(scale.plotW);
        int h = (int) Math.ceil(scale.plotH);
        if (band == null || band.getWidth() != w || band.getHeight() != h) {
            band = new WritableImage(w, h);
            bandPixels = new int[w * h];
        } else {
            Arrays.fill(bandPixels, 0);
        }
        Color c = colour instanceof Color col ? col : Color.web("#1b7837");
        double alpha = 0.55;
        // premultiplied ARGB
        int a = (int) Math.round(alpha * 255);
        int argb = a << 24 | (int) Math.round(c.getRed() * alpha * 255) << 16
                | (int) Math.round(c.getGreen() * alpha * 255) << 8 | (int) Math.round(c.getBlue() * alpha * 255);
        int n = line.count();
        int k = 0;
        double prevY = Double.NaN;
        while (k < n) {
            int col = (int) Math.floor(scale.px(line.x(k)) - left);
            double lo = scale.py(line.y(k));
            double hi = lo;
            double last = lo;
            int j = k;
            for (; j < n && (int) Math.floor(scale.px(line.x(j)) - left) == col; j++) {
                double y = scale.py(line.y(j));
                lo = Math.min(lo, y);
                hi = Math.max(hi, y);
                last = y;
            }
            if (!Double.isNaN(prevY)) {
                lo = Math.min(lo, prevY);
                hi = Math.max(hi, prevY);
            }
            prevY = last;
            k = j;
            if (col < 0 || col >= w) {
                continue;
            }
            int y0 = (int) Math.max(0, Math.floor(lo - top));
            int y1 = (int) Math.min(h - 1, Math.floor(hi - top));
            for (int y = y0; y <= y1; y++) {
                bandPixels[y * w + col] = argb;
            }
        }
        band.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), bandPixels, 0, w);
        g.drawImage(band, left, top);
    }
}
