package org.weightlab.scenario;

import static org.weightlab.scenario.JsonIn.build;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.InlineData;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.InitKind;
import org.weightlab.engine.config.InitSpec;
import org.weightlab.engine.config.LoraSpec;
import org.weightlab.engine.config.LossKind;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.OptimizerKind;
import org.weightlab.engine.config.ProblemKind;
import org.weightlab.engine.config.RegularizationConfig;
import org.weightlab.engine.config.RegularizationKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.config.RunExtras;
import org.weightlab.engine.config.ScheduleConfig;
import org.weightlab.engine.config.ScheduleKind;
import org.weightlab.scenario.JsonIn.Obj;

/**
 * The JSON form of the pieces shared by scenarios and run exports (DESIGN 4 and 5): config,
 * network state, data and history. Readers are strict and name the path of every problem.
 */
final class Codec {

    private Codec() {
    }

    // ---- config ---------------------------------------------------------------------------------

    static RunConfig readConfig(JsonIn in) {
        Obj o = in.obj("dataset", "samples", "noise", "trainFraction", "seed", "features", "problem", "hidden",
                "activation", "layerActivations", "outputActivation", "loss", "init", "biasInit", "optimizer",
                "regularization", "schedule", "batchSize", "shuffle", "dropout", "lora", "batchNorm", "data",
                "quantization", "conv");
        DatasetKind dataset = o.req("dataset").named(DatasetKind::fromId);
        int samples = o.req("samples").integer(2, RunConfig.MAX_SAMPLES);
        double noise = o.req("noise").number();
        double trainFraction = o.req("trainFraction").number();
        long seed = o.req("seed").whole(Long.MIN_VALUE, Long.MAX_VALUE);
        // Absent for data of other than two columns, whose inputs are the columns themselves.
        JsonIn featuresIn = o.opt("features");
        List<Feature> features = featuresIn == null ? List.of() : list(featuresIn, j -> j.named(Feature::fromId));
        ProblemKind problem = o.req("problem").named(ProblemKind::fromId);
        JsonIn hiddenIn = o.req("hidden");
        if (hiddenIn.node.isArray() && hiddenIn.node.size() > RunConfig.MAX_HIDDEN_LAYERS) {
            throw hiddenIn.bad("at most " + RunConfig.MAX_HIDDEN_LAYERS + " hidden layers, got " + hiddenIn.node.size());
        }
        JsonIn dataIn = o.opt("data");
        InlineData data = dataIn == null ? null : DataCodec.readInline(dataIn);
        int dims = data != null ? data.dims() : dataset.dims();
        int widest = dims == 2 ? RunConfig.MAX_NEURONS : RunConfig.MAX_WIDE_NEURONS;
        List<Integer> hidden = list(hiddenIn, j -> j.integer(1, widest));
        ActivationKind activation = o.req("activation").named(ActivationKind::fromId);
        JsonIn perLayer = o.opt("layerActivations");
        List<ActivationKind> layerActivations =
                perLayer == null ? List.of() : list(perLayer, j -> j.named(ActivationKind::fromId));
        ActivationKind outputActivation = o.req("outputActivation").named(ActivationKind::fromId);
        LossKind loss = o.req("loss").named(LossKind::fromId);
        InitSpec init = readInit(o.req("init"));
        JsonIn biasIn = o.opt("biasInit");
        InitSpec biasInit = biasIn == null ? InitSpec.ZEROS : readInit(biasIn);
        OptimizerConfig optimizer = readOptimizer(o.req("optimizer"));
        RegularizationConfig regularization = readRegularization(o.req("regularization"));
        JsonIn scheduleIn = o.opt("schedule");
        ScheduleConfig schedule = scheduleIn == null ? ScheduleConfig.CONSTANT : readSchedule(scheduleIn);
        int batchSize = o.req("batchSize").integer(1, Integer.MAX_VALUE);
        boolean shuffle = o.req("shuffle").bool();
        JsonIn dropoutIn = o.opt("dropout");
        double dropout = dropoutIn == null ? 0.0 : dropoutIn.number();
        JsonIn loraIn = o.opt("lora");
        List<LoraSpec> lora = loraIn == null ? List.of() : LoraCodec.readSpecs(loraIn);
        JsonIn normIn = o.opt("batchNorm");
        RunExtras extras = (normIn == null ? RunExtras.NONE : RunExtras.NONE.withBatchNorm(NormCodec.readFlags(normIn)))
                .withData(data).withQuantization(QuantizationCodec.read(o.opt("quantization")));
        JsonIn convIn = o.opt("conv");
        if (convIn != null) {
            extras = extras.withConv(ConvCodec.readSpecs(convIn));
        }
        RunExtras extrasRead = extras;
        return build(o, () -> new RunConfig(dataset, samples, noise, trainFraction, seed, features, problem, hidden,
                activation, layerActivations, outputActivation, loss, init, biasInit, optimizer, regularization,
                schedule, batchSize, shuffle, dropout, lora, extrasRead));
    }

