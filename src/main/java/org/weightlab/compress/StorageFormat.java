package org.weightlab.compress;

/**
 * A number format a parameter can be stored in, with its width in hundredths of a bit so that the
 * byte counts stay exact integer arithmetic even for 1.58-bit ternary weights.
 */
public enum StorageFormat {
    FLOAT64("float64", 6400),
    FLOAT32("float32", 3200),
    INT8("int8", 800),
    INT4("int4", 400),
    /** Three levels, -1, 0, +1: log2(3) = 1.58 bits, the figure BitNet b1.58 is named after. */
    TERNARY("ternary", 158),
    BINARY("binary", 100);

    private final String id;
    private final long centibits;

    StorageFormat(String id, long centibits) {
        this.id = id;
        this.centibits = centibits;
    }

    public String id() {
        return id;
    }

    /** Bits per parameter: 64, 32, 8, 4, 1.58 or 1. */
    public double bits() {
        return centibits / 100.0;
    }

    /**
     * Bytes that {@code parameters} values take at this width packed end to end: ceil(n * bits / 8),
     * computed in whole numbers (up to about 10^15 parameters).
     */
    public long bytes(long parameters) {
        if (parameters < 0) {
            throw new IllegalArgumentException("a parameter count cannot be negative: " + parameters);
        }
        return Math.addExact(Math.multiplyExact(parameters, centibits), 799) / 800;
    }
}
