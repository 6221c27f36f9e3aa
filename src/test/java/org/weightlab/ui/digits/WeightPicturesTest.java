package org.weightlab.ui.digits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.session.LayerSnapshot;

class WeightPicturesTest {

    private static LayerSnapshot layer(int in, int out, double[] w) {
        return new LayerSnapshot(in, out, ActivationKind.TANH, w, new double[out], new double[w.length],
                new double[out], new double[w.length], new double[out], new boolean[w.length], new boolean[out], null);
    }

    @Test
    void pixelRowRColumnCIsTheWeightFromInputEightRPlusCTopRowFirst() {
        // neuron o's weight from input i is 1000 o + i: every pixel says where it came from
        double[] w = new double[3 * 64];
        for (int o = 0; o < 3; o++) {
            for (int i = 0; i < 64; i++) {
                w[o * 64 + i] = 1000 * o + i;
            }
        }
        double[] p = WeightPictures.incoming(layer(64, 3, w), 2);
        assertEquals(2000, p[0], "top left: pixel p00");
        assertEquals(2007, p[7], "top right: p07");
        assertEquals(2000 + 8 * 3 + 5, p[3 * 8 + 5], "row 3, column 5");
        assertEquals(2056, p[7 * 8], "bottom left: p70");
        assertEquals(2063, p[63], "bottom right: p77");
    }

    @Test
    void aVerticalStrokeDetectorIsAVerticalStripe() {
        double[] w = new double[64];
        for (int r = 0; r < 8; r++) {
            w[r * 8 + 3] = 1;
            w[r * 8 + 6] = -0.5;
        }
        double[] p = WeightPictures.incoming(layer(64, 1, w), 0);
        for (int r = 0; r < 8; r++) {
            assertEquals(1, p[r * 8 + 3]);
            assertEquals(-0.5, p[r * 8 + 6]);
            assertEquals(0, p[r * 8 + 4]);
        }
        assertEquals(1, WeightPictures.range(p));
        assertEquals(0, WeightPictures.range(new double[64]));
    }

    @Test
    void aLayerThatDoesNotReadAnEightByEightPictureIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> WeightPictures.incoming(layer(2, 1, new double[2]), 0));
    }
}
