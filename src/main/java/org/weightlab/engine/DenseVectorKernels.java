package org.weightlab.engine;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DenseKernels}' three kernels, {@link #LANES} values at a time through the incubating
 * Vector API. Each lane computes one sum of the scalar kernels with the very same operations in
 * the very same order (a multiply, then an add, never fused; bias or 0 first, then inputs,
 * neurons or examples in order; the batch mean divided last), so both give the same values bit
 * for bit and a run does not depend on which of them ran.
 *
 * <p>The lanes run along a contiguous row, as axpy loops: across examples for z = W x + b and
 * for dL/dx = W^T dz, across inputs for dL/dW (which reads the layer input example-major, see
 * {@link #transpose}). Eight vector sums stay in registers through each inner loop. Each kernel
 * is one method, too big to inline: compiled on its own, no vector ever leaves it.
 *
 * <p>Only {@link DenseKernels} calls them, once {@link #ready()}; see {@link VectorTanh} for why
 * the warm-up.
 */
final class DenseVectorKernels {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    /** Lanes per vector (8 with AVX-512, 4 with AVX2). */
    static final int LANES = SPECIES.length();

    /** Set once the JIT has compiled the kernels; see {@link #warmUp}. */
    private static volatile boolean ready;

    private DenseVectorKernels() {
    }

    /** True once the kernels run compiled. */
    static boolean ready() {
        return ready;
    }

    /**
     * Calls the kernels (and {@link VectorSgd}'s) until they run faster than plain scalar loops over the same sums, then
     * lets the layers use them; gives up at {@code giveUpNanos} (System.nanoTime()). The shapes
     * take every branch (a digits layer, a partial last vector, odd sizes), so that the compiled
     * code has nothing left to learn from the first real batches. The yardstick is this class's
     * own: calling the layers' scalar kernels from here would teach their compiled code shapes
     * the training never uses. Runs on {@link VectorTanh}'s warm-up thread.
     */
    static void warmUp(long giveUpNanos) {
        int[][] shapes = {{64, 32, 32, 32}, {32, 10, 29, 32}, {9, 7, 21, 24}}; // in, out, n, cap
        int size = 64 * 32;
        double[] w = new double[size];
        double[] x = new double[size];
        double[] z = new double[size];
        double[] rows = new double[size];
        double[] gw = new double[size];
        double[] da = new double[size];
        double[] next = new double[size];
        boolean[] frozen = new boolean[size];
        double[] bias = new double[64];
        double[] gb = new double[64];
        for (int j = 0; j < size; j++) { // no output feeds back: the values stay as they are
            w[j] = ((j * 37) % 101 - 50) / 1000.0;
            x[j] = ((j * 53) % 97 - 48) / 50.0;
        }
        while (System.nanoTime() < giveUpNanos) {
            long t0 = System.nanoTime();
            for (int c = 0; c < 300; c++) {
                int[] s = shapes[c % shapes.length];
                forward(w, bias, s[0], s[1], x, s[3], s[2], z);
                transpose(x, s[0], s[3], s[2], rows);
                gradient(z, rows, s[0], s[1], s[3], s[2], gw, gb);
                backward(w, s[0], s[1], z, s[3], s[2], da);
                VectorSgd.sgd(0.1, w, gw, frozen, next);
                VectorSgd.apply(z, next, gw, rows, da);
            }
            long t1 = System.nanoTime();
            for (int c = 0; c < 300; c++) {
                int[] s = shapes[c % shapes.length];
                plainSums(w, s[0], s[1], x, s[3], s[2], z);
                plainSums(z, s[1], s[0], x, s[3], s[2], gw);
                plainSums(w, s[1], s[0], z, s[3], s[2], da);
            }
            long t2 = System.nanoTime();
            if (t1 - t0 < t2 - t1) {
                ready = true;
                return;
            }
        }
    }

    /** The warm-up's yardstick: out x n sums of in products each, one at a time. */
    private static void plainSums(double[] w, int in, int out, double[] x, int cap, int n, double[] z) {
        for (int o = 0; o < out; o++) {
            for (int b = 0; b < n; b++) {
                double s = 0;
                for (int i = 0; i < in; i++) {
                    s += w[o * in + i] * x[i * cap + b];
                }
                z[o * cap + b] = s;
            }
        }
    }

    /**
     * z = W x + b for the first n examples (unit-major x [in][cap], z [out][cap]): for each pair
     * of neurons, four vectors of examples at a time, then one; the examples after the last whole
     * vector go through the scalar kernel.
     */
    static void forward(double[] w, double[] bias, int in, int out, double[] x, int cap, int n, double[] z) {
        int step = LANES;
        int full = n - n % step;
        int o = 0;
        for (; o + 1 < out; o += 2) {
            int w0 = o * in;
            int w1 = w0 + in;
            int z0 = o * cap;
            int z1 = z0 + cap;
            DoubleVector c0 = DoubleVector.broadcast(SPECIES, bias[o]);
            DoubleVector c1 = DoubleVector.broadcast(SPECIES, bias[o + 1]);
            int b = 0;
            for (; b + 4 * step <= full; b += 4 * step) {
                DoubleVector s0 = c0;
                DoubleVector s1 = c0;
                DoubleVector s2 = c0;
                DoubleVector s3 = c0;
                DoubleVector t0 = c1;
                DoubleVector t1 = c1;
                DoubleVector t2 = c1;
                DoubleVector t3 = c1;
                for (int i = 0; i < in; i++) {
                    int xo = i * cap + b;
                    DoubleVector x0 = DoubleVector.fromArray(SPECIES, x, xo);
                    DoubleVector x1 = DoubleVector.fromArray(SPECIES, x, xo + step);
                    DoubleVector x2 = DoubleVector.fromArray(SPECIES, x, xo + 2 * step);
                    DoubleVector x3 = DoubleVector.fromArray(SPECIES, x, xo + 3 * step);
                    double wa = w[w0 + i];
                    double wb = w[w1 + i];
                    s0 = s0.add(x0.mul(wa));
                    s1 = s1.add(x1.mul(wa));
                    s2 = s2.add(x2.mul(wa));
                    s3 = s3.add(x3.mul(wa));
                    t0 = t0.add(x0.mul(wb));
                    t1 = t1.add(x1.mul(wb));
                    t2 = t2.add(x2.mul(wb));
                    t3 = t3.add(x3.mul(wb));
                }
                s0.intoArray(z, z0 + b);
                s1.intoArray(z, z0 + b + step);
                s2.intoArray(z, z0 + b + 2 * step);
                s3.intoArray(z, z0 + b + 3 * step);
                t0.intoArray(z, z1 + b);
                t1.intoArray(z, z1 + b + step);
                t2.intoArray(z, z1 + b + 2 * step);
                t3.intoArray(z, z1 + b + 3 * step);
            }
            for (; b < full; b += step) {
                DoubleVector s = c0;
                DoubleVector t = c1;
                for (int i = 0; i < in; i++) {
                    DoubleVector xv = DoubleVector.fromArray(SPECIES, x, i * cap + b);
                    s = s.add(xv.mul(w[w0 + i]));
                    t = t.add(xv.mul(w[w1 + i]));
                }
                s.intoArray(z, z0 + b);
                t.intoArray(z, z1 + b);
            }
        }
        if (o < out) {
            for (int b = 0; b < full; b += step) {
                DoubleVector s = DoubleVector.broadcast(SPECIES, bias[o]);
                for (int i = 0; i < in; i++) {
                    s = s.add(DoubleVector.fromArray(SPECIES, x, i * cap + b).mul(w[o * in + i]));
                }
                s.intoArray(z, o * cap + b);
            }
        }
        forwardTail(w, bias, in, out, x, cap, full, n, z);
    }

    /**
     * z of the examples {@code from} .. n - 1, one sum at a time in the scalar kernels' order. The
     * vector kernels keep their own tails: sharing the scalar kernels' would make those meet
     * shapes their compiled code never expected, and compile them again.
     */
    private static void forwardTail(double[] w, double[] bias, int in, int out, double[] x, int cap, int from, int n,
                                    double[] z) {
        for (int o = 0; o < out; o++) {
            for (int b = from; b < n; b++) {
                double s = bias[o];
                for (int i = 0; i < in; i++) {
                    s += w[o * in + i] * x[i * cap + b];
                }
                z[o * cap + b] = s;
            }
        }
    }

    /**
     * dL/d(input) = W^T dz for the first n examples (dz [out][cap], da [in][cap]): for each pair
     * of inputs, four vectors of examples at a time, then one, each sum 0 + w[0][i] dz[0][b] +
     * w[1][i] dz[1][b] + ...; the examples after the last whole vector go through the scalar kernel.
     */
    static void backward(double[] w, int in, int out, double[] dz, int cap, int n, double[] da) {
        int step = LANES;
        int full = n - n % step;
        DoubleVector zero = DoubleVector.zero(SPECIES);
        int i = 0;
        for (; i + 1 < in; i += 2) {
            int r0 = i * cap;
            int r1 = r0 + cap;
            int b = 0;
            for (; b + 4 * step <= full; b += 4 * step) {
                DoubleVector s0 = zero;
                DoubleVector s1 = zero;
                DoubleVector s2 = zero;
                DoubleVector s3 = zero;
                DoubleVector t0 = zero;
                DoubleVector t1 = zero;
                DoubleVector t2 = zero;
                DoubleVector t3 = zero;
                for (int o = 0; o < out; o++) {
                    int d = o * cap + b;
                    DoubleVector d0 = DoubleVector.fromArray(SPECIES, dz, d);
                    DoubleVector d1 = DoubleVector.fromArray(SPECIES, dz, d + step);
                    DoubleVector d2 = DoubleVector.fromArray(SPECIES, dz, d + 2 * step);
                    DoubleVector d3 = DoubleVector.fromArray(SPECIES, dz, d + 3 * step);
                    double wa = w[o * in + i];
                    double wb = w[o * in + i + 1];
                    s0 = s0.add(d0.mul(wa));
                    s1 = s1.add(d1.mul(wa));
                    s2 = s2.add(d2.mul(wa));
                    s3 = s3.add(d3.mul(wa));
                    t0 = t0.add(d0.mul(wb));
                    t1 = t1.add(d1.mul(wb));
                    t2 = t2.add(d2.mul(wb));
                    t3 = t3.add(d3.mul(wb));
                }
                s0.intoArray(da, r0 + b);
                s1.intoArray(da, r0 + b + step);
                s2.intoArray(da, r0 + b + 2 * step);
                s3.intoArray(da, r0 + b + 3 * step);
                t0.intoArray(da, r1 + b);
                t1.intoArray(da, r1 + b + step);
                t2.intoArray(da, r1 + b + 2 * step);
                t3.intoArray(da, r1 + b + 3 * step);
            }
            for (; b < full; b += step) {
                DoubleVector s = zero;
                DoubleVector t = zero;
                for (int o = 0; o < out; o++) {
                    DoubleVector d = DoubleVector.fromArray(SPECIES, dz, o * cap + b);
                    s = s.add(d.mul(w[o * in + i]));
                    t = t.add(d.mul(w[o * in + i + 1]));
                }
                s.intoArray(da, r0 + b);
                t.intoArray(da, r1 + b);
            }
        }
        if (i < in) {
            for (int b = 0; b < full; b += step) {
                DoubleVector s = zero;
                for (int o = 0; o < out; o++) {
                    s = s.add(DoubleVector.fromArray(SPECIES, dz, o * cap + b).mul(w[o * in + i]));
                }
                s.intoArray(da, i * cap + b);
            }
        }
        backwardTail(w, in, out, dz, cap, full, n, da);
    }

    /** dL/dx of the examples {@code from} .. n - 1, one sum at a time in the scalar kernels' order (see {@link #forwardTail}). */
    private static void backwardTail(double[] w, int in, int out, double[] dz, int cap, int from, int n, double[] da) {
        for (int i = 0; i < in; i++) {
            for (int b = from; b < n; b++) {
                double s = 0;
                for (int o = 0; o < out; o++) {
                    s += w[o * in + i] * dz[o * cap + b];
                }
                da[i * cap + b] = s;
            }
        }
    }

    /** The first n examples of the unit-major x [in][cap], example-major into rows [n][in]. */
    static void transpose(double[] x, int in, int cap, int n, double[] rows) {
        for (int b = 0; b < n; b++) {
            int r = b * in;
            for (int i = 0; i < in; i++) {
                rows[r + i] = x[i * cap + b];
            }
        }
    }

    /**
     * dL/dW = mean over the batch of dz x^T, from the layer input example-major ({@code rows}
     * [n][in], see {@link #transpose}): for each pair of neurons, four vectors of inputs at a time,
     * then one, each sum 0 + dz[o][0] x[0][i] + dz[o][1] x[1][i] + ... divided by n; the inputs after
     * the last whole vector one at a time. dL/db = mean of dz, four neurons at a time.
     */
    static void gradient(double[] dz, double[] rows, int in, int out, int cap, int n, double[] gw, double[] gb) {
        int step = LANES;
        int full = in - in % step;
        double count = n;
        DoubleVector zero = DoubleVector.zero(SPECIES);
        int o = 0;
        for (; o + 1 < out; o += 2) {
            int d0 = o * cap;
            int d1 = d0 + cap;
            int g0 = o * in;
            int g1 = g0 + in;
            int i = 0;
            for (; i + 4 * step <= full; i += 4 * step) {
                DoubleVector s0 = zero;
                DoubleVector s1 = zero;
                DoubleVector s2 = zero;
                DoubleVector s3 = zero;
                DoubleVector t0 = zero;
                DoubleVector t1 = zero;
                DoubleVector t2 = zero;
                DoubleVector t3 = zero;
                for (int b = 0; b < n; b++) {
                    int r = b * in + i;
                    DoubleVector x0 = DoubleVector.fromArray(SPECIES, rows, r);
                    DoubleVector x1 = DoubleVector.fromArray(SPECIES, rows, r + step);
                    DoubleVector x2 = DoubleVector.fromArray(SPECIES, rows, r + 2 * step);
                    DoubleVector x3 = DoubleVector.fromArray(SPECIES, rows, r + 3 * step);
                    double da = dz[d0 + b];
                    double db = dz[d1 + b];
                    s0 = s0.add(x0.mul(da));
                    s1 = s1.add(x1.mul(da));
                    s2 = s2.add(x2.mul(da));
                    s3 = s3.add(x3.mul(da));
                    t0 = t0.add(x0.mul(db));
                    t1 = t1.add(x1.mul(db));
                    t2 = t2.add(x2.mul(db));
                    t3 = t3.add(x3.mul(db));
                }
                s0.div(count).intoArray(gw, g0 + i);
                s1.div(count).intoArray(gw, g0 + i + step);
                s2.div(count).intoArray(gw, g0 + i + 2 * step);
                s3.div(count).intoArray(gw, g0 + i + 3 * step);
                t0.div(count).intoArray(gw, g1 + i);
                t1.div(count).intoArray(gw, g1 + i + step);
                t2.div(count).intoArray(gw, g1 + i + 2 * step);
                t3.div(count).intoArray(gw, g1 + i + 3 * step);
            }
            for (; i < full; i += step) {
                DoubleVector s = zero;
                DoubleVector t = zero;
                for (int b = 0; b < n; b++) {
                    DoubleVector xv = DoubleVector.fromArray(SPECIES, rows, b * in + i);
                    s = s.add(xv.mul(dz[d0 + b]));
                    t = t.add(xv.mul(dz[d1 + b]));
                }
                s.div(count).intoArray(gw, g0 + i);
                t.div(count).intoArray(gw, g1 + i);
            }
        }
        if (o < out) {
            for (int i = 0; i < full; i += step) {
                DoubleVector s = zero;
                for (int b = 0; b < n; b++) {
                    s = s.add(DoubleVector.fromArray(SPECIES, rows, b * in + i).mul(dz[o * cap + b]));
                }
                s.div(count).intoArray(gw, o * in + i);
            }
        }
        gradientColumns(dz, rows, in, out, cap, n, full, gw);
        biasGradient(dz, out, cap, n, gb);
    }

    /** The weight gradients of inputs {@code from} .. in - 1 (those after the last whole vector), one sum at a time. */
    private static void gradientColumns(double[] dz, double[] rows, int in, int out, int cap, int n, int from,
                                        double[] gw) {
        for (int o = 0; o < out; o++) {
            for (int i = from; i < in; i++) {
                double s = 0;
                for (int b = 0; b < n; b++) {
                    s += dz[o * cap + b] * rows[b * in + i];
                }
                gw[o * in + i] = s / n;
            }
        }
    }

    /** gb[o] = (0 + dz[o][0] + dz[o][1] + ...) / n, four neurons' sums side by side. */
    private static void biasGradient(double[] dz, int out, int cap, int n, double[] gb) {
        int o = 0;
        for (; o + 3 < out; o += 4) {
            int d = o * cap;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int b = 0; b < n; b++) {
                s0 += dz[d + b];
                s1 += dz[d + cap + b];
                s2 += dz[d + 2 * cap + b];
                s3 += dz[d + 3 * cap + b];
            }
            gb[o] = s0 / n;
            gb[o + 1] = s1 / n;
            gb[o + 2] = s2 / n;
            gb[o + 3] = s3 / n;
        }
        for (; o < out; o++) {
            double s = 0;
            for (int b = 0; b < n; b++) {
                s += dz[o * cap + b];
            }
            gb[o] = s / n;
        }
    }
}
