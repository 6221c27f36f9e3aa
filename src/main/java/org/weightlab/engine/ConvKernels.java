package org.weightlab.engine;

/**
 * The convolution's inner loops, each along the batch over one contiguous row of a unit-major
 * workspace buffer ({@code [unit][capacity]}); small enough for the JIT to inline and unroll.
 */
final class ConvKernels {

    private ConvKernels() {
    }

    /** y[y0 + b] += c * x[x0 + b] for b &lt; n. */
    static void addScaled(double[] y, int y0, double c, double[] x, int x0, int n) {
        for (int b = 0; b < n; b++) {
            y[y0 + b] += c * x[x0 + b];
        }
    }

    /**
     * One kernel row over the batch: y[y0 + b] += w[w0] x[x0 + b] + w[w0 + 1] x[x0 + cap + b] + ...
     * (k terms, added to y one after the other, as k calls of {@link #addScaled} would), keeping
     * y[y0 + b] in a register across the row.
     */
    static void addKernelRow(double[] y, int y0, double[] w, int w0, int k, double[] x, int x0, int cap, int n) {
        if (k == 3) {
            double w0v = w[w0];
            double w1v = w[w0 + 1];
            double w2v = w[w0 + 2];
            int x1 = x0 + cap;
            int x2 = x1 + cap;
            for (int b = 0; b < n; b++) {
                y[y0 + b] = y[y0 + b] + w0v * x[x0 + b] + w1v * x[x1 + b] + w2v * x[x2 + b];
            }
            return;
        }
        for (int v = 0; v < k; v++) {
            addScaled(y, y0, w[w0 + v], x, x0 + v * cap, n);
        }
    }

    /** The sum of a[a0 + b] * c[c0 + b] over b &lt; n, in example order. */
    static double dot(double[] a, int a0, double[] c, int c0, int n) {
        double s = 0;
        for (int b = 0; b < n; b++) {
            s += a[a0 + b] * c[c0 + b];
        }
        return s;
    }

    /** The sum of a[a0 + b] over b &lt; n, in example order. */
    static double sum(double[] a, int a0, int n) {
        double s = 0;
        for (int b = 0; b < n; b++) {
            s += a[a0 + b];
        }
        return s;
    }
}
