package org.weightlab.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.weightlab.engine.Evaluation;
import org.weightlab.engine.StepResult;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataSplit;

/**
 * The history of a run export as the command line records it: the losses and accuracies before
 * training (step 0) and at every epoch end. A live run evaluates only some epoch ends (at full
 * speed the evaluations get a small share of the engine's time), so the window rebuilds the rest
 * by replaying the run: training is deterministic, so one config trained from the same initial
 * weights passes through exactly the same states.
 */
public final class RunHistory {

    private RunHistory() {
    }

    /**
     * Step 0 and every epoch end up to {@code lastStep}, replayed from {@code initial} under
     * {@code config}; null when the replay does not match one of the {@code evaluated} points (so
     * the run was not that config trained from those weights). Stops early if training diverges.
     */
    public static List<HistoryPoint> replay(RunConfig config, DataSplit data, NetworkState initial, long lastStep,
                                            List<HistoryPoint> evaluated) {
        Trainer trainer = new Trainer(config, data, initial.toNetwork(config));
        List<HistoryPoint> history = new ArrayList<>();
        history.add(point(trainer));
        while (trainer.stepCount() < lastStep && trainer.divergence() == null) {
            StepResult r = trainer.step();
            if (r.epochEnded() && !r.diverged()) {
                history.add(point(trainer));
            }
        }
        Map<Long, HistoryPoint> byStep = new HashMap<>();
        for (HistoryPoint p : history) {
            byStep.put(p.step(), p);
        }
        for (HistoryPoint e : evaluated) {
            HistoryPoint p = byStep.get(e.step());
            if (p == null ? e.step() <= lastStep && e.step() > 0 : !p.equals(e)) {
                return null;
            }
        }
        return history;
    }

    /** The losses and accuracies of {@code t}'s network now. */
    public static HistoryPoint point(Trainer t) {
        Evaluation e = t.evaluate();
        return new HistoryPoint(t.stepCount(), t.epochCount(), e.trainLoss(), e.testLoss(), e.trainAccuracy(),
                e.testAccuracy());
    }
}
