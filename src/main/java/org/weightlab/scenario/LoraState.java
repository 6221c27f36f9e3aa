package org.weightlab.scenario;

import java.util.Arrays;

/**
 * A dense layer's LoRA adapter as files store it (a layer's optional "lora" entry):
 * {@code {"rank": r, "alpha": a, "A": [[...]] (r rows of in), "B": [[...]] (out rows of r)}}; the
 * layer computes with W + (alpha / r) B A. Immutable; equality compares values bit for bit.
 */
public record LoraState(int rank, double alpha, double[][] a, double[][] b) {

    public LoraState {
        if (a == null || b == null) {
            throw new IllegalArgumentException("lora is incomplete");
        }
        if (rank < 1 || a.length != rank) {
            throw new IllegalArgumentException("lora A has " + a.length + " rows for rank " + rank);
        }
        if (!(Double.isFinite(alpha) && alpha > 0)) {
            throw new IllegalArgumentException("lora alpha must be finite and positive, got " + alpha);
        }
        a = copy(a);
        b = copy(b);
        for (double[] row : b) {
            if (row == null || row.length != rank) {
                throw new IllegalArgumentException("lora B rows must hold " + rank + " entries (the rank)");
            }
        }
        for (double[] row : a) {
            if (row == null || row.length != a[0].length || row.length == 0) {
                throw new IllegalArgumentException("lora A rows differ in length");
            }
        }
    }

    /** From the engine's flat buffers: A [r][in] and B [out][r], row-major. */
    public static LoraState fromFlat(int rank, double alpha, int inputs, int outputs, double[] a, double[] b) {
        double[][] ar = new double[rank][inputs];
        double[][] br = new double[outputs][rank];
        for (int k = 0; k < rank; k++) {
            System.arraycopy(a, k * inputs, ar[k], 0, inputs);
        }
        for (int o = 0; o < outputs; o++) {
            System.arraycopy(b, o * rank, br[o], 0, rank);
        }
        return new LoraState(rank, alpha, ar, br);
    }

    @Override
    public double[][] a() {
        return copy(a);
    }

    @Override
    public double[][] b() {
        return copy(b);
    }

    public double[] flatA() {
        return flat(a);
    }

    public double[] flatB() {
        return flat(b);
    }

    private static double[] flat(double[][] m) {
        return Arrays.stream(m).flatMapToDouble(Arrays::stream).toArray();
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int r = 0; r < m.length; r++) {
            c[r] = m[r] == null ? null : m[r].clone();
        }
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LoraState l && rank == l.rank && Double.compare(alpha, l.alpha) == 0
                && Arrays.deepEquals(a, l.a) && Arrays.deepEquals(b, l.b);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.deepHashCode(a) + Arrays.deepHashCode(b) + rank;
    }

    @Override
    public String toString() {
        return "LoraState[rank " + rank + ", alpha " + alpha + "]";
    }
}
