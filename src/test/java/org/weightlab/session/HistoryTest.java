package org.weightlab.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.config.RunConfig;

class HistoryTest {

    /** A stand-in checkpoint: a byte array whose length is its size. */
    private static History<byte[]> history(long budget, int recent) {
        return new History<>(budget, recent, c -> c.length);
    }

    private static long entryBytes(int checkpointBytes) {
        return checkpointBytes + History.byteSize(Snapshots.at(0));
    }

    @Test
    void keepsEveryRecordWhileUnderBudget() {
        History<byte[]> h = history(1L << 30, 16);
        for (int s = 0; s < 100; s++) {
            h.record(new byte[100], Snapshots.at(s), false);
        }
        assertEquals(100, h.recordedSteps().length);
        assertEquals(1, h.thinning());
        assertEquals(100 * entryBytes(100), h.byteSize());
    }

    @Test
    void staysUnderBudgetThinningOldRecordsAndKeepingRecentOnesBoundariesAndTheStart() {
        long budget = 200 * entryBytes(1000);
        History<byte[]> h = history(budget, 32);
        for (int s = 0; s < 20_000; s++) {
            h.record(new byte[1000], Snapshots.at(s), s == 5000 || s == 12_345);
            assertTrue(h.byteSize() <= budget, "over budget at step " + s + ": " + h.byteSize());
        }
        long[] steps = h.recordedSteps();
        // Independent accounting: entries times their size.
        assertEquals(steps.length * entryBytes(1000), h.byteSize());
        assertEquals(0, h.earliestStep(), "the start of the run stays");
        assertEquals(19_999, h.latestStep());
        long[] last32 = Arrays.copyOfRange(steps, steps.length - 32, steps.length);
        for (int k = 0; k < 32; k++) {
            assertEquals(19_968 + k, last32[k], "the recent records are all kept");
        }
        assertTrue(Arrays.binarySearch(steps, 5000) >= 0, "a command boundary is never thinned");
        assertTrue(Arrays.binarySearch(steps, 12_345) >= 0, "a command boundary is never thinned");
        int k = h.thinning();
        assertTrue(k > 1);
        // Further back, evenly spaced every k-th record (here record n is step n), plus boundaries.
        for (int i = 0; i < steps.length - 32; i++) {
            long s = steps[i];
            assertTrue(s % k == 0 || s == 5000 || s == 12_345, "step " + s + " is off the grid of " + k);
        }
        // Nothing on the grid is missing: the span really is covered.
        long onGrid = Arrays.stream(steps, 0, steps.length - 32).filter(s -> s % k == 0).count();
        assertEquals((19_968 + k - 1) / k, onGrid);
    }

    @Test
    void dropsTheOldestWhenBoundariesAloneOverflow() {
        long budget = 10 * entryBytes(1000);
        History<byte[]> h = history(budget, 4);
        for (int s = 0; s < 50; s++) {
            h.record(new byte[1000], Snapshots.at(s), true);
        }
        assertTrue(h.byteSize() <= budget);
        assertEquals(49, h.latestStep());
        assertEquals(40, h.earliestStep());
    }

    @Test
    void snapshotAtGivesTheNearestRecordAndFloorTheOneAtOrBefore() {
        History<byte[]> h = history(1L << 30, 8);
        for (long s : new long[] {0, 10, 20, 40}) {
            h.record(new byte[1], Snapshots.at(s), false);
        }
        assertEquals(10, h.snapshotAt(14).step());
        assertEquals(20, h.snapshotAt(16).step());
        assertEquals(10, h.snapshotAt(15).step(), "a tie goes to the earlier record");
        assertEquals(40, h.snapshotAt(1000).step());
        assertEquals(0, h.snapshotAt(-5).step());
        assertEquals(20, h.floor(39).step());
        assertNull(h.floor(-1));
    }

    @Test
    void aSecondRecordAtTheSameStepReplacesTheFirstAndKeepsItABoundary() {
        History<byte[]> h = history(1L << 30, 8);
        h.record(new byte[1], Snapshots.at(3, 1.0), true);
        h.record(new byte[2], Snapshots.at(3, 2.0), false);
        assertArrayEquals(new long[] {3}, h.recordedSteps());
        assertEquals(2.0, h.snapshotAt(3).layers().get(0).weight(0, 0));
        assertTrue(h.floor(3).boundary());
        assertEquals(entryBytes(2), h.byteSize());
        assertThrows(IllegalStateException.class, () -> h.record(new byte[1], Snapshots.at(2), false));
    }

    @Test
    void forkingForgetsLaterRecordsAndEpochsAndTheBestFollowsTheBranch() {
        History<byte[]> h = history(1L << 30, 8);
        RunConfig c = RunConfig.defaults();
        double[] testLoss = {0.9, 0.5, 0.7, 0.3, 0.4};
        for (int e = 0; e < testLoss.length; e++) {
            long step = 25L * (e + 1);
            h.record(new byte[1], Snapshots.at(step), false);
            h.recordEpoch(new LossPoint(step, e, 1, testLoss[e], true), c, () -> new byte[8]);
        }
        assertEquals(100, h.bestTestLoss().orElseThrow().step());
        assertTrue(h.bestAt(100) != null, "the best epoch keeps its checkpoint");
        h.truncateAfter(80);
        assertEquals(75, h.latestStep());
        assertEquals(50, h.bestTestLoss().orElseThrow().step(), "best of the epochs that remain");
        h.recordEpoch(new LossPoint(100, 3, 1, 0.6, true), c, () -> new byte[8]);
        assertEquals(50, h.bestTestLoss().orElseThrow().step(), "0.6 does not beat 0.5");
    }
}
