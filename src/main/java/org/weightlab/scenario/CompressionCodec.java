package org.weightlab.scenario;

import org.weightlab.compress.CompressionSpec;
import org.weightlab.compress.PruneScope;
import org.weightlab.compress.QuantSpec;
import org.weightlab.scenario.JsonIn.Obj;

/**
 * A run export's optional {@code "compression"} section: what was applied to the final weights,
 * {@code {"prune": 0.5, "pruneScope": "global", "bits": "4"}}, {@code bits} left out when the
 * weights keep full precision. Exports without it are plain runs.
 */
final class CompressionCodec {

    private CompressionCodec() {
    }

    static CompressionSpec read(JsonIn in) {
        Obj o = in.obj("prune", "pruneScope", "bits");
        double prune = o.req("prune").number();
        PruneScope scope = o.req("pruneScope").named(PruneScope::fromId);
        JsonIn bits = o.opt("bits");
        QuantSpec quant = bits == null ? null : bits.named(QuantSpec::fromId);
        if (!(prune >= 0 && prune <= 1)) {
            throw o.req("prune").bad("must be between 0 and 1, got " + prune);
        }
        return new CompressionSpec(prune, scope, quant);
    }

    static void write(JsonOut out, CompressionSpec c) {
        out.startObject();
        out.field("prune", c.sparsity()).field("pruneScope", c.scope().id());
        if (c.quant() != null) {
            out.field("bits", c.quant().id());
        }
        out.endObject();
    }
}
