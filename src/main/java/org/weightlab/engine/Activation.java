package org.weightlab.engine;

import org.weightlab.engine.config.ActivationKind;

/**
 * Activation functions, each value beside its derivative. Derivatives are written in terms of
 * the pre-activation {@code z} and the activation {@code a = f(z)} so that the backward pass
 * reuses what the forward pass kept: tanh' = 1 - a^2, sigmoid' = a (1 - a).
 * At the kinks the derivative is PyTorch's: relu'(0) = 0, leaky_relu'(0) = 0.01.
 * Softmax acts on a whole row and is only used with cross-entropy (see {@link Loss}).
 */
public final class Activation {

    public static final double LEAKY_SLOPE = 0.01;

    // Cephes tanh: for |x| <= 0.625, tanh(x) = x + x^3 P(x^2) / Q(x^2); relative error ~2.5e-16.
    private static final double P0 = -9.64399179425052238628E-1;
    private static final double P1 = -9.92877231001918586564E1;
    private static final double P2 = -1.61468768441708447952E3;
    private static final double Q0 = 1.12811678491632931402E2;
    private static final double Q1 = 2.23548839060100448583E3;
    private static final double Q2 = 4.84406305325125486048E3;

    private Activation() {
    }

    /**
     * tanh within about 2 ulp of {@link Math#tanh}, several times faster (Math.tanh is a native
     * call): a rational formula near 0, 1 - 2 / (e^(2|x|) + 1) elsewhere. Training, the trace and
     * evaluation all use this one function, so they agree bit for bit.
     */
    public static double tanh(double x) {
        double ax = Math.abs(x);
        if (ax > 0.625) {
            double r = 1.0 - 2.0 / (Math.exp(2.0 * ax) + 1.0);
            return x < 0 ? -r : r;
        }
        if (x == 0) {
            return x; // keeps -0.0
        }
        double s = x * x;
        double p = (P0 * s + P1) * s + P2;
        double q = ((s + Q0) * s + Q1) * s + Q2;
        return x + x * s * (p / q);
    }

    public static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }

    /** f(z) for every kind but softmax. */
    public static double value(ActivationKind kind, double z) {
        return switch (kind) {
            case LINEAR -> z;
            case RELU -> z > 0 ? z : 0.0;
            case LEAKY_RELU -> z > 0 ? z : LEAKY_SLOPE * z;
            case TANH -> tanh(z);
            case SIGMOID -> sigmoid(z);
            case SOFTMAX -> throw new IllegalArgumentException("softmax acts on a row, not one value");
        };
    }

    /** f'(z), given z and a = f(z); for softmax the diagonal a (1 - a). */
    public static double derivative(ActivationKind kind, double z, double a) {
        return switch (kind) {
            case LINEAR -> 1.0;
            case RELU -> z > 0 ? 1.0 : 0.0;
            case LEAKY_RELU -> z > 0 ? 1.0 : LEAKY_SLOPE;
            case TANH -> 1.0 - a * a;
            case SIGMOID, SOFTMAX -> a * (1.0 - a);
        };
    }

    /**
     * a = f(z) for the first {@code n} examples of {@code units} rows of stride {@code cap}
     * (unit-major buffers, see {@link Workspace}); softmax normalizes each example across the rows.
     */
    static void forward(ActivationKind kind, double[] z, double[] a, int units, int cap, int n) {
        if (kind == ActivationKind.SOFTMAX) {
            for (int b = 0; b < n; b++) {
                softmax(z, a, b, cap, units);
            }
            return;
        }
        for (int u = 0; u < units; u++) {
            int from = u * cap;
            int to = from + n;
            switch (kind) {
                case LINEAR -> System.arraycopy(z, from, a, from, n);
                case RELU -> {
                    for (int j = from; j < to; j++) {
                        a[j] = z[j] > 0 ? z[j] : 0.0;
                    }
                }
                case LEAKY_RELU -> {
                    for (int j = from; j < to; j++) {
                        a[j] = z[j] > 0 ? z[j] : LEAKY_SLOPE * z[j];
                    }
                }
                case TANH -> {
                    for (int j = from; j < to; j++) {
                        a[j] = tanh(z[j]);
                    }
                }
                case SIGMOID -> {
                    for (int j = from; j < to; j++) {
                        a[j] = sigmoid(z[j]);
                    }
                }
                default -> throw new IllegalStateException();
            }
        }
    }

    /** Softmax of the k values z[off], z[off + stride], ... into a, shifted by the max so exp never overflows. */
    static void softmax(double[] z, double[] a, int off, int stride, int k) {
        double m = z[off];
        for (int j = 1; j < k; j++) {
            m = Math.max(m, z[off + j * stride]);
        }
        double sum = 0;
        for (int j = 0; j < k; j++) {
            double e = Math.exp(z[off + j * stride] - m);
            a[off + j * stride] = e;
            sum += e;
        }
        for (int j = 0; j < k; j++) {
            a[off + j * stride] /= sum;
        }
    }

    /** dz = da * f'(z) over {@code units} rows of stride {@code cap}, first {@code n} examples (not softmax). */
    static void backward(ActivationKind kind, double[] z, double[] a, double[] da, double[] dz, int units, int cap,
                         int n) {
        for (int u = 0; u < units; u++) {
            int from = u * cap;
            int to = from + n;
            switch (kind) {
                case LINEAR -> System.arraycopy(da, from, dz, from, n);
                case RELU -> {
                    for (int j = from; j < to; j++) {
                        dz[j] = z[j] > 0 ? da[j] : 0.0;
                    }
                }
                case LEAKY_RELU -> {
                    for (int j = from; j < to; j++) {
                        dz[j] = z[j] > 0 ? da[j] : da[j] * LEAKY_SLOPE;
                    }
                }
                case TANH -> {
                    for (int j = from; j < to; j++) {
                        dz[j] = da[j] * (1.0 - a[j] * a[j]);
                    }
                }
                case SIGMOID -> {
                    for (int j = from; j < to; j++) {
                        dz[j] = da[j] * (a[j] * (1.0 - a[j]));
                    }
                }
                case SOFTMAX -> throw new IllegalStateException("softmax is only used as the output with cross_entropy");
            }
        }
    }
}
