package org.weightlab.engine;

/**
 * The dense layer's batch kernels: z = W x + b, the gradients dL/dW and dL/db, and dL/dx = W^T dz,
 * over unit-major buffers ({@link Workspace}). Only {@link Layer} calls them.
 */
final class DenseKernels {

    /** Whether the module jdk.incubator.vector is there (see {@link Activation#VECTOR_TANH}). */
    private static final boolean VECTORS = Activation.VECTOR_TANH;

    private DenseKernels() {
    }

    // Each kernel is kept under the JIT's inlining limit (325 bytes of bytecode), so that they
    // inline into Layer's forward and backward, and their register blocks stay in registers. Every sum keeps its order: bias (or 0) first, then inputs
    // or neurons in order; batch sums run in example order.

    /** Whether the vector kernels take a batch of n examples: at least two whole vectors, once compiled. */
    private static boolean vectors(int n) {
        return VECTORS && n >= 2 * DenseVectorKernels.LANES && DenseVectorKernels.ready();
    }

    /** z = W x + b for the first n examples of a unit-major batch (see {@link #forwardScalar}). */
    static void forwardLayer(double[] w, double[] bias, int in, int out, double[] x, int cap, int n, double[] z) {
        if (vectors(n)) {
            DenseVectorKernels.forward(w, bias, in, out, x, cap, n, z);
        } else {
            forwardScalar(w, bias, in, out, x, cap, n, z);
        }
    }

    /**
     * dL/dW and dL/db (see {@link #gradientScalar}). {@code rows} is the input example-major
     * [n][in] when the caller has it, else null; {@code scratch} (n * in long) then takes it.
     */
    static void gradientLayer(double[] dz, double[] x, int in, int out, int cap, int n, double[] gw, double[] gb,
                              double[] rows, double[] scratch) {
        if (vectors(n) && in >= DenseVectorKernels.LANES) {
            if (rows == null) {
                DenseVectorKernels.transpose(x, in, cap, n, scratch);
                rows = scratch;
            }
            DenseVectorKernels.gradient(dz, rows, in, out, cap, n, gw, gb);
        } else {
            gradientScalar(dz, x, in, out, cap, n, gw, gb);
        }
    }

    /** dL/d(input) = W^T dz for the first n examples (see {@link #backwardScalar}). */
    static void backwardLayer(double[] w, int in, int out, double[] dz, int cap, int n, double[] da) {
        if (vectors(n)) {
            DenseVectorKernels.backward(w, in, out, dz, cap, n, da);
        } else {
            backwardScalar(w, in, out, dz, cap, n, da);
        }
    }

    /**
     * z = W x + b for the first n examples of a unit-major batch. Two neurons at a time share
     * each loaded input, four examples at a time in registers: eight independent sums.
     */
    static void forwardScalar(double[] w, double[] bias, int in, int out, double[] x, int cap, int n, double[] z) {
        int o = 0;
        for (; o + 1 < out; o += 2) {
            int b = forwardPair(w, o * in, in, bias[o], bias[o + 1], x, cap, n, z, o * cap);
            forwardPairTail(w, o * in, in, bias[o], bias[o + 1], x, cap, b, n, z, o * cap);
        }
        if (o < out) {
            affine(w, o * in, in, bias[o], x, cap, n, z, o * cap);
        }
    }

    /** Neurons o and o + 1 (weights at w0 and w0 + in, rows z0 and z0 + cap) for examples in blocks of four; returns where the blocks end. */
    private static int forwardPair(double[] w, int w0, int in, double c0, double c1, double[] x, int cap, int n,
                                   double[] z, int z0) {
        int w1 = w0 + in;
        int z1 = z0 + cap;
        int b = 0;
        for (; b + 3 < n; b += 4) {
            double s0 = c0;
            double s1 = c0;
            double s2 = c0;
            double s3 = c0;
            double t0 = c1;
            double t1 = c1;
            double t2 = c1;
            double t3 = c1;
            for (int i = 0; i < in; i++) {
                double wa = w[w0 + i];
                double wb = w[w1 + i];
                int xo = i * cap + b;
                double x0 = x[xo];
                double x1 = x[xo + 1];
                double x2 = x[xo + 2];
                double x3 = x[xo + 3];
                s0 += wa * x0;
                s1 += wa * x1;
                s2 += wa * x2;
                s3 += wa * x3;
                t0 += wb * x0;
                t1 += wb * x1;
                t2 += wb * x2;
                t3 += wb * x3;
            }
            z[z0 + b] = s0;
            z[z0 + b + 1] = s1;
            z[z0 + b + 2] = s2;
            z[z0 + b + 3] = s3;
            z[z1 + b] = t0;
            z[z1 + b + 1] = t1;
            z[z1 + b + 2] = t2;
            z[z1 + b + 3] = t3;
        }
        return b;
    }

