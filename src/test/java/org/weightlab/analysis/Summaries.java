package org.weightlab.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.weightlab.engine.config.ActivationKind;

/** Hand-made summaries for diagnostics tests that need exact numbers, not an engine. */
final class Summaries {

    private Summaries() {
    }

    static LayerSummary layer(int in, int out, ActivationKind act, double weightNorm, double gradientRms,
                              double updateRatio, int dead, int saturated) {
        double[] p = new double[Percentiles.LEVELS.length];
        Arrays.fill(p, 0.0);
        double gNorm = gradientRms * Math.sqrt(in * out);
        return new LayerSummary(in, out, act, p, p, weightNorm, gNorm, updateRatio * weightNorm, updateRatio, dead,
                saturated, false);
    }

    /** A healthy two-layer tanh net whose update ratio at each step is {@code ratios[step]}. */
    static List<StepSummary> withRatios(double... ratios) {
        List<StepSummary> out = new ArrayList<>();
        for (int i = 0; i < ratios.length; i++) {
            out.add(new StepSummary(i, List.of(layer(2, 4, ActivationKind.TANH, 1.4, 0.1, ratios[i], -1, 0),
                    layer(4, 1, ActivationKind.TANH, 0.8, 0.1, 1e-3, -1, -1)), 0.03, i));
        }
        return out;
    }
}
