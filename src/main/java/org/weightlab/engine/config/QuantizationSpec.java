package org.weightlab.engine.config;

import java.util.List;

/**
 * Quantization-aware training (config field "quantization": {"bits": 2|3|4|8|"ternary"|"binary"}).
 *
 * @param bits "2", "3", "4", "8", "ternary" or "binary", as the file writes it
 */
public record QuantizationSpec(String bits) {

    public static final List<String> LEVELS = List.of("8", "4", "3", "2", "ternary", "binary");

    public QuantizationSpec {
        if (!LEVELS.contains(bits)) {
            throw new IllegalArgumentException("quantization bits must be 2, 3, 4, 8, \"ternary\" or \"binary\", got "
                    + bits);
        }
    }

    /** "8 bits", "ternary", "binary": the level as the window names it. */
    public String label() {
        return bits.matches("[0-9]+") ? bits + " bits" : bits;
    }
}
