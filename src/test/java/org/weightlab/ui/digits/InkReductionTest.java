package org.weightlab.ui.digits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class InkReductionTest {

    private static boolean[] blank() {
        return new boolean[32 * 32];
    }

    private static void ink(boolean[] d, int x, int y) {
        d[y * 32 + x] = true;
    }

    @Test
    void anEmptyDrawingIsAllZeros() {
        assertArrayEquals(new int[64], InkReduction.counts(blank()));
        assertArrayEquals(new double[64], InkReduction.inputs(new int[64]));
    }

    @Test
    void aFullBlockCountsSixteenAndNothingSpillsIntoItsNeighbours() {
        boolean[] d = blank();
        for (int y = 8; y < 12; y++) {          // block row 2
            for (int x = 20; x < 24; x++) {     // block column 5
                ink(d, x, y);
            }
        }
        int[] expected = new int[64];
        expected[2 * 8 + 5] = 16;
        assertArrayEquals(expected, InkReduction.counts(d));
        assertEquals(1.0, InkReduction.inputs(InkReduction.counts(d))[2 * 8 + 5]);
    }

    @Test
    void theMainDiagonalPutsFourPixelsInEachDiagonalBlock() {
        boolean[] d = blank();
        for (int i = 0; i < 32; i++) {
            ink(d, i, i);
        }
        int[] expected = new int[64];
        for (int b = 0; b < 8; b++) {
            expected[b * 8 + b] = 4;
        }
        assertArrayEquals(expected, InkReduction.counts(d));
        assertEquals(0.25, InkReduction.inputs(expected)[9 * 3]);
    }

    @Test
    void theCornersAndEdgesLandInTheBlocksOfTheirRowAndColumn() {
        boolean[] d = blank();
        ink(d, 0, 0);      // top left: block 0
        ink(d, 31, 0);     // top right: block 7
        ink(d, 0, 31);     // bottom left: block 56
        ink(d, 31, 31);    // bottom right: block 63
        ink(d, 3, 4);      // last column of block column 0, first row of block row 1: block 8
        ink(d, 4, 3);      // first column of block column 1, last row of block row 0: block 1
        for (int x = 0; x < 32; x++) {
            ink(d, x, 16); // a full pixel row: 4 in each block of block row 4
        }
        int[] expected = new int[64];
        expected[0] = 1;
        expected[7] = 1;
        expected[56] = 1;
        expected[63] = 1;
        expected[8] = 1;
        expected[1] = 1;
        for (int b = 0; b < 8; b++) {
            expected[4 * 8 + b] = 4;
        }
        assertArrayEquals(expected, InkReduction.counts(d));
    }

    @Test
    void aDrawingOfTheWrongSizeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> InkReduction.counts(new boolean[64]));
    }
}
