package org.weightlab.ui.compress;

import org.weightlab.compress.QuantSpec;

/** A choice in the panel's quantization boxes: full precision or one of the quantizers. */
enum BitsChoice {
    FLOAT64(null, "float64"),
    BITS8(QuantSpec.BITS8, "8 bits"),
    BITS4(QuantSpec.BITS4, "4 bits"),
    BITS3(QuantSpec.BITS3, "3 bits"),
    BITS2(QuantSpec.BITS2, "2 bits"),
    TERNARY(QuantSpec.TERNARY, "ternary"),
    BINARY(QuantSpec.BINARY, "1 bit");

    private final QuantSpec spec;
    private final String label;

    BitsChoice(QuantSpec spec, String label) {
        this.spec = spec;
        this.label = label;
    }

    /** The quantizer, or null for full precision. */
    QuantSpec spec() {
        return spec;
    }

    @Override
    public String toString() {
        return label;
    }
}
