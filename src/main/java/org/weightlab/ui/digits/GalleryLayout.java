package org.weightlab.ui.digits;

/**
 * How the test-digits view fills its box: the accuracy line on top, then a grid of picture tiles,
 * then either the selected digit with its ten probability bars (when there is room for them and for
 * tiles of {@link #FULL_MIN_TILE} px) or a one-line verdict on it. The grid shows up to
 * {@link #MAX_TILES} tiles, fewer when fewer, larger tiles read better from the back of a room
 * (score: tile height, up to {@link #LARGE_TILE}, times the square root of the count). A tile is about {@link #ASPECT} times as
 * wide as tall: the picture, then the predicted class beside it.
 *
 * @param full      true: the selected digit and its bars below the grid; false: the short verdict
 * @param verdict   whether the verdict on the selected digit shows (always with the bars)
 * @param cols      tiles a row
 * @param rows      rows of tiles
 * @param count     tiles shown (cols x rows, or fewer on the last row)
 * @param tileWidth a tile's width, px
 * @param tileHeight a tile's height, px
 * @param gridTop   the grid's top, px from the view's top
 */
record GalleryLayout(boolean full, boolean verdict, int cols, int rows, int count, double tileWidth, double tileHeight,
                     double gridTop) {

    static final int MAX_TILES = 12;
    static final int MIN_TILES = 4;
    static final double GAP = 6;
    static final double ASPECT = 1.45;
    /** The smallest tile, px, worth showing the bars below. */
    static final double FULL_MIN_TILE = 44;
    /** The smallest tile, px, worth the room of the verdict line. */
    static final double VERDICT_MIN_TILE = 40;
    /** Tiles beyond this height, px, read no better from the back: more tiles are worth more. */
    static final double LARGE_TILE = 64;
    /** The smallest tile, px, at all. */
    static final double MIN_TILE = 26;

    /**
     * The arrangement for a box {@code width} x {@code height} whose accuracy line takes
     * {@code header} px, whose selected digit with its bars takes {@code selected} px and whose
     * one-line verdict takes {@code verdict} px.
     */
    static GalleryLayout of(double width, double height, double header, double selected, double verdict) {
        double top = header + GAP;
        GalleryLayout full = grid(true, true, width, height - top - selected - GAP, top, MAX_TILES);
        if (full != null && full.tileHeight >= FULL_MIN_TILE) {
            return full;
        }
        GalleryLayout compact = grid(false, true, width, height - top - verdict - GAP, top, MIN_TILES);
        if (compact != null && compact.tileHeight >= VERDICT_MIN_TILE) {
            return compact;
        }
        GalleryLayout bare = grid(false, false, width, height - top, top, MIN_TILES);
        if (bare != null) {
            return bare;
        }
        // not even the smallest tiles fit: one row, as many as the width takes
        int cols = (int) Math.max(1, Math.min(MAX_TILES, Math.floor((width + GAP) / (MIN_TILE * ASPECT + GAP))));
        return new GalleryLayout(false, false, cols, 1, cols, MIN_TILE * ASPECT, MIN_TILE, top);
    }

    /**
     * The best grid of {@code least} to {@link #MAX_TILES} tiles for a box {@code width} x
     * {@code height}, or null when no tile of {@link #MIN_TILE} fits: the best score among grids of
     * tiles at least {@link #VERDICT_MIN_TILE} px tall, else the largest tiles.
     */
    private static GalleryLayout grid(boolean full, boolean verdict, double width, double height, double top,
                                      int least) {
        GalleryLayout best = null;
        double bestScore = 0;
        GalleryLayout largest = null;
        for (int count = MAX_TILES; count >= least; count--) {
            for (int cols = 1; cols <= count; cols++) {
                int rows = (count + cols - 1) / cols;
                if (rows > 1 && (rows - 1) * cols >= count) {
                    continue; // a last row left empty
                }
                double tw = (width - (cols - 1) * GAP) / cols;
                double th = Math.floor(Math.min((height - (rows - 1) * GAP) / rows, tw / ASPECT));
                if (th < MIN_TILE) {
                    continue;
                }
                GalleryLayout l = new GalleryLayout(full, verdict, cols, rows, count,
                        Math.floor(Math.min(tw, th * ASPECT * 1.25)), th, top);
                double score = Math.min(th, LARGE_TILE) * Math.sqrt(count);
                if (th >= VERDICT_MIN_TILE && score > bestScore + 1e-9) {
                    bestScore = score;
                    best = l;
                }
                if (largest == null || th > largest.tileHeight) {
                    largest = l;
                }
            }
        }
        return best != null ? best : largest;
    }

    /** The grid's height, px. */
    double gridHeight() {
        return rows * tileHeight + (rows - 1) * GAP;
    }

    /** The grid's width, px. */
    double gridWidth() {
        return cols * tileWidth + (cols - 1) * GAP;
    }
}
