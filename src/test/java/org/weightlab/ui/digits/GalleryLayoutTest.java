package org.weightlab.ui.digits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GalleryLayoutTest {

    private static void assertFits(GalleryLayout l, double width, double height, double header, double below) {
        assertTrue(l.count() <= l.cols() * l.rows() && l.count() > (l.rows() - 1) * l.cols(), l.toString());
        assertTrue(l.gridWidth() <= width + 1e-9, "as wide as the box: " + l);
        assertTrue(l.gridTop() >= header, l.toString());
        assertTrue(l.gridTop() + l.gridHeight() + GalleryLayout.GAP + below <= height + 1e-9,
                "the grid and what comes below it fit: " + l);
    }

    @Test
    void aDeskSizedColumnShowsADozenTilesAndTheBars() {
        GalleryLayout l = GalleryLayout.of(347, 400, 34, 200, 20);
        assertTrue(l.full(), l.toString());
        assertEquals(GalleryLayout.MAX_TILES, l.count());
        assertTrue(l.tileHeight() >= GalleryLayout.FULL_MIN_TILE, l.toString());
        assertFits(l, 347, 400, 34, 200);
    }

    @Test
    void aShortColumnDropsTheBarsForFewerLargerTiles() {
        // a projector's 320 px column under large type: room for the tiles, not the ten bars
        GalleryLayout l = GalleryLayout.of(320, 190, 36, 290, 28);
        assertFalse(l.full(), l.toString());
        assertTrue(l.count() >= GalleryLayout.MIN_TILES, l.toString());
        assertTrue(l.tileHeight() >= 40, "tiles the back row can read: " + l);
        assertFits(l, 320, 190, 36, 28);
    }

    @Test
    void aTallProjectorColumnKeepsADozenTilesRatherThanAFewHugeOnes() {
        // 1600 x 1000 presenting: 320 px wide, room for tiles of 100 px but not for the bars
        GalleryLayout l = GalleryLayout.of(312, 420, 50, 330, 30);
        assertFalse(l.full(), l.toString());
        assertEquals(GalleryLayout.MAX_TILES, l.count(), l.toString());
        assertTrue(l.tileHeight() >= GalleryLayout.VERDICT_MIN_TILE, l.toString());
        assertFits(l, 312, 420, 50, 30);
    }

    @Test
    void tilesTooSmallWithTheVerdictLineTakeItsRoom() {
        GalleryLayout l = GalleryLayout.of(320, 110, 36, 290, 28);
        assertFalse(l.verdict(), l.toString());
        assertTrue(l.tileHeight() >= GalleryLayout.VERDICT_MIN_TILE, l.toString());
        assertFits(l, 320, 110, 36, -GalleryLayout.GAP);
        assertTrue(GalleryLayout.of(320, 190, 36, 290, 28).verdict(), "with room, the verdict stays");
    }

    @Test
    void aTinyBoxStillGetsOneRowOfTheSmallestTiles() {
        GalleryLayout l = GalleryLayout.of(150, 60, 30, 200, 20);
        assertFalse(l.full());
        assertEquals(1, l.rows());
        assertEquals(GalleryLayout.MIN_TILE, l.tileHeight());
        assertTrue(l.gridWidth() <= 150, l.toString());
    }
}
