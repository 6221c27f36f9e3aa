package org.weightlab.app;

import java.time.Instant;
import java.util.Optional;

/**
 * Seconds since WeightLab was started: since the first JVM's start when this one was relaunched
 * by it ({@link VectorRelaunch}), else since this JVM's start. The operating system gives process
 * start times to a clock tick (10 ms on Linux).
 */
final class StartClock {

    private final Instant start;

    private StartClock(Instant start) {
        this.start = start;
    }

    /** The clock of this program: its first JVM's start, or now when the system does not say. */
    static StartClock ofThisProgram() {
        Optional<Instant> own = ProcessHandle.current().info().startInstant();
        Optional<Instant> first = VectorRelaunch.parent().flatMap(p -> p.info().startInstant());
        return new StartClock(first.or(() -> own).orElseGet(Instant::now));
    }

    double secondsSinceStart() {
        return (System.currentTimeMillis() - start.toEpochMilli()) / 1000.0;
    }
}
