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
