package org.weightlab.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.weightlab.engine.config.ActivationKind;

/**
 * Reads a run's recent summaries and says, in plain words, what looks wrong; says nothing when
 * all looks well.
 *
 * <p>Every check turns a step into one number, averages it over the last {@link #WINDOW}
 * recorded steps, and switches on and off at two different thresholds (hysteresis), so a message
 * neither flickers on a noisy batch nor lingers after the cause is gone. The state is replayed
 * over the last {@value #REPLAY} recorded steps each time, so the answer for a step is the same
 * whether the timeline reached it going forward or by scrubbing back, and costs the same however
 * long the run (about 0.2 ms).
 *
 * <p>Thresholds (per weight means RMS, {@code ||dL/dW|| / sqrt(weights)}, so big and small
 * layers compare fairly):
 * <ul>
 *   <li>Vanishing: some layer's per-weight gradient is below {@value #VANISHING_ON} of the output
 *       layer's (log10 average over the window); clears above {@value #VANISHING_OFF}.</li>
 *   <li>Exploding: any NaN/infinite weight or gradient (at once); or the weights blow up: within
 *       the window some layer's weight norm grew at least {@value #BLOWUP_ON} times while its
 *       updates averaged at least {@value #BLOWUP_MIN_RATIO} of its weights per step (clears when
 *       the growth falls below {@value #BLOWUP_OFF} times; healthy runs change weights by ~0.1-1%
 *       per step, so slow growth over a long, thinned history never counts); or some layer's
 *       per-weight gradient is above {@value #EXPLODING_RATIO_ON} times the output layer's, growing
 *       on the way back (clears below {@value #EXPLODING_RATIO_OFF}).</li>
 *   <li>Dead ReLUs: on average at least one unit of a layer is dead (output 0 on every training
 *       example, from LayerStats) over the window; clears below half a unit.</li>
 *   <li>Saturated units: at least {@value #SATURATED_ON} of a hidden tanh/sigmoid layer's units
 *       saturated (from LayerStats); clears below {@value #SATURATED_OFF}. The output layer is left
 *       out: a confident classifier is meant to sit near its limits.</li>
 *   <li>Learning rate too large: some layer's update-to-weight ratio averages above
 *       {@value #RATIO_ON}, 50 times the rule of thumb of about 1e-3 (geometric mean over the
 *       window); clears below {@value #RATIO_OFF}. Tiny TF-Playground networks with SGD 0.03 and
 *       batches of 10 run at about 1e-2 on noisy steps, so the threshold sits well above that.</li>
 *   <li>Learning rate too large, seen in what it left behind: a hidden layer is saturated and its
 *       weights jumped at the learning rate in use ({@link DiagnosticsOvershoot}); this names the
 *       cause in place of the vanishing-gradient and saturation messages it explains.</li>
 * </ul>
 */
public final class Diagnostics {

    /** Recorded steps averaged by every check. */
    public static final int WINDOW = 5;
    /** Recorded steps replayed to settle the on/off state: many windows, bounded work. */
    public static final int REPLAY = 64;
    public static final double VANISHING_ON = 1e-3;
    public static final double VANISHING_OFF = 3e-3;
    public static final double EXPLODING_RATIO_ON = 1e3;
    public static final double EXPLODING_RATIO_OFF = 3e2;
    public static final double BLOWUP_ON = 3;
    public static final double BLOWUP_OFF = 1.5;
    public static final double BLOWUP_MIN_RATIO = 0.1;
    public static final double SATURATED_ON = 0.5;
    public static final double SATURATED_OFF = 0.3;
    public static final double RATIO_ON = 5e-2;
    public static final double RATIO_OFF = 2e-2;

    private Diagnostics() {
    }

