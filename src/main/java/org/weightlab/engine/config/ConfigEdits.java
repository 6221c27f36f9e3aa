package org.weightlab.engine.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The edits a person makes to a run's config, as changed copies of a {@link RunConfig}: the
 * graph's topology and activation edits, and the controls' changes that touch several fields at
 * once (a new data set may need another problem kind, output activation and loss). Every result
 * goes through RunConfig's constructor, so its rules decide what is valid; an edit that is not
 * possible throws {@link IllegalArgumentException} with a message for a person.
 */
public final class ConfigEdits {

    private ConfigEdits() {
    }



    /** Switches {@code f} on or off; the features stay in their canonical order; one must stay on. */
    public static RunConfig toggleFeature(RunConfig c, Feature f) {
        List<Feature> now = new ArrayList<>();
        boolean on = c.features().contains(f);
        if (on && c.features().size() == 1) {
            throw new IllegalArgumentException("At least one input feature must stay on");
        }
        for (Feature g : Feature.values()) {
            if (g == f ? !on : c.features().contains(g)) {
                now.add(g);
            }
        }
        return c.withFeatures(now);
    }

    /** Appends a hidden layer (before the output) as wide as the last one, or 2 neurons. */
    public static RunConfig addLayer(RunConfig c) {
        if (c.hidden().size() >= RunConfig.MAX_HIDDEN_LAYERS) {
            throw new IllegalArgumentException("At most " + RunConfig.MAX_HIDDEN_LAYERS + " hidden layers");
        }
        List<Integer> h = new ArrayList<>(c.hidden());
        h.add(h.isEmpty() ? 2 : h.get(h.size() - 1));
        List<ActivationKind> acts = new ArrayList<>(c.layerActivations());
        if (!acts.isEmpty()) {
            acts.add(c.activation());
        }
        return c.withHidden(h, acts);
    }

    /** Removes the last hidden layer. */
    public static RunConfig removeLayer(RunConfig c) {
        if (c.hidden().isEmpty()) {
            throw new IllegalArgumentException("There is no hidden layer to remove");
        }
        List<Integer> h = new ArrayList<>(c.hidden());
        h.remove(h.size() - 1);
        List<ActivationKind> acts = new ArrayList<>(c.layerActivations());
        if (!acts.isEmpty()) {
            acts.remove(acts.size() - 1);
        }
        return c.withHidden(h, acts);
    }

    /** Adds {@code delta} neurons to hidden layer {@code layer} (kept within 1 to 16). */
    public static RunConfig changeNeurons(RunConfig c, int layer, int delta) {
        List<Integer> h = new ArrayList<>(c.hidden());
        int n = h.get(layer) + delta;
        if (n < 1 || n > RunConfig.MAX_NEURONS) {
            throw new IllegalArgumentException("A hidden layer holds 1 to " + RunConfig.MAX_NEURONS + " neurons");
        }
        h.set(layer, n);
        return c.withHidden(h, c.layerActivations());
    }

    /** Sets the activation of hidden layer {@code layer}, keeping the others. */
    public static RunConfig setHiddenActivation(RunConfig c, int layer, ActivationKind a) {
        if (a == ActivationKind.SOFTMAX) {
            throw new IllegalArgumentException("softmax is for the output layer only");
        }
        ActivationKind[] acts = new ActivationKind[c.hidden().size()];
        for (int i = 0; i < acts.length; i++) {
            acts[i] = c.hiddenActivation(i);
        }
        acts[layer] = a;
        return c.withHidden(c.hidden(), Arrays.asList(acts));
    }

    /** The output activations that fit the config's data set (with some loss), from {@link #validOutputs}. */
    public static List<ActivationKind> outputChoices(RunConfig c) {
        List<ActivationKind> fit = new ArrayList<>();
        for (Output o : validOutputs(c)) {
            if (!fit.contains(o.activation())) {
                fit.add(o.activation());
            }
        }
        List<ActivationKind> ordered = new ArrayList<>();
        for (ActivationKind a : List.of(ActivationKind.TANH, ActivationKind.SIGMOID, ActivationKind.LINEAR,
                ActivationKind.RELU, ActivationKind.LEAKY_RELU, ActivationKind.SOFTMAX)) {
            if (fit.contains(a)) {
                ordered.add(a);
            }
        }
        return ordered;
    }

    /** The activations a hidden layer may take. */
    public static List<ActivationKind> hiddenChoices() {
        return List.of(ActivationKind.TANH, ActivationKind.RELU, ActivationKind.LEAKY_RELU, ActivationKind.SIGMOID,
                ActivationKind.LINEAR);
    }

