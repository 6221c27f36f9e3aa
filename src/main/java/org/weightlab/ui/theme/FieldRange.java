package org.weightlab.ui.theme;

import org.weightlab.engine.config.ActivationKind;

/**
 * The value range a field is coloured over: {@code lo} maps to -1 of a {@link DivergingColorMap},
 * {@code hi} to +1. Bounded activations use their natural range; unbounded ones a symmetric range
 * wide enough for the field (at least [-1, 1]) so that the colours still say something.
 */
public record FieldRange(double lo, double hi) {

    public static final FieldRange SIGNED_UNIT = new FieldRange(-1, 1);
    public static final FieldRange PROBABILITY = new FieldRange(0, 1);

    public FieldRange {
        if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("a field range needs finite lo < hi, got [" + lo + ", " + hi + "]");
        }
    }

    /** The range for values produced by {@code activation}; {@code values} sizes unbounded ranges. */
    public static FieldRange forActivation(ActivationKind activation, float[] values) {
        return switch (activation) {
            case TANH -> SIGNED_UNIT;
            case SIGMOID, SOFTMAX -> PROBABILITY;
            case LINEAR, RELU, LEAKY_RELU -> symmetric(maxAbs(values));
        };
    }

    /** [-r, r] with r at least 1. */
    public static FieldRange symmetric(double r) {
        double s = Double.isFinite(r) && r > 1 ? r : 1;
        return new FieldRange(-s, s);
    }

    /** {@code v} mapped to [-1, 1] (not clamped; NaN stays NaN). */
    public double unit(double v) {
        return (2 * v - lo - hi) / (hi - lo);
    }

    /** Largest finite |value|, 0 for none. */
    public static double maxAbs(float[] values) {
        double m = 0;
        if (values != null) {
            for (float v : values) {
                float a = Math.abs(v);
                if (a > m && Float.isFinite(a)) {
                    m = a;
                }
            }
        }
        return m;
    }
}
