package org.weightlab.session.race;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.weightlab.engine.Network;
import org.weightlab.engine.Parameter;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.LoraSpec;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.session.TaskMove;

/**
 * The ways to fine-tune a pre-trained network on task B that a fine-tuning race compares, as a
 * person types them: {@code all} (train everything), {@code base} (freeze every layer but the
 * last: only the output layer learns) and {@code lora(R,ALPHA)} (a rank-R LoRA adapter on every
 * hidden layer, whose own weights and biases stay frozen, while the output layer learns, as in
 * peft with the classifier head trained). A hidden layer narrower than R gets the largest rank
 * it allows.
 */
public final class FineTuning {

    public static final String ALL = "all";
    public static final String BASE = "base";
    /** The adapter of the lesson "LoRA: a few parameters are enough": rank 2, alpha 4. */
    public static final String LORA = "lora(2,4)";

    private FineTuning() {
    }

    /** The three choices of a fine-tuning race. */
    public static List<String> defaults() {
        return List.of(ALL, BASE, LORA);
    }

    /** {@code lora(R,ALPHA)} for rank {@code r} and alpha {@code alpha}. */
    public static String lora(int r, double alpha) {
        return "lora(" + r + "," + RaceSetting.number(alpha) + ")";
    }

    /** How tiles and legends name a choice: "train all", "freeze base", "LoRA r=2". */
    public static String label(String value) {
        String v = value.strip();
        if (v.equals(ALL)) {
            return "train all";
        }
        if (v.equals(BASE)) {
            return "freeze base";
        }
        return "LoRA r=" + rank(v);
    }

    /** {@code taskB} as choice {@code value} trains it: with LoRA adapters on the hidden layers for {@code lora}. */
    public static RunConfig config(RunConfig taskB, String value) {
        String v = value.strip();
        if (v.equals(ALL) || v.equals(BASE)) {
            return taskB.withLora(List.of());
        }
        int r = rank(v);
        double alpha = alpha(v);
        List<LoraSpec> specs = new ArrayList<>();
        int in = taskB.inputs();
        for (int l = 0; l < taskB.hidden().size(); l++) {
            int out = taskB.hidden().get(l);
            specs.add(new LoraSpec(l, Math.max(1, Math.min(r, Math.min(in, out))), alpha));
            in = out;
        }
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("LoRA on the hidden layers needs a hidden layer");
        }
        return taskB.withLora(specs);
    }

    /** The choice the config shows: {@code lora(R,ALPHA)} with adapters, else {@code all}. */
    static String valueOf(RunConfig c) {
        return c.lora().isEmpty() ? ALL : lora(c.lora().get(0).rank(), c.lora().get(0).alpha());
    }

    /**
     * Sets {@code t}'s frozen masks for choice {@code value}: nothing frozen for {@code all}, every
     * layer but the last for {@code base}; with {@code lora} the adapted layers are already frozen
     * (the adapters froze them) and the output layer learns.
     */
    static void freeze(Trainer t, String value) {
        if (value.strip().equals(BASE)) {
            for (int l = 0; l < TaskMove.baseLayers(t.config()); l++) {
                t.freezeLayer(l, true);
            }
        }
    }

    /** Entries of {@code net}'s parameters that training moves: every one not frozen (adapters included). */
    public static long trainable(Network net) {
        long n = 0;
        for (Parameter p : net.parameters()) {
            for (boolean f : p.frozenCopy()) {
                if (!f) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Checks {@code value} is one of the choices; throws with a readable message. */
    public static void check(String value) {
        String v = value.strip();
        if (!v.equals(ALL) && !v.equals(BASE)) {
            rank(v);
            alpha(v);
        }
    }

    private static int rank(String v) {
        String[] a = loraArgs(v);
        int r = Integer.parseInt(a[0].strip());
        if (r < 1) {
            throw new IllegalArgumentException("fine-tuning: the LoRA rank must be 1 or more, got " + r);
        }
        return r;
    }

    private static double alpha(String v) {
        String[] a = loraArgs(v);
        double alpha = a.length > 1 ? Double.parseDouble(a[1].strip()) : 2.0 * rank(v);
        if (!(Double.isFinite(alpha) && alpha > 0)) {
            throw new IllegalArgumentException("fine-tuning: the LoRA alpha must be positive, got " + a[1].strip());
        }
        return alpha;
    }

    private static String[] loraArgs(String v) {
        String s = v.toLowerCase(Locale.ROOT);
        if (!s.startsWith("lora(") || !s.endsWith(")") || s.length() < 7) {
            throw new IllegalArgumentException("fine-tuning: write all, base or lora(RANK,ALPHA), got \"" + v + "\"");
        }
        String[] a = s.substring(5, s.length() - 1).split(",");
        if (a.length > 2) {
            throw new IllegalArgumentException("fine-tuning: write lora(RANK,ALPHA), got \"" + v + "\"");
        }
        return a;
    }
}
