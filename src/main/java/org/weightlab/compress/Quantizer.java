package org.weightlab.compress;

/**
 * The quantizers of the compression issue, exactly, on one layer's weights W (N of them). Each
 * returns a new array and leaves {@code w} alone. Math.rint is round-half-to-even.
 */
public final class Quantizer {

    /** Keeps the ternary division finite when every weight is 0 (BitNet b1.58's epsilon). */
    static final double TERNARY_EPS = 1e-8;

    private Quantizer() {
    }

    public static double[] quantize(double[] w, QuantSpec spec) {
        return switch (spec) {
            case TERNARY -> ternary(w);
            case BINARY -> binary(w);
            default -> kBits(w, spec.bits());
        };
    }

    /**
     * qmax = 2^(k-1) - 1; scale = max|W| / qmax (all zero stays zero);
     * w' = clamp(roundHalfEven(w / scale), -qmax, qmax) * scale.
     */
    public static double[] kBits(double[] w, int k) {
        if (k < 2 || k > 30) {
            throw new IllegalArgumentException("k-bit quantization takes 2 to 30 bits, got " + k);
        }
        int qmax = (1 << (k - 1)) - 1;
        double maxAbs = 0;
        for (double v : w) {
            maxAbs = Math.max(maxAbs, Math.abs(v));
        }
        double[] q = new double[w.length];
        if (maxAbs == 0) {
            return q;
        }
        double scale = maxAbs / qmax;
        for (int j = 0; j < w.length; j++) {
            q[j] = clamp(Math.rint(w[j] / scale), qmax) * scale;
        }
        return q;
    }

    /** g = mean|W|; w' = clamp(roundHalfEven(w / (g + 1e-8)), -1, 1) * g. */
    public static double[] ternary(double[] w) {
        double g = meanAbs(w);
        double[] q = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            q[j] = clamp(Math.rint(w[j] / (g + TERNARY_EPS)), 1) * g;
        }
        return q;
    }

    /** w' = (w >= 0 ? 1 : -1) * mean|W|. */
    public static double[] binary(double[] w) {
        double g = meanAbs(w);
        double[] q = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            q[j] = (w[j] >= 0 ? 1 : -1) * g;
        }
        return q;
    }

    /** mean|W|, summed in index order; 0 for no weights. */
    static double meanAbs(double[] w) {
        if (w.length == 0) {
            return 0;
        }
        double sum = 0;
        for (double v : w) {
            sum += Math.abs(v);
        }
        return sum / w.length;
    }

    private static double clamp(double v, int max) {
        return Math.max(-max, Math.min(max, v));
    }
}
