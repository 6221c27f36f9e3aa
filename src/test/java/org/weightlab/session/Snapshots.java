package org.weightlab.session;

import java.util.List;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.RunConfig;

/** Small hand-made snapshots for tests that do not need an engine. */
public final class Snapshots {

    private Snapshots() {
    }

    /** A snapshot at {@code step} of a 2-1 network whose single weight is {@code weight}. */
    public static TrainingSnapshot at(long step, double weight) {
        LayerSnapshot layer = new LayerSnapshot(2, 1, ActivationKind.TANH, new double[] {weight, 0}, new double[] {0},
                new double[2], new double[1], new double[2], new double[1], new boolean[2], new boolean[1], null);
        RunConfig c = RunConfig.defaults();
        return new TrainingSnapshot(step, (int) (step / 25), SessionState.RUNNING, c, c.features(), List.of(layer),
                0.5, 0.5, 0.5, 0.5, 0, 0.03, null);
    }

    public static TrainingSnapshot at(long step) {
        return at(step, step);
    }
}
