package org.weightlab.session;

/**
 * The training pace, kept on the engine thread: a target in steps per second or in epochs per
 * second (turned into steps with the run's steps per epoch), and the moment the next step is due.
 * The engine waits between steps (a wait any command cuts short); the FX thread never waits.
 */
final class Pacer {

    private double stepsPerSecond = Double.POSITIVE_INFINITY;
    private double epochsPerSecond = Double.NaN; // NaN: the target is in steps per second
    private int stepsPerEpoch = 1;
    private long periodNanos; // 0: as fast as possible
    private long nextStepAt;

    /** A target in steps per second; infinite for as fast as possible. */
    void setStepsPerSecond(double perSecond) {
        stepsPerSecond = perSecond;
        epochsPerSecond = Double.NaN;
        update();
    }

    /** A target in epochs per second; infinite for as fast as possible. */
    void setEpochsPerSecond(double perSecond) {
        epochsPerSecond = perSecond;
        update();
    }

    /** The run's steps per epoch (its training set size over its batch size, rounded up). */
    void setStepsPerEpoch(int steps) {
        stepsPerEpoch = Math.max(1, steps);
        update();
    }

    /** Steps per second now asked for (infinite: as fast as possible). */
    double stepsPerSecond() {
        return Double.isNaN(epochsPerSecond) ? stepsPerSecond : epochsPerSecond * stepsPerEpoch;
    }

    private void update() {
        long last = nextStepAt - periodNanos; // when the last step was due: the new pace counts from there
        double steps = stepsPerSecond();
        periodNanos = Double.isInfinite(steps) ? 0 : Math.max(1, Math.round(1e9 / steps));
        nextStepAt = last + periodNanos;
    }

    /** True when steps wait for their time; false at full speed. */
    boolean paced() {
        return periodNanos > 0;
    }

    /** Training starts (or starts again) now: the next step is due at once. */
    void restart(long now) {
        nextStepAt = now;
    }

    /** Nanoseconds until the next step is due; 0 or less when it is due. */
    long waitNanos(long now) {
        return periodNanos > 0 ? nextStepAt - now : 0;
    }

    /** Most time a paced run makes up after falling behind (the thread descheduled, a slow step). */
    static final long CATCH_UP_NANOS = 250_000_000L;

    /**
     * A step was taken at {@code now}: the next is due one period after the last was due, so that
     * late wake-ups (a wait overshoots by up to a millisecond on a busy machine) are made up and
     * the rate holds on average. Beyond {@link #CATCH_UP_NANOS} behind, it does not race to catch up.
     */
    void stepped(long now) {
        if (periodNanos > 0) {
            nextStepAt += periodNanos;
            if (nextStepAt < now - Math.max(4 * periodNanos, CATCH_UP_NANOS)) {
                nextStepAt = now;
            }
        }
    }
}
