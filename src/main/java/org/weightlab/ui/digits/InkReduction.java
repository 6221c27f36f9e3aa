package org.weightlab.ui.digits;

/**
 * Reduces a 32x32 bitmap to 8x8 the way the UCI handwritten digits were made: the bitmap is cut
 * into 4x4 blocks and each block's value is the number of ink pixels in it, 0..16; the network's
 * input is that count / 16, in [0, 1]. Row-major, top row first, in both sizes.
 */
public final class InkReduction {

    /** Pixels a side of the drawing. */
    public static final int SIDE = 32;
    /** Pixels a side of the reduced picture. */
    public static final int CELLS = 8;
    /** Pixels a side of one block. */
    public static final int BLOCK = SIDE / CELLS;
    /** The largest count: a block full of ink. */
    public static final int FULL = BLOCK * BLOCK;

    private InkReduction() {
    }

    /** The ink count of each 4x4 block of {@code ink} ({@code ink[y * 32 + x]}), row-major 8x8. */
    public static int[] counts(boolean[] ink) {
        if (ink.length != SIDE * SIDE) {
            throw new IllegalArgumentException("a drawing has " + SIDE * SIDE + " pixels, got " + ink.length);
        }
        int[] counts = new int[CELLS * CELLS];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                if (ink[y * SIDE + x]) {
                    counts[(y / BLOCK) * CELLS + x / BLOCK]++;
                }
            }
        }
        return counts;
    }

    /** The network's inputs for {@code counts}: each count / 16. */
    public static double[] inputs(int[] counts) {
        double[] x = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            x[i] = counts[i] / (double) FULL;
        }
        return x;
    }
}
