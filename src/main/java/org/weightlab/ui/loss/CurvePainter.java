package org.weightlab.ui.loss;

import java.util.Arrays;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.weightlab.session.LossHistory;
import org.weightlab.session.LossSeries;
import org.weightlab.ui.loss.LossChartView.Curve;

/**
 * Draws the loss curves of a {@link LossHistory} (task A's too after a move to task B): reduces each to at most four vertices per
 * pixel column ({@link MinMaxDecimator}), then strokes the epoch curves (with a halo and, while
 * they are sparse, a dot per point) and the batch curve, which becomes a raster band once it has
 * more vertices than the plot has columns.
 */
final class CurvePainter {

    private final LossHistory history;
    private final PlotScale scale;
    private final ChartPalette palette;
    private final MinMaxDecimator[] lines = new MinMaxDecimator[Curve.values().length];

    /** The dense batch band: premultiplied ARGB pixels of the plot area, reused between frames. */
    private WritableImage band;
    private int[] bandPixels;

    CurvePainter(LossHistory history, PlotScale scale, ChartPalette palette) {
        this.history = history;
        this.scale = scale;
        this.palette = palette;
        for (int i = 0; i < lines.length; i++) {
            lines[i] = new MinMaxDecimator();
        }
    }

    /** The points of {@code c}: the batch series, or the epoch ends (train in column 0, test beside it). */
    LossSeries series(Curve c) {
        return c == Curve.BATCH ? history.batches() : history.epochEnds();
    }

    /** The live array of {@code c}'s values, valid up to its series' size. */
    double[] values(Curve c) {
        return switch (c) {
            case TEST -> history.epochEnds().values(LossHistory.TEST_LOSS);
            case TASK_A -> history.epochEnds().values(LossHistory.TASK_A_LOSS);
            case BATCH, TRAIN -> series(c).values();
        };
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

    /**
     * Where the curves have gaps. Points are evaluated at a steady rhythm (every step, every epoch
     * or every few epochs at high speed), and the history thins old points to pairs, which at most
     * doubles their spacing; so two neighbours further apart than {@link #GAP_FACTOR} times the
     * median spacing mean evaluations are missing (paused evaluation, a history cut short, a
     * resumed run), and the line between them would be invented: it is left out. Decimated
     * vertices one or two pixel columns apart are never a gap, however much data they stand for.
     */
    static final double GAP_FACTOR = 3;
    /** Vertices closer than this many pixels are joined whatever their spacing in data. */
    static final double GAP_MIN_PIXELS = 4;

    private final IntList lonely = new IntList();
    private final int[] gaps = new int[Curve.values().length];
    private double[] spacing = new double[0];

    /** Gaps left in curve {@code c} in the last frame (tests). */
    int gaps(Curve c) {
        return gaps[c.ordinal()];
    }

    private static boolean isGap(double dx, double dpx, double gapAbove) {
        return dx > gapAbove && dpx > GAP_MIN_PIXELS;
    }

    /**
     * {@link #GAP_FACTOR} times the median spacing of the series' points in the visible range (at
     * most 4,096 spacings, evenly sampled): local, so that a zoom into the thinned early part of a
     * long run measures the spacing there.
     */
    private double gapThreshold(LossSeries s, boolean inEpochs) {
        double[] xs = s.xs(inEpochs);
        int from = Math.max(1, LossSeries.lowerBound(xs, s.size(), scale.x0));
        int to = Math.min(s.size() - 1, LossSeries.lowerBound(xs, s.size(), scale.x1));
        int count = to - from + 1;
        if (count < 2) {
            return Double.POSITIVE_INFINITY;
        }
        int m = Math.min(count, 4096);
        if (spacing.length < m) {
            spacing = new double[m];
        }
        for (int i = 0; i < m; i++) {
            int k = from + (int) ((long) i * count / m);
            spacing[i] = xs[k] - xs[k - 1];
        }
        Arrays.sort(spacing, 0, m);
        double median = spacing[m / 2];
        return median > 0 ? GAP_FACTOR * median : Double.POSITIVE_INFINITY;
    }

    /** A growable list of ints, reused between frames. */
    private static final class IntList {
        private int[] items = new int[16];
        private int size;

        void clear() {
            size = 0;
        }

        void add(int v) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = v;
        }

        int get(int i) {
            return items[i];
        }

        int size() {
            return size;
        }
    }

    void draw(GraphicsContext g, Curve c, boolean inEpochs) {
        MinMaxDecimator line = lines[c.ordinal()];
        int n = line.count();
        if (n == 0) {
            return;
        }
        Color colour = palette.curveColour(c);
        if (c == Curve.BATCH && n > scale.plotW) {
            // more than one vertex per pixel column: a raster band is exact and far cheaper to render
            drawBand(g, line, colour, gapThreshold(series(c), inEpochs));
            return;
        }
        g.setStroke(colour);
        g.setFill(colour);
        g.setLineDashes();
        g.setGlobalAlpha(c == Curve.BATCH ? 0.5 : 1.0);
        double gapAbove = gapThreshold(series(c), inEpochs);
        g.beginPath();
        double px0 = scale.px(line.x(0));
        g.moveTo(px0, scale.py(line.y(0)));
        int runStart = 0;
        int breaks = 0;
        lonely.clear();
        for (int k = 1; k < n; k++) {
            double px = scale.px(line.x(k));
            double py = scale.py(line.y(k));
            if (isGap(line.x(k) - line.x(k - 1), px - px0, gapAbove)) {
                if (k - 1 == runStart) {
                    lonely.add(k - 1); // a point with gaps on both sides: a dot, or it would not show
                }
                breaks++;
                runStart = k;
                g.moveTo(px, py);
            } else {
                g.lineTo(px, py);
            }
            px0 = px;
        }
        if (runStart == n - 1 && n > 1) {
            lonely.add(n - 1);
        }
        gaps[c.ordinal()] = breaks;
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
        for (int i = 0; i < lonely.size(); i++) {
            int k = lonely.get(i);
            double r = c == Curve.BATCH ? 2 : 4;
            g.fillOval(scale.px(line.x(k)) - r, scale.py(line.y(k)) - r, 2 * r, 2 * r);
        }
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
    private void drawBand(GraphicsContext g, MinMaxDecimator line, Color colour, double gapAbove) {
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
        Color c = colour;
        double alpha = 0.55;
        // premultiplied ARGB
        int a = (int) Math.round(alpha * 255);
        int argb = a << 24 | (int) Math.round(c.getRed() * alpha * 255) << 16
                | (int) Math.round(c.getGreen() * alpha * 255) << 8 | (int) Math.round(c.getBlue() * alpha * 255);
        int n = line.count();
        int k = 0;
        double prevY = Double.NaN;
        double prevX = Double.NaN;
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
            boolean gap = !Double.isNaN(prevX)
                    && isGap(line.x(k) - prevX, scale.px(line.x(k)) - scale.px(prevX), gapAbove);
            prevX = line.x(j - 1);
            if (!Double.isNaN(prevY) && !gap) {
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
