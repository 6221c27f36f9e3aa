package org.weightlab.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.InitSpec;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.RegularizationConfig;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.config.ScheduleConfig;

/**
 * The settings that differ between two configs, as people read them ("lr 0.03 -> 0.3"). The names
 * are those of the controls ("batch size", "regularization rate"), short and lower case, with
 * "lr" for the learning rate as the loss chart's markers write it.
 */
final class ConfigDiff {

    /** One changed setting. */
    record Change(String setting, String oldValue, String newValue) {
        String label() {
            return setting + " " + oldValue + " \u2192 " + newValue;
        }
    }

    private ConfigDiff() {
    }

    static List<Change> between(RunConfig a, RunConfig b) {
        List<Change> out = new ArrayList<>();
        add(out, "dataset", a, b, c -> c.dataset().id());
        add(out, "samples", a, b, c -> String.valueOf(c.samples()));
        add(out, "noise", a, b, c -> num(c.noise()));
        add(out, "training share", a, b, c -> num(c.trainFraction()));
        add(out, "seed", a, b, c -> String.valueOf(c.seed()));
        add(out, "features", a, b, c -> c.features().stream().map(Feature::id).collect(Collectors.joining(", ", "[", "]")));
        add(out, "problem", a, b, c -> c.problem().id());
        add(out, "hidden", a, b, c -> c.hidden().toString());
        add(out, "activation", a, b, c -> c.activation().id());
        add(out, "layer activations", a, b,
                c -> c.layerActivations().stream().map(ActivationKind::id).collect(Collectors.joining(", ", "[", "]")));
        add(out, "output activation", a, b, c -> c.outputActivation().id());
        add(out, "loss", a, b, c -> c.loss().id());
        add(out, "initializer", a, b, c -> label(c.init()));
        add(out, "bias initializer", a, b, c -> label(c.biasInit()));
        OptimizerConfig oa = a.optimizer();
        OptimizerConfig ob = b.optimizer();
        add(out, "optimizer", oa, ob, o -> o.kind().id());
        add(out, "lr", oa, ob, o -> num(o.learningRate()));
        add(out, "momentum", oa, ob, o -> num(o.momentum()));
        add(out, "nesterov", oa, ob, o -> String.valueOf(o.nesterov()));
        add(out, "alpha", oa, ob, o -> num(o.alpha()));
        add(out, "eps", oa, ob, o -> num(o.eps()));
        add(out, "beta1", oa, ob, o -> num(o.beta1()));
        add(out, "beta2", oa, ob, o -> num(o.beta2()));
        add(out, "weight decay", oa, ob, o -> num(o.weightDecay()));
        add(out, "regularization", a.regularization(), b.regularization(), r -> r.kind().id());
        add(out, "regularization rate", a.regularization(), b.regularization(), (RegularizationConfig r) -> num(r.rate()));
        add(out, "schedule", a.schedule(), b.schedule(), ConfigDiff::label);
        add(out, "batch size", a, b, c -> String.valueOf(c.batchSize()));
        add(out, "shuffle", a, b, c -> String.valueOf(c.shuffle()));
        add(out, "dropout", a, b, c -> num(c.dropout()));
        add(out, "batch norm", a, b, c -> c.extras().batchNorm().toString());
        return out;
    }

    /** "hidden [4, 2] -> [3]; activation tanh -> relu". */
    static String describe(List<Change> changes) {
        return changes.stream().map(Change::label).collect(Collectors.joining("; "));
    }

    private static <T> void add(List<Change> out, String name, T a, T b, Function<T, String> value) {
        String va = value.apply(a);
        String vb = value.apply(b);
        if (!Objects.equals(va, vb)) {
            out.add(new Change(name, va, vb));
        }
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static String label(InitSpec s) {
        return s.label();
    }

    private static String label(ScheduleConfig s) {
        return switch (s.kind()) {
            case CONSTANT -> s.kind().id();
            case STEP -> s.kind().id() + "(every " + s.stepSize() + ", x" + num(s.gamma()) + ")";
            case EXPONENTIAL -> s.kind().id() + "(x" + num(s.gamma()) + ")";
            case COSINE -> s.kind().id() + "(" + s.period() + ", min " + num(s.minLr()) + ")";
        };
    }
}
