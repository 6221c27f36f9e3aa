package org.weightlab.engine;

import org.weightlab.engine.config.InitSpec;

/**
 * Initializers with PyTorch's formulas ({@code torch.nn.init}), gain 1 unless said otherwise:
 * <ul>
 * <li>xavier_uniform: U(-a, a), a = sqrt(6 / (fan_in + fan_out)); xavier_normal: N(0, 2 / (fan_in + fan_out))</li>
 * <li>he_uniform / he_normal: kaiming with the relu gain sqrt(2), mode fan_in: U(-sqrt(6 / fan_in), ...),
 *     N(0, 2 / fan_in)</li>
 * <li>lecun_normal: N(0, 1 / fan_in) (kaiming_normal with the linear gain)</li>
 * <li>uniform(low, high), normal(std) with mean 0, constant(value), zeros</li>
 * </ul>
 * For a weight matrix [out][in], fan_in = in and fan_out = out. A bias vector has no fans of its
 * own in PyTorch; here the fan-based kinds use its layer's fans. Numbers come from the given
 * {@link Rng}, one draw per value in storage order.
 */
public final class Init {

    private Init() {
    }

    public static void fill(InitSpec spec, int fanIn, int fanOut, double[] target, Rng rng) {
        switch (spec.kind()) {
            case ZEROS -> java.util.Arrays.fill(target, 0.0);
            case CONSTANT -> java.util.Arrays.fill(target, spec.value());
            case UNIFORM -> uniform(target, spec.low(), spec.high(), rng);
            case NORMAL -> normal(target, spec.std(), rng);
            case XAVIER_UNIFORM -> {
                double a = Math.sqrt(6.0 / (fanIn + fanOut));
                uniform(target, -a, a, rng);
            }
            case XAVIER_NORMAL -> normal(target, Math.sqrt(2.0 / (fanIn + fanOut)), rng);
            case HE_UNIFORM -> {
                double a = Math.sqrt(2.0) * Math.sqrt(3.0 / fanIn);
                uniform(target, -a, a, rng);
            }
            case HE_NORMAL -> normal(target, Math.sqrt(2.0) / Math.sqrt(fanIn), rng);
            case LECUN_NORMAL -> normal(target, 1.0 / Math.sqrt(fanIn), rng);
        }
    }

    private static void uniform(double[] t, double low, double high, Rng rng) {
        for (int j = 0; j < t.length; j++) {
            t[j] = low + (high - low) * rng.nextDouble();
        }
    }

    private static void normal(double[] t, double std, Rng rng) {
        for (int j = 0; j < t.length; j++) {
            t[j] = std * rng.nextGaussian();
        }
    }
}
