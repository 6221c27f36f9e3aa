package org.weightlab.ui.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EdgeRasterTest {

    private static final int BLUE = 0xff2166ac;
    private static final int ORANGE = 0xffe08214;

    private static int alpha(EdgeRaster r, int x, int y) {
        return r.pixels()[y * r.width() + x] >>> 24;
    }

    /** Sum of the alpha of column x over all rows, in pixels (a straight stroke's width). */
    private static double columnCoverage(EdgeRaster r, int x) {
        double sum = 0;
        for (int y = 0; y < r.height(); y++) {
            sum += alpha(r, x, y) / 255.0;
        }
        return sum;
    }

    @Test
    void aStraightEdgeCoversItsWidthWhateverThePixelOffset() {
        for (double width : new double[] {0.7, 1, 2.5, 4, 7}) {
            for (double y : new double[] {20, 20.25, 20.5, 20.8}) {
                EdgeRaster r = new EdgeRaster(60, 40);
                r.curve(5, y, 30, 55, y, width, BLUE, 0, 0);
                // away from the ends every column holds the stroke's width, split over its pixels
                for (int x = 10; x < 50; x += 7) {
                    assertEquals(width, columnCoverage(r, x), 0.03, "width " + width + " at y " + y + ", column " + x);
                }
            }
        }
    }

    @Test
    void pixelsInsideAreTheColourAndFarOnesEmpty() {
        EdgeRaster r = new EdgeRaster(60, 40);
        r.curve(5, 20, 30, 55, 20, 6, ORANGE, 0, 0);
        // pixel rows 17..22 have centres within 2.5 of y = 20: fully inside the 6-wide stroke
        for (int y = 17; y <= 22; y++) {
            assertEquals(ORANGE, r.pixels()[y * 60 + 30], "row " + y);
        }
        assertEquals(0, alpha(r, 30, 13));
        assertEquals(0, alpha(r, 30, 26));
    }

    @Test
    void endsAreCutSquareAtTheEndPoints() {
        EdgeRaster r = new EdgeRaster(60, 40);
        r.curve(10, 20, 30, 50, 20, 7, BLUE, 0, 0);
        assertEquals(0, alpha(r, 8, 20), "left of the start");
        assertEquals(255, alpha(r, 10, 20), "first pixel");
        assertEquals(255, alpha(r, 49, 20), "last pixel");
        assertEquals(0, alpha(r, 51, 20), "right of the end");
    }

    @Test
    void dashesAreSevenOnFiveOffFromTheStart() {
        EdgeRaster r = new EdgeRaster(80, 20);
        r.curve(0, 10, 40, 80, 10, 4, BLUE, 7, 5);
        // pixel x covers arc [x, x+1): dash [0, 7), gap [7, 12), dash [12, 19), ...
        for (int x : new int[] {1, 5, 13, 17, 25, 29}) {
            assertEquals(255, alpha(r, x, 10), "dash at " + x);
        }
        for (int x : new int[] {8, 10, 20, 22}) {
            assertEquals(0, alpha(r, x, 10), "gap at " + x);
        }
    }

    @Test
    void theCurveFollowsTheBezierWithoutGaps() {
        EdgeRaster r = new EdgeRaster(120, 220);
        double x1 = 10;
        double y1 = 10;
        double x2 = 110;
        double y2 = 210;
        double mx = 60;
        r.curve(x1, y1, mx, x2, y2, 3, BLUE, 0, 0);
        // every point of the cubic (controls (mx, y1) and (mx, y2)) lies in a covered pixel
        for (double t = 0.02; t < 0.99; t += 0.01) {
            double u = 1 - t;
            double x = u * u * u * x1 + 3 * u * u * t * mx + 3 * u * t * t * mx + t * t * t * x2;
            double y = u * u * u * y1 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y2;
            assertTrue(alpha(r, (int) x, (int) y) > 200, "t = " + t + " at (" + x + ", " + y + ")");
        }
        // and the drawing is point-symmetric about the middle, like the curve
        int differ = 0;
        for (int y = 0; y < 220; y++) {
            for (int x = 0; x < 120; x++) {
                int mirrored = alpha(r, 119 - x, 219 - y);
                if (Math.abs(alpha(r, x, y) - mirrored) > 8) {
                    differ++;
                }
            }
        }
        assertTrue(differ < 10, differ + " pixels break the symmetry");
        // far from the curve: nothing
        assertEquals(0, alpha(r, 100, 20));
        assertEquals(0, alpha(r, 20, 200));
    }

    @Test
    void laterEdgesAreBlendedOverEarlierOnes() {
        EdgeRaster r = new EdgeRaster(40, 40);
        r.curve(0, 20, 20, 40, 20, 10, ORANGE, 0, 0);
        r.curve(0, 20, 20, 40, 20, 10, 0x802166ac, 0, 0); // half-transparent blue on top
        int p = r.pixels()[20 * 40 + 20];
        int a = 0x80;
        // premultiplied source-over: blue * a + orange * (1 - a)
        assertEquals(255, p >>> 24);
        assertEquals((0x21 * a + 0xe0 * (255 - a)) / 255.0, p >> 16 & 0xff, 1);
        assertEquals((0x66 * a + 0x82 * (255 - a)) / 255.0, p >> 8 & 0xff, 1);
        assertEquals((0xac * a + 0x14 * (255 - a)) / 255.0, p & 0xff, 1);
    }

    @Test
    void nonFiniteEdgesDrawNothing() {
        EdgeRaster r = new EdgeRaster(40, 40);
        r.curve(0, Double.NaN, 20, 40, 20, 3, BLUE, 0, 0);
        r.curve(0, 10, 20, 40, 20, Double.NaN, BLUE, 0, 0);
        r.curve(0, 10, 20, 40, Double.POSITIVE_INFINITY, 3, BLUE, 0, 0);
        for (int p : r.pixels()) {
            assertEquals(0, p);
        }
    }
}
