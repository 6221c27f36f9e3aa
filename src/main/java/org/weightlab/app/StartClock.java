package org.weightlab.app;

import java.lang.management.ManagementFactory;

/**
 * Seconds since WeightLab was started: since the first JVM's start when this one was relaunched
 * by it ({@link VectorRelaunch}, which passes its start time in {@link #STARTED_AT}), else since
 * this JVM's start. Both are the JVMs' own records, to the millisecond. (The operating system's
 * process start times are no use here: Linux gives them relative to a boot time rounded to the
 * second.)
 */
final class StartClock {

    /** System property: the first JVM's start, in milliseconds since the epoch. */
    static final String STARTED_AT = "weightlab.startedAt";

    private final long startMillis;

    StartClock(long startMillis) {
        this.startMillis = startMillis;
    }

    /** The clock of this program: its first JVM's start, or this JVM's. */
    static StartClock ofThisProgram() {
        Long first = Long.getLong(STARTED_AT);
        return new StartClock(first != null && first > 0 ? first : ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    double secondsSinceStart() {
        return (System.currentTimeMillis() - startMillis) / 1000.0;
    }
}
