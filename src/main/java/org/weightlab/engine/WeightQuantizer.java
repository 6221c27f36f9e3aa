package org.weightlab.engine;

import org.weightlab.engine.config.QuantizationSpec;

/**
 * Symmetric per-layer weight quantization, exactly as the compression lab defines it, on one
 * layer's weights W (N of them). Math.rint is round-half-to-even.
 *
 * <pre>
 *   k bits:  qmax = 2^(k-1) - 1; scale = max|W| / qmax (all zero stays zero);
 *            w' = clamp(roundHalfEven(w / scale), -qmax, qmax) * scale
 *   ternary: g = mean|W|;  w' = clamp(roundHalfEven(w / (g + 1e-8)), -1, 1) * g   (BitNet b1.58)
 *   binary:  w' = (w >= 0 ? 1 : -1) * mean|W|
 * </pre>
 *
 * The same quantizer serves quantization-aware training ({@link Layer}: the forward pass computes
 * with w' = q(w)) and the compression lab's what-if (package compress calls {@link #apply}).
 */
public final class WeightQuantizer {

    /** Keeps the ternary division finite when every weight is 0 (BitNet b1.58's epsilon). */
    public static final double TERNARY_EPS = 1e-8;

    private enum Kind { BITS, TERNARY, BINARY }

    private final Kind kind;
    /** 2^(k-1) - 1 for k bits; unused otherwise. */
    private final int qmax;

    private WeightQuantizer(Kind kind, int qmax) {
        this.kind = kind;
        this.qmax = qmax;
    }

    /** k-bit symmetric quantization, k from 2 to 30. */
    public static WeightQuantizer kBits(int k) {
        if (k < 2 || k > 30) {
            throw new IllegalArgumentException("k-bit quantization takes 2 to 30 bits, got " + k);
        }
        return new WeightQuantizer(Kind.BITS, (1 << (k - 1)) - 1);
    }

    public static WeightQuantizer ternary() {
        return new WeightQuantizer(Kind.TERNARY, 1);
    }

    public static WeightQuantizer binary() {
        return new WeightQuantizer(Kind.BINARY, 1);
    }

    /** The quantizer a config's "quantization" section names, or null for none. */
    public static WeightQuantizer of(QuantizationSpec spec) {
        if (spec == null) {
            return null;
        }
        return switch (spec.bits()) {
            case "ternary" -> ternary();
            case "binary" -> binary();
            default -> kBits(Integer.parseInt(spec.bits()));
        };
    }

    /** Writes q(w) into {@code out} (the same length as {@code w}; may not be {@code w}) and returns it. */
    public double[] apply(double[] w, double[] out) {
        switch (kind) {
            case BITS -> {
                double maxAbs = 0;
                for (double v : w) {
                    maxAbs = Math.max(maxAbs, Math.abs(v));
                }
                if (maxAbs == 0) {
                    java.util.Arrays.fill(out, 0, w.length, 0.0);
                    return out;
                }
                double scale = maxAbs / qmax;
                for (int j = 0; j < w.length; j++) {
                    out[j] = clamp(Math.rint(w[j] / scale), qmax) * scale;
                }
            }
            case TERNARY -> {
                double g = meanAbs(w);
                for (int j = 0; j < w.length; j++) {
                    out[j] = clamp(Math.rint(w[j] / (g + TERNARY_EPS)), 1) * g;
                }
            }
            case BINARY -> {
                double g = meanAbs(w);
                for (int j = 0; j < w.length; j++) {
                    out[j] = (w[j] >= 0 ? 1 : -1) * g;
                }
            }
        }
        return out;
    }

    /** mean|W|, summed in index order; 0 for no weights. */
    public static double meanAbs(double[] w) {
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

    /** "8 bits", "ternary", "binary": as the step-through and the graph name it. */
    @Override
    public String toString() {
        return switch (kind) {
            case BITS -> (32 - Integer.numberOfLeadingZeros(qmax) + 1) + " bits"; // qmax = 2^(k-1) - 1
            case TERNARY -> "ternary";
            case BINARY -> "binary";
        };
    }
}