    static void writeConfig(JsonOut out, RunConfig c) {
        out.startObject();
        out.field("dataset", c.dataset().id());
        out.field("samples", c.samples());
        out.field("noise", c.noise());
        out.field("trainFraction", c.trainFraction());
        out.field("seed", c.seed());
        if (!c.features().isEmpty()) {
            out.field("features").startInlineArray();
            c.features().forEach(f -> out.value(f.id()));
            out.endArray();
        }
        out.field("problem", c.problem().id());
        out.field("hidden").startInlineArray();
        c.hidden().forEach(n -> out.value((long) n));
        out.endArray();
        out.field("activation", c.activation().id());
        if (!c.layerActivations().isEmpty()) {
            out.field("layerActivations").startInlineArray();
            c.layerActivations().forEach(a -> out.value(a.id()));
            out.endArray();
        }
        out.field("outputActivation", c.outputActivation().id());
        out.field("loss", c.loss().id());
        out.field("init");
        writeInit(out, c.init());
        if (!c.biasInit().equals(InitSpec.ZEROS)) {
            out.field("biasInit");
            writeInit(out, c.biasInit());
        }
        writeOptimizer(out, c.optimizer());
        out.field("regularization").startInlineObject();
        out.field("kind", c.regularization().kind().id());
        out.field("rate", c.regularization().rate());
        out.endObject();
        if (!c.schedule().equals(ScheduleConfig.CONSTANT)) {
            writeSchedule(out, c.schedule());
        }
        out.field("batchSize", c.batchSize());
        out.field("shuffle", c.shuffle());
        if (c.dropout() != 0) {
            out.field("dropout", c.dropout());
        }
        if (!c.lora().isEmpty()) {
            LoraCodec.writeSpecs(out, c.lora());
        }
        if (!c.extras().batchNorm().isEmpty()) {
            NormCodec.writeFlags(out, c.extras().batchNorm());
        }
        QuantizationCodec.write(out, c.extras().quantization());
        ConvCodec.writeSpecs(out, c.extras().conv());
        if (c.inlineData() != null) {
            out.field("data");
            DataCodec.writeInline(out, c.inlineData());
        }
        out.endObject();
    }

    private static <T> List<T> list(JsonIn in, Function<JsonIn, T> item) {
        List<T> result = new ArrayList<>();
        for (JsonIn j : in.array()) {
            result.add(item.apply(j));
        }
        return result;
    }

    // ---- initializers: "he_normal", "uniform(-0.5, 0.5)" or {"name": "uniform", "low": ..., "high": ...}

    private static final String NUMBER = "\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*";
    private static final Pattern CALL = Pattern.compile("\\s*(uniform|normal|constant)\\s*\\((.*)\\)\\s*");
    private static final Pattern ONE = Pattern.compile(NUMBER);
    private static final Pattern TWO = Pattern.compile(NUMBER + "," + NUMBER);

