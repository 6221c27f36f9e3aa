package org.weightlab.engine.config;

/**
 * A weight or bias initializer: a kind plus the parameters that the parameterised kinds use
 * ({@code uniform(low, high)}, {@code normal(std)}, {@code constant(value)}); other kinds ignore them.
 */
public record InitSpec(InitKind kind, double low, double high, double std, double value) {

    public static final InitSpec ZEROS = of(InitKind.ZEROS);
    public static final InitSpec XAVIER_UNIFORM = of(InitKind.XAVIER_UNIFORM);

    public InitSpec {
        if (kind == null) {
            throw new IllegalArgumentException("initializer kind is missing");
        }
        if (kind == InitKind.UNIFORM && !(low < high)) {
            throw new IllegalArgumentException("uniform initializer needs low < high, got " + low + " and " + high);
        }
        if (kind == InitKind.NORMAL && !(std >= 0 && Double.isFinite(std))) {
            throw new IllegalArgumentException("normal initializer needs a finite std >= 0, got " + std);
        }
        if (kind == InitKind.CONSTANT && !Double.isFinite(value)) {
            throw new IllegalArgumentException("constant initializer needs a finite value, got " + value);
        }
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
