package org.weightlab.ui.confusion;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.weightlab.analysis.Confusion;
import org.weightlab.analysis.ConfusionMatrix;
import org.weightlab.session.SessionState;
import org.weightlab.session.TrainingSnapshot;

/**
 * Computes confusion matrices on one daemon thread, latest wins: a moment asked for while another
 * is computed replaces any moment still waiting, so the worker never falls behind the run. While
 * training runs, computations start at most {@link #RUNNING_PER_SECOND} times a second (the engine
 * needs the other core). Results go to {@code deliver} on the worker thread.
 */
final class ConfusionWorker {

    /** Matrices a second, at most, while the run trains. */
    static final double RUNNING_PER_SECOND = 4;

    /** A moment and its matrix (null for regression or a moment without data). */
    record Result(TrainingSnapshot snapshot, ConfusionMatrix matrix) {
    }

    private static final System.Logger LOG = System.getLogger(ConfusionWorker.class.getName());

    private final AtomicReference<TrainingSnapshot> waiting = new AtomicReference<>();
    private final Consumer<Result> deliver;
    private final Object lock = new Object();
    private Thread thread;
    private long lastStart = Long.MIN_VALUE / 2;

    ConfusionWorker(Consumer<Result> deliver) {
        this.deliver = deliver;
    }

    /** Asks for the matrix of {@code s}; replaces a moment not yet started. */
    void request(TrainingSnapshot s) {
        waiting.set(s);
        synchronized (lock) {
            if (thread == null) {
                thread = new Thread(this::run, "weightlab-confusion");
                thread.setDaemon(true);
                thread.start();
            } else {
                lock.notifyAll();
            }
        }
    }

    private void run() {
        while (true) {
            TrainingSnapshot s;
            synchronized (lock) {
                while ((s = waiting.getAndSet(null)) == null) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
            if (s.state() == SessionState.RUNNING) {
                long wait = lastStart + Math.round(1e9 / RUNNING_PER_SECOND) - System.nanoTime();
                if (wait > 0) {
                    try {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    } catch (InterruptedException e) {
                        return;
                    }
                    TrainingSnapshot newer = waiting.getAndSet(null);
                    s = newer != null ? newer : s;
                }
            }
            lastStart = System.nanoTime();
            try {
                deliver.accept(new Result(s, Confusion.ofTest(s)));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "confusion matrix failed", e);
            }
        }
    }
}
