package org.weightlab.engine.config;

import java.util.List;

/**
 * Everything that defines a run: data, features, network shape, loss, initialization and
 * training settings. The "config" object of a scenario file (DESIGN 5). Immutable; the
 * {@code with*} methods return changed copies.
 *
 * @param hidden           neurons per hidden layer (0 to 8 layers of 1 to 16 for 2-D data)
 * @param activation       activation of every hidden layer unless {@code layerActivations} says otherwise
 * @param layerActivations one activation per hidden layer, or empty to use {@code activation} everywhere
 * @param dropout          inverted-dropout rate for every hidden layer, 0 for none (training only)
 * @param lora             LoRA adapters, by layer (config field "lora")
 * @param extras           the optional sections added since: batch normalization, quantization-aware
 *                         training, data carried inside the file (never null; {@link RunExtras#NONE})
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
        if (features.isEmpty()) {
            throw new IllegalArgumentException("at least one feature is needed");
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
        for (int n : hidden) {
            if (n < 1 || n > MAX_NEURONS) {
                throw new IllegalArgumentException("hidden layers hold 1 to " + MAX_NEURONS + " neurons, got " + n);
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
        if (loss == LossKind.CROSS_ENTROPY && dataset.classes() < 2) {
            throw new IllegalArgumentException("cross_entropy needs a classification dataset");
        }
        if (dataset.classes() == 3 && loss != LossKind.CROSS_ENTROPY) {
            throw new IllegalArgumentException(dataset.id() + " has three classes: use softmax with cross_entropy");
        }
        if (problem != dataset.problem()) {
            throw new IllegalArgumentException("dataset " + dataset.id() + " is a " + dataset.problem().id()
                    + " problem, but problem is " + problem.id());
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        checkLora(lora, features.size(), hidden, loss == LossKind.CROSS_ENTROPY ? dataset.classes() : 1);
        extras.check(hidden);
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
    private static List<LoraSpec> fitting(List<LoraSpec> lora, int inputs, List<Integer> hidden, LossKind loss,
                                          DatasetKind dataset) {
        int outputs = loss == LossKind.CROSS_ENTROPY ? dataset.classes() : 1;
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
                && a.trainFraction() == b.trainFraction() && a.seed() == b.seed();
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
        return loss == LossKind.CROSS_ENTROPY ? dataset.classes() : 1;
    }

    public RunConfig withDataset(DatasetKind d) {
        return new RunConfig(d, samples, noise, trainFraction, seed, features, problem, hidden, activation,
                layerActivations, outputActivation, loss, init, biasInit, optimizer, regularization, schedule,
                batchSize, shuffle, dropout, fitting(lora, features.size(), hidden, loss, d), extras);
    }

    public RunConfig withData(int samples, double noise, double trainFraction, long seed) {
        return new RunConfig(dataset, samples, noise, trainFraction, seed, features, problem, hidden, activation,
                layerActivations, outputActivation, loss, init, biasInit, optimizer, regularization, schedule,
                batchSize, shuffle, dropout, lora, extras);
    }

    public RunConfig withFeatures(List<Feature> f) {
        return new RunConfig(dataset, samples, noise, trainFraction, seed, f, problem, hidden, activation,
                layerActivations, outputActivation, loss, init, biasInit, optimizer, regularization, schedule,
                batchSize, shuffle, dropout, fitting(lora, f.size(), hidden, loss, dataset), extras);
    }

    public RunConfig withHidden(List<Integer> h, List<ActivationKind> perLayer) {
        return new RunConfig(dataset, samples, noise, trainFraction, seed, features, problem, h, activation,
                perLayer, outputActivation, loss, init, biasInit, optimizer, regularization, schedule,
                batchSize, shuffle, dropout, fitting(lora, features.size(), h, loss, dataset), extras.fitting(h));
    }

    public RunConfig withActivations(ActivationKind hiddenAct, ActivationKind outputAct, LossKind l,
                                     ProblemKind p) {
        return new RunConfig(dataset, samples, noise, trainFraction, seed, features, p, hidden, hiddenAct,
                List.of(), outputAct, l, init, biasInit, optimizer, regularization, schedule, batchSize, shuffle,
                dropout, fitting(lora, features.size(), hidden, l, dataset), extras);
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
