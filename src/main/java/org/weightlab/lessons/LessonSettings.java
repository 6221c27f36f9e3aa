package org.weightlab.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.InitKind;
import org.weightlab.engine.config.InitSpec;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.OptimizerKind;
import org.weightlab.engine.config.QuantizationSpec;
import org.weightlab.engine.config.RegularizationConfig;
import org.weightlab.engine.config.RegularizationKind;
import org.weightlab.engine.config.RunConfig;

/**
 * The settings a lesson step can change, by the names of the lesson README: {@code lr},
 * {@code momentum}, {@code optimizer}, {@code init}, {@code activation}, {@code regularization},
 * {@code regularizationRate}, {@code dropout}, {@code trainFraction}, {@code features},
 * {@code dataset}, {@code batchNorm} ({@code on} / {@code off} for every hidden layer, or one
 * {@code true} / {@code false} per hidden layer, comma-separated), {@code quantization} ({@code none},
 * {@code 8}, {@code 4}, {@code 3}, {@code 2}, {@code ternary}, {@code binary}), {@code lora}
 * ({@code none}, or {@code layer:rank:alpha} adapters, comma-separated: {@code 1:2:4}), {@code hidden}
 * ({@code none}, or neurons per hidden layer, comma-separated: {@code 64} or {@code 8,8}), {@code conv}
 * ({@code none}, or convolutions as {@code channelsxkernel}, comma-separated: {@code 4x3}; image data only).
 */
public final class LessonSettings {

    public static final List<String> NAMES = List.of("lr", "momentum", "optimizer", "init", "activation",
            "regularization", "regularizationRate", "dropout", "trainFraction", "features", "dataset", "batchNorm",
            "quantization", "lora", "hidden", "conv");

    private LessonSettings() {
    }

    /** {@code config} with {@code values} applied, in order; throws on an unknown name or value. */
    public static RunConfig apply(RunConfig config, Map<String, String> values) {
        RunConfig c = config;
        for (Map.Entry<String, String> e : values.entrySet()) {
            c = apply(c, e.getKey(), e.getValue().strip());
        }
        return c;
    }

    private static RunConfig apply(RunConfig c, String name, String v) {
        OptimizerConfig o = c.optimizer();
        return switch (name) {
            case "lr" -> c.withOptimizer(o.withLearningRate(Double.parseDouble(v)));
            case "momentum" -> c.withOptimizer(o.withMomentum(Double.parseDouble(v), o.nesterov()));
            case "optimizer" -> c.withOptimizer(OptimizerConfig.defaults(OptimizerKind.fromId(v), o.learningRate()));
            case "init" -> c.withInit(init(v), c.biasInit());
            case "activation" -> c.withActivations(ActivationKind.fromId(v), c.outputActivation(), c.loss(), c.problem());
            case "regularization" -> c.withRegularization(new RegularizationConfig(RegularizationKind.fromId(v),
                    c.regularization().rate()));
            case "regularizationRate" -> c.withRegularization(new RegularizationConfig(c.regularization().kind(),
                    Double.parseDouble(v)));
            case "dropout" -> c.withDropout(Double.parseDouble(v));
            case "trainFraction" -> c.withData(c.samples(), c.noise(), Double.parseDouble(v), c.seed());
            case "features" -> c.withFeatures(features(v));
            case "dataset" -> c.withDataset(DatasetKind.fromId(v));
            case "batchNorm" -> c.withExtras(c.extras().withBatchNorm(batchNorm(v, c.hidden().size())));
            case "quantization" -> c.withExtras(c.extras().withQuantization(v.equals("none") ? null
                    : new QuantizationSpec(v)));
            case "lora" -> c.withLora(lora(v));
            case "hidden" -> c.withHidden(v.equals("none") ? List.of()
                    : java.util.Arrays.stream(v.split(",")).map(s -> Integer.parseInt(s.strip())).toList(), List.of());
            case "conv" -> c.withExtras(c.extras().withConv(conv(v)));
            default -> throw new IllegalArgumentException("unknown setting \"" + name + "\" (expected one of: "
                    + String.join(", ", NAMES) + ")");
        };
    }

    /** An initializer by its id, or {@code normal(STD)} / {@code uniform(LOW,HIGH)}. */
    static InitSpec init(String v) {
        if (v.startsWith("normal(") && v.endsWith(")")) {
            return InitSpec.normal(Double.parseDouble(v.substring(7, v.length() - 1)));
        }
        if (v.startsWith("uniform(") && v.endsWith(")")) {
            String[] a = v.substring(8, v.length() - 1).split(",");
            return InitSpec.uniform(Double.parseDouble(a[0].strip()), Double.parseDouble(a[1].strip()));
        }
        return InitSpec.of(InitKind.fromId(v));
    }

    private static List<Boolean> batchNorm(String v, int hidden) {
        if (v.equals("on") || v.equals("off")) {
            return v.equals("on") ? java.util.Collections.nCopies(hidden, true) : List.of();
        }
        List<Boolean> flags = new ArrayList<>();
        for (String f : v.split(",")) {
            String s = f.strip();
            if (!s.equals("true") && !s.equals("false")) {
                throw new IllegalArgumentException("batchNorm takes on, off or true/false per hidden layer, got \"" + v
                        + "\"");
            }
            flags.add(s.equals("true"));
        }
        return flags;
    }

    /** {@code none}, or LoRA adapters as {@code layer:rank:alpha}, comma-separated. */
    private static List<org.weightlab.engine.config.LoraSpec> lora(String v) {
        List<org.weightlab.engine.config.LoraSpec> out = new ArrayList<>();
        if (v.equals("none")) {
            return out;
        }
        for (String f : v.split(",")) {
            String[] p = f.strip().split(":");
            if (p.length != 3) {
                throw new IllegalArgumentException("lora takes none or layer:rank:alpha (e.g. 1:2:4), got \"" + v + "\"");
            }
            out.add(new org.weightlab.engine.config.LoraSpec(Integer.parseInt(p[0].strip()),
                    Integer.parseInt(p[1].strip()), Double.parseDouble(p[2].strip())));
        }
        return out;
    }

    /** {@code none}, or convolutions as {@code channelsxkernel} ({@code 4x3}: 4 kernels of 3x3), comma-separated. */
    private static List<org.weightlab.engine.config.ConvSpec> conv(String v) {
        List<org.weightlab.engine.config.ConvSpec> out = new ArrayList<>();
        if (v.equals("none")) {
            return out;
        }
        for (String f : v.split(",")) {
            String[] p = f.strip().split("x");
            if (p.length != 2) {
                throw new IllegalArgumentException("conv takes none or channelsxkernel (e.g. 4x3), got \"" + v + "\"");
            }
            out.add(new org.weightlab.engine.config.ConvSpec(Integer.parseInt(p[0].strip()),
                    Integer.parseInt(p[1].strip())));
        }
        return out;
    }

    private static List<Feature> features(String v) {
        List<Feature> out = new ArrayList<>();
        for (String f : v.split(",")) {
            out.add(Feature.fromId(f.strip()));
        }
        return out;
    }
}
