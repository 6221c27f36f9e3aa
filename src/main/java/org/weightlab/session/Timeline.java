package org.weightlab.session;

import java.util.Optional;

/**
 * A read-only view of a session's history, for the timeline slider and for lessons. Safe to read
 * from any thread. Scrubbing with {@link #snapshotAt} does not change the run; sending
 * {@link TrainingControl#jumpTo} does.
 */
public interface Timeline {

    /** The first step that can be jumped to, or -1 when nothing is recorded. */
    long earliestStep();

    /** The last recorded step, or -1 when nothing is recorded. */
    long latestStep();

    /** The steps that have a stored snapshot, ascending. Denser near the present. */
    long[] recordedSteps();

    /** The stored snapshot nearest to {@code step} (the earlier one on a tie), or null when empty. */
    TrainingSnapshot snapshotAt(long step);

    /** The epoch end with the lowest test loss so far in this branch of the run ("early stopping"). */
    Optional<LossPoint> bestTestLoss();

    /** Bytes held by the stored checkpoints and snapshots. */
    long byteSize();

    /** The memory budget in bytes. */
    long budget();

    /** How far the old history has been thinned: 1 while every record is kept, doubling each time it fills. */
    int thinning();
}
