package org.weightlab.ui.confusion;

import java.util.function.Consumer;
import org.weightlab.analysis.Confusion;
import org.weightlab.analysis.ConfusionMatrix;
import org.weightlab.session.SessionState;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.fx.LatestWorker;

/**
 * Confusion matrices off the FX thread, latest wins ({@link LatestWorker}): while training runs,
 * at most {@link #RUNNING_PER_SECOND} a second. Results go to {@code deliver} on the worker thread.
 */
final class ConfusionWorker {

    /** Matrices a second, at most, while the run trains. */
    static final double RUNNING_PER_SECOND = 4;

    /** A moment and its matrix (null for regression or a moment without data). */
    record Result(TrainingSnapshot snapshot, ConfusionMatrix matrix) {
    }

    private final LatestWorker<TrainingSnapshot, Result> worker;

    ConfusionWorker(Consumer<Result> deliver) {
        worker = new LatestWorker<>("weightlab-confusion", RUNNING_PER_SECOND,
                s -> s.state() == SessionState.RUNNING, s -> new Result(s, Confusion.ofTest(s)), deliver);
    }

    /** Asks for the matrix of {@code s}; replaces a moment not yet started. */
    void request(TrainingSnapshot s) {
        worker.request(s);
    }
}
