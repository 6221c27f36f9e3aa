package org.weightlab.ui.inspector;

import java.util.List;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.session.LayerSnapshot;
import org.weightlab.session.SessionState;
import org.weightlab.session.TrainingSnapshot;

/** Hand-made snapshots with known numbers for the inspector's view tests. */
final class InspectorFixture {

    private InspectorFixture() {
    }

    /**
     * Layer 0: 2 neurons x 3 inputs, W = [[1, -1, 0], [0.5, NaN, 1]], weight (1, 2) frozen;
     * layer 1 (output): 1 x 2. Gradients and updates are fixed multiples of the weights.
     */
    static TrainingSnapshot known(long step) {
        double[] w = {1, -1, 0, 0.5, Double.NaN, 1};
        boolean[] frozen = {false, false, false, false, false, true};
        LayerSnapshot first = new LayerSnapshot(3, 2, ActivationKind.TANH, w, new double[] {0.25, -0.5},
                scaled(w, -0.1), new double[] {0.01, 0.02}, scaled(w, 0.003), new double[] {0, 0}, frozen,
                new boolean[2], null);
        double[] w2 = {0.8, -0.4};
        LayerSnapshot out = new LayerSnapshot(2, 1, ActivationKind.TANH, w2, new double[] {0.1}, scaled(w2, 0.2),
                new double[] {0.05}, scaled(w2, -0.006), new double[1], new boolean[2], new boolean[1], null);
        RunConfig c = RunConfig.defaults();
        return new TrainingSnapshot(step, 0, SessionState.PAUSED, c, List.of(Feature.X1, Feature.X2,
                Feature.X1_SQUARED), List.of(first, out), 0.4, 0.45, 0.8, 0.78, 0, 0.03, null);
    }

    /** A one-layer 1x2 network whose first weight is {@code w0}: pictures differ from step to step. */
    static TrainingSnapshot moving(long step, double w0) {
        return moving(step, w0, 0.01);
    }

    /** As {@link #moving(long, double)}, with both weights changed by {@code update} in the last step. */
    static TrainingSnapshot moving(long step, double w0, double update) {
        LayerSnapshot layer = new LayerSnapshot(2, 1, ActivationKind.TANH, new double[] {w0, -1}, new double[] {0},
                new double[] {0.1 * w0, 0.1}, new double[1], new double[] {update, update}, new double[1],
                new boolean[2], new boolean[1], null);
        RunConfig c = RunConfig.defaults();
        return new TrainingSnapshot(step, 0, SessionState.RUNNING, c, c.features(), List.of(layer), 0.5, 0.5, 0.5,
                0.5, 0, 0.03, null);
    }

    private static double[] scaled(double[] v, double k) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * k;
        }
        return out;
    }
}
