package org.weightlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Plain SGD's vector passes against the scalar rule, bit for bit, and the finiteness verdict. */
class VectorSgdTest {

    @Test
    void proposalIsTheScalarRuleBitForBitAndFrozenEntriesKeepTheirValue() {
        Rng rng = new Rng(9);
        for (int size : new int[]{16, 17, 31, 2048, 2410}) {
            double[] p = new double[size];
            double[] g = new double[size];
            boolean[] frozen = new boolean[size];
            for (int j = 0; j < size; j++) {
                p[j] = j % 11 == 0 ? -0.0 : (rng.nextDouble() - 0.5) * Math.pow(10, j % 7 - 3);
                g[j] = (rng.nextDouble() - 0.5) * Math.pow(10, j % 5 - 2);
                frozen[j] = j % 3 == 0;
            }
            double lr = 0.037;
            double[] next = new double[size];
            assertTrue(VectorSgd.sgd(lr, p, g, frozen, next));
            for (int j = 0; j < size; j++) {
                double want = frozen[j] ? p[j] : p[j] - lr * g[j];
                assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(next[j]),
                        "size " + size + " entry " + j);
            }
        }
    }

    @Test
    void aValueThatIsNotFiniteAnywhereFailsTheStep() {
        int size = 40;
        for (int at : new int[]{0, 7, 31, 39}) { // inside a whole vector and in the scalar tail
            for (double bad : new double[]{Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                double[] p = new double[size];
                double[] g = new double[size];
                boolean[] frozen = new boolean[size];
                g[at] = bad;
                frozen[at] = at % 2 == 1; // a frozen entry's gradient counts too
                assertFalse(VectorSgd.sgd(0.1, p, g, frozen, new double[size]), "gradient " + bad + " at " + at);
            }
            double[] p = new double[size];
            double[] g = new double[size];
            p[at] = Double.MAX_VALUE;
            g[at] = -Double.MAX_VALUE; // finite, but the step overflows
            assertFalse(VectorSgd.sgd(1.0, p, g, new boolean[size], new double[size]), "overflow at " + at);
        }
    }

    @Test
    void commitMovesTheValuesAndKeepsWhatMovedThem() {
        int size = 37;
        double[] values = new double[size];
        double[] next = new double[size];
        double[] g = new double[size];
        for (int j = 0; j < size; j++) {
            values[j] = j * 0.1;
            next[j] = j * 0.1 - 1.0 / (j + 3);
            g[j] = j - 18.5;
        }
        double[] before = values.clone();
        double[] updates = new double[size];
        double[] grads = new double[size];
        VectorSgd.apply(values, next, g, updates, grads);
        for (int j = 0; j < size; j++) {
            assertEquals(Double.doubleToRawLongBits(next[j] - before[j]), Double.doubleToRawLongBits(updates[j]));
            assertEquals(next[j], values[j], 0.0);
            assertEquals(g[j], grads[j], 0.0);
        }
    }
}
