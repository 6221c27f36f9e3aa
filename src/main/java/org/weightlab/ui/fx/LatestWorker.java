package org.weightlab.ui.fx;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Computes results of requests on one daemon thread, latest wins: a request made while another is
 * computed replaces any request still waiting, so the worker never falls behind the run. While the
 * run trains ({@code running} says so of a request), computations start at most
 * {@code runningPerSecond} times a second (the engine needs the other core). Results go to
 * {@code deliver} on the worker thread; the caller hops to the FX thread once per result. A
 * computation that throws is logged and skipped.
 *
 * @param <Q> a request (an immutable snapshot, with whatever else the computation needs)
 * @param <R> its result
 */
public final class LatestWorker<Q, R> {

    private static final System.Logger LOG = System.getLogger(LatestWorker.class.getName());

    private final String name;
    private final double runningPerSecond;
    private final Predicate<Q> running;
    private final Function<Q, R> compute;
    private final Consumer<R> deliver;
    private final AtomicReference<Q> waiting = new AtomicReference<>();
    private final Object lock = new Object();
    private Thread thread;
    private long lastStart = Long.MIN_VALUE / 2;

    /** A worker whose thread, started on the first request, is named {@code name}. */
    public LatestWorker(String name, double runningPerSecond, Predicate<Q> running, Function<Q, R> compute,
                        Consumer<R> deliver) {
        this.name = name;
        this.runningPerSecond = runningPerSecond;
        this.running = running;
        this.compute = compute;
        this.deliver = deliver;
    }

    /** Asks for the result of {@code q}; replaces a request not yet started. */
    public void request(Q q) {
        waiting.set(q);
        synchronized (lock) {
            if (thread == null) {
                thread = new Thread(this::run, name);
                thread.setDaemon(true);
                thread.start();
            } else {
                lock.notifyAll();
            }
        }
    }

    private void run() {
        while (true) {
            Q q;
            synchronized (lock) {
                while ((q = waiting.getAndSet(null)) == null) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
            if (running.test(q)) {
                long wait = lastStart + Math.round(1e9 / runningPerSecond) - System.nanoTime();
                if (wait > 0) {
                    try {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    } catch (InterruptedException e) {
                        return;
                    }
                    Q newer = waiting.getAndSet(null);
                    q = newer != null ? newer : q;
                }
            }
            lastStart = System.nanoTime();
            try {
                deliver.accept(compute.apply(q));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, name + " failed", e);
            }
        }
    }
}