    /** What is wrong at the last entry of {@code history} (oldest first), or an empty list. */
    public static List<Diagnosis> diagnose(List<StepSummary> recorded) {
        if (recorded.isEmpty()) {
            return List.of();
        }
        List<StepSummary> history = recorded.subList(Math.max(0, recorded.size() - REPLAY), recorded.size());
        Check vanishing = new Check(Math.log10(VANISHING_ON), Math.log10(VANISHING_OFF), false);
        Check exploding = new Check(Math.log10(EXPLODING_RATIO_ON), Math.log10(EXPLODING_RATIO_OFF), true);
        Check blowup = new Check(Math.log10(BLOWUP_ON), Math.log10(BLOWUP_OFF), true);
        Check ratio = new Check(Math.log10(RATIO_ON), Math.log10(RATIO_OFF), true);
        Map<Integer, Check> dead = new HashMap<>();
        Map<Integer, Check> saturated = new HashMap<>();
        boolean nonFinite = false;
        int blowupLayer = -1;
        double blowupFactor = 1;
        long blowupSteps = 0;
        for (int t = 0; t < history.size(); t++) {
            List<LayerSummary> layers = history.get(t).layers();
            int last = layers.size() - 1;
            nonFinite = layers.stream().anyMatch(LayerSummary::nonFinite);
            double outRms = layers.get(last).gradientRms();
            double minRel = Double.NaN;
            double maxRel = Double.NaN;
            if (last > 0 && outRms > 0 && Double.isFinite(outRms)) {
                minRel = Double.POSITIVE_INFINITY;
                maxRel = Double.NEGATIVE_INFINITY;
                for (int l = 0; l < last; l++) {
                    // A layer with exactly zero gradient counts as 1e-12 of the output's: it learns nothing.
                    double rel = Math.log10(Math.max(1e-12, layers.get(l).gradientRms() / outRms));
                    minRel = Math.min(minRel, rel);
                    maxRel = Math.max(maxRel, rel);
                }
            }
            vanishing.add(minRel);
            exploding.add(maxRel);

            // Weight blow-up: growth of each layer's weight norm across the window, counted only
            // where the updates were a large share of the weights all along.
            int from = Math.max(0, t - WINDOW + 1);
            double worst = t == from ? Double.NaN : 0;
            for (int l = 0; l < layers.size() && t > from; l++) {
                double meanRatio = 0;
                for (int k = from; k <= t; k++) {
                    meanRatio += history.get(k).layers().get(l).updateRatio() / (t - from + 1);
                }
                double before = history.get(from).layers().get(l).weightNorm();
                double now = layers.get(l).weightNorm();
                if (meanRatio >= BLOWUP_MIN_RATIO && before > 0 && now / before > Math.pow(10, worst)) {
                    worst = Math.log10(now / before);
                    blowupLayer = l;
                    blowupFactor = now / before;
                    blowupSteps = history.get(t).step() - history.get(from).step();
                }
            }
            blowup.add(worst, worst);

            double maxRatio = 0;
            for (LayerSummary layer : layers) {
                maxRatio = Math.max(maxRatio, layer.updateRatio());
            }
            ratio.add(maxRatio > 0 && Double.isFinite(maxRatio) ? Math.log10(maxRatio) : Double.NaN);

            for (int l = 0; l < layers.size(); l++) {
                LayerSummary layer = layers.get(l);
                if (layer.deadCount() >= 0) {
                    dead.computeIfAbsent(l, k -> new Check(1.0, 0.5, true)).add(layer.deadCount());
                }
                boolean squashing = layer.activation() == ActivationKind.TANH
                        || layer.activation() == ActivationKind.SIGMOID;
                if (l < last && squashing && layer.saturatedCount() >= 0) {
                    saturated.computeIfAbsent(l, k -> new Check(SATURATED_ON, SATURATED_OFF, true))
                            .add((double) layer.saturatedCount() / layer.outputs());
                }
            }
        }

        List<LayerSummary> now = history.get(history.size() - 1).layers();
        int last = now.size() - 1;
        List<Diagnosis> out = new ArrayList<>();
        if (nonFinite) {
            int l = firstNonFinite(now);
            out.add(new Diagnosis(DiagnosisKind.EXPLODING_GRADIENTS, l, "The values of " + layerName(l, last)
                    + " are no longer finite (NaN or infinite): training has diverged. Lower the learning rate and reset."));
        } else if (exploding.on) {
            int l = extremeLayer(now, true);
            out.add(new Diagnosis(DiagnosisKind.EXPLODING_GRADIENTS, l, capitalized(layerName(l, last)) + " receives " + times(Math.pow(10, exploding.average))
                    + " the gradient of " + layerName(last, last) + " (per weight); they grow on the way back."));
        } else if (blowup.on) {
            out.add(new Diagnosis(DiagnosisKind.EXPLODING_GRADIENTS, blowupLayer, "The updates of "
                    + layerName(blowupLayer, last) + " are as large as its weights, which grew "
                    + times(blowupFactor) + " in " + blowupSteps + (blowupSteps == 1 ? " step" : " steps")
                    + ". Lower the learning rate."));
        }
        // A jump into saturation explains the tiny gradients and the saturated units: name the cause.
        DiagnosticsOvershoot.Jump overshoot = DiagnosticsOvershoot.find(recorded,
                l -> saturated.get(l) != null && saturated.get(l).on);
        if (overshoot != null) {
            out.add(DiagnosticsOvershoot.diagnosis(overshoot, now));
        }
        if (vanishing.on && overshoot == null) {
            int l = extremeLayer(now, false);
            out.add(new Diagnosis(DiagnosisKind.VANISHING_GRADIENTS, l, capitalized(layerName(l, last)) + " receives " + sci(Math.pow(10, vanishing.average))
                    + " of " + layerName(last, last) + "'s gradient (per weight), so it barely learns."
                    + " ReLU, a better initialization or fewer layers help."));
        }
        for (int l = 0; l < now.size(); l++) {
            Check d = dead.get(l);
            if (d != null && d.on) {
                int count = Math.max(1, now.get(l).deadCount());
                out.add(new Diagnosis(DiagnosisKind.DEAD_UNITS, l, count + " of " + now.get(l).outputs()
                        + " neurons in " + layerName(l, last) + " never activate on the data (dead ReLUs):"
                        + " they output 0 and learn nothing."));
            }
        }
        for (int l = 0; l < now.size(); l++) {
            Check s = saturated.get(l);
            if (s != null && s.on && overshoot == null) {
                out.add(new Diagnosis(DiagnosisKind.SATURATED_UNITS, l, Math.max(1, now.get(l).saturatedCount())
                        + " of " + now.get(l).outputs() + " " + now.get(l).activation().id() + " neurons in "
                        + layerName(l, last) + " are saturated (stuck near their limits on most examples):"
                        + " their gradients are nearly zero."));
            }
        }
        if (ratio.on && overshoot == null) {
            int l = largestRatioLayer(now);
            out.add(new Diagnosis(DiagnosisKind.LEARNING_RATE_TOO_LARGE, l, "Each step changes the weights of " + layerName(l, last) + " by " + percent(Math.pow(10, ratio.average))
                    + " of their size; about 0.1% (an update-to-weight ratio near 1e-3) is healthy. Lower the learning rate."));
        }
        return out;
    }

