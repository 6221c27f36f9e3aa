package org.weightlab.session.race;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.weightlab.engine.Checkpoint;

/**
 * Trains a {@link Race} on a thread of its own, paced in epochs per second, and publishes an
 * immutable {@link RaceSnapshot} to one listener at most {@link #SNAPSHOTS_PER_SECOND} times a
 * second (and whenever it stops). Commands return at once and are applied between ticks, in
 * order; nothing here waits for a window.
 */
public final class RaceRunner implements AutoCloseable {

    public static final String THREAD_NAME = "weightlab-race";
    static final double SNAPSHOTS_PER_SECOND = 30;

    private final Race race;
    private final Consumer<RaceSnapshot> listener;
    private final boolean withFields;
    private final LinkedBlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;
    private volatile RaceSnapshot latest;

    // engine-thread state
    private boolean playing;
    private double epochsPerSecond;
    private long targetTicks = -1;
    private CompletableFuture<RaceSnapshot> targetReached;
    private long nextTickAt;
    private long lastPublish;

    /**
     * @param epochsPerSecond pace while playing; infinite for as fast as possible
     * @param withFields      whether snapshots carry each run's output picture (views want them)
     */
    public RaceRunner(Race race, double epochsPerSecond, boolean withFields, Consumer<RaceSnapshot> listener) {
        this.race = Objects.requireNonNull(race, "race");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.withFields = withFields;
        this.epochsPerSecond = epochsPerSecond;
        thread = new Thread(this::loop, THREAD_NAME);
        thread.setDaemon(true);
        latest = race.snapshot(false, withFields);
    }

    public Race race() {
        return race;
    }

    /** The newest published snapshot (the race's start before the thread runs). */
    public RaceSnapshot latest() {
        return latest;
    }

    public RaceRunner start() {
        thread.start();
        submit(this::publish);
        return this;
    }

    public void play() {
        submit(() -> {
            playing = true;
            nextTickAt = System.nanoTime();
        });
    }

    public void pause() {
        submit(() -> {
            playing = false;
            publish();
        });
    }

    public void setEpochsPerSecond(double perSecond) {
        submit(() -> epochsPerSecond = perSecond);
    }

    /**
     * Plays {@code n} more epochs and pauses there; the future completes with the snapshot at that
     * point (or where every run diverged).
     */
    public CompletableFuture<RaceSnapshot> runEpochs(int n) {
        CompletableFuture<RaceSnapshot> f = new CompletableFuture<>();
        submit(() -> {
            targetTicks = Math.round(race.epochsRun() * race.ticksPerEpoch()) + (long) n * race.ticksPerEpoch();
            if (targetReached != null) {
                targetReached.complete(race.snapshot(false, withFields));
            }
            targetReached = f;
            playing = true;
            nextTickAt = System.nanoTime();
        });
        return f;
    }

    /** The exact state of run {@code k} as it stands after the commands sent before this call. */
    public CompletableFuture<Checkpoint> checkpoint(int k) {
        CompletableFuture<Checkpoint> f = new CompletableFuture<>();
        submit(() -> f.complete(race.checkpoint(k)));
        return f;
    }

    public boolean isAlive() {
        return thread.isAlive();
    }

    /** Stops the race for good; the thread ends. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }

    private void submit(Runnable command) {
        if (!closed) {
            commands.add(command);
        }
    }

    private void loop() {
        try {
            while (!closed) {
                Runnable c = playing ? commands.poll() : commands.poll(1, TimeUnit.SECONDS);
                if (c != null) {
                    c.run();
                    continue;
                }
                if (!playing) {
                    continue;
                }
                long wait = waitNanos();
                if (wait > 0) {
                    Runnable next = commands.poll(wait, TimeUnit.NANOSECONDS);
                    if (next != null) {
                        next.run();
                    }
                    continue;
                }
                race.tick();
                nextTickAt += period();
                long now = System.nanoTime();
                if (nextTickAt < now - 250_000_000L) {
                    nextTickAt = now; // far behind: do not race to catch up
                }
                boolean reached = targetTicks >= 0 && Math.round(race.epochsRun() * race.ticksPerEpoch()) >= targetTicks;
                if (reached || race.allDiverged()) {
                    playing = false;
                    targetTicks = -1;
                    RaceSnapshot s = publish();
                    if (targetReached != null) {
                        targetReached.complete(s);
                        targetReached = null;
                    }
                } else if (now - lastPublish >= 1e9 / SNAPSHOTS_PER_SECOND) {
                    publish();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (targetReached != null) {
                targetReached.completeExceptionally(e);
            }
            throw e;
        } finally {
            if (targetReached != null) {
                targetReached.cancel(false);
            }
        }
    }

    private long period() {
        double ticksPerSecond = epochsPerSecond * race.ticksPerEpoch();
        return Double.isInfinite(ticksPerSecond) || !(ticksPerSecond > 0) ? 0 : Math.round(1e9 / ticksPerSecond);
    }

    private long waitNanos() {
        return period() == 0 ? 0 : nextTickAt - System.nanoTime();
    }

    private RaceSnapshot publish() {
        lastPublish = System.nanoTime();
        RaceSnapshot s = race.snapshot(playing, withFields);
        latest = s;
        try {
            listener.accept(s);
        } catch (RuntimeException e) {
            // a listener's failure never stops the race
        }
        return s;
    }
}
