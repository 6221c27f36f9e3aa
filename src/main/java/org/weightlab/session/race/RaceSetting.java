package org.weightlab.session.race;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.weightlab.engine.config.InitKind;
import org.weightlab.engine.config.InitSpec;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.OptimizerKind;
import org.weightlab.engine.config.QuantizationSpec;
import org.weightlab.engine.config.RegularizationConfig;
import org.weightlab.engine.config.RegularizationKind;
import org.weightlab.engine.config.RunConfig;

/**
 * The one setting in which the runs of a race differ, with how a value (as a person types it)
 * changes a config, and sensible values to start from. Values are strings so that lessons and
 * the race dialog share one form: {@code "0.03"}, {@code "he_normal"}, {@code "adam"}, {@code "8,8"}.
 */
public enum RaceSetting {
    /** The optimizer's learning rate. */
    LEARNING_RATE("learningRate", "learning rate", "lr"),
    /** The weight initializer: an id, {@code normal(STD)} or {@code uniform(LOW,HIGH)}. */
    INIT("init", "initializer", "init"),
    /** The optimizer, with PyTorch's defaults and the run's learning rate. */
    OPTIMIZER("optimizer", "optimizer", ""),
    /** SGD's (or RMSprop's) momentum, from 0 to 1. */
    MOMENTUM("momentum", "momentum", "momentum"),
    /** L2 regularization rate (0 for none). */
    L2("l2", "L2 rate", "L2"),
    /** Examples per minibatch. */
    BATCH_SIZE("batchSize", "batch size", "batch"),
    /** Hidden layers, e.g. {@code "8,8"}; {@code "none"} for no hidden layer. */
    HIDDEN("hidden", "hidden layers", "hidden"),
    /** Quantization-aware training: {@code "none"} (full precision), 8, 4, 3, 2, ternary or binary. */
    QUANTIZATION("quantization", "quantization", "weights"),
    /**
     * How a pre-trained network is fine-tuned on task B ({@link FineTuning}): {@code all},
     * {@code base} or {@code lora(R,ALPHA)}; raced with {@link Race#fineTune}.
     */
    FINE_TUNING("fineTuning", "fine-tuning", "");

    private final String id;
    private final String label;
    private final String prefix;

    RaceSetting(String id, String label, String prefix) {
        this.id = id;
        this.label = label;
        this.prefix = prefix;
    }

    /** The name lesson files use. */
    public String id() {
        return id;
    }

    /** As a person reads it: "learning rate". */
    public String label() {
        return label;
    }

    public static RaceSetting fromId(String id) {
        for (RaceSetting s : values()) {
            if (s.id.equals(id) || s.prefix.equals(id) && !id.isEmpty()) {
                return s;
            }
        }
        List<String> ids = new ArrayList<>();
        for (RaceSetting s : values()) {
            ids.add(s.id);
        }
        throw new IllegalArgumentException("unknown race setting \"" + id + "\" (expected one of: "
                + String.join(", ", ids) + ")");
    }

    /** A run's label in tiles and legends: "lr 0.03", "adam", "batch 10". */
    public String runLabel(String value) {
        if (this == QUANTIZATION) { // "full precision", "4-bit weights", "binary weights"
            return value.equals("none") ? "full precision" : (value.matches("[0-9]+") ? value + "-bit" : value) + " weights";
        }
        if (this == FINE_TUNING) {
            return FineTuning.label(value);
        }
        return prefix.isEmpty() ? value : prefix + " " + value;
    }

