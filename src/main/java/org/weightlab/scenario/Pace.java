package org.weightlab.scenario;

/**
 * How fast a scenario (a lesson) plays and where it stops: the {@code "pace"} object of a
 * scenario file, optional, as are both its fields.
 *
 * @param epochsPerSecond full passes over the training set per second; infinite for as fast as
 *                        possible ("max" in the file); 0 when the file leaves the speed to the window
 * @param stopAtEpoch     a free run pauses by itself when this epoch ends; 0 for no stop
 */
public record Pace(double epochsPerSecond, int stopAtEpoch) {

    /** Most epochs per second a file may ask for (above it, ask for "max"). */
    public static final double MAX_EPOCHS_PER_SECOND = 10_000;
    /** The latest epoch a file may stop at. */
    public static final int MAX_STOP_EPOCH = 1_000_000;

    public Pace {
        if (!(epochsPerSecond == 0 || Double.isInfinite(epochsPerSecond) && epochsPerSecond > 0
                || epochsPerSecond > 0 && epochsPerSecond <= MAX_EPOCHS_PER_SECOND)) {
            throw new IllegalArgumentException("epochsPerSecond must be above 0 and at most "
                    + (long) MAX_EPOCHS_PER_SECOND + ", or \"max\"; got " + epochsPerSecond);
        }
        if (stopAtEpoch < 0 || stopAtEpoch > MAX_STOP_EPOCH) {
            throw new IllegalArgumentException("stopAtEpoch must be 0 to " + MAX_STOP_EPOCH + ", got " + stopAtEpoch);
        }
    }

    /** True when the file sets a speed. */
    public boolean setsSpeed() {
        return epochsPerSecond != 0;
    }
}
