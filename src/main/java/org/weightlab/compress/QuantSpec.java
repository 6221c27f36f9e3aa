package org.weightlab.compress;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How a layer's weights are quantized (symmetric, per layer, weights only): k bits for k = 8, 4,
 * 3 or 2, ternary (BitNet b1.58) or binary. {@link #id()} is the name on the command line and in
 * files.
 */
public enum QuantSpec {
    BITS8("8", 8),
    BITS4("4", 4),
    BITS3("3", 3),
    BITS2("2", 2),
    TERNARY("ternary", 0),
    BINARY("binary", 0);

    private final String id;
    private final int bits;

    QuantSpec(String id, int bits) {
        this.id = id;
        this.bits = bits;
    }

    public String id() {
        return id;
    }

    /** k for the k-bit quantizers; 0 for ternary and binary. */
    public int bits() {
        return bits;
    }

    /** Bits one weight takes: k, 1.58 for ternary, 1 for binary. */
    public double bitsPerWeight() {
        return switch (this) {
            case TERNARY -> StorageFormat.TERNARY.bits();
            case BINARY -> StorageFormat.BINARY.bits();
            default -> bits;
        };
    }

    /** The largest level of a k-bit quantizer, 2^(k-1) - 1; 1 for ternary and binary. */
    public int qmax() {
        return bits == 0 ? 1 : (1 << (bits - 1)) - 1;
    }

    /** The spec named {@code id} ("8", "4", "3", "2", "ternary", "binary"; case ignored). */
    public static QuantSpec fromId(String id) {
        for (QuantSpec q : values()) {
            if (q.id.equalsIgnoreCase(id == null ? "" : id.trim())) {
                return q;
            }
        }
        throw new IllegalArgumentException("unknown quantization \"" + id + "\" (expected "
                + Arrays.stream(values()).map(QuantSpec::id).collect(Collectors.joining(", ")) + ")");
    }
}
