package org.weightlab.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void percentilesOfZeroToHundredAreTheLevelsThemselves() {
        double[] v = new double[101];
        for (int i = 0; i <= 100; i++) {
            v[100 - i] = i; // order must not matter
        }
        assertArrayEquals(Percentiles.LEVELS, Percentiles.of(v), 1e-12);
    }

    @Test
    void percentilesInterpolateBetweenOrderStatistics() {
        // Sorted 1, 2, 3, 4: the median sits halfway between 2 and 3; p7 at 0.21 of the way from 1 to 2.
        double[] p = Percentiles.of(new double[] {4, 1, 3, 2}, new double[] {50, 7});
        assertEquals(2.5, p[0], 1e-12);
        assertEquals(1.21, p[1], 1e-12);
    }

    @Test
    void aBigLayerIsSampledYetCloseToTheExactPercentiles() {
        Random r = new Random(3);
        double[] w = new double[784 * 256];
        for (int i = 0; i < w.length; i++) {
            w[i] = r.nextGaussian() * 0.05;
        }
        double[] sorted = w.clone();
        Arrays.sort(sorted);
        double[] p = Percentiles.of(w);
        for (int k = 1; k < Percentiles.LEVELS.length - 1; k++) {
            double exact = Percentiles.at(sorted, Percentiles.LEVELS[k]);
            assertEquals(exact, p[k], 0.01, "percentile " + Percentiles.LEVELS[k]);
        }
        assertEquals(Percentiles.MAX_SAMPLE, Percentiles.sortedSample(w).length);
    }

    @Test
    void nonFiniteValuesAreLeftOutAndNothingFiniteGivesNaN() {
        double[] p = Percentiles.of(new double[] {Double.NaN, 1, Double.POSITIVE_INFINITY, 3});
        assertEquals(1, p[0]);
        assertEquals(3, p[8]);
        assertTrue(Double.isNaN(Percentiles.of(new double[] {Double.NaN})[4]));
    }
}
