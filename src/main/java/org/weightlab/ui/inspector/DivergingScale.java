package org.weightlab.ui.inspector;

import javafx.scene.paint.Color;
import org.weightlab.ui.theme.DivergingColorMap;
import org.weightlab.ui.theme.Palette;

/**
 * A symmetric diverging colour scale over [-max, +max]: zero is the neutral colour, +max the
 * positive colour, -max the negative one, linear in between (the app's {@link DivergingColorMap},
 * so the inspector and the network graph agree); values beyond the range clamp. NaN and
 * infinities get the "missing" grey, never a value colour.
 */
public final class DivergingScale {

    private final double max;
    private final double scale;
    private final DivergingColorMap map;

    public DivergingScale(double max, Palette palette) {
        // A matrix of zeros still needs a scale: any positive max paints it all neutral.
        this.max = max > 0 && Double.isFinite(max) ? max : 1;
        this.scale = 1 / this.max;
        this.map = palette.weightMap();
    }

    public double max() {
        return max;
    }

    /** The ARGB pixel for {@code v}. */
    public int argb(double v) {
        return map.argb(v * scale);
    }

    /** The symmetric range of a set of arrays: the largest finite |value|, 0 if none. */
    public static double symmetricMax(double[]... arrays) {
        double m = 0;
        for (double[] a : arrays) {
            for (double v : a) {
                if (Double.isFinite(v)) {
                    m = Math.max(m, Math.abs(v));
                }
            }
        }
        return m;
    }

    static int argb(Color c) {
        return DivergingColorMap.argb(c);
    }
}
