package org.weightlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The vector kernels against the scalar ones on the same buffers, bit for bit: layer shapes with
 * and without whole vectors of inputs, outputs odd and even, batches with and without a partial
 * last vector, and batches smaller than the buffers' capacity. Values span many magnitudes, so an
 * add in another order or a fused multiply-add would show in the last bits.
 */
class DenseVectorKernelsTest {

    private static final int[][] SHAPES = {
            // in, out, n, cap
            {64, 32, 32, 32}, {64, 32, 29, 32}, {32, 10, 32, 32}, {32, 10, 5, 32}, {7, 3, 16, 16},
            {8, 8, 40, 40}, {33, 5, 27, 30}, {2, 4, 16, 20}, {100, 1, 64, 64}, {9, 31, 17, 17}};

    @Test
    void forwardGivesTheScalarKernelsValuesBitForBit() {
        Rng rng = new Rng(3);
        for (int[] s : SHAPES) {
            int in = s[0];
            int out = s[1];
            int n = s[2];
            int cap = s[3];
            double[] w = values(rng, in * out);
            double[] bias = values(rng, out);
            double[] x = values(rng, in * cap);
            double[] scalar = filled(out * cap);
            double[] vector = filled(out * cap);
            DenseKernels.forwardScalar(w, bias, in, out, x, cap, n, scalar);
            DenseVectorKernels.forward(w, bias, in, out, x, cap, n, vector);
            assertBits(scalar, vector, "forward " + Arrays.toString(s));
        }
    }

    @Test
    void backwardGivesTheScalarKernelsValuesBitForBit() {
        Rng rng = new Rng(5);
        for (int[] s : SHAPES) {
            int in = s[0];
            int out = s[1];
            int n = s[2];
            int cap = s[3];
            double[] w = values(rng, in * out);
            double[] dz = values(rng, out * cap);
            double[] scalar = filled(in * cap);
            double[] vector = filled(in * cap);
            DenseKernels.backwardScalar(w, in, out, dz, cap, n, scalar);
            DenseVectorKernels.backward(w, in, out, dz, cap, n, vector);
            assertBits(scalar, vector, "backward " + Arrays.toString(s));
        }
    }

    @Test
    void gradientGivesTheScalarKernelsValuesBitForBit() {
        Rng rng = new Rng(7);
        for (int[] s : SHAPES) {
            int in = s[0];
            int out = s[1];
            int n = s[2];
            int cap = s[3];
            double[] dz = values(rng, out * cap);
            double[] x = values(rng, in * cap);
            double[] gw = filled(in * out);
            double[] gb = filled(out);
            double[] vw = filled(in * out);
            double[] vb = filled(out);
            double[] rows = new double[in * cap];
            DenseKernels.gradientScalar(dz, x, in, out, cap, n, gw, gb);
            DenseVectorKernels.transpose(x, in, cap, n, rows);
            DenseVectorKernels.gradient(dz, rows, in, out, cap, n, vw, vb);
            assertBits(gw, vw, "weight gradient " + Arrays.toString(s));
            assertBits(gb, vb, "bias gradient " + Arrays.toString(s));
        }
    }

    @Test
    void theLayersUseTheVectorKernelsOnceCompiled() throws InterruptedException {
        assertTrue(Activation.VECTOR_TANH, "the vector module is missing");
        long giveUp = System.nanoTime() + 60_000_000_000L;
        while (!DenseVectorKernels.ready() && System.nanoTime() < giveUp) {
            Thread.sleep(10);
        }
        assertTrue(DenseVectorKernels.ready(), "the warm-up never saw the vector kernels compiled");
    }

    /** Values from 1e-6 to 1e3 in size, both signs: sums of them round differently in another order. */
    private static double[] values(Rng rng, int size) {
        double[] v = new double[size];
        for (int j = 0; j < size; j++) {
            v[j] = (rng.nextDouble() - 0.5) * Math.pow(10, (j % 10) - 6 + 3 * rng.nextDouble());
        }
        return v;
    }

    /** A buffer of a value no kernel writes, so that a write outside the batch shows. */
    private static double[] filled(int size) {
        double[] v = new double[size];
        Arrays.fill(v, 12345.5);
        return v;
    }

    private static void assertBits(double[] want, double[] got, String what) {
        for (int j = 0; j < want.length; j++) {
            assertEquals(Double.doubleToRawLongBits(want[j]), Double.doubleToRawLongBits(got[j]),
                    what + " at " + j + ": " + want[j] + " vs " + got[j]);
        }
    }
}
