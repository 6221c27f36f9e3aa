package org.weightlab.scenario;

import static org.weightlab.scenario.JsonIn.build;

import java.util.ArrayList;
import java.util.List;
import org.weightlab.engine.config.LoraSpec;
import org.weightlab.scenario.JsonIn.Obj;

/**
 * The JSON form of LoRA adapters: the config's {@code "lora": [{"layer": L, "rank": r, "alpha": a}]}
 * and a layer's {@code "lora": {"rank": r, "alpha": a, "A": [[...]], "B": [[...]]}} (A: r rows of
 * the layer's inputs, B: one row of r per neuron). Both are optional, so files written before
 * adapters existed open unchanged.
 */
final class LoraCodec {

    private LoraCodec() {
    }

    static List<LoraSpec> readSpecs(JsonIn in) {
        List<LoraSpec> specs = new ArrayList<>();
        for (JsonIn item : in.array()) {
            Obj o = item.obj("layer", "rank", "alpha");
            int layer = o.req("layer").integer(0, Integer.MAX_VALUE);
            int rank = o.req("rank").integer(1, Integer.MAX_VALUE);
            double alpha = o.req("alpha").number();
            if (!(alpha > 0)) {
                throw o.req("alpha").bad("must be positive, got " + alpha);
            }
            specs.add(build(o, () -> new LoraSpec(layer, rank, alpha)));
        }
        return specs;
    }

    static void writeSpecs(JsonOut out, List<LoraSpec> specs) {
        out.field("lora").startArray();
        for (LoraSpec s : specs) {
            out.startInlineObject();
            out.field("layer", s.layer());
            out.field("rank", s.rank());
            out.field("alpha", s.alpha());
            out.endObject();
        }
        out.endArray();
    }

    /**
     * A layer's adapter, checked against the config's {@code spec} for that layer (null: the
     * config lists no adapter there, so the layer may not carry one).
     */
    static LoraState readState(JsonIn in, LoraSpec spec, int inputs, int outputs, boolean finiteOnly) {
        if (spec == null) {
            throw in.bad("the config's \"lora\" lists no adapter for this layer");
        }
        Obj o = in.obj("rank", "alpha", "A", "B");
        JsonIn rankIn = o.req("rank");
        int rank = rankIn.integer(1, Integer.MAX_VALUE);
        if (rank != spec.rank()) {
            throw rankIn.bad("is " + rank + ", but the config's lora gives this layer rank " + spec.rank());
        }
        JsonIn alphaIn = o.req("alpha");
        double alpha = alphaIn.number();
        if (alpha != spec.alpha()) {
            throw alphaIn.bad("is " + alpha + ", but the config's lora gives this layer alpha " + spec.alpha());
        }
        double[][] a = matrix(o.req("A"), rank, inputs, "rank " + rank, "the layer takes " + inputs + " inputs",
                finiteOnly);
        double[][] b = matrix(o.req("B"), outputs, rank, "the layer has " + outputs + " neurons", "rank " + rank,
                finiteOnly);
        return build(o, () -> new LoraState(rank, alpha, a, b));
    }

    private static double[][] matrix(JsonIn in, int rows, int cols, String rowsWhy, String colsWhy,
                                     boolean finiteOnly) {
        List<JsonIn> r = in.array();
        if (r.size() != rows) {
            throw in.bad("has " + r.size() + " rows; " + rowsWhy);
        }
        double[][] m = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            List<JsonIn> cells = r.get(i).array();
            if (cells.size() != cols) {
                throw r.get(i).bad("has " + cells.size() + " entries; " + colsWhy);
            }
            for (int j = 0; j < cols; j++) {
                m[i][j] = finiteOnly ? cells.get(j).number() : cells.get(j).numberOrNonFinite();
            }
        }
        return m;
    }

    static void writeState(JsonOut out, LoraState s) {
        out.field("lora").startObject();
        out.field("rank", s.rank());
        out.field("alpha", s.alpha());
        writeMatrix(out, "A", s.a());
        writeMatrix(out, "B", s.b());
        out.endObject();
    }

    private static void writeMatrix(JsonOut out, String name, double[][] m) {
        out.field(name).startArray();
        for (double[] row : m) {
            out.startInlineArray();
            for (double v : row) {
                out.valueOrNonFinite(v);
            }
            out.endArray();
        }
        out.endArray();
    }
}
