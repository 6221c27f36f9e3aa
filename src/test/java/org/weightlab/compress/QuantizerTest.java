package org.weightlab.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Every quantizer against values worked out by hand from the formulas. */
class QuantizerTest {

    @Test
    void threeBitsRoundsHalvesToEven() {
        // max|W| = 3, qmax = 3, scale = 1: 1.5 -> 2, -2.5 -> -2, 0.5 -> 0 (ties to even).
        double[] w = {3, 1.5, -2.5, 0.5, -1};
        assertArrayEquals(new double[]{3, 2, -2, 0, -1}, Quantizer.quantize(w, QuantSpec.BITS3));
    }

    @Test
    void eightBitsUsesLevelsUpTo127() {
        // scale = 127 / 127 = 1: -63.5 -> -64 (even), 0.5 -> 0, 126.5 -> 126.
        double[] w = {127, -63.5, 0.5, 126.5, 1};
        assertArrayEquals(new double[]{127, -64, 0, 126, 1}, Quantizer.quantize(w, QuantSpec.BITS8));
    }

    @Test
    void fourBitsScalesByMaxOverSeven() {
        // max|W| = 14, qmax = 7, scale = 2: 7/2 = 3.5 -> 4 -> 8; 5/2 = 2.5 -> 2 -> 4; -14 -> -7 -> -14.
        assertArrayEquals(new double[]{8, 4, -14, 0}, Quantizer.quantize(new double[]{7, 5, -14, 1}, QuantSpec.BITS4));
    }

    @Test
    void twoBitsHasThreeLevels() {
        // qmax = 1, scale = 0.5: 1 -> 1, -0.4 -> -0, 0.5 -> 0 (tie to even), -0.3 / 0.5 = -0.6 -> -1.
        double[] q = Quantizer.quantize(new double[]{0.5, -0.2, 0.25, -0.3}, QuantSpec.BITS2);
        assertArrayEquals(new double[]{0.5, -0.0, 0, -0.5}, q);
    }

    @Test
    void allZeroLayerStaysZeroInEveryFormat() {
        double[] w = {0, 0, 0};
        for (QuantSpec spec : QuantSpec.values()) {
            double[] q = Quantizer.quantize(w, spec);
            for (double v : q) {
                assertEquals(0.0, v, 0.0, spec.id());
                assertEquals(false, Double.isNaN(v), spec.id());
            }
        }
    }

    @Test
    void singleWeightKeepsItsValueWithKBitsAndTernaryAndBinary() {
        // One weight is its own max|W| and mean|W|: level qmax (or 1) times itself.
        for (QuantSpec spec : new QuantSpec[]{QuantSpec.BITS8, QuantSpec.BITS4, QuantSpec.BITS3, QuantSpec.BITS2}) {
            assertEquals(-0.75, Quantizer.quantize(new double[]{-0.75}, spec)[0], 1e-15, spec.id());
        }
        assertEquals(-0.75, Quantizer.ternary(new double[]{-0.75})[0], 0.0);
        assertEquals(-0.75, Quantizer.binary(new double[]{-0.75})[0], 0.0);
    }

    @Test
    void ternaryClampsToMinusOneZeroOneTimesMeanAbs() {
        // g = mean(3, 1, 0, 0) = 1: 3/(1 + 1e-8) -> 3 -> clamped to 1; -1/(1 + 1e-8) -> -1; 0 -> 0.
        assertArrayEquals(new double[]{1, -1, 0, 0}, Quantizer.ternary(new double[]{3, -1, 0, 0}));
        // g = mean(0.5, 1.5, 0.25, 0.25) = 0.625: 0.25 / 0.625 = 0.4 -> 0; 0.5 / 0.625 = 0.8 -> 1;
        // -0.25 rounds to -0, as numpy's rint does.
        assertArrayEquals(new double[]{0.625, -0.625, 0, -0.0},
                Quantizer.ternary(new double[]{0.5, -1.5, 0.25, -0.25}));
    }

    @Test
    void ternaryHalfOfTheMeanRoundsDownBecauseOfTheEpsilon() {
        // W = {1, 0.5, 1.5}: g = 1; 0.5 / (1 + 1e-8) is just below 0.5 -> 0; 1.5 / (1 + 1e-8) -> 1.
        assertArrayEquals(new double[]{1, 0, 1}, Quantizer.ternary(new double[]{1, 0.5, 1.5}));
    }

    @Test
    void binaryIsTheSignTimesMeanAbsWithZeroCountingAsPositive() {
        // mean|W| = (0.5 + 1 + 0 + 0) / 4 = 0.375; 0 and -0 are >= 0.
        assertArrayEquals(new double[]{0.375, -0.375, 0.375, 0.375},
                Quantizer.binary(new double[]{0.5, -1, 0, -0.0}));
    }

    @Test
    void inputIsLeftAlone() {
        double[] w = {0.3, -0.7, 0.1};
        double[] before = w.clone();
        for (QuantSpec spec : QuantSpec.values()) {
            assertNotSame(w, Quantizer.quantize(w, spec));
        }
        assertArrayEquals(before, w);
    }

    @Test
    void namesAndWidths() {
        assertEquals(QuantSpec.BITS4, QuantSpec.fromId("4"));
        assertEquals(QuantSpec.TERNARY, QuantSpec.fromId("Ternary"));
        assertEquals(127, QuantSpec.BITS8.qmax());
        assertEquals(3, QuantSpec.BITS3.qmax());
        assertEquals(1.58, QuantSpec.TERNARY.bitsPerWeight(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> QuantSpec.fromId("16"));
    }
}
