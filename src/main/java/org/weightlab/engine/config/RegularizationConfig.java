package org.weightlab.engine.config;

/** L1 or L2 penalty on weights (never biases), DESIGN 3. */
public record RegularizationConfig(RegularizationKind kind, double rate) {

    public static final RegularizationConfig NONE = new RegularizationConfig(RegularizationKind.NONE, 0.0);

    public RegularizationConfig {
        if (kind == null) {
            throw new IllegalArgumentException("regularization kind is missing");
        }
        if (!(rate >= 0 && rate <= 10)) {
            throw new IllegalArgumentException("regularization rate must be between 0 and 10, got " + rate);
        }
    }
}