    static InitSpec readInit(JsonIn in) {
        if (in.node.isTextual()) {
            String text = in.string();
            Matcher call = CALL.matcher(text);
            if (call.matches()) {
                return readInitCall(in, call.group(1), call.group(2));
            }
            InitKind kind = in.named(InitKind::fromId);
            return switch (kind) {
                case UNIFORM -> throw in.bad("uniform needs its range: {\"name\": \"uniform\", \"low\": -0.5, \"high\": 0.5}");
                case NORMAL -> throw in.bad("normal needs its std: {\"name\": \"normal\", \"std\": 0.1}");
                case CONSTANT -> throw in.bad("constant needs its value: {\"name\": \"constant\", \"value\": 0.1}");
                default -> InitSpec.of(kind);
            };
        }
        if (!in.node.isObject()) {
            throw in.bad("expected an initializer name or object, got " + JsonIn.describe(in.node));
        }
        JsonIn nameIn = in.obj("name", "low", "high", "std", "value").req("name");
        InitKind kind = nameIn.named(InitKind::fromId);
        Obj o = switch (kind) {
            case UNIFORM -> in.obj("name", "low", "high");
            case NORMAL -> in.obj("name", "std");
            case CONSTANT -> in.obj("name", "value");
            default -> in.obj("name");
        };
        return switch (kind) {
            case UNIFORM -> {
                double low = o.req("low").number();
                double high = o.req("high").number();
                yield build(o, () -> InitSpec.uniform(low, high));
            }
            case NORMAL -> {
                double std = o.req("std").number();
                yield build(o, () -> InitSpec.normal(std));
            }
            case CONSTANT -> {
                double value = o.req("value").number();
                yield build(o, () -> InitSpec.constant(value));
            }
            default -> InitSpec.of(kind);
        };
    }

    private static InitSpec readInitCall(JsonIn in, String name, String args) {
        Matcher m = (name.equals("uniform") ? TWO : ONE).matcher(args);
        if (!m.matches()) {
            throw in.bad(name.equals("uniform") ? "write uniform(low, high), e.g. uniform(-0.5, 0.5)"
                    : "write " + name + "(" + (name.equals("normal") ? "std" : "value") + "), e.g. " + name + "(0.1)");
        }
        double a = Double.parseDouble(m.group(1));
        if (!Double.isFinite(a) || (m.groupCount() > 1 && !Double.isFinite(Double.parseDouble(m.group(2))))) {
            throw in.bad("initializer parameters must be finite numbers");
        }
        try {
            return switch (name) {
                case "uniform" -> InitSpec.uniform(a, Double.parseDouble(m.group(2)));
                case "normal" -> InitSpec.normal(a);
                default -> InitSpec.constant(a);
            };
        } catch (IllegalArgumentException e) {
            throw in.bad(e.getMessage());
        }
    }

    static void writeInit(JsonOut out, InitSpec init) {
        switch (init.kind()) {
            case UNIFORM -> out.startInlineObject().field("name", "uniform").field("low", init.low())
                    .field("high", init.high()).endObject();
            case NORMAL -> out.startInlineObject().field("name", "normal").field("std", init.std()).endObject();
            case CONSTANT -> out.startInlineObject().field("name", "constant").field("value", init.value())
                    .endObject();
            default -> out.value(init.kind().id());
        }
    }

    // ---- optimizer, regularization, schedule --------------------------------------------------

