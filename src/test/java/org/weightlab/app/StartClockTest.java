package org.weightlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class StartClockTest {

    @Test
    void countsFromTheGivenStart() {
        StartClock clock = new StartClock(System.currentTimeMillis() - 1500);
        assertEquals(1.5, clock.secondsSinceStart(), 0.25);
    }

    @Test
    void withoutAFirstJvmCountsFromThisJvmsStart() {
        System.clearProperty(StartClock.STARTED_AT);
        double uptime = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
        double since = StartClock.ofThisProgram().secondsSinceStart();
        assertEquals(uptime, since, 0.25, since + " s against an uptime of " + uptime + " s");
    }
}
