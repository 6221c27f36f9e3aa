package org.weightlab.ui.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.config.ActivationKind;

class FieldPainterTest {

    private final FieldPainter painter = new FieldPainter();

    @Test
    void bilinearResamplingMatchesHandComputedValues() {
        // 2x2 field, row 0 on top:  0 1 / 2 3 ; resampled to 3x3 the middle is the mean 1.5
        float[] field = {0, 1, 2, 3};
        float[] out = new float[9];
        painter.resample(field, 2, out, 3);
        float[] expected = {0, 0.5f, 1, 1, 1.5f, 2, 2, 2.5f, 3};
        for (int i = 0; i < 9; i++) {
            assertEquals(expected[i], out[i], 1e-6, "pixel " + i);
        }
    }

    @Test
    void paintingMapsTheRangeOntoTheColours() {
        DivergingColorMap map = new DivergingColorMap(Color.ORANGE, Color.WHITE, Color.BLUE, Color.GRAY);
        float[] field = {0, 0.5f, 0.5f, 1};
        int[] px = new int[4];
        painter.paint(field, 2, FieldRange.PROBABILITY, map, px, 2);
        assertEquals(DivergingColorMap.argb(Color.ORANGE), px[0]);
        assertEquals(DivergingColorMap.argb(Color.WHITE), px[1]);
        assertEquals(DivergingColorMap.argb(Color.BLUE), px[3]);
    }

    @Test
    void missingOrNanFieldPaintsNeutralGrey() {
        DivergingColorMap map = new DivergingColorMap(Color.ORANGE, Color.WHITE, Color.BLUE, Color.GRAY);
        int[] px = new int[16];
        painter.paint(null, 0, FieldRange.SIGNED_UNIT, map, px, 4);
        for (int p : px) {
            assertEquals(DivergingColorMap.argb(Color.GRAY), p);
        }
        painter.paint(new float[] {Float.NaN, 0, 0, 0}, 2, FieldRange.SIGNED_UNIT, map, px, 4);
        assertEquals(DivergingColorMap.argb(Color.GRAY), px[0]);
        assertEquals(DivergingColorMap.argb(Color.WHITE), px[15]);
    }

    @Test
    void rangesFollowTheActivation() {
        float[] v = {-3, 0.5f, 2};
        assertEquals(FieldRange.SIGNED_UNIT, FieldRange.forActivation(ActivationKind.TANH, v));
        assertEquals(FieldRange.PROBABILITY, FieldRange.forActivation(ActivationKind.SIGMOID, v));
        assertEquals(new FieldRange(-3, 3), FieldRange.forActivation(ActivationKind.RELU, v));
        assertEquals(FieldRange.SIGNED_UNIT, FieldRange.forActivation(ActivationKind.LINEAR, new float[] {0.2f}));
        assertEquals(0.0, FieldRange.PROBABILITY.unit(0.5), 1e-12);
        assertTrue(Double.isNaN(FieldRange.SIGNED_UNIT.unit(Double.NaN)));
    }

    @Test
    void numbersPrintWithFourSignificantDigits() {
        assertEquals("0.1235", ValueFormat.precise(0.123456));
        assertEquals("-1.500e-05", ValueFormat.precise(-1.5e-5));
        assertEquals("0", ValueFormat.precise(0));
        assertEquals("not a number", ValueFormat.precise(Double.NaN));
        assertEquals("not a number", ValueFormat.precise(Double.NEGATIVE_INFINITY));
    }
}
