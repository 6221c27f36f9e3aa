package org.weightlab.ui.theme;

import java.util.Arrays;

/**
 * Resamples a square field ({@code grid x grid} floats, row 0 at the top) to a square of
 * {@code size x size} and paints it into an ARGB pixel buffer: bilinear when enlarging (smooth
 * pictures from a coarse grid), nearest sample when shrinking (thumbnails: the cheapest, and the
 * image is smoothed when drawn). The tables and the scratch buffer are kept for the last
 * (grid, size) pair, so painting the same shapes frame after frame allocates nothing.
 */
public final class FieldPainter {

    private int grid = -1;
    private int size = -1;
    /** For destination column/row {@code p}: the left/top source index ... */
    private int[] index0 = new int[0];
    /** ... and the weight of the next source sample. */
    private float[] frac = new float[0];
    /** For destination column/row {@code p}: the nearest source index. */
    private int[] nearest = new int[0];
    /** The resampled values of the last {@link #paint} call. */
    private float[] scratch = new float[0];

    /**
     * Fills {@code dst[0 .. size*size)} with the colours of {@code field} over {@code range}.
     * A missing field paints everything in the map's not-a-number colour.
     */
    public void paint(float[] field, int grid, FieldRange range, DivergingColorMap map, int[] dst, int size) {
        if (!valid(field, grid)) {
            Arrays.fill(dst, 0, size * size, map.notANumberArgb());
            return;
        }
        double lo = range.lo();
        double scale = 2 / (range.hi() - lo);
        if (grid >= size) {
            prepare(grid, size);
            for (int row = 0; row < size; row++) {
                int src = nearest[row] * grid;
                int out = row * size;
                for (int col = 0; col < size; col++) {
                    dst[out + col] = map.argb((field[src + nearest[col]] - lo) * scale - 1);
                }
            }
            return;
        }
        if (scratch.length < size * size) {
            scratch = new float[size * size];
        }
        resample(field, grid, scratch, size);
        for (int p = 0; p < size * size; p++) {
            dst[p] = map.argb((scratch[p] - lo) * scale - 1);
        }
    }

    /** Writes the bilinear resampling of {@code field} to {@code dst[0 .. size*size)}, row 0 at the top. */
    public void resample(float[] field, int grid, float[] dst, int size) {
        if (!valid(field, grid)) {
            Arrays.fill(dst, 0, size * size, Float.NaN);
            return;
        }
        prepare(grid, size);
        for (int row = 0; row < size; row++) {
            int r0 = index0[row];
            float fr = frac[row];
            int base0 = r0 * grid;
            int base1 = Math.min(r0 + 1, grid - 1) * grid;
            int out = row * size;
            for (int col = 0; col < size; col++) {
                int c0 = index0[col];
                int c1 = Math.min(c0 + 1, grid - 1);
                float fc = frac[col];
                float top = field[base0 + c0] + (field[base0 + c1] - field[base0 + c0]) * fc;
                float bottom = field[base1 + c0] + (field[base1 + c1] - field[base1 + c0]) * fc;
                dst[out + col] = top + (bottom - top) * fr;
            }
        }
    }

    private static boolean valid(float[] field, int grid) {
        return field != null && grid >= 2 && field.length >= grid * grid;
    }

    private void prepare(int grid, int size) {
        if (grid == this.grid && size == this.size) {
            return;
        }
        this.grid = grid;
        this.size = size;
        index0 = new int[size];
        frac = new float[size];
        nearest = new int[size];
        for (int p = 0; p < size; p++) {
            // the first and last pixels sit on the grid's first and last samples, so corners match exactly
            double s = size == 1 ? 0 : (double) p * (grid - 1) / (size - 1);
            int i = Math.min((int) Math.floor(s), grid - 1);
            index0[p] = i;
            frac[p] = (float) (s - i);
            nearest[p] = (int) Math.round(s);
        }
    }
}
