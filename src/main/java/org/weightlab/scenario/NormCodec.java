package org.weightlab.scenario;

import static org.weightlab.scenario.JsonIn.build;

import java.util.ArrayList;
import java.util.List;
import org.weightlab.scenario.JsonIn.Obj;

/**
 * The JSON form of batch normalization: the config's {@code "batchNorm": [true, false, ...]} (one
 * flag per hidden layer) and a layer's {@code "batchNorm": {"gamma", "beta", "runningMean",
 * "runningVar", "numBatchesTracked", "frozenGamma", "frozenBeta"}} (see {@link NormState}). Both
 * are optional, so files written before batch normalization open unchanged; a flagged layer
 * without its entry starts fresh (gamma 1, beta 0, running mean 0, variance 1).
 */
final class NormCodec {

    private NormCodec() {
    }

    static List<Boolean> readFlags(JsonIn in) {
        List<Boolean> flags = new ArrayList<>();
        for (JsonIn item : in.array()) {
            flags.add(item.bool());
        }
        return flags;
    }

    static void writeFlags(JsonOut out, List<Boolean> flags) {
        out.field("batchNorm").startInlineArray();
        for (boolean f : flags) {
            out.value(f);
        }
        out.endArray();
    }

    /** A layer's entry, where the config flags the layer ({@code on}) and it has {@code units} neurons. */
    static NormState readState(JsonIn in, boolean on, int units, boolean finiteOnly) {
        if (!on) {
            throw in.bad("the config's \"batchNorm\" does not normalize this layer");
        }
        Obj o = in.obj("gamma", "beta", "runningMean", "runningVar", "numBatchesTracked", "frozenGamma",
                "frozenBeta");
        double[] gamma = numbers(o.req("gamma"), units, finiteOnly);
        double[] beta = numbers(o.req("beta"), units, finiteOnly);
        double[] mean = numbers(o.req("runningMean"), units, finiteOnly);
        JsonIn varIn = o.req("runningVar");
        double[] var = numbers(varIn, units, finiteOnly);
        for (double v : var) {
            if (v < 0) {
                throw varIn.bad("holds a negative variance, " + v);
            }
        }
        JsonIn trackedIn = o.opt("numBatchesTracked");
        long tracked = trackedIn == null ? 0 : trackedIn.whole(0, Long.MAX_VALUE);
        boolean[] fg = flags(o.opt("frozenGamma"), units);
        boolean[] fb = flags(o.opt("frozenBeta"), units);
        return build(o, () -> new NormState(gamma, beta, mean, var, tracked, fg, fb));
    }

    private static double[] numbers(JsonIn in, int units, boolean finiteOnly) {
        List<JsonIn> items = in.array();
        if (items.size() != units) {
            throw in.bad("has " + items.size() + " entries; the layer has " + units + " neuron" + (units == 1 ? "" : "s"));
        }
        double[] v = new double[units];
        for (int i = 0; i < units; i++) {
            v[i] = finiteOnly ? items.get(i).number() : items.get(i).numberOrNonFinite();
        }
        return v;
    }

    private static boolean[] flags(JsonIn in, int units) {
        boolean[] f = new boolean[units];
        if (in == null) {
            return f;
        }
        List<JsonIn> items = in.array();
        if (items.size() != units) {
            throw in.bad("has " + items.size() + " entries; the layer has " + units + " neuron" + (units == 1 ? "" : "s"));
        }
        for (int i = 0; i < units; i++) {
            f[i] = items.get(i).bool();
        }
        return f;
    }

    static void writeState(JsonOut out, NormState s) {
        out.field("batchNorm").startObject();
        writeNumbers(out, "gamma", s.gamma());
        writeNumbers(out, "beta", s.beta());
        writeNumbers(out, "runningMean", s.runningMean());
        writeNumbers(out, "runningVar", s.runningVar());
        out.field("numBatchesTracked", s.numBatchesTracked());
        writeFlagsIfAny(out, "frozenGamma", s.frozenGamma());
        writeFlagsIfAny(out, "frozenBeta", s.frozenBeta());
        out.endObject();
    }

    private static void writeNumbers(JsonOut out, String name, double[] v) {
        out.field(name).startInlineArray();
        for (double x : v) {
            out.valueOrNonFinite(x);
        }
        out.endArray();
    }

    private static void writeFlagsIfAny(JsonOut out, String name, boolean[] f) {
        boolean any = false;
        for (boolean b : f) {
            any |= b;
        }
        if (any) {
            out.field(name).startInlineArray();
            for (boolean b : f) {
                out.value(b);
            }
            out.endArray();
        }
    }
}
