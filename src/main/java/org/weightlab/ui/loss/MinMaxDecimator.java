package org.weightlab.ui.loss;

import java.util.Arrays;
import org.weightlab.session.LossSeries;

/**
 * Reduces a series to at most four points per pixel column (first, lowest, highest and last, in
 * their original order), so a frame draws O(width) segments however many points there are, and
 * the picture is the same as drawing every point. Points whose value is NaN or infinite (or not
 * positive, on a log axis) are skipped. One point on each side of the visible range is kept so
 * the line runs to the plot's edges. Not thread-safe: one per curve, used on the FX thread.
 */
public final class MinMaxDecimator {

    /** Output: vertex {@code k} is data point {@code index[k]} at ({@code x[k]}, {@code y[k]}). */
    private double[] x = new double[256];
    private double[] y = new double[256];
    private int[] index = new int[256];
    private int count;

    public int count() {
        return count;
    }

    public double x(int k) {
        return x[k];
    }

    public double y(int k) {
        return y[k];
    }

    /** Index in the series of vertex {@code k}. */
    public int index(int k) {
        return index[k];
    }

    /**
     * Decimates points of {@code xs/ys[0, n)} whose x lies in [x0, x1] into {@code columns}
     * equal columns. Returns the number of vertices.
     */
    public int decimate(double[] xs, double[] ys, int n, double x0, double x1, int columns, boolean positiveOnly) {
        count = 0;
        if (n == 0 || columns < 1 || !(x1 > x0)) {
            return 0;
        }
        int from = LossSeries.lowerBound(xs, n, x0);
        int to = LossSeries.lowerBound(xs, n, Math.nextUp(x1)); // exclusive
        // the drawable neighbour just outside each edge, so the line leaves the plot instead of stopping short
        int before = previousDrawable(ys, from - 1, positiveOnly);
        if (before >= 0) {
            emit(xs, ys, before);
        }
        double perColumn = columns / (x1 - x0);
        int i = from;
        while (i < to) {
            int column = (int) Math.min(columns - 1, Math.floor((xs[i] - x0) * perColumn));
            int first = -1;
            int last = -1;
            int lo = -1;
            int hi = -1;
            for (; i < to && (int) Math.min(columns - 1, Math.floor((xs[i] - x0) * perColumn)) == column; i++) {
                double v = ys[i];
                if (!drawable(v, positiveOnly)) {
                    continue;
                }
                if (first < 0) {
                    first = i;
                    lo = i;
                    hi = i;
                }
                last = i;
                if (v < ys[lo]) {
                    lo = i;
                }
                if (v > ys[hi]) {
                    hi = i;
                }
            }
            if (first < 0) {
                continue;
            }
            // emit the (up to) four distinct points in index order
            int a = Math.min(lo, hi);
            int b = Math.max(lo, hi);
            emit(xs, ys, first);
            if (a != first) {
                emit(xs, ys, a);
            }
            if (b != a && b != first) {
                emit(xs, ys, b);
            }
            if (last != b && last != first) {
                emit(xs, ys, last);
            }
        }
        int after = nextDrawable(ys, to, n, positiveOnly);
        if (after >= 0) {
            emit(xs, ys, after);
        }
        return count;
    }

    private static boolean drawable(double v, boolean positiveOnly) {
        return Double.isFinite(v) && (!positiveOnly || v > 0);
    }

    private static int previousDrawable(double[] ys, int i, boolean positiveOnly) {
        for (; i >= 0; i--) {
            if (drawable(ys[i], positiveOnly)) {
                return i;
            }
        }
        return -1;
    }

    private static int nextDrawable(double[] ys, int i, int n, boolean positiveOnly) {
        for (; i < n; i++) {
            if (drawable(ys[i], positiveOnly)) {
                return i;
            }
        }
        return -1;
    }

    private void emit(double[] xs, double[] ys, int i) {
        if (count == x.length) {
            x = Arrays.copyOf(x, count * 2);
            y = Arrays.copyOf(y, count * 2);
            index = Arrays.copyOf(index, count * 2);
        }
        x[count] = xs[i];
        y[count] = ys[i];
        index[count] = i;
        count++;
    }
}
