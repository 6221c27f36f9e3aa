package org.weightlab.scenario;

import static org.weightlab.scenario.JsonIn.build;

import java.util.ArrayList;
import java.util.List;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.ConvSpec;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.scenario.JsonIn.Obj;

/**
 * The JSON form of convolutions. In the config: {@code "conv": [{"channels": 4, "kernel": 3}, ...]}
 * (see {@link ConvSpec}). In a network state ("initial", "final"), before "layers":
 * <pre>
 * "conv": [ { "kind": "conv2d", "inChannels": 1, "height": 8, "width": 8, "channels": 4, "kernel": 3,
 *             "activation": "tanh",
 *             "weights": [[[[...k...], ...k rows], ...inChannels], ...channels],   // [c][inC][k][k]
 *             "biases": [...c...],
 *             "frozenWeights": same shape as weights (optional), "frozenBiases": [...] (optional) } ]
 * </pre>
 * Both are optional, so files written before convolutions open unchanged and a network without
 * them writes nothing new.
 */
final class ConvCodec {

    static final String KIND = "conv2d";

    private ConvCodec() {
    }

    static List<ConvSpec> readSpecs(JsonIn in) {
        List<ConvSpec> specs = new ArrayList<>();
        for (JsonIn item : in.array()) {
            Obj o = item.obj("channels", "kernel");
            int channels = o.req("channels").integer(1, ConvSpec.MAX_CHANNELS);
            int kernel = o.req("kernel").integer(1, Integer.MAX_VALUE);
            specs.add(build(o, () -> new ConvSpec(channels, kernel)));
        }
        return specs;
    }

    static void writeSpecs(JsonOut out, List<ConvSpec> specs) {
        if (specs.isEmpty()) {
            return;
        }
        out.field("conv").startInlineArray();
        for (ConvSpec s : specs) {
            out.startInlineObject().field("channels", s.channels()).field("kernel", s.kernel()).endObject();
        }
        out.endArray();
    }

    /** The "conv" entries of a network state, checked against the convolutions {@code config} describes. */
    static List<ConvState> readStates(JsonIn in, RunConfig config, boolean finiteOnly) {
        List<ConvSpec> specs = config.extras().conv();
        if (in == null) {
            if (!specs.isEmpty()) {
                throw new JsonIn.Bad("conv", "missing; the config's network starts with " + specs.size()
                        + " convolution" + (specs.size() == 1 ? "" : "s"));
            }
            return List.of();
        }
        List<JsonIn> items = in.array();
        if (items.size() != specs.size()) {
            throw in.bad("has " + items.size() + " convolutions; the config's \"conv\" has " + specs.size());
        }
        List<ConvState> states = new ArrayList<>();
        int[] image = config.imageShape();
        for (int c = 0; c < items.size(); c++) {
            ConvSpec spec = specs.get(c);
            Obj o = items.get(c).obj("kind", "inChannels", "height", "width", "channels", "kernel", "activation",
                    "weights", "biases", "frozenWeights", "frozenBiases");
            JsonIn kindIn = o.opt("kind");
            if (kindIn != null && !KIND.equals(kindIn.string())) {
                throw kindIn.bad("must be \"" + KIND + "\"");
            }
            expect(o.opt("inChannels"), image[0]);
            expect(o.opt("height"), image[1]);
            expect(o.opt("width"), image[2]);
            expect(o.opt("channels"), spec.channels());
            expect(o.opt("kernel"), spec.kernel());
            JsonIn actIn = o.opt("activation");
            if (actIn != null && actIn.named(ActivationKind::fromId) != config.activation()) {
                throw actIn.bad("is " + actIn.string() + ", but the config's activation is "
                        + config.activation().id());
            }
            int k = spec.kernel();
            int inC = image[0];
            int size = spec.channels() * inC * k * k;
            double[] w = new double[size];
            boolean[] fw = new boolean[size];
            readTensor(o.req("weights"), new int[]{spec.channels(), inC, k, k}, 0, w, null, 0, finiteOnly);
            JsonIn fwIn = o.opt("frozenWeights");
            if (fwIn != null) {
                readTensor(fwIn, new int[]{spec.channels(), inC, k, k}, 0, null, fw, 0, finiteOnly);
            }
            double[] b = new double[spec.channels()];
            readTensor(o.req("biases"), new int[]{spec.channels()}, 0, b, null, 0, finiteOnly);
            boolean[] fb = new boolean[spec.channels()];
            JsonIn fbIn = o.opt("frozenBiases");
            if (fbIn != null) {
                readTensor(fbIn, new int[]{spec.channels()}, 0, null, fb, 0, finiteOnly);
            }
            int[] at = image;
            states.add(build(o, () -> new ConvState(at[0], at[1], at[2], spec.channels(), k, config.activation(), w,
                    b, fw, fb)));
            image = new int[]{spec.channels(), image[1] - k + 1, image[2] - k + 1};
        }
        return states;
    }

    private static void expect(JsonIn in, int value) {
        if (in != null && in.integer(1, Integer.MAX_VALUE) != value) {
            throw in.bad("is " + in.node.asText() + "; the config's network has " + value + " here");
        }
    }

    /** Reads a nested array of {@code shape} (from dimension {@code d}) into values or flags at {@code at}; returns the next index. */
    private static int readTensor(JsonIn in, int[] shape, int d, double[] values, boolean[] flags, int at,
                                  boolean finiteOnly) {
        List<JsonIn> items = in.array();
        if (items.size() != shape[d]) {
            throw in.bad("has " + items.size() + " entries; expected " + shape[d]);
        }
        for (JsonIn item : items) {
            if (d < shape.length - 1) {
                at = readTensor(item, shape, d + 1, values, flags, at, finiteOnly);
            } else if (values != null) {
                values[at++] = finiteOnly ? item.number() : item.numberOrNonFinite();
            } else {
                flags[at++] = item.bool();
            }
        }
        return at;
    }

    static void writeStates(JsonOut out, List<ConvState> states) {
        if (states.isEmpty()) {
            return;
        }
        out.field("conv").startArray();
        for (ConvState s : states) {
            out.startObject();
            out.field("kind", KIND);
            out.field("inChannels", s.channelsIn()).field("height", s.height()).field("width", s.width());
            out.field("channels", s.channels()).field("kernel", s.kernel());
            out.field("activation", s.activation().id());
            int[] shape = {s.channels(), s.channelsIn(), s.kernel(), s.kernel()};
            out.field("weights");
            writeTensor(out, shape, 0, s.weights(), null, 0);
            out.field("biases");
            writeTensor(out, new int[]{s.channels()}, 0, s.biases(), null, 0);
            boolean[] fw = s.frozenWeights();
            boolean[] fb = s.frozenBiases();
            out.field("frozenWeights");
            writeTensor(out, shape, 0, null, fw, 0);
            out.field("frozenBiases");
            writeTensor(out, new int[]{s.channels()}, 0, null, fb, 0);
            out.endObject();
        }
        out.endArray();
    }

    private static int writeTensor(JsonOut out, int[] shape, int d, double[] values, boolean[] flags, int at) {
        if (d >= shape.length - 2 || shape.length == 1) {
            out.startInlineArray();
        } else {
            out.startArray();
        }
        for (int j = 0; j < shape[d]; j++) {
            if (d < shape.length - 1) {
                at = writeTensor(out, shape, d + 1, values, flags, at);
            } else if (values != null) {
                out.valueOrNonFinite(values[at++]);
            } else {
                out.value(flags[at++]);
            }
        }
        out.endArray();
        return at;
    }
}