    /** "layer 3", or "the output layer" for the last one; numbered from 1 like the hidden layers on screen. */
    public static String layerName(int layer, int last) {
        if (layer < 0) {
            return "the network";
        }
        return layer == last ? "the output layer" : "layer " + (layer + 1);
    }

    private static int firstNonFinite(List<LayerSummary> layers) {
        for (int l = 0; l < layers.size(); l++) {
            if (layers.get(l).nonFinite()) {
                return l;
            }
        }
        return -1;
    }

    /** The hidden layer with the smallest (or largest) per-weight gradient. */
    private static int extremeLayer(List<LayerSummary> layers, boolean largest) {
        int best = 0;
        for (int l = 1; l < layers.size() - 1; l++) {
            double a = layers.get(l).gradientRms();
            double b = layers.get(best).gradientRms();
            if (largest ? a > b : a < b) {
                best = l;
            }
        }
        return best;
    }

    private static int largestRatioLayer(List<LayerSummary> layers) {
        int best = 0;
        for (int l = 1; l < layers.size(); l++) {
            if (layers.get(l).updateRatio() > layers.get(best).updateRatio()) {
                best = l;
            }
        }
        return best;
    }

    /** "1e-4" style for tiny shares, two digits otherwise. */
    static String sci(double v) {
        if (v <= 1e-12) {
            return "almost none";
        }
        if (v >= 0.01) {
            return String.format(Locale.ROOT, "%.2g", v);
        }
        String s = String.format(Locale.ROOT, "%.0e", v);
        return s.replace("e-0", "e-");
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String times(double v) {
        return v >= 1e4 ? String.format(Locale.ROOT, "%.0e times", v)
                : String.format(Locale.ROOT, v < 10 ? "%.1f times" : "%.0f times", v);
    }

    private static String percent(double v) {
        return v >= 0.1 ? String.format(Locale.ROOT, "%.0f%%", v * 100) : String.format(Locale.ROOT, "%.1f%%", v * 100);
    }

    /** One windowed, two-threshold switch. {@code high}: large values are the problem. */
    private static final class Check {
        private final double onAt;
        private final double offAt;
        private final boolean high;
        // The last WINDOW raw values, a ring indexed by count; NaN means "does not apply".
        private final double[] window = new double[WINDOW];
        private int count;
        boolean on;
        double average = Double.NaN;

        Check(double onAt, double offAt, boolean high) {
            this.onAt = onAt;
            this.offAt = offAt;
            this.high = high;
        }

        /** The window average if {@code value} were added next. */
        double averageWith(double value) {
            double sum = Double.isNaN(value) ? 0 : value;
            int n = Double.isNaN(value) ? 0 : 1;
            for (int i = 0; i < Math.min(count, WINDOW - 1); i++) {
                double v = window[Math.floorMod(count - 1 - i, WINDOW)];
                if (!Double.isNaN(v)) {
                    sum += v;
                    n++;
                }
            }
            return n == 0 ? Double.NaN : sum / n;
        }

        void add(double value) {
            add(value, averageWith(value));
        }

        /** Pushes {@code value} into the window and switches on {@code judged}. */
        void add(double value, double judged) {
            window[count % WINDOW] = value;
            count++;
            average = judged;
            if (Double.isNaN(judged)) {
                return;
            }
            if (!on && (high ? judged >= onAt : judged <= onAt)) {
                on = true;
            } else if (on && (high ? judged < offAt : judged > offAt)) {
                on = false;
            }
        }
    }
}
