package org.weightlab.lessons;

import java.util.List;
import org.weightlab.engine.Checkpoint;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.session.LossPoint;

/**
 * A copy of a run at one moment, for measuring: its exact state, its data, and the epoch ends
 * evaluated since it started (or since its data or shape last changed).
 */
public record RunMoment(Checkpoint checkpoint, DataSplit data, List<LossPoint> curve) {

    public RunMoment {
        curve = List.copyOf(curve);
    }

    /** A trainer on a copy of the run, positioned at this moment (changing it changes nothing else). */
    public Trainer trainer() {
        Trainer t = new Trainer(checkpoint.config(), data, checkpoint.network());
        t.restore(checkpoint);
        return t;
    }
}
