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

    /** |x| beyond which tanh rounds to 1 is 19.1; 2|x| is clamped to this (NaN goes through). */
    static final double TANH_CLAMP = 40.0;
    static final double INV_LN2 = 1 / Math.log(2);
    /** ln 2 split in two (fdlibm's ln2_hi and ln2_lo): n * LN2_HI is exact for |n| &lt; 2^11. */
    static final double LN2_HI = 6.93147180369123816490e-01;
    static final double LN2_LO = 1.90821492927058770002e-10;
    /** 1.5 * 2^52: adding it rounds a double below 2^51 to an integer held in the low bits. */
    static final double SHIFTER = 0x1.8p52;
    /** 1/k!, the Taylor coefficients of e^r - 1 = r + r^2 (E2 + r (E3 + ... + r E13)). */
    static final double E2 = 1 / 2.0;
    static final double E3 = 1 / 6.0;
    static final double E4 = 1 / 24.0;
    static final double E5 = 1 / 120.0;
    static final double E6 = 1 / 720.0;
    static final double E7 = 1 / 5040.0;
    static final double E8 = 1 / 40320.0;
    static final double E9 = 1 / 362880.0;
    static final double E10 = 1 / 3628800.0;
    static final double E11 = 1 / 39916800.0;
    static final double E12 = 1 / 479001600.0;
    static final double E13 = 1 / 6227020800.0;

    /** The system property that, set to false, keeps tanh scalar (and the launcher in one JVM). */
    public static final String VECTOR_SWITCH = "weightlab.vector";

    /**
     * The system property with the most milliseconds the vector warm-up waits before it starts (0
     * by default), unless {@link #startVectorWarmUp} comes first. The window's JVM sets it, and
     * the window calls that once it is laid out: a window's first seconds need both cores for its
     * own start, and until the vectors are ready the layers compute the same values one at a time.
     */
    public static final String VECTOR_WARM_UP_DELAY = "weightlab.vector.warmUpDelayMs";

    /** Ends the wait of {@link #VECTOR_WARM_UP_DELAY}: the vector warm-up may take a core now. */
    public static void startVectorWarmUp() {
        if (VECTOR_TANH) {
            VectorTanh.startWarmUp();
        }
    }

    /**
     * True when the layers' tanh runs through {@link VectorTanh} (once it is compiled, see
     * {@link VectorTanh#ready}): the module jdk.incubator.vector is present (the launcher adds it)
     * and the vectors hold at least four lanes. Off with {@code -Dweightlab.vector=false}. Either
     * way the values are the same, bit for bit.
     */
    static final boolean VECTOR_TANH = vectorTanhAvailable();

    static {
        if (VECTOR_TANH) {
            VectorTanh.warmUpInBackground();
        }
    }

    private Activation() {
    }

    /** How many values the layers' tanh computes at once: the vector's lanes, or 1 without vectors. */
    public static int tanhLanes() {
        return VECTOR_TANH ? VectorTanh.LANES : 1;
    }

    /**
     * True when the engine runs at its full speed: without the vector module at once, with it
     * once the warm-up has seen the vector code compiled (tanh, the dense kernels, SGD). Until
     * then the same values are computed one at a time. For benchmarks that time the steady state.
     */
    public static boolean vectorsReady() {
        return !VECTOR_TANH || (VectorTanh.ready() && DenseVectorKernels.ready());
    }

    private static boolean vectorTanhAvailable() {
        if (!Boolean.parseBoolean(System.getProperty(VECTOR_SWITCH, "true"))
                || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            return VectorTanh.LANES >= 4;
        } catch (LinkageError e) {
            return false;
        }
    }

    /**
     * tanh within 3 ulp of the true value (relative error below 1e-15), without a table or a
     * data-dependent branch, so that {@link VectorTanh} can compute the very same operations
     * several lanes at a time. Math.tanh is a native call that would otherwise make up most of
     * the training loop. tanh|x| = e / (e + 2) with e = e^(2|x|) - 1, from 2|x| = n ln2 + r,
     * |r| &lt;= ln2/2: e = 2^n q + (2^n - 1), q = e^r - 1 by its Taylor series to r^13 (truncation
     * below 2e-17 relative, also for tiny r). Training, the trace and evaluation all use this
     * function or its vector form, so they agree bit for bit.
     */
    public static double tanh(double x) {
        double ax = Math.abs(x);
        double y = Math.min(ax + ax, TANH_CLAMP);
        double kd = Math.fma(y, INV_LN2, SHIFTER);
        double minusN = -(kd - SHIFTER);
        double r = Math.fma(minusN, LN2_LO, Math.fma(minusN, LN2_HI, y));
        double p = Math.fma(r, E13, E12);
        p = Math.fma(r, p, E11);
        p = Math.fma(r, p, E10);
        p = Math.fma(r, p, E9);
        p = Math.fma(r, p, E8);
        p = Math.fma(r, p, E7);
        p = Math.fma(r, p, E6);
        p = Math.fma(r, p, E5);
        p = Math.fma(r, p, E4);
        p = Math.fma(r, p, E3);
        p = Math.fma(r, p, E2);
        double q = Math.fma(r * r, p, r);
        double scale = Double.longBitsToDouble((Double.doubleToRawLongBits(kd) + 1023) << 52);
        double e = Math.fma(scale, q, scale - 1.0);
        return Math.copySign(e, x) / (e + 2.0);
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
                if (VECTOR_TANH && to - from >= VectorTanh.LANES && VectorTanh.ready()) {
                    VectorTanh.tanh(z, a, from, to);
                } else {
                    for (int j = from; j < to; j++) {
                        a[j] = tanh(z[j]);
                    }
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

    /**
     * Softmax of each of the first n examples of {@code units} rows of stride {@code cap}, as
     * {@link #forward} computes it, keeping each example's sum of exponentials in {@code sums[b]}:
     * the cross-entropy loss needs it again (see {@link Loss#batch}).
     */
    static void softmax(double[] z, double[] a, int units, int cap, int n, double[] sums) {
        for (int b = 0; b < n; b++) {
            sums[b] = softmax(z, a, b, cap, units);
        }
    }

    /**
     * Softmax of the k values z[off], z[off + stride], ... into a, shifted by the max so exp never
     * overflows; returns the sum of the shifted exponentials.
     */
    static double softmax(double[] z, double[] a, int off, int stride, int k) {
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
        return sum;
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
