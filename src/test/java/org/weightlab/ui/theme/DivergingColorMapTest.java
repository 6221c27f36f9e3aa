package org.weightlab.ui.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

class DivergingColorMapTest {

    private static final Color NEG = Color.rgb(200, 100, 0);
    private static final Color ZERO = Color.rgb(250, 250, 250);
    private static final Color POS = Color.rgb(0, 50, 200);
    private static final Color NAN = Color.rgb(128, 128, 128);
    private final DivergingColorMap map = new DivergingColorMap(NEG, ZERO, POS, NAN);

    @Test
    void endpointsAndZeroAreTheGivenColours() {
        assertEquals(0xffc86400, map.argb(-1));
        assertEquals(0xfffafafa, map.argb(0));
        assertEquals(0xff0032c8, map.argb(1));
    }

    @Test
    void halfwayIsTheChannelAverage() {
        // -0.5: halfway between (250,250,250) and (200,100,0) = (225,175,125)
        int c = map.argb(-0.5);
        assertEquals(225, c >> 16 & 0xff, 1);
        assertEquals(175, c >> 8 & 0xff, 1);
        assertEquals(125, c & 0xff, 1);
    }

    @Test
    void valuesOutsideAreClampedAndNonFiniteIsNeutral() {
        assertEquals(map.argb(1), map.argb(7.5));
        assertEquals(map.argb(-1), map.argb(-1e300));
        assertEquals(0xff808080, map.argb(Double.NaN));
        assertEquals(0xff808080, map.argb(Double.POSITIVE_INFINITY));
        assertEquals(NAN, map.color(Double.NaN));
    }

    @Test
    void colourObjectsMatchTheArgbValues() {
        for (double v = -1; v <= 1; v += 0.125) {
            assertEquals(map.argb(v), DivergingColorMap.argb(map.color(v)), "at " + v);
        }
        assertTrue(map.color(0.3) == map.color(0.3), "colours are cached, not created per call");
    }
}