    /** {@link #forwardPair} for the examples from {@code b} to n: two at a time, then one. */
    private static void forwardPairTail(double[] w, int w0, int in, double c0, double c1, double[] x, int cap, int b,
                                        int n, double[] z, int z0) {
        int w1 = w0 + in;
        int z1 = z0 + cap;
        for (; b + 1 < n; b += 2) {
            double s0 = c0;
            double s1 = c0;
            double t0 = c1;
            double t1 = c1;
            for (int i = 0; i < in; i++) {
                double wa = w[w0 + i];
                double wb = w[w1 + i];
                double x0 = x[i * cap + b];
                double x1 = x[i * cap + b + 1];
                s0 += wa * x0;
                s1 += wa * x1;
                t0 += wb * x0;
                t1 += wb * x1;
            }
            z[z0 + b] = s0;
            z[z0 + b + 1] = s1;
            z[z1 + b] = t0;
            z[z1 + b + 1] = t1;
        }
        if (b < n) {
            double s = c0;
            double t = c1;
            for (int i = 0; i < in; i++) {
                double xv = x[i * cap + b];
                s += w[w0 + i] * xv;
                t += w[w1 + i] * xv;
            }
            z[z0 + b] = s;
            z[z1 + b] = t;
        }
    }

    /**
     * dL/dW = mean over the batch of dz x^T, and dL/db = mean of dz: each sum runs over the batch in
     * example order and is then divided by n, the divisions in one loop of their own that the JIT
     * vectorizes (a division per weight would otherwise cost as much as the sums).
     */
    static void gradientScalar(double[] dz, double[] x, int in, int out, int cap, int n, double[] gw, double[] gb) {
        int o = 0;
        for (; o + 1 < out; o += 2) { // two neurons by four inputs: eight sums share each load
            int i = 0;
            for (; i + 3 < in; i += 4) {
                gradientQuad(dz, o * cap, x, i * cap, cap, n, gw, o * in + i, in);
            }
            for (; i < in; i++) {
                gradientPair(dz, o * cap, x, i * cap, cap, n, gw, o * in + i, in);
            }
            gradientPair(dz, o * cap, null, 0, cap, n, gb, o, 1);
        }
        if (o < out) {
            gradientRow(dz, x, in, o, cap, n, gw, gb);
        }
        divide(gw, in * out, n);
        divide(gb, out, n);
    }

    /** The batch sums of dz rows d0 and d0 + cap times x rows x0 .. x0 + 3 cap, into g[g0 ..] and g[g0 + stride ..]. */
    private static void gradientQuad(double[] dz, int d0, double[] x, int x0, int cap, int n, double[] g, int g0,
                                     int stride) {
        int d1 = d0 + cap;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double t0 = 0;
        double t1 = 0;
        double t2 = 0;
        double t3 = 0;
        for (int b = 0; b < n; b++) {
            double da = dz[d0 + b];
            double db = dz[d1 + b];
            double xa = x[x0 + b];
            double xb = x[x0 + cap + b];
            double xc = x[x0 + 2 * cap + b];
            double xd = x[x0 + 3 * cap + b];
            s0 += da * xa;
            s1 += da * xb;
            s2 += da * xc;
            s3 += da * xd;
            t0 += db * xa;
            t1 += db * xb;
            t2 += db * xc;
            t3 += db * xd;
        }
        int g1 = g0 + stride;
        g[g0] = s0;
        g[g0 + 1] = s1;
        g[g0 + 2] = s2;
        g[g0 + 3] = s3;
        g[g1] = t0;
        g[g1 + 1] = t1;
        g[g1 + 2] = t2;
        g[g1 + 3] = t3;
    }

