package org.weightlab.ui.loss;

import org.weightlab.session.LossSeries;

/**
 * The loss chart's mapping between data and pixels: the plot rectangle of the last frame, the
 * visible ranges (followed from the data, or zoomed), and the log or linear loss axis. Vertical
 * values are kept as "t" (log10 of the loss on a log axis, the loss itself on a linear one).
 */
final class PlotScale {

    // the plot rectangle in canvas pixels
    double left;
    double top;
    double plotW;
    double plotH;
    // the visible range: x in steps or epochs, t = forward(loss)
    double x0 = 0;
    double x1 = 1;
    double ty0 = 0;
    double ty1 = 1;
    boolean log = true;

    // zoom: NaN means "follow the data"
    private double zoomX0 = Double.NaN;
    private double zoomX1 = Double.NaN;
    private double zoomY0 = Double.NaN;
    private double zoomY1 = Double.NaN;

    double px(double x) {
        return left + (x - x0) / (x1 - x0) * plotW;
    }

    double py(double value) {
        return top + plotH - (forward(value, log) - ty0) / (ty1 - ty0) * plotH;
    }

    double xAt(double pixel) {
        return x0 + (pixel - left) / plotW * (x1 - x0);
    }

    double valueAt(double pixel) {
        return inverse(ty0 + (top + plotH - pixel) / plotH * (ty1 - ty0));
    }

    static double forward(double v, boolean log) {
        return log ? Math.log10(v) : v;
    }

    double inverse(double t) {
        return log ? Math.pow(10, t) : t;
    }

    /** Back to the whole run on both axes. */
    void resetZoom() {
        zoomX0 = Double.NaN;
        zoomX1 = Double.NaN;
        resetZoomY();
    }

    void resetZoomY() {
        zoomY0 = Double.NaN;
        zoomY1 = Double.NaN;
    }

    /** Shows only [from, to] horizontally; false when the range is empty. */
    boolean zoomX(double from, double to) {
        if (!(to > from)) {
            return false;
        }
        zoomX0 = from;
        zoomX1 = to;
        return true;
    }

    /** Zooms to the rectangle between two pixel corners; false when it is empty. */
    boolean zoomToPixels(double ax, double ay, double bx, double by) {
        double xa = xAt(Math.min(ax, bx));
        double xb = xAt(Math.max(ax, bx));
        double va = valueAt(Math.max(ay, by));
        double vb = valueAt(Math.min(ay, by));
        if (xb > xa && vb > va) {
            zoomX0 = xa;
            zoomX1 = xb;
            zoomY0 = va;
            zoomY1 = vb;
            return true;
        }
        return false;
    }

    /** Scales the horizontal range by {@code factor} around {@code centre}; false when it would collapse. */
    boolean zoomAround(double centre, double factor) {
        double a = centre - (centre - x0) * factor;
        double b = centre + (x1 - centre) * factor;
        if (b - a < 1e-9) {
            return false;
        }
        zoomX0 = a;
        zoomX1 = b;
        return true;
    }

    /** The horizontal range: the zoom, or else the span of the drawn series. */
    void computeXRange(boolean inEpochs, LossSeries... drawn) {
        if (!Double.isNaN(zoomX0)) {
            x0 = zoomX0;
            x1 = zoomX1;
            return;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (LossSeries s : drawn) {
            if (s.size() == 0) {
                continue;
            }
            double[] xs = s.xs(inEpochs);
            lo = Math.min(lo, xs[0]);
            hi = Math.max(hi, xs[s.size() - 1]);
        }
        if (!(hi > lo)) {
            lo = Double.isFinite(lo) ? lo : 0;
            hi = lo + (inEpochs ? 1 : 10);
        }
        x0 = Math.max(0, lo);
        x1 = hi;
    }

    /** The vertical range: the zoom, or else the drawn values [lo, hi] with a margin. */
    void computeYRange(double lo, double hi) {
        if (!Double.isNaN(zoomY0)) {
            ty0 = forward(zoomY0, log);
            ty1 = forward(zoomY1, log);
            return;
        }
        if (!(hi >= lo)) {
            lo = log ? 0.01 : 0;
            hi = 1;
        }
        // losses near the largest double (a run on its way to overflow): keep the margin finite
        hi = Math.min(hi, 1e300);
        lo = Math.max(lo, -1e300);
        if (log) {
            double a = Math.log10(lo);
            double b = Math.log10(hi);
            double pad = Math.max(0.05 * (b - a), 0.1);
            ty0 = Math.max(a - pad, -307);
            ty1 = Math.min(b + pad, 307); // 10^ty1 must stay a finite double for the tick labels
        } else {
            double span = hi - lo;
            double pad = span > 0 ? 0.05 * span : Math.max(0.1 * Math.abs(hi), 0.5);
            ty0 = lo - pad;
            if (lo >= 0 && ty0 < 0) {
                ty0 = 0;
            }
            ty1 = hi + pad;
        }
    }
}
