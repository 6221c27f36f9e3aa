package org.weightlab.ui.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MinMaxDecimatorTest {

    @Test
    void keepsEveryColumnsExtremesAndTheEndsWithAtMostFourPointsPerColumn() {
        int n = 100_000;
        int columns = 640;
        double[] xs = new double[n];
        double[] ys = new double[n];
        Random r = new Random(5);
        for (int i = 0; i < n; i++) {
            xs[i] = i + 1;
            ys[i] = Math.exp(-i / 30_000.0) * Math.exp(0.4 * r.nextGaussian());
        }
        MinMaxDecimator d = new MinMaxDecimator();
        int count = d.decimate(xs, ys, n, 1, n, columns, false);

        assertTrue(count <= 4 * columns, "vertices: " + count);
        assertEquals(0, d.index(0), "the line starts at the first point");
        assertEquals(n - 1, d.index(count - 1), "the line ends at the last point");
        Set<Integer> kept = new HashSet<>();
        for (int k = 0; k < count; k++) {
            kept.add(d.index(k));
            if (k > 0) {
                assertTrue(d.index(k) > d.index(k - 1), "vertices keep the points' order");
            }
        }
        // brute-force reference: the lowest and highest point of every column must be drawn
        double perColumn = columns / (double) (n - 1);
        int[] lo = new int[columns];
        int[] hi = new int[columns];
        java.util.Arrays.fill(lo, -1);
        java.util.Arrays.fill(hi, -1);
        for (int i = 0; i < n; i++) {
            int c = (int) Math.min(columns - 1, Math.floor((xs[i] - 1) * perColumn));
            if (lo[c] < 0 || ys[i] < ys[lo[c]]) {
                lo[c] = i;
            }
            if (hi[c] < 0 || ys[i] > ys[hi[c]]) {
                hi[c] = i;
            }
        }
        for (int c = 0; c < columns; c++) {
            if (lo[c] >= 0) {
                assertTrue(kept.contains(lo[c]), "column " + c + " lost its minimum");
                assertTrue(kept.contains(hi[c]), "column " + c + " lost its maximum");
            }
        }
    }

    @Test
    void skipsNaNAndInfinityAndNonPositiveValuesOnALogAxis() {
        double[] xs = {1, 2, 3, 4, 5, 6};
        double[] ys = {0.5, Double.NaN, Double.POSITIVE_INFINITY, 0.0, Double.NEGATIVE_INFINITY, 0.25};
        MinMaxDecimator d = new MinMaxDecimator();
        int linear = d.decimate(xs, ys, 6, 1, 6, 100, false);
        for (int k = 0; k < linear; k++) {
            assertTrue(Double.isFinite(d.y(k)), "drew " + d.y(k));
        }
        assertEquals(3, linear, "0.5, 0.0 and 0.25 are drawable on a linear axis");
        int log = d.decimate(xs, ys, 6, 1, 6, 100, true);
        assertEquals(2, log, "only 0.5 and 0.25 are drawable on a log axis");
        assertEquals(0.5, d.y(0));
        assertEquals(0.25, d.y(1));
    }

    @Test
    void aZoomedRangeKeepsOneNeighbourOutsideEachEdge() {
        double[] xs = new double[1000];
        double[] ys = new double[1000];
        for (int i = 0; i < 1000; i++) {
            xs[i] = i;
            ys[i] = i % 7;
        }
        MinMaxDecimator d = new MinMaxDecimator();
        int count = d.decimate(xs, ys, 1000, 100.5, 200.5, 50, false);
        assertEquals(100, d.index(0), "the point just left of the range");
        assertEquals(201, d.index(count - 1), "the point just right of the range");
    }
}