    /** {@code config} with this setting at {@code value}; throws with a readable message on a bad value. */
    public RunConfig apply(RunConfig config, String value) {
        String v = value.strip();
        try {
            return switch (this) {
                case LEARNING_RATE -> config.withOptimizer(config.optimizer().withLearningRate(Double.parseDouble(v)));
                case INIT -> config.withInit(init(v), config.biasInit());
                case OPTIMIZER -> config.withOptimizer(OptimizerConfig.defaults(OptimizerKind.fromId(v),
                        config.optimizer().learningRate()));
                case MOMENTUM -> config.withOptimizer(config.optimizer().withMomentum(Double.parseDouble(v),
                        config.optimizer().nesterov() && Double.parseDouble(v) > 0));
                case L2 -> {
                    double rate = Double.parseDouble(v);
                    yield config.withRegularization(rate == 0 ? RegularizationConfig.NONE
                            : new RegularizationConfig(RegularizationKind.L2, rate));
                }
                case BATCH_SIZE -> config.withBatch(Integer.parseInt(v), config.shuffle());
                case HIDDEN -> config.withHidden(hidden(v), List.of());
                case QUANTIZATION -> config.withExtras(config.extras().withQuantization(v.equals("none") ? null
                        : new QuantizationSpec(v)));
                case FINE_TUNING -> FineTuning.config(config, v);
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(label + ": \"" + value + "\" is not a number");
        }
    }

    /** The value {@code config} has for this setting, in the same form {@link #apply} reads. */
    public String valueOf(RunConfig config) {
        return switch (this) {
            case LEARNING_RATE -> number(config.optimizer().learningRate());
            case INIT -> initId(config.init());
            case OPTIMIZER -> config.optimizer().kind().id();
            case MOMENTUM -> number(config.optimizer().momentum());
            case L2 -> config.regularization().kind() == RegularizationKind.L2
                    ? number(config.regularization().rate()) : "0";
            case BATCH_SIZE -> Integer.toString(config.batchSize());
            case HIDDEN -> config.hidden().isEmpty() ? "none"
                    : String.join(",", config.hidden().stream().map(String::valueOf).toList());
            case QUANTIZATION -> config.extras().quantization() == null ? "none" : config.extras().quantization().bits();
            case FINE_TUNING -> FineTuning.valueOf(config);
        };
    }

    /** Three values to race from {@code config}: for the learning rate x0.1, x1 and x10. */
    public List<String> defaults(RunConfig config) {
        return switch (this) {
            case LEARNING_RATE -> {
                double lr = config.optimizer().learningRate();
                yield List.of(number(clampLr(lr * 0.1)), number(lr), number(clampLr(lr * 10)));
            }
            case INIT -> List.of("zeros", "xavier_uniform", "normal(2.0)");
            case OPTIMIZER -> List.of("sgd", "rmsprop", "adam");
            case MOMENTUM -> List.of("0", "0.5", "0.9");
            case L2 -> List.of("0", "0.001", "0.03");
            case BATCH_SIZE -> List.of("1", Integer.toString(config.batchSize()), "50");
            case HIDDEN -> List.of("2", valueOf(config), "8,8");
            case QUANTIZATION -> List.of("none", "4", "binary");
            case FINE_TUNING -> FineTuning.defaults();
        };
    }

    /** Whether the runs train on a second task from a pre-trained start ({@link Race#fineTune}), not on the run's own data. */
    public boolean movesToTaskB() {
        return this == FINE_TUNING;
    }

    /** Whether runs that differ in this setting can start from the identical weights. */
    public boolean keepsWeights() {
        return this != INIT && this != HIDDEN;
    }

    private static double clampLr(double lr) {
        return Math.max(OptimizerConfig.MIN_LEARNING_RATE, Math.min(OptimizerConfig.MAX_LEARNING_RATE, lr));
    }

    /** 0.03 as "0.03", 3.0 as "3", 3e-4 as "3.0E-4". */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        return s.contains("e") ? Double.toString(Double.parseDouble(s))
                : s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** An initializer by its id, or {@code normal(STD)} / {@code uniform(LOW,HIGH)}. */
    static InitSpec init(String v) {
        if (v.startsWith("normal(") && v.endsWith(")")) {
            return InitSpec.normal(Double.parseDouble(v.substring(7, v.length() - 1).strip()));
        }
        if (v.startsWith("uniform(") && v.endsWith(")")) {
            String[] a = v.substring(8, v.length() - 1).split(",");
            if (a.length != 2) {
                throw new IllegalArgumentException("initializer: write uniform(LOW,HIGH), got " + v);
            }
            return InitSpec.uniform(Double.parseDouble(a[0].strip()), Double.parseDouble(a[1].strip()));
        }
        return InitSpec.of(InitKind.fromId(v));
    }

    private static String initId(InitSpec s) {
        return switch (s.kind()) {
            case NORMAL -> "normal(" + number(s.std()) + ")";
            case UNIFORM -> "uniform(" + number(s.low()) + "," + number(s.high()) + ")";
            default -> s.kind().id();
        };
    }

    private static List<Integer> hidden(String v) {
        if (v.isBlank() || v.equals("none")) {
            return List.of();
        }
        List<Integer> out = new ArrayList<>();
        for (String n : v.split(",")) {
            out.add(Integer.parseInt(n.strip()));
        }
        return out;
    }
}
