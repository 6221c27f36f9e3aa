package org.weightlab.analysis;

import org.weightlab.engine.LayerStats;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.session.LayerSnapshot;

/**
 * What the inspector keeps of one layer at one recorded step: the population of its weights and
 * gradients as percentiles, and the norms that gradient-flow charts and diagnostics use.
 *
 * @param weightPercentiles   {@link Percentiles#LEVELS} of the weights (NaN if none is finite)
 * @param gradientPercentiles {@link Percentiles#LEVELS} of dL/dW
 * @param weightNorm          L2 norm of W
 * @param gradientNorm        L2 norm of dL/dW (NaN or infinite when a gradient is)
 * @param updateNorm          L2 norm of the last update of W
 * @param updateRatio         updateNorm / weightNorm, 0 when W is all zeros
 * @param deadCount           dead ReLU-family units from {@link LayerStats}, -1 when unknown
 * @param saturatedCount      saturated tanh/sigmoid units from {@link LayerStats}, -1 when unknown
 * @param nonFinite           whether any weight, gradient or update is NaN or infinite
 */
public record LayerSummary(int inputs, int outputs, ActivationKind activation,
                           double[] weightPercentiles, double[] gradientPercentiles,
                           double weightNorm, double gradientNorm, double updateNorm, double updateRatio,
                           int deadCount, int saturatedCount, boolean nonFinite) {

    public LayerSummary {
        weightPercentiles = weightPercentiles.clone();
        gradientPercentiles = gradientPercentiles.clone();
    }

    @Override
    public double[] weightPercentiles() {
        return weightPercentiles.clone();
    }

    @Override
    public double[] gradientPercentiles() {
        return gradientPercentiles.clone();
    }

    /** Percentile {@code level} (an index into {@link Percentiles#LEVELS}) of the weights. */
    public double weightPercentile(int level) {
        return weightPercentiles[level];
    }

    public double gradientPercentile(int level) {
        return gradientPercentiles[level];
    }

    /** Root mean square gradient per weight: comparable between layers of different sizes. */
    public double gradientRms() {
        return gradientNorm / Math.sqrt(Math.max(1, inputs * outputs));
    }

    public int weightCount() {
        return inputs * outputs;
    }

    /**
     * Summarizes one layer. Norms come from {@code layer.stats()} when the engine computed them,
     * and from the arrays otherwise; percentiles always come from (a sample of) the arrays.
     */
    public static LayerSummary of(LayerSnapshot layer) {
        LayerStats stats = layer.stats();
        double wNorm = norm(layer.weights());
        double uNorm = norm(layer.weightUpdates());
        double gArrayNorm = norm(layer.weightGradients());
        double gNorm = stats != null ? stats.gradientNorm() : gArrayNorm;
        double ratio = stats != null ? stats.updateRatio() : (wNorm == 0 ? 0 : uNorm / wNorm);
        boolean nonFinite = !Double.isFinite(wNorm) || !Double.isFinite(gArrayNorm) || !Double.isFinite(uNorm);
        return new LayerSummary(layer.inputs(), layer.outputs(), layer.activation(),
                Percentiles.of(layer.weights()), Percentiles.of(layer.weightGradients()),
                wNorm, gNorm, uNorm, ratio,
                stats != null ? stats.deadCount() : -1, stats != null ? stats.saturatedCount() : -1, nonFinite);
    }

    /** L2 norm; NaN or infinite when an entry is. Scaled sum of squares would be safer but 1e154 weights are divergence anyway. */
    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
