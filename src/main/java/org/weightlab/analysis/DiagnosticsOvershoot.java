package org.weightlab.analysis;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import org.weightlab.engine.config.ActivationKind;

/**
 * The learning rate that threw the weights into saturation: a few steps that are far too large
 * multiply a layer's weights, its tanh or sigmoid units end up stuck at their limits, and from
 * then on every gradient is tiny. Looking only at the recent steps, that reads like vanishing
 * gradients; the cause is the jump, which the whole (thinned) history still holds.
 *
 * <p>Found when a hidden squashing layer is saturated now and, at about the learning rate in use
 * now (at least half of it), some layer's weight norm grew at least {@value #GROWTH_ON} times within a short
 * stretch: {@value #SHORT_STEPS} steps, or a sixteenth of the history when that is longer (a
 * thinned history records a long run coarsely), or between two records next to each other, as
 * a jump at the start of a long run is kept only between the first record and a much later one. Healthy training changes weights by well under 1%
 * a step and its weights grow slowly over the whole run, so it never grows that fast.
 */
final class DiagnosticsOvershoot {

    /** Growth of a layer's weight norm within a short stretch that counts as a jump. */
    static final double GROWTH_ON = 3;
    /** The shortest stretch the growth is looked for in. */
    static final long SHORT_STEPS = 1000;

    /** The jump found: in {@code layer}, the norm grew {@code factor} times from step {@code from} to {@code to}. */
    record Jump(int layer, double factor, long from, long to, int saturatedLayer) {
    }

    private DiagnosticsOvershoot() {
    }

    /**
     * The largest jump of any layer's weights while a hidden layer is saturated now
     * ({@code saturatedNow} tells which), or null when none. {@code recorded} is the whole history, oldest first.
     */
    static Jump find(List<StepSummary> recorded, IntPredicate saturatedNow) {
        if (recorded.size() < 2) {
            return null;
        }
        StepSummary now = recorded.get(recorded.size() - 1);
        double rate = now.learningRate();
        long span = Math.max(SHORT_STEPS, (now.step() - recorded.get(0).step()) / 16);
        int last = now.layers().size() - 1;
        int stuck = -1;
        for (int l = 0; l < last && stuck < 0; l++) {
            ActivationKind a = now.layers().get(l).activation();
            if ((a == ActivationKind.TANH || a == ActivationKind.SIGMOID) && saturatedNow.test(l)) {
                stuck = l;
            }
        }
        if (stuck < 0) {
            return null;
        }
        Jump best = null;
        for (int l = 0; l <= last; l++) {
            // indexes of records within the span before t, their norms increasing: the front is the smallest
            ArrayDeque<Integer> lows = new ArrayDeque<>();
            for (int t = 0; t < recorded.size(); t++) {
                StepSummary at = recorded.get(t);
                if (!(at.learningRate() > 0) || !(rate >= 0.5 * at.learningRate())) {
                    lows.clear(); // made at a learning rate that is no longer in use
                    continue;
                }
                // the record just before always counts: a thinned history cannot say how fast it grew in between
                while (lows.size() > 1 && at.step() - recorded.get(lows.peekFirst()).step() > span) {
                    lows.pollFirst();
                }
                if (!lows.isEmpty() && lows.peekFirst() < t - 1 && at.step() - recorded.get(lows.peekFirst()).step() > span) {
                    lows.pollFirst();
                }
                double norm = at.layers().get(l).weightNorm();
                if (!lows.isEmpty()) {
                    StepSummary from = recorded.get(lows.peekFirst());
                    double factor = norm / from.layers().get(l).weightNorm();
                    if (Double.isFinite(factor) && factor >= GROWTH_ON && (best == null || factor > best.factor())) {
                        best = new Jump(l, factor, from.step(), at.step(), stuck);
                    }
                }
                while (!lows.isEmpty() && recorded.get(lows.peekLast()).layers().get(l).weightNorm() >= norm) {
                    lows.pollLast();
                }
                if (norm > 0 && Double.isFinite(norm)) {
                    lows.addLast(t);
                }
            }
        }
        return best;
    }

    /** The plain-words message for {@code jump}, {@code now} being the layers at the step diagnosed. */
    static Diagnosis diagnosis(Jump jump, List<LayerSummary> now) {
        int last = now.size() - 1;
        LayerSummary layer = now.get(jump.saturatedLayer());
        String name = Diagnostics.layerName(jump.layer(), last);
        String stuckName = jump.saturatedLayer() == jump.layer() ? "its"
                : "the " + Diagnostics.layerName(jump.saturatedLayer(), last) + "'s";
        long steps = jump.to() - jump.from();
        String growth = jump.factor() >= 100 ? String.format(Locale.ROOT, "%.0f", jump.factor())
                : String.format(Locale.ROOT, "%.1f", jump.factor());
        return new Diagnosis(DiagnosisKind.LEARNING_RATE_TOO_LARGE, jump.layer(), String.format(Locale.ROOT,
                "The learning rate is too large: in %d %s (from step %d) the weights of %s grew %s times, and"
                        + " %d of %s %d %s neurons are now stuck at their limits, so their gradients are nearly"
                        + " zero and the network stops learning. Lower the learning rate and reset.",
                steps, steps == 1 ? "step" : "steps", jump.from(), name, growth,
                Math.max(1, layer.saturatedCount()), stuckName, layer.outputs(), layer.activation().id()));
    }
}
