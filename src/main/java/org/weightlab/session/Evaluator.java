package org.weightlab.session;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.weightlab.engine.Evaluation;
import org.weightlab.engine.Trainer;

/**
 * Evaluations of the whole train and test sets for a session, on the engine thread, under a time
 * budget while training runs: an evaluation that took {@code d} allows the next only after
 * {@code d / share}. At full speed that counts the engine thread's CPU time, not wall time: on a
 * busy machine the thread is often descheduled, and wall time would let evaluations take a larger
 * share. When paced, the waits between steps count too (wall time).
 */
final class Evaluator {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported();

    private final double share;
    private Evaluation evaluation; // the latest evaluation, taken at evaluationStep
    private long evaluationStep = -1;
    private long nextCpu;
    private long nextWall;

    /** {@code share}: most of the engine's time spent evaluating; at 1 or more, no budget. */
    Evaluator(double share) {
        this.share = share;
    }

    /** The latest evaluation, whatever its step; null after {@link #forget()} until the next. */
    Evaluation latest() {
        return evaluation;
    }

    /** The step of {@link #latest()}. */
    long latestStep() {
        return evaluationStep;
    }

    /** The run changed at this step (a command): the next evaluation is taken afresh. */
    void forget() {
        evaluation = null;
        evaluationStep = -1;
    }

    /** The evaluation at the trainer's current step, taken now if need be. */
    Evaluation exact(Trainer trainer) {
        return evaluate(trainer, false, false);
    }

    /**
     * The evaluation at the current step, or null when {@code budgeted} and the budget does not
     * allow one yet.
     *
     * @param paced true when steps wait for their time (the budget counts wall time)
     */
    Evaluation evaluate(Trainer trainer, boolean budgeted, boolean paced) {
        long step = trainer.stepCount();
        if (evaluation != null && evaluationStep == step) {
            return evaluation;
        }
        boolean limited = budgeted && share < 1;
        long cpu0 = limited ? cpuTime() : 0;
        long wall0 = System.nanoTime();
        if (limited && (paced ? wall0 < nextWall : cpu0 < nextCpu)) {
            return null;
        }
        evaluation = trainer.evaluate();
        evaluationStep = step;
        if (limited) {
            nextCpu = cpu0 + (long) ((cpuTime() - cpu0) / share);
            nextWall = wall0 + (long) ((System.nanoTime() - wall0) / share);
        }
        return evaluation;
    }

    private static long cpuTime() {
        return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }
}
