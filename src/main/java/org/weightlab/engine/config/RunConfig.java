package org.weightlab.engine.config;

import java.util.List;

/**
 * Everything that defines a run: data, features, network shape, loss, initialization and
 * training settings. The "config" object of a scenario file (DESIGN 5). Immutable; the
 * {@code with*} methods return changed copies.
 *
 * @param features         the inputs computed from a 2-D point (x1, x2, x1^2, ...); empty for data of
 *                         other than two columns (digits, an imported CSV), whose inputs are the
 *                         columns themselves
 * @param hidden           neurons per hidden layer (0 to 8 layers of 1 to 16 for 2-D data, of 1 to
 *                         64 for N-D data, whose inputs are many)
 * @param activation       activation of every hidden layer unless {@code layerActivations} says otherwise
 * @param layerActivations one activation per hidden layer, or empty to use {@code activation} everywhere
 * @param dropout          inverted-dropout rate for every hidden layer, 0 for none (training only)
 * @param lora             LoRA adapters, by layer (config field "lora")
 * @param extras           the optional sections added since: batch normalization, quantization-aware
 *                         training, data carried inside the file, convolutions (never null;
 *                         {@link RunExtras#NONE})
 */
public record RunConfig(DatasetKind dataset, int samples, double noise, double trainFraction, long seed,
                        List<Feature> features, ProblemKind problem, List<Integer> hidden,
                        ActivationKind activation, List<ActivationKind> layerActivations,
                        ActivationKind outputActivation, LossKind loss, InitSpec init, InitSpec biasInit,
                        OptimizerConfig optimizer, RegularizationConfig regularization, ScheduleConfig schedule,
                        int batchSize, boolean shuffle, double dropout, List<LoraSpec> lora,
                        RunExtras extras) {

    public static final int MAX_HIDDEN_LAYERS = 8;
    public static final int MAX_NEURONS = 16;
    /** Widest hidden layer for data of other than two columns (digits needs 32 and more). */
    public static final int MAX_WIDE_NEURONS = 64;
    public static final int MAX_SAMPLES = 100_000;

    public RunConfig {
        if (dataset == null || problem == null || activation == null || outputActivation == null || loss == null
                || init == null || biasInit == null || optimizer == null || regularization == null
                || schedule == null || features == null || hidden == null || layerActivations == null) {
            throw new IllegalArgumentException("config is incomplete");
        }
        features = List.copyOf(features);
        hidden = List.copyOf(hidden);
        layerActivations = List.copyOf(layerActivations);
        lora = lora == null ? List.of() : List.copyOf(lora);
        extras = extras == null ? RunExtras.NONE : extras;
        if (samples < 2 || samples > MAX_SAMPLES) {
            throw new IllegalArgumentException("samples must be between 2 and " + MAX_SAMPLES + ", got " + samples);
        }
        if (!(noise >= 0 && noise <= 1)) {
            throw new IllegalArgumentException("noise must be between 0 and 1 (0% to 100%), got " + noise);
        }
        if (!(trainFraction >= 0.1 && trainFraction <= 0.9)) {
            throw new IllegalArgumentException("trainFraction must be between 0.1 and 0.9, got " + trainFraction);
        }
        InlineData data = extras.data();
        if ((dataset == DatasetKind.CUSTOM) != (data != null)) {
            throw new IllegalArgumentException(dataset == DatasetKind.CUSTOM
                    ? "dataset custom needs its data (config field \"data\")"
                    : "config field \"data\" goes with dataset custom, not " + dataset.id());
        }
        int dims = data != null ? data.dims() : dataset.dims();
        if (dims == 2 && features.isEmpty()) {
            throw new IllegalArgumentException("at least one feature is needed");
        }
        if (dims != 2 && !features.isEmpty()) {
            throw new IllegalArgumentException("features apply to 2-D points; " + dataset.id() + " has " + dims
                    + " input columns, which are the network's inputs (leave features out)");
        }
        if (dataset == DatasetKind.DIGITS && samples > DatasetKind.DIGITS_IMAGES) {
            throw new IllegalArgumentException("digits has " + DatasetKind.DIGITS_IMAGES + " images, samples is " + samples);
        }
        if (data != null && samples != data.size()) {
            throw new IllegalArgumentException("samples must be the " + data.size() + " rows of the data, got "
                    + samples);
        }
        for (int i = 0; i < features.size(); i++) {
            if (features.indexOf(features.get(i)) != i) {
                // Named as files write them (x1), not as the constant (X1).
                throw new IllegalArgumentException("features lists " + features.get(i).id() + " twice");
            }
        }
        if (hidden.size() > MAX_HIDDEN_LAYERS) {
            throw new IllegalArgumentException("at most " + MAX_HIDDEN_LAYERS + " hidden layers, got " + hidden.size());
        }
        int widest = dims == 2 ? MAX_NEURONS : MAX_WIDE_NEURONS;
        for (int n : hidden) {
            if (n < 1 || n > widest) {
                throw new IllegalArgumentException("hidden layers hold 1 to " + widest + " neurons"
                        + (dims == 2 ? " for 2-D data" : "") + ", got " + n);
            }
        }
        if (!layerActivations.isEmpty() && layerActivations.size() != hidden.size()) {
            throw new IllegalArgumentException("layerActivations has " + layerActivations.size()
                    + " entries for " + hidden.size() + " hidden layers");
        }
        if (activation == ActivationKind.SOFTMAX || layerActivations.contains(ActivationKind.SOFTMAX)) {
            throw new IllegalArgumentException("softmax is for the output layer only");
        }
        if ((outputActivation == ActivationKind.SOFTMAX) != (loss == LossKind.CROSS_ENTROPY)) {
            throw new IllegalArgumentException("cross_entropy goes with a softmax output, and softmax with cross_entropy");
        }
        if (loss == LossKind.BCE && outputActivation != ActivationKind.SIGMOID) {
            throw new IllegalArgumentException("bce needs a sigmoid output");
        }
        if (loss != LossKind.MSE && problem == ProblemKind.REGRESSION) {
            throw new IllegalArgumentException(loss.id() + " is a classification loss; regression uses mse");
        }
        int classes = classesOf(dataset, data);
        if (loss == LossKind.CROSS_ENTROPY && classes < 2) {
            throw new IllegalArgumentException("cross_entropy needs a classification dataset");
        }
        if (classes > 2 && loss != LossKind.CROSS_ENTROPY) {
            throw new IllegalArgumentException(dataset.id() + " has " + (classes == 3 ? "three" : classes)
                    + " classes: use softmax with cross_entropy");
        }
        ProblemKind expected = data != null ? data.problem() : dataset.problem();
        if (problem != expected) {
            throw new IllegalArgumentException("dataset " + dataset.id() + " is a " + expected.id()
                    + " problem, but problem is " + problem.id());
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        checkLora(lora, features.isEmpty() ? dims : features.size(), hidden,
                loss == LossKind.CROSS_ENTROPY ? classes : 1);
        extras.check(hidden);
        ConvSpec.check(extras.conv(), data != null ? null : imageOf(dataset), dataset.id());
    }

    /** The image shape {channels, height, width} of a data set of pictures (digits: 1 x 8 x 8), else null. */
    private static int[] imageOf(DatasetKind dataset) {
        return dataset == DatasetKind.DIGITS
                ? new int[]{1, DatasetKind.DIGITS_SIDE, DatasetKind.DIGITS_SIDE} : null;
    }

    /** The inputs as an image {channels, height, width} (digits: 1 x 8 x 8), or null for data that is not one. */
    public int[] imageShape() {
        return extras.data() != null ? null : imageOf(dataset);
    }

    /** A config without LoRA adapters (the form every config had before "lora"). */
    public RunConfig(DatasetKind dataset, int samples, double noise, double trainFraction, long seed,
                     List<Feature> features, ProblemKind problem, List<Integer> hidden,
                     ActivationKind activation, List<ActivationKind> layerActivations,
                     ActivationKind outputActivation, LossKind loss, InitSpec init, InitSpec biasInit,
                     OptimizerConfig optimizer, RegularizationConfig regularization, ScheduleConfig schedule,
                     int batchSize, boolean shuffle, double dropout) {
        this(dataset, samples, noise, trainFraction, seed, features, problem, hidden, activation, layerActivations,
                outputActivation, loss, init, biasInit, optimizer, regularization, schedule, batchSize, shuffle,
                dropout, List.of(), RunExtras.NONE);
    }

    private static void checkLora(List<LoraSpec> lora, int inputs, List<Integer> hidden, int outputs) {
        boolean[] seen = new boolean[hidden.size() + 1];
        for (LoraSpec s : lora) {
            if (s.layer() > hidden.size()) {
                throw new IllegalArgumentException("lora layer " + s.layer() + " is outside 0.." + hidden.size()
                        + " (the network has " + (hidden.size() + 1) + " layers)");
            }
            if (seen[s.layer()]) {
                throw new IllegalArgumentException("lora lists layer " + s.layer() + " twice");
            }
            seen[s.layer()] = true;
            int in = s.layer() == 0 ? inputs : hidden.get(s.layer() - 1);
            int out = s.layer() == hidden.size() ? outputs : hidden.get(s.layer());
            int max = Math.min(in, out);
            if (s.rank() > max) {
                throw new IllegalArgumentException("lora rank of layer " + s.layer() + " must be 1.." + max
                        + " (min of its " + in + " inputs and " + out + " outputs), got " + s.rank());
            }
        }
    }

    /** The adapters of {@code lora} that still fit a network of this shape (an edit of the shape drops the others). */
    private List<LoraSpec> fitting(List<LoraSpec> lora, int inputs, List<Integer> hidden, LossKind loss,
                                   DatasetKind dataset) {
        int outputs = loss == LossKind.CROSS_ENTROPY ? classesOf(dataset, extras.data()) : 1;
        return lora.stream().filter(s -> {
            try {
                checkLora(List.of(s), inputs, hidden, outputs);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }).toList();
    }

    /** The adapter of layer {@code layer}, or null. */
    public LoraSpec loraOf(int layer) {
        for (LoraSpec s : lora) {
            if (s.layer() == layer) {
                return s;
            }
        }
        return null;
    }

    public RunConfig withLora(List<LoraSpec> l) {
        return new RunConfig(dataset, samples, noise, trainFraction, seed, features, problem, hidden, activation,
                layerActivations, outputActivation, loss, init, biasInit, optimizer, regularization, schedule,
                batchSize, shuffle, dropout, l, extras);
    }

    /**
     * Whether {@code a} and {@code b} make the same data set: the generator's inputs (kind,
     * samples, noise, train fraction, seed) are equal, so the points and labels are identical.
     * The one place that answers "same data?" for the session, the trainer and the views.
     */
    public static boolean sameData(RunConfig a, RunConfig b) {
        return a.dataset() == b.dataset() && a.samples() == b.samples() && a.noise() == b.noise()
                && a.trainFraction() == b.trainFraction() && a.seed() == b.seed()
                && java.util.Objects.equals(a.extras().data(), b.extras().data());
    }

    /**
     * True when a network built for {@code a} fits {@code b} as it is: the same inputs, convolutions,
     * hidden layers and their activations, outputs and loss. The one place that answers "can the
     * weights stay?" for the session, the lessons, the races and the controls.
     */
    public static boolean sameNetworkShape(RunConfig a, RunConfig b) {
        if (!a.features().equals(b.features()) || !a.hidden().equals(b.hidden()) || a.loss() != b.loss()
                || a.problem() != b.problem() || a.outputActivation() != b.outputActivation()
                || a.inputs() != b.inputs() || a.outputs() != b.outputs()
                || !a.extras().conv().equals(b.extras().conv())) {
            return false;
        }
        for (int l = 0; l < a.hidden().size(); l++) {
            if (a.hiddenActivation(l) != b.hiddenActivation(l)) {
                return false;
            }
        }
        return true;
    }

    private static int classesOf(DatasetKind dataset, InlineData data) {
        if (data == null) {
            return dataset.classes();
        }
        return data.classes().isEmpty() ? 1 : data.classes().size();
    }

    /** Number of classes (2 for labels -1/+1, 3 or more for labels 0..K-1); 1 for regression. */
    public int classes() {
        return classesOf(dataset, extras.data());
    }

    /** Number of input columns of the raw data: 2 for the plane's sets, 64 for digits, the data's for custom. */
    public int dims() {
        return extras.data() != null ? extras.data().dims() : dataset.dims();
    }

    /** Whether the data are points of the plane (two columns), which features and the 2-D views need. */
    public boolean planar() {
        return dims() == 2;
    }

    /** Number of network inputs: the features for 2-D data, else the data's columns. */
    public int inputs() {
        return features.isEmpty() ? dims() : features.size();
    }

    /** Number of inputs of the first dense layer: {@link #inputs()}, or the flattened feature maps of the convolutions. */
    public int denseInputs() {
        int[] shape = imageShape();
        if (extras.conv().isEmpty() || shape == null) {
            return inputs();
        }
        for (ConvSpec s : extras.conv()) {
            shape = new int[]{s.channels(), shape[1] - s.kernel() + 1, shape[2] - s.kernel() + 1};
        }
        return shape[0] * shape[1] * shape[2];
    }

    /** Names of the network's inputs: the features' ids, or the data's column names. */
    public List<String> inputNames() {
        if (!features.isEmpty()) {
            return features.stream().map(Feature::id).toList();
        }
        return extras.data() != null ? extras.data().columns() : DatasetKind.digitsColumns();
    }

    /** The data carried in the file (dataset custom), or null. */
    public InlineData inlineData() {
        return extras.data();
    }

    /** The TF Playground default: circle, x1 x2, [4, 2] tanh, tanh output, mse, SGD 0.03, batch 10. */
    public static RunConfig defaults() {
        return new RunConfig(DatasetKind.CIRCLE, 500, 0.0, 0.5, 1, List.of(Feature.X1, Feature.X2),
                ProblemKind.CLASSIFICATION, List.of(4, 2), ActivationKind.TANH, List.of(), ActivationKind.TANH,
                LossKind.MSE, InitSpec.XAVIER_UNIFORM, InitSpec.ZEROS,
                OptimizerConfig.defaults(OptimizerKind.SGD, 0.03), RegularizationConfig.NONE,
                ScheduleConfig.CONSTANT, 10, true, 0.0);
    }

    /** Activation of hidden layer {@code layer} (0-based). */
    public ActivationKind hiddenActivation(int layer) {
        return layerActivations.isEmpty() ? activation : layerActivations.get(layer);
    }

    /** Number of network outputs: the class count for cross_entropy, else 1. */
    public int outputs() {
        return loss == LossKind.CROSS_ENTROPY ? classes() : 1;
    }

    public RunConfig withDataset(DatasetKind d) {
        return new RunConfig(d, samples, noise, trainFraction, seed, features, problem, hidden, activation,
                layerActivations, outputActivation, loss, init, biasInit, optimizer, regularization, schedule,
                batchSize, shuffle, dropout, fitting(lora, inputs(), hidden, loss, d),
                imageOf(d) == null ? extras.withConv(List.of()) : extras);
    }

    /** With other data settings; a new seed or train fraction splits carried rows by the seed again. */
    public RunConfig withData(int samples, double noise, double trainFraction, long seed) {
        InlineData d = extras.data();
        boolean resplit = d != null && d.fixedSplit() && (seed != this.seed || trainFraction != this.trainFraction);
        return new RunConfig(dataset, samples, noise, trainFraction, seed, features, problem, hidden, activation,
                layerActivations, outputActivation, loss, init, biasInit, optimizer, regularization, schedule,
                batchSize, shuffle, dropout, lora, resplit ? extras.withData(d.withSplit(null)) : extras);
    }

    public RunConfig withFeatures(List<Feature> f) {
        return new RunConfig(dataset, samples, noise, trainFraction, seed, f, problem, hidden, activation,
                layerActivations, outputActivation, loss, init, biasInit, optimizer, regularization, schedule,
                batchSize, shuffle, dropout, fitting(lora, f.isEmpty() ? dims() : f.size(), hidden, loss, dataset), extras);
    }

    public RunConfig withHidden(List<Integer> h, List<ActivationKind> perLayer) {
        return new RunConfig(dataset, samples, noise, trainFraction, seed, features, problem, h, activation,
                perLayer, outputActivation, loss, init, biasInit, optimizer, regularization, schedule,
                batchSize, shuffle, dropout, fitting(lora, inputs(), h, loss, dataset), extras.fitting(h));
    }

    public RunConfig withActivations(ActivationKind hiddenAct, ActivationKind outputAct, LossKind l,
                                     ProblemKind p) {
        return new RunConfig(dataset, samples, noise, trainFraction, seed, features, p, hidden, hiddenAct,
                List.of(), outputAct, l, init, biasInit, optimizer, regularization, schedule, batchSize, shuffle,
                dropout, fitting(lora, inputs(), hidden, l, dataset), extras);
    }

    public RunConfig withInit(InitSpec weights, InitSpec biases) {
        return new RunConfig(dataset, samples, noise, trainFraction, seed, features, problem, hidden, activation,
                layerActivations, outputActivation, loss, weights, biases, optimizer, regularization, schedule,
                batchSize, shuffle, dropout, lora, extras);
    }

    public RunConfig withOptimizer(OptimizerConfig o) {
        return new RunConfig(dataset, samples, noise, trainFraction, seed, features, problem, hidden, activation,
                layerActivations, outputActivation, loss, init, biasInit, o, regularization, schedule, batchSize,
                shuffle, dropout, lora, extras);
    }

    public RunConfig withRegularization(RegularizationConfig r) {
        return new RunConfig(dataset, samples, noise, trainFraction, seed, features, problem, hidden, activation,
                layerActivations, outputActivation, loss, init, biasInit, optimizer, r, schedule, batchSize,
                shuffle, dropout, lora, extras);
    }

    public RunConfig withSchedule(ScheduleConfig s) {
        return new RunConfig(dataset, samples, noise, trainFraction, seed, features, problem, hidden, activation,
                layerActivations, outputActivation, loss, init, biasInit, optimizer, regularization, s, batchSize,
                shuffle, dropout, lora, extras);
    }

    public RunConfig withBatch(int b, boolean shuf) {
        return new RunConfig(dataset, samples, noise, trainFraction, seed, features, problem, hidden, activation,
                layerActivations, outputActivation, loss, init, biasInit, optimizer, regularization, schedule, b,
                shuf, dropout, lora, extras);
    }

    public RunConfig withExtras(RunExtras x) {
        return new RunConfig(dataset, samples, noise, trainFraction, seed, features, problem, hidden, activation,
                layerActivations, outputActivation, loss, init, biasInit, optimizer, regularization, schedule,
                batchSize, shuffle, dropout, lora, x);
    }

    public RunConfig withDropout(double d) {
        return new RunConfig(dataset, samples, noise, trainFraction, seed, features, problem, hidden, activation,
                layerActivations, outputActivation, loss, init, biasInit, optimizer, regularization, schedule,
                batchSize, shuffle, d, lora, extras);
    }
}
