package org.weightlab.ui.compress;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.weightlab.compress.PruneScope;
import org.weightlab.compress.QuantSpec;

/**
 * What the compression panel asks for: pruning at a sparsity (magnitude or whole neurons, over all
 * layers or each layer), then per layer a quantizer or full precision.
 *
 * @param sparsity   fraction removed, 0 to 0.99
 * @param scope      one ranking over all layers, or one per layer
 * @param structured remove whole hidden neurons instead of single weights
 * @param quant      one entry per weight layer, null for full precision
 */
public record WhatIf(double sparsity, PruneScope scope, boolean structured, List<QuantSpec> quant) {

    public WhatIf {
        if (!(sparsity >= 0 && sparsity <= 0.99)) {
            throw new IllegalArgumentException("sparsity must be between 0 and 0.99, got " + sparsity);
        }
        if (scope == null) {
            throw new IllegalArgumentException("a what-if needs a pruning scope");
        }
        quant = Collections.unmodifiableList(new ArrayList<>(quant));
    }

    /** Nothing removed, nothing quantized, for a network of {@code layers} weight layers. */
    public static WhatIf none(int layers) {
        return new WhatIf(0, PruneScope.GLOBAL, false, Collections.nCopies(layers, null));
    }

    public boolean prunes() {
        return sparsity > 0;
    }

    public boolean quantizes() {
        return quant.stream().anyMatch(q -> q != null);
    }

    /** True when the what-if changes some weight's value (the network is shown as it is otherwise). */
    public boolean changesAnything() {
        return prunes() || quantizes();
    }

    public WhatIf withSparsity(double s) {
        return new WhatIf(s, scope, structured, quant);
    }

    public WhatIf withScope(PruneScope s) {
        return new WhatIf(sparsity, s, structured, quant);
    }

    public WhatIf withStructured(boolean s) {
        return new WhatIf(sparsity, scope, s, quant);
    }

    /** Layer {@code layer} quantized by {@code q} (null: full precision). */
    public WhatIf withQuant(int layer, QuantSpec q) {
        List<QuantSpec> next = new ArrayList<>(quant);
        next.set(layer, q);
        return new WhatIf(sparsity, scope, structured, next);
    }

    /** Every layer quantized by {@code q} (null: full precision). */
    public WhatIf withQuantAll(QuantSpec q) {
        return new WhatIf(sparsity, scope, structured, Collections.nCopies(quant.size(), q));
    }
}
