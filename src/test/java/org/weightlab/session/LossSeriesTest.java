package org.weightlab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LossSeriesTest {

    @Test
    void aLongRunStaysWithinCapacityAndKeepsItsEnvelope() {
        LossSeries s = new LossSeries(1024);
        Random r = new Random(3);
        int n = 200_000;
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = Math.exp(-i / 40_000.0) * (1 + 0.3 * r.nextGaussian());
            s.add(i, i / 250.0, values[i]);
            assertTrue(s.size() <= 1024, "size " + s.size() + " after " + (i + 1));
        }
        // steps still increase, and the newest points are all there
        for (int k = 1; k < s.size(); k++) {
            assertTrue(s.step(k) > s.step(k - 1), "step order at " + k);
        }
        // the newest group is shown by its lowest and highest values so far
        assertTrue(s.step(s.size() - 1) > n - 2_000, "newest kept step " + s.step(s.size() - 1));
        // the lowest and the highest value of the whole run are still there, and every stretch of
        // 4,000 steps (a few pixels of a chart of the whole run) still has points
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double keptLo = Double.POSITIVE_INFINITY;
        double keptHi = Double.NEGATIVE_INFINITY;
        int[] perStretch = new int[n / 4_000];
        for (int k = 0; k < s.size(); k++) {
            keptLo = Math.min(keptLo, s.value(k));
            keptHi = Math.max(keptHi, s.value(k));
            perStretch[(int) s.step(k) / 4_000]++;
        }
        assertEquals(lo, keptLo, 0.0);
        assertEquals(hi, keptHi, 0.0);
        for (int j = 0; j < perStretch.length; j++) {
            assertTrue(perStretch[j] > 0, "no point between steps " + j * 4_000 + " and " + (j + 1) * 4_000);
        }
    }

    @Test
    void thinningKeepsANonFiniteValue() {
        LossSeries s = new LossSeries(64);
        for (int i = 0; i < 64; i++) {
            s.add(i, 0, i == 5 ? Double.NaN : 1.0 + i);
        }
        s.add(64, 0, 2.0); // full: the older half is thinned first
        assertTrue(s.size() <= 40, "thinned to " + s.size());
        boolean nan = false;
        for (int k = 0; k < s.size(); k++) {
            nan |= Double.isNaN(s.value(k)) && s.step(k) == 5;
        }
        assertTrue(nan, "the NaN at step 5 is kept");
    }

    @Test
    void aPointIsFoundByItsStepOnlyWhenItIsKept() {
        LossSeries s = new LossSeries(64);
        for (int i = 0; i < 10; i++) {
            s.add(10 * i, 0, i);
        }
        assertEquals(3, s.indexOfStep(30));
        assertEquals(-1, s.indexOfStep(35));
        assertEquals(-1, s.indexOfStep(1000));
    }
}
