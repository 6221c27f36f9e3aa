package org.weightlab.engine.config;

/**
 * A weight or bias initializer: a kind plus the parameters that the parameterised kinds use
 * ({@code uniform(low, high)}, {@code normal(std)}, {@code constant(value)}); other kinds ignore them.
 */
public record InitSpec(InitKind kind, double low, double high, double std, double value) {

    public static final InitSpec ZEROS = of(InitKind.ZEROS);
    public static final InitSpec XAVIER_UNIFORM = of(InitKind.XAVIER_UNIFORM);

    /**
     * The largest size of a parameter: the window's fields stop here too. Far beyond any useful
     * start, yet every weight drawn stays finite (a uniform range of 1e308 would overflow).
     */
    public static final double MAX_PARAMETER = 100;

    public InitSpec {
        if (kind == null) {
            throw new IllegalArgumentException("initializer kind is missing");
        }
        if (kind == InitKind.UNIFORM) {
            check("low", low, -MAX_PARAMETER);
            check("high", high, -MAX_PARAMETER);
            if (!(low < high)) {
                throw new IllegalArgumentException("uniform initializer needs low < high, got " + low + " and " + high);
            }
        }
        if (kind == InitKind.NORMAL) {
            check("std", std, 0);
        }
        if (kind == InitKind.CONSTANT) {
            check("value", value, -MAX_PARAMETER);
        }
    }

    /** The message starts with the field's name, so a file reader can point at it. */
    private static void check(String name, double v, double min) {
        if (!(v >= min && v <= MAX_PARAMETER)) {
            throw new IllegalArgumentException(name + " must be between " + plain(min) + " and "
                    + plain(MAX_PARAMETER) + ", got " + v);
        }
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    public static InitSpec of(InitKind kind) {
        return new InitSpec(kind, -0.5, 0.5, 0.1, 0.0);
    }

    public static InitSpec uniform(double low, double high) {
        return new InitSpec(InitKind.UNIFORM, low, high, 0.1, 0.0);
    }

    public static InitSpec normal(double std) {
        return new InitSpec(InitKind.NORMAL, -0.5, 0.5, std, 0.0);
    }

    public static InitSpec constant(double value) {
        return new InitSpec(InitKind.CONSTANT, -0.5, 0.5, 0.1, value);
    }

    /** A short label for people, e.g. {@code uniform(-0.5, 0.5)}. */
    public String label() {
        return switch (kind) {
            case UNIFORM -> "uniform(" + low + ", " + high + ")";
            case NORMAL -> "normal(std " + std + ")";
            case CONSTANT -> "constant(" + value + ")";
            default -> kind.id();
        };
    }
}