    /** The batch sums of dz rows d0 and d0 + cap times x row x0 (times 1 when x is null), into g[g0] and g[g0 + stride]. */
    private static void gradientPair(double[] dz, int d0, double[] x, int x0, int cap, int n, double[] g, int g0,
                                     int stride) {
        int d1 = d0 + cap;
        double s = 0;
        double t = 0;
        if (x == null) {
            for (int b = 0; b < n; b++) {
                s += dz[d0 + b];
                t += dz[d1 + b];
            }
        } else {
            for (int b = 0; b < n; b++) {
                double xv = x[x0 + b];
                s += dz[d0 + b] * xv;
                t += dz[d1 + b] * xv;
            }
        }
        g[g0] = s;
        g[g0 + stride] = t;
    }

    /** The sums of {@link #gradientLayer} for neuron {@code o} alone. */
    private static void gradientRow(double[] dz, double[] x, int in, int o, int cap, int n, double[] gw,
                                    double[] gb) {
        int dzo = o * cap;
        int i = 0;
        for (; i + 3 < in; i += 4) {
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            int x0 = i * cap;
            for (int b = 0; b < n; b++) {
                double d = dz[dzo + b];
                s0 += d * x[x0 + b];
                s1 += d * x[x0 + cap + b];
                s2 += d * x[x0 + 2 * cap + b];
                s3 += d * x[x0 + 3 * cap + b];
            }
            gw[o * in + i] = s0;
            gw[o * in + i + 1] = s1;
            gw[o * in + i + 2] = s2;
            gw[o * in + i + 3] = s3;
        }
        for (; i < in; i++) {
            int xo = i * cap;
            double s = 0;
            for (int b = 0; b < n; b++) {
                s += dz[dzo + b] * x[xo + b];
            }
            gw[o * in + i] = s;
        }
        double s = 0;
        for (int b = 0; b < n; b++) {
            s += dz[dzo + b];
        }
        gb[o] = s;
    }

    private static void divide(double[] v, int length, double n) {
        for (int j = 0; j < length; j++) {
            v[j] /= n;
        }
    }

    /**
     * dL/d(input) = W^T dz for the first n examples: da[i][b] = 0 + w[0][i] dz[0][b] + w[1][i] dz[1][b]
     * + ... (neurons in order). Two inputs at a time share each loaded dz, four examples at a time.
     */
    static void backwardScalar(double[] w, int in, int out, double[] dz, int cap, int n, double[] da) {
        int i = 0;
        for (; i + 1 < in; i += 2) {
            int b = backwardPair(w, i, in, out, dz, cap, n, da);
            backwardPairTail(w, i, in, out, dz, cap, b, n, da);
        }
        if (i < in) {
            backAffine(w, i, in, out, dz, cap, n, da, i * cap);
        }
    }

    /**
     * Inputs i and i + 1 for examples in blocks of four; returns where the blocks end. The same
     * shape as {@link #forwardPair} over W's columns instead of its rows. One kernel with a stride
     * could serve both, but measured 5% slower on network A: kept apart, each is compiled for its
     * own access pattern and trip counts.
     */
    private static int backwardPair(double[] w, int i, int in, int out, double[] dz, int cap, int n, double[] da) {
        int r0 = i * cap;
        int r1 = r0 + cap;
        int b = 0;
        for (; b + 3 < n; b += 4) {
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            double t0 = 0;
            double t1 = 0;
            double t2 = 0;
            double t3 = 0;
            for (int o = 0; o < out; o++) {
                double wa = w[o * in + i];
                double wb = w[o * in + i + 1];
                int d = o * cap + b;
                double d0 = dz[d];
                double d1 = dz[d + 1];
                double d2 = dz[d + 2];
                double d3 = dz[d + 3];
                s0 += wa * d0;
                s1 += wa * d1;
                s2 += wa * d2;
                s3 += wa * d3;
                t0 += wb * d0;
                t1 += wb * d1;
                t2 += wb * d2;
                t3 += wb * d3;
            }
            da[r0 + b] = s0;
            da[r0 + b + 1] = s1;
            da[r0 + b + 2] = s2;
            da[r0 + b + 3] = s3;
            da[r1 + b] = t0;
            da[r1 + b + 1] = t1;
            da[r1 + b + 2] = t2;
            da[r1 + b + 3] = t3;
        }
        return b;
    }

