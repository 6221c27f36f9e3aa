package org.weightlab.session;

/**
 * Tuning of a {@link TrainingSession}.
 *
 * @param historyBudget      bytes the history may hold
 * @param recentRecords      newest history records kept without thinning
 * @param snapshotsPerSecond most snapshots built per second while running at full speed
 * @param recordsPerSecond   most of those kept in the history per second at full speed (steps in
 *                           between are reached exactly by replay); when paced or stepping,
 *                           and after every command, every snapshot is kept
 * @param fieldsPerSecond    most neuron fields computed per second while running (they cost most)
 * @param fieldGrid          raster size of a field
 * @param fieldExtent        a field covers [-extent, extent]^2
 * @param evaluationShare    most of the engine's time spent evaluating the whole train and test
 *                           sets while training runs (an evaluation of 500 points costs about as
 *                           much as an epoch of 250); at 1 or more every epoch end is evaluated
 */
public record SessionSettings(long historyBudget, int recentRecords, double snapshotsPerSecond, double recordsPerSecond,
                              double fieldsPerSecond, int fieldGrid, double fieldExtent, double evaluationShare) {

    public SessionSettings {
        if (historyBudget < 1 || recentRecords < 1 || !(snapshotsPerSecond > 0) || !(recordsPerSecond > 0)
                || !(fieldsPerSecond > 0) || fieldGrid < 2 || !(fieldExtent > 0) || !(evaluationShare > 0)) {
            throw new IllegalArgumentException("session settings out of range: " + this);
        }
    }

    public static SessionSettings defaults() {
        return new SessionSettings(History.DEFAULT_BUDGET, History.DEFAULT_RECENT_ENTRIES, 120, 30, 30, 50, 6, 0.01);
    }

    public SessionSettings withHistoryBudget(long bytes) {
        return new SessionSettings(bytes, recentRecords, snapshotsPerSecond, recordsPerSecond, fieldsPerSecond, fieldGrid,
                fieldExtent, evaluationShare);
    }

    public SessionSettings withRecentRecords(int n) {
        return new SessionSettings(historyBudget, n, snapshotsPerSecond, recordsPerSecond, fieldsPerSecond, fieldGrid,
                fieldExtent, evaluationShare);
    }

    /** At most {@code perSecond} snapshots, all of them recorded. */
    public SessionSettings withSnapshotsPerSecond(double perSecond) {
        return new SessionSettings(historyBudget, recentRecords, perSecond, perSecond, fieldsPerSecond, fieldGrid,
                fieldExtent, evaluationShare);
    }

    /** Every epoch end evaluated, whatever it costs. */
    public SessionSettings evaluatingEveryEpoch() {
        return new SessionSettings(historyBudget, recentRecords, snapshotsPerSecond, recordsPerSecond, fieldsPerSecond,
                fieldGrid, fieldExtent, 1);
    }
}