    static OptimizerConfig readOptimizer(JsonIn in) {
        Obj o = in.obj("name", "learningRate", "momentum", "nesterov", "alpha", "eps", "beta1", "beta2",
                "weightDecay");
        OptimizerKind kind = o.req("name").named(OptimizerKind::fromId);
        double lr = o.req("learningRate").number();
        // Fields left out take PyTorch's defaults for this optimizer.
        OptimizerConfig d = OptimizerConfig.defaults(kind, 0.01);
        double momentum = numberOr(o, "momentum", d.momentum());
        JsonIn nesterovIn = o.opt("nesterov");
        boolean nesterov = nesterovIn == null ? d.nesterov() : nesterovIn.bool();
        double alpha = numberOr(o, "alpha", d.alpha());
        double eps = numberOr(o, "eps", d.eps());
        double beta1 = numberOr(o, "beta1", d.beta1());
        double beta2 = numberOr(o, "beta2", d.beta2());
        double weightDecay = numberOr(o, "weightDecay", d.weightDecay());
        return build(o, () -> new OptimizerConfig(kind, lr, momentum, nesterov, alpha, eps, beta1, beta2,
                weightDecay));
    }

    private static double numberOr(Obj o, String name, double fallback) {
        JsonIn in = o.opt(name);
        return in == null ? fallback : in.number();
    }

    /**
     * Writes the fields that the optimizer uses, plus any other that differs from PyTorch's
     * default (it is kept for switching back), so reading gives back the same config.
     */
    static void writeOptimizer(JsonOut out, OptimizerConfig o) {
        OptimizerKind k = o.kind();
        OptimizerConfig d = OptimizerConfig.defaults(k, o.learningRate());
        out.field("optimizer").startObject();
        out.field("name", k.id());
        out.field("learningRate", o.learningRate());
        boolean sgd = k == OptimizerKind.SGD;
        boolean rms = k == OptimizerKind.RMSPROP;
        boolean adam = k == OptimizerKind.ADAM || k == OptimizerKind.ADAMW;
        optional(out, "momentum", o.momentum(), d.momentum(), sgd || rms);
        if (sgd || o.nesterov() != d.nesterov()) {
            out.field("nesterov", o.nesterov());
        }
        optional(out, "alpha", o.alpha(), d.alpha(), rms);
        optional(out, "eps", o.eps(), d.eps(), !sgd);
        optional(out, "beta1", o.beta1(), d.beta1(), adam);
        optional(out, "beta2", o.beta2(), d.beta2(), adam);
        optional(out, "weightDecay", o.weightDecay(), d.weightDecay(), k == OptimizerKind.ADAMW);
        out.endObject();
    }

    private static void optional(JsonOut out, String name, double v, double fallback, boolean applies) {
        if (applies || Double.compare(v, fallback) != 0) {
            out.field(name, v);
        }
    }

    static RegularizationConfig readRegularization(JsonIn in) {
        Obj o = in.obj("kind", "rate");
        RegularizationKind kind = o.req("kind").named(RegularizationKind::fromId);
        double rate = numberOr(o, "rate", 0.0);
        return build(o, () -> new RegularizationConfig(kind, rate));
    }

    static ScheduleConfig readSchedule(JsonIn in) {
        Obj o = in.obj("kind", "stepSize", "gamma", "period", "minLr");
        ScheduleKind kind = o.req("kind").named(ScheduleKind::fromId);
        ScheduleConfig d = ScheduleConfig.CONSTANT;
        JsonIn stepIn = o.opt("stepSize");
        int stepSize = stepIn == null ? d.stepSize() : stepIn.integer(1, Integer.MAX_VALUE);
        double gamma = numberOr(o, "gamma", d.gamma());
        JsonIn periodIn = o.opt("period");
        int period = periodIn == null ? d.period() : periodIn.integer(1, Integer.MAX_VALUE);
        double minLr = numberOr(o, "minLr", d.minLr());
        return build(o, () -> new ScheduleConfig(kind, stepSize, gamma, period, minLr));
    }

    static void writeSchedule(JsonOut out, ScheduleConfig s) {
        ScheduleConfig d = ScheduleConfig.CONSTANT;
        ScheduleKind k = s.kind();
        out.field("schedule").startInlineObject();
        out.field("kind", k.id());
        if (k == ScheduleKind.STEP || s.stepSize() != d.stepSize()) {
            out.field("stepSize", s.stepSize());
        }
        optional(out, "gamma", s.gamma(), d.gamma(), k == ScheduleKind.STEP || k == ScheduleKind.EXPONENTIAL);
        if (k == ScheduleKind.COSINE || s.period() != d.period()) {
            out.field("period", s.period());
        }
        optional(out, "minLr", s.minLr(), d.minLr(), k == ScheduleKind.COSINE);
        out.endObject();
    }