    /**
     * Sets the output activation and, when the current loss no longer fits it, the loss that does:
     * softmax takes cross_entropy; leaving softmax or bce falls back to bce for a sigmoid
     * classifier and to mse otherwise.
     */
    public static RunConfig setOutputActivation(RunConfig c, ActivationKind a) {
        if (!outputChoices(c).contains(a)) {
            throw new IllegalArgumentException(a.id() + " does not fit the " + c.dataset().id() + " data set");
        }
        LossKind loss = c.loss();
        if (a == ActivationKind.SOFTMAX) {
            loss = LossKind.CROSS_ENTROPY;
        } else if (loss == LossKind.CROSS_ENTROPY || (loss == LossKind.BCE && a != ActivationKind.SIGMOID)) {
            loss = a == ActivationKind.SIGMOID && c.problem() == ProblemKind.CLASSIFICATION ? LossKind.BCE
                    : LossKind.MSE;
        }
        // withActivations resets per-layer activations; put them back
        return c.withActivations(c.activation(), a, loss, c.problem()).withHidden(c.hidden(), c.layerActivations());
    }


    /** An output activation with its loss. */
    public record Output(ActivationKind activation, LossKind loss) {
        public String label() {
            return activation.id() + " + " + loss.id();
        }
    }


    /** The output/loss pairs RunConfig accepts for {@code c}'s dataset, most common first. */
    public static List<Output> validOutputs(RunConfig c) {
        List<Output> valid = new ArrayList<>();
        ActivationKind[] order = {ActivationKind.TANH, ActivationKind.SIGMOID, ActivationKind.LINEAR,
            ActivationKind.SOFTMAX, ActivationKind.RELU, ActivationKind.LEAKY_RELU};
        for (LossKind loss : LossKind.values()) {
            for (ActivationKind out : order) {
                try {
                    c.withActivations(c.activation(), out, loss, c.dataset().problem());
                    valid.add(new Output(out, loss));
                } catch (IllegalArgumentException e) {
                    // not a valid pair for this dataset: not offered
                }
            }
        }
        return valid;
    }

    /**
     * {@code c} with dataset {@code d}; keeps the output and loss when they still fit, else takes
     * the first that does. Going to digits takes all its images and no features (its inputs are
     * the 64 pixels); going back to 2-D data takes x1, x2 and narrows hidden layers to 16.
     * {@code custom} needs its data: see {@link #withInlineData}.
     */
    public static RunConfig withDataset(RunConfig c, DatasetKind d) {
        if (d == DatasetKind.CUSTOM) {
            if (c.inlineData() == null) {
                throw new IllegalArgumentException("custom data comes from a CSV file (File > Import data) "
                        + "or from points clicked in the output view");
            }
            return c;
        }
        return withData(c, d, null);
    }

    /** {@code c} training on {@code data} (dataset custom); output and loss as {@link #withDataset} chooses them. */
    public static RunConfig withInlineData(RunConfig c, InlineData data) {
        return withData(c, DatasetKind.CUSTOM, data);
    }

    private static RunConfig withData(RunConfig c, DatasetKind d, InlineData data) {
        Output keep = new Output(c.outputActivation(), c.loss());
        RunConfig probe = build(c, d, data, keep);
        if (probe != null) {
            return probe;
        }
        Output[] preferred = {new Output(ActivationKind.TANH, LossKind.MSE),
            new Output(ActivationKind.SOFTMAX, LossKind.CROSS_ENTROPY),
            new Output(ActivationKind.LINEAR, LossKind.MSE)};
        for (Output o : preferred) {
            RunConfig next = build(c, d, data, o);
            if (next != null) {
                return next;
            }
        }
        throw new IllegalArgumentException("no output activation and loss fit dataset " + d.id());
    }

    private static RunConfig build(RunConfig c, DatasetKind d, InlineData data, Output o) {
        int dims = data != null ? data.dims() : d.dims();
        List<Feature> features = dims != 2 ? List.of()
                : c.features().isEmpty() ? List.of(Feature.X1, Feature.X2) : c.features();
        int samples = data != null ? data.size()
                : d == DatasetKind.DIGITS ? (c.dataset() == d ? c.samples() : DatasetKind.DIGITS_IMAGES)
                : c.samples();
        int widest = dims == 2 ? RunConfig.MAX_NEURONS : RunConfig.MAX_WIDE_NEURONS;
        List<Integer> hidden = c.hidden().stream().map(n -> Math.min(n, widest)).toList();
        ProblemKind problem = data != null ? data.problem() : d.problem();
        try {
            RunConfig next = new RunConfig(d, samples, c.noise(), c.trainFraction(), c.seed(), features,
                    problem, hidden, c.activation(), c.layerActivations(), o.activation(), o.loss(),
                    c.init(), c.biasInit(), c.optimizer(), c.regularization(), c.schedule(),
                    Math.min(c.batchSize(), trainSize(samples, c.trainFraction())), c.shuffle(), c.dropout(),
                    List.of(), c.extras().withData(data)
                            .withConv(d == DatasetKind.DIGITS ? c.extras().conv() : List.of())); // images only
            RunConfig base = next;
            return next.withLora(c.lora().stream().filter(s -> fits(s, base)).toList());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether adapter {@code s} fits the network of {@code next}. */
    private static boolean fits(LoraSpec s, RunConfig next) {
        try {
            next.withLora(List.of(s));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Number of training examples for these data settings (as DataGenerator splits: floor, one point each side at least). */
    public static int trainSize(int samples, double trainFraction) {
        return Math.max(1, Math.min(samples - 1, (int) Math.floor(samples * trainFraction)));
    }
}
