package org.weightlab.compress;

import org.weightlab.engine.WeightQuantizer;

/**
 * The quantizers of the compression issue, exactly, on one layer's weights W (N of them). Each
 * returns a new array and leaves {@code w} alone. The formulas live in the engine's
 * {@link WeightQuantizer}, which quantization-aware training computes with too, so the lab's
 * what-if and a network trained quantized agree bit for bit.
 */
public final class Quantizer {

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
        return WeightQuantizer.kBits(k).apply(w, new double[w.length]);
    }

    /** g = mean|W|; w' = clamp(roundHalfEven(w / (g + 1e-8)), -1, 1) * g. */
    public static double[] ternary(double[] w) {
        return WeightQuantizer.ternary().apply(w, new double[w.length]);
    }

    /** w' = (w >= 0 ? 1 : -1) * mean|W|. */
    public static double[] binary(double[] w) {
        return WeightQuantizer.binary().apply(w, new double[w.length]);
    }
}
