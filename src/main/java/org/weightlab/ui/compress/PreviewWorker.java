package org.weightlab.ui.compress;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.weightlab.session.SessionState;
import org.weightlab.session.TrainingSnapshot;

/**
 * Computes compression previews on one worker thread, latest wins: a request made while another
 * is computed replaces any request still waiting, so the worker never falls behind the run. While
 * training runs, computations start at most {@link #RUNNING_PER_SECOND} times a second (the engine
 * needs the other core). Results go to {@code deliver} on the worker thread; the caller hops to the
 * FX thread (once per result, never per training step).
 */
final class PreviewWorker {

    /** Previews a second, at most, while the run trains. */
    static final double RUNNING_PER_SECOND = 8;

    private record Request(TrainingSnapshot snapshot, WhatIf whatIf) {
    }

    private static final System.Logger LOG = System.getLogger(PreviewWorker.class.getName());

    private final AtomicReference<Request> waiting = new AtomicReference<>();
    private final Consumer<CompressionPreview> deliver;
    private final Object lock = new Object();
    private Thread thread;
    private long lastStart = Long.MIN_VALUE / 2;

    PreviewWorker(Consumer<CompressionPreview> deliver) {
        this.deliver = deliver;
    }

    /** Asks for the preview of {@code whatIf} on {@code s}; replaces a request not yet started. */
    void request(TrainingSnapshot s, WhatIf whatIf) {
        waiting.set(new Request(s, whatIf));
        synchronized (lock) {
            if (thread == null) {
                thread = new Thread(this::run, "weightlab-compress-preview");
                thread.setDaemon(true);
                thread.start();
            } else {
                lock.notifyAll();
            }
        }
    }

    private void run() {
        while (true) {
            Request r;
            synchronized (lock) {
                while ((r = waiting.getAndSet(null)) == null) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
            if (r.snapshot().state() == SessionState.RUNNING) {
                long wait = lastStart + Math.round(1e9 / RUNNING_PER_SECOND) - System.nanoTime();
                if (wait > 0) {
                    try {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    } catch (InterruptedException e) {
                        return;
                    }
                    Request newer = waiting.getAndSet(null);
                    r = newer != null ? newer : r;
                }
            }
            lastStart = System.nanoTime();
            try {
                deliver.accept(CompressionPreview.compute(r.snapshot(), r.whatIf()));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "compression preview failed", e);
            }
        }
    }
}
