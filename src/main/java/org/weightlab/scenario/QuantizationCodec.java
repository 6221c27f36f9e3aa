package org.weightlab.scenario;

import static org.weightlab.scenario.JsonIn.build;

import org.weightlab.engine.config.QuantizationSpec;
import org.weightlab.scenario.JsonIn.Obj;

/**
 * The JSON form of quantization-aware training: the config's optional
 * {@code "quantization": {"bits": 2|3|4|8|"ternary"|"binary"}} (k bits as a number, the two
 * one-level forms as strings). Absent means plain training, so files written before it open
 * unchanged, and a config without it writes nothing.
 */
final class QuantizationCodec {

    private QuantizationCodec() {
    }

    /** The section, or null when {@code in} is null (the field is absent). */
    static QuantizationSpec read(JsonIn in) {
        if (in == null) {
            return null;
        }
        Obj o = in.obj("bits");
        JsonIn bitsIn = o.req("bits");
        String bits;
        if (bitsIn.node.isNumber()) {
            bits = Integer.toString(bitsIn.integer(2, 8));
        } else if (bitsIn.node.isTextual()) {
            bits = bitsIn.string();
            if (bits.matches("[0-9]+")) {
                throw bitsIn.bad("k bits are written as a number (" + bits + "), not as a string");
            }
        } else {
            throw bitsIn.bad("must be 2, 3, 4, 8, \"ternary\" or \"binary\"");
        }
        String b = bits;
        return build(o, () -> new QuantizationSpec(b));
    }

    static void write(JsonOut out, QuantizationSpec q) {
        if (q == null) {
            return;
        }
        out.field("quantization").startInlineObject();
        if (q.bits().matches("[0-9]+")) {
            out.field("bits", Long.parseLong(q.bits()));
        } else {
            out.field("bits", q.bits());
        }
        out.endObject();
    }
}