    /** {@link #backwardPair} for the examples from {@code b} to n: two at a time, then one. */
    private static void backwardPairTail(double[] w, int i, int in, int out, double[] dz, int cap, int b, int n,
                                         double[] da) {
        int r0 = i * cap;
        int r1 = r0 + cap;
        for (; b + 1 < n; b += 2) {
            double s0 = 0;
            double s1 = 0;
            double t0 = 0;
            double t1 = 0;
            for (int o = 0; o < out; o++) {
                double wa = w[o * in + i];
                double wb = w[o * in + i + 1];
                double d0 = dz[o * cap + b];
                double d1 = dz[o * cap + b + 1];
                s0 += wa * d0;
                s1 += wa * d1;
                t0 += wb * d0;
                t1 += wb * d1;
            }
            da[r0 + b] = s0;
            da[r0 + b + 1] = s1;
            da[r1 + b] = t0;
            da[r1 + b + 1] = t1;
        }
        if (b < n) {
            double s = 0;
            double t = 0;
            for (int o = 0; o < out; o++) {
                double d = dz[o * cap + b];
                s += w[o * in + i] * d;
                t += w[o * in + i + 1] * d;
            }
            da[r0 + b] = s;
            da[r1 + b] = t;
        }
    }

    /**
     * z[zo + b] = bias + w[wo] x[b] + w[wo + 1] x[cap + b] + ... (inputs in order) for b < n. Four
     * examples at a time in registers (then two, then one): independent chains, no store in the inner loop.
     */
    static void affine(double[] w, int wo, int in, double bias, double[] x, int cap, int n, double[] z, int zo) {
        int b = 0;
        for (; b + 3 < n; b += 4) {
            double s0 = bias;
            double s1 = bias;
            double s2 = bias;
            double s3 = bias;
            for (int i = 0; i < in; i++) {
                double wv = w[wo + i];
                int xo = i * cap + b;
                s0 += wv * x[xo];
                s1 += wv * x[xo + 1];
                s2 += wv * x[xo + 2];
                s3 += wv * x[xo + 3];
            }
            z[zo + b] = s0;
            z[zo + b + 1] = s1;
            z[zo + b + 2] = s2;
            z[zo + b + 3] = s3;
        }
        for (; b + 1 < n; b += 2) {
            double s0 = bias;
            double s1 = bias;
            for (int i = 0; i < in; i++) {
                double wv = w[wo + i];
                s0 += wv * x[i * cap + b];
                s1 += wv * x[i * cap + b + 1];
            }
            z[zo + b] = s0;
            z[zo + b + 1] = s1;
        }
        if (b < n) {
            double s = bias;
            for (int i = 0; i < in; i++) {
                s += w[wo + i] * x[i * cap + b];
            }
            z[zo + b] = s;
        }
    }

    /**
     * da[row + b] = 0 + w[0][i] dz[0][b] + w[1][i] dz[1][b] + ... (neurons in order): dL/d(input i)
     * for b < n, four examples at a time.
     */
    private static void backAffine(double[] w, int i, int in, int out, double[] dz, int cap, int n, double[] da,
                                   int row) {
        int b = 0;
        for (; b + 3 < n; b += 4) {
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int o = 0; o < out; o++) {
                double wv = w[o * in + i];
                int d = o * cap + b;
                s0 += wv * dz[d];
                s1 += wv * dz[d + 1];
                s2 += wv * dz[d + 2];
                s3 += wv * dz[d + 3];
            }
            da[row + b] = s0;
            da[row + b + 1] = s1;
            da[row + b + 2] = s2;
            da[row + b + 3] = s3;
        }
        for (; b < n; b++) {
            double s = 0;
            for (int o = 0; o < out; o++) {
                s += w[o * in + i] * dz[o * cap + b];
            }
            da[row + b] = s;
        }
    }
}
