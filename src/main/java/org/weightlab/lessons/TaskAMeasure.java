package org.weightlab.lessons;

import java.util.List;
import org.weightlab.engine.Network;
import org.weightlab.engine.Parameter;
import org.weightlab.scenario.LessonStep;
import org.weightlab.session.LossPoint;

/**
 * The measures of a run moved to a second task: how much of task A it still gets right, how much
 * that fell since the move (forgetting), and how many parameters it trains.
 */
final class TaskAMeasure {

    private TaskAMeasure() {
    }

    /** Task A's test accuracy at the last evaluated epoch end after the move. */
    static Measurement accuracy(LessonStep.Check c, List<LossPoint> curve) {
        LossPoint last = lastAfterMove(curve);
        if (last == null) {
            return new Measurement(false, "the run has not moved to task B (or trained since)");
        }
        return new Measurement(c.accepts(last.taskAAccuracy()),
                "task A test accuracy is " + LessonMeasure.num(last.taskAAccuracy()));
    }

    /**
     * Task A's test accuracy at the last epoch end before the move (the run's own test accuracy
     * then) minus task A's test accuracy now: what was forgotten, in accuracy.
     */
    static Measurement accuracyDrop(LessonStep.Check c, List<LossPoint> curve) {
        LossPoint last = lastAfterMove(curve);
        LossPoint before = null;
        for (LossPoint p : curve) {
            if (p.epochEnd() && Double.isNaN(p.taskAAccuracy())) {
                before = p;
            }
        }
        if (last == null || before == null) {
            return new Measurement(false, "no epoch evaluated both before and after a move to task B");
        }
        double drop = before.testAccuracy() - last.taskAAccuracy();
        return new Measurement(c.accepts(drop), "task A test accuracy " + LessonMeasure.num(before.testAccuracy())
                + " \u2192 " + LessonMeasure.num(last.taskAAccuracy()) + " (drop " + LessonMeasure.num(drop) + ")");
    }

    /** The parameters the optimizer changes: every entry not frozen (with LoRA: the adapters'). */
    static Measurement trainableParameters(LessonStep.Check c, Network net) {
        long trainable = 0;
        long all = 0;
        for (Parameter p : net.parameters()) {
            for (boolean f : p.frozenCopy()) {
                all++;
                if (!f) {
                    trainable++;
                }
            }
        }
        return new Measurement(c.accepts(trainable), trainable + " of " + all + " parameters train");
    }

    private static LossPoint lastAfterMove(List<LossPoint> curve) {
        for (int i = curve.size() - 1; i >= 0; i--) {
            if (curve.get(i).epochEnd() && Double.isFinite(curve.get(i).taskAAccuracy())) {
                return curve.get(i);
            }
        }
        return null;
    }
}
