package org.weightlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.weightlab.app.TrainCommandTest.Result;

/** The window's measuring options refuse values out of range before any window opens. */
class LauncherOptionsTest {

    @Test
    void aWarmUpOutOfRangeIsRefusedWithOneLine() {
        Result r = TrainCommandTest.run("--measure", "5", "--warm-up", "-1");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--warm-up takes 0 to 3600 seconds, got -1"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void aMeasureOutOfRangeIsRefusedWithOneLine() {
        Result r = TrainCommandTest.run("--measure", "4000");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--measure takes 1 to 3600 seconds, got 4000"), r.err());
    }

    @Test
    void theHelpNamesTheWarmUp() {
        Result r = TrainCommandTest.run("--help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("--warm-up=SECONDS"), r.out());
    }
}
