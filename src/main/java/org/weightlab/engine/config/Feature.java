package org.weightlab.engine.config;

/** Input features computed from a raw 2-D point (DESIGN 3). */
public enum Feature implements Named {
    X1("x1"), X2("x2"), X1_SQUARED("x1^2"), X2_SQUARED("x2^2"), X1_TIMES_X2("x1*x2"),
    SIN_X1("sin(x1)"), SIN_X2("sin(x2)");

    private final String id;

    Feature(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    /** The feature's value at the point (x1, x2). */
    public double apply(double x1, double x2) {
        return switch (this) {
            case X1 -> x1;
            case X2 -> x2;
            case X1_SQUARED -> x1 * x1;
            case X2_SQUARED -> x2 * x2;
            case X1_TIMES_X2 -> x1 * x2;
            case SIN_X1 -> Math.sin(x1);
            case SIN_X2 -> Math.sin(x2);
        };
    }

    public static Feature fromId(String id) {
        return Named.parse(Feature.class, "feature", id);
    }
}
