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

    /** 2^(j/256) and 2^(j/256) - 1 for j = 0..255: the tables of {@link #tanh}. */
    private static final double[] EXP2_TABLE = new double[256];
    private static final double[] EXP2M1_TABLE = new double[256];
    private static final double INV_LN2_256 = 256 / Math.log(2);
    /** ln(2) / 256 split in two (fdlibm's ln2_hi / ln2_lo over 256): n * hi is exact for |n| < 2^11. */
    private static final double LN2_256_HI = 6.93147180369123816490e-01 / 256;
    private static final double LN2_256_LO = 1.90821492927058770002e-10 / 256;
    /** 1.5 * 2^52: adding it rounds a double below 2^51 to an integer held in the low bits. */
    private static final double SHIFTER = 0x1.8p52;

    static {
        for (int j = 0; j < EXP2_TABLE.length; j++) {
            EXP2_TABLE[j] = StrictMath.pow(2, j / 256.0);
            EXP2M1_TABLE[j] = StrictMath.expm1(j / 256.0 * Math.log(2));
        }
    }

    private Activation() {
    }

    /**
     * tanh within 3 ulp of the true value (4 of {@link Math#tanh}; relative error below 1e-15), without a
     * data-dependent branch, several times faster than Math.tanh (a native call), whose cost
     * the training loop would otherwise be made of. tanh|x| = e / (e + 2) with e = e^(2|x|) - 1,
     * and e from 2|x| = (256 k + j) ln2/256 + r, |r| <= ln2/512:
     * e = 2^k (2^(j/256) q + (2^(j/256) - 1)) + (2^k - 1), q = e^r - 1 to r^5 (truncation below
     * 1e-17 relative, also for tiny r). Training, the trace and evaluation all use this one
     * function, so they agree bit for bit.
     */
    public static double tanh(double x) {
        return tanhFromSigned(signedExpm1(x));
    }

    /**
     * e^(2|x|) - 1 with the sign of x: the first half of {@link #tanh}, the part with the table.
     * The layers' tanh runs in two loops, this one and {@link #tanhFromSigned}, because the JIT
     * vectorizes the second, and the division is the one slow operation in tanh.
     */
    static double signedExpm1(double x) {
        double ax = Math.abs(x);
        double y = ax >= 20 ? 40.0 : ax + ax; // tanh rounds to 1 beyond 19.1; NaN goes through
        double kd = y * INV_LN2_256 + SHIFTER;
        int n = (int) Double.doubleToRawLongBits(kd);
        double nd = kd - SHIFTER;
        double r = (y - nd * LN2_256_HI) - nd * LN2_256_LO;
        double r2 = r * r;
        double q = r + r2 * (0.5 + r * (1.0 / 6)) + (r2 * r2) * (1.0 / 24 + r * (1.0 / 120));
        int j = n & 255;
        double scale = Double.longBitsToDouble((long) ((n >> 8) + 1023) << 52);
        double e = scale * (EXP2_TABLE[j] * q + EXP2M1_TABLE[j]) + (scale - 1.0);
        return Math.copySign(e, x);
    }

    /** tanh x from s = {@link #signedExpm1}(x): s / (|s| + 2), which is sign(x) e / (e + 2). */
    static double tanhFromSigned(double s) {
        return s / (Math.abs(s) + 2.0);
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
        if (n == cap) { // a full batch: the rows are contiguous, one long loop
            forwardRange(kind, z, a, 0, units * cap);
            return;
        }
        for (int u = 0; u < units; u++) {
            forwardRange(kind, z, a, u * cap, u * cap + n);
        }
    }

    private static void forwardRange(ActivationKind kind, double[] z, double[] a, int from, int to) {
        switch (kind) {
            case LINEAR -> System.arraycopy(z, from, a, from, to - from);
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
                    a[j] = signedExpm1(z[j]);
                }
                for (int j = from; j < to; j++) {
                    a[j] = tanhFromSigned(a[j]);
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
        if (kind == ActivationKind.SOFTMAX) {
            throw new IllegalStateException("softmax is only used as the output with cross_entropy");
        }
        if (n == cap) {
            backwardRange(kind, z, a, da, dz, 0, units * cap);
            return;
        }
        for (int u = 0; u < units; u++) {
            backwardRange(kind, z, a, da, dz, u * cap, u * cap + n);
        }
    }

    private static void backwardRange(ActivationKind kind, double[] z, double[] a, double[] da, double[] dz, int from,
                                      int to) {
        switch (kind) {
            case LINEAR -> System.arraycopy(da, from, dz, from, to - from);
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
            default -> throw new IllegalStateException();
        }
    }
}