    // ---- network state ------------------------------------------------------------------------

    /**
     * Reads "initial" or "final", checking every layer against the network that {@code config}
     * describes. {@code activation} and the frozen masks may be left out (the config's activation,
     * nothing frozen).
     *
     * @param finiteOnly false for a run's final state, which may have diverged
     */
    static NetworkState readState(JsonIn in, RunConfig config, boolean finiteOnly) {
        Obj o = in.obj("conv", "layers");
        List<ConvState> conv = ConvCodec.readStates(config.extras().conv().isEmpty() ? o.opt("conv") : o.req("conv"),
                config, finiteOnly);
        JsonIn layersIn = o.req("layers");
        List<JsonIn> layers = layersIn.array();
        List<Integer> hidden = config.hidden();
        if (layers.size() != hidden.size() + 1) {
            throw layersIn.bad("has " + layers.size() + " layers; the config's network has " + (hidden.size() + 1)
                    + " (" + (hidden.isEmpty() ? "no hidden layers" : "hidden " + hidden)
                    + " and the output layer)");
        }
        List<LayerState> result = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            boolean output = l == hidden.size();
            int inputs = l == 0 ? config.denseInputs() : hidden.get(l - 1);
            int outputs = output ? config.outputs() : hidden.get(l);
            ActivationKind act = output ? config.outputActivation() : config.hiddenActivation(l);
            String name = output ? "the output layer" : "hidden layer " + (l + 1);
            LayerState layer = readLayer(layers.get(l), inputs, outputs, act, name, finiteOnly);
            JsonIn loraIn = layers.get(l).node.isObject() ? new Obj(layers.get(l), LAYER_FIELDS).opt("lora") : null;
            if (loraIn != null) {
                layer = layer.withLora(LoraCodec.readState(loraIn, config.loraOf(l), inputs, outputs, finiteOnly));
            }
            JsonIn normIn = layers.get(l).node.isObject() ? new Obj(layers.get(l), LAYER_FIELDS).opt("batchNorm") : null;
            if (normIn != null) {
                boolean on = !output && config.extras().batchNormOn(l);
                layer = layer.withNorm(NormCodec.readState(normIn, on, outputs, finiteOnly));
            }
            result.add(layer);
        }
        return new NetworkState(result, conv);
    }

    private static final String[] LAYER_FIELDS = {"weights", "biases", "activation", "frozenWeights",
        "frozenBiases", "lora", "batchNorm"};

    private static LayerState readLayer(JsonIn in, int inputs, int outputs, ActivationKind act, String name,
                                        boolean finiteOnly) {
        Obj o = in.obj(LAYER_FIELDS);
        String rowsWhy = name + " has " + outputs + " neuron" + (outputs == 1 ? "" : "s");
        String colsWhy = name + " takes " + inputs + " input" + (inputs == 1 ? "" : "s");
        double[][] weights = new double[outputs][];
        List<JsonIn> rows = sized(o.req("weights"), outputs, "rows", rowsWhy);
        for (int r = 0; r < outputs; r++) {
            weights[r] = numbers(sized(rows.get(r), inputs, "entries", colsWhy), finiteOnly);
        }
        double[] biases = numbers(sized(o.req("biases"), outputs, "entries", rowsWhy), finiteOnly);
        JsonIn actIn = o.opt("activation");
        if (actIn != null) {
            ActivationKind given = actIn.named(ActivationKind::fromId);
            if (given != act) {
                throw actIn.bad("is " + given.id() + ", but the config gives " + name + " " + act.id());
            }
        }
        boolean[][] frozenWeights = new boolean[outputs][inputs];
        JsonIn fwIn = o.opt("frozenWeights");
        if (fwIn != null) {
            List<JsonIn> frows = sized(fwIn, outputs, "rows", rowsWhy);
            for (int r = 0; r < outputs; r++) {
                List<JsonIn> cells = sized(frows.get(r), inputs, "entries", colsWhy);
                for (int i = 0; i < inputs; i++) {
                    frozenWeights[r][i] = cells.get(i).bool();
                }
            }
        }
        boolean[] frozenBiases = new boolean[outputs];
        JsonIn fbIn = o.opt("frozenBiases");
        if (fbIn != null) {
            List<JsonIn> cells = sized(fbIn, outputs, "entries", rowsWhy);
            for (int r = 0; r < outputs; r++) {
                frozenBiases[r] = cells.get(r).bool();
            }
        }
        return new LayerState(weights, biases, act, frozenWeights, frozenBiases);
    }

    private static List<JsonIn> sized(JsonIn in, int size, String what, String why) {
        List<JsonIn> items = in.array();
        if (items.size() != size) {
            throw in.bad("has " + items.size() + " " + what + "; " + why);
        }
        return items;
    }

    private static double[] numbers(List<JsonIn> items, boolean finiteOnly) {
        double[] v = new double[items.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = finiteOnly ? items.get(i).number() : items.get(i).numberOrNonFinite();
        }
        return v;
    }

    static void writeState(JsonOut out, NetworkState state) {
        out.startObject();
        ConvCodec.writeStates(out, state.conv());
        out.field("layers").startArray();
        for (LayerState layer : state.layers()) {
            out.startObject();
            out.field("weights").startArray();
            for (double[] row : layer.weights()) {
                out.startInlineArray();
                for (double w : row) {
                    out.valueOrNonFinite(w);
                }
                out.endArray();
            }
            out.endArray();
            out.field("biases").startInlineArray();
            for (double b : layer.biases()) {
                out.valueOrNonFinite(b);
            }
            out.endArray();
            out.field("activation", layer.activation().id());
            out.field("frozenWeights").startArray();
            for (boolean[] row : layer.frozenWeights()) {
                out.startInlineArray();
                for (boolean f : row) {
                    out.value(f);
                }
                out.endArray();
            }
            out.endArray();
            out.field("frozenBiases").startInlineArray();
            for (boolean f : layer.frozenBiases()) {
                out.value(f);
            }
            out.endArray();
            if (layer.lora() != null) {
                LoraCodec.writeState(out, layer.lora());
            }
            if (layer.norm() != null) {
                NormCodec.writeState(out, layer.norm());
            }
            out.endObject();
        }
        out.endArray().endObject();
    }

    // ---- history ------------------------------------------------------------------------------

    static List<HistoryPoint> readHistory(JsonIn in) {
        return list(in, j -> {
            Obj o = j.obj("step", "epoch", "trainLoss", "testLoss", "trainAccuracy", "testAccuracy");
            long step = o.req("step").whole(0, Long.MAX_VALUE);
            int epoch = o.req("epoch").integer(0, Integer.MAX_VALUE);
            return new HistoryPoint(step, epoch, o.req("trainLoss").numberOrNonFinite(),
                    o.req("testLoss").numberOrNonFinite(), o.req("trainAccuracy").numberOrNonFinite(),
                    o.req("testAccuracy").numberOrNonFinite());
        });
    }

    static void writeHistory(JsonOut out, List<HistoryPoint> history) {
        out.startArray();
        for (HistoryPoint p : history) {
            out.startInlineObject();
            out.field("step", p.step()).field("epoch", p.epoch());
            out.field("trainLoss").valueOrNonFinite(p.trainLoss());
            out.field("testLoss").valueOrNonFinite(p.testLoss());
            out.field("trainAccuracy").valueOrNonFinite(p.trainAccuracy());
            out.field("testAccuracy").valueOrNonFinite(p.testAccuracy());
            out.endObject();
        }
        out.endArray();
    }
}
