package org.weightlab.compress;

import java.util.Locale;

/**
 * What to apply to a network's weights: magnitude pruning at {@code sparsity} (0 for none) in
 * {@code scope}, then {@code quant} (null for full precision).
 */
public record CompressionSpec(double sparsity, PruneScope scope, QuantSpec quant) {

    public CompressionSpec {
        Pruning.checkSparsity(sparsity);
        if (scope == null) {
            throw new IllegalArgumentException("pruning scope is missing");
        }
    }

    public boolean prunes() {
        return sparsity > 0;
    }

    /** For messages: {@code prune=0.5 scope=global bits=4}, {@code bits=float64} when not quantized. */
    public String describe() {
        return String.format(Locale.ROOT, "prune=%s scope=%s bits=%s", sparsity, scope.id(),
                quant == null ? "float64" : quant.id());
    }
}
