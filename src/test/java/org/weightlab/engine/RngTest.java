package org.weightlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RngTest {

    /** The plain integer definition nextInt must match draw for draw (shuffles stay what they were). */
    private static int integerNextInt(Rng rng, int bound) {
        long limit = (1L << 31) / bound * bound;
        while (true) {
            long r = rng.nextLong() >>> 33;
            if (r < limit) {
                return (int) (r % bound);
            }
        }
    }

    @Test
    void nextIntDrawsWhatIntegerDivisionWouldForEveryKindOfBound() {
        Rng bounds = new Rng(99);
        int[] fixed = {1, 2, 3, 7, 10, 250, 1000, 65_537, (1 << 30) - 1, 1 << 30, (1 << 30) + 1,
            Integer.MAX_VALUE - 1, Integer.MAX_VALUE};
        for (int k = 0; k < 20_000; k++) {
            int bound = k < fixed.length ? fixed[k] : 1 + (int) (bounds.nextLong() >>> (33 + k % 31));
            Rng a = new Rng(k * 31L);
            Rng b = new Rng(k * 31L);
            for (int d = 0; d < 5; d++) {
                assertEquals(integerNextInt(b, bound), a.nextInt(bound), "bound " + bound + ", draw " + d);
            }
            assertEquals(b.state(), a.state(), "same number of draws for bound " + bound);
        }
    }

    @Test
    void nextIntRejectsANonPositiveBound() {
        assertThrows(IllegalArgumentException.class, () -> new Rng(1).nextInt(0));
    }
}
