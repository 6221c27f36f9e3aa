package org.weightlab.analysis;

import java.util.List;
import org.weightlab.session.LayerSnapshot;
import org.weightlab.session.TrainingSnapshot;

/**
 * The summaries of every layer at one step, plus a fingerprint that tells two different runs
 * apart at the same step (after a jump back in time, training forks the run).
 */
public record StepSummary(long step, List<LayerSummary> layers, double learningRate, long fingerprint) {

    public StepSummary {
        layers = List.copyOf(layers);
    }

    public static StepSummary of(TrainingSnapshot s) {
        List<LayerSummary> layers = s.layers().stream().map(LayerSummary::of).toList();
        return new StepSummary(s.step(), layers, s.learningRate(), fingerprint(s));
    }

    /** Whether {@code other} has the same layer shapes (a rebuilt network does not). */
    public boolean sameShape(StepSummary other) {
        if (other.layers.size() != layers.size()) {
            return false;
        }
        for (int l = 0; l < layers.size(); l++) {
            LayerSummary a = layers.get(l);
            LayerSummary b = other.layers.get(l);
            if (a.inputs() != b.inputs() || a.outputs() != b.outputs()) {
                return false;
            }
        }
        return true;
    }

    /** Hash of the exact weights: cheap, and equal for the same moment of the same run. */
    private static long fingerprint(TrainingSnapshot s) {
        long h = 1125899906842597L;
        for (LayerSnapshot layer : s.layers()) {
            double[] w = layer.weights();
            // A few strided weights are enough to tell runs apart; all of them would cost O(n).
            int stride = Math.max(1, w.length / 64);
            for (int i = 0; i < w.length; i += stride) {
                h = 31 * h + Double.doubleToLongBits(w[i]);
            }
            for (double b : layer.biases()) {
                h = 31 * h + Double.doubleToLongBits(b);
            }
        }
        return h;
    }
}
