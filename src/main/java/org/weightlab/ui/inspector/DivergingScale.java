package org.weightlab.ui.inspector;

import javafx.scene.paint.Color;

/**
 * A symmetric diverging colour scale over [-max, +max]: zero is the neutral colour, +max the
 * positive colour, -max the negative one, linear in sRGB between them; values beyond the range
 * clamp. NaN and infinities get the "missing" grey, never a value colour.
 */
public final class DivergingScale {

    private final double max;
    private final int[] posRgb;
    private final int[] negRgb;
    private final int[] zeroRgb;
    private final int missing;

    public DivergingScale(double max, InspectorPalette palette) {
        // A matrix of zeros still needs a scale: any positive max paints it all neutral.
        this.max = max > 0 && Double.isFinite(max) ? max : 1;
        this.posRgb = rgb(palette.positive());
        this.negRgb = rgb(palette.negative());
        this.zeroRgb = rgb(palette.zero());
        this.missing = argb(palette.missing());
    }

    public double max() {
        return max;
    }

    /** The ARGB pixel for {@code v}. */
    public int argb(double v) {
        if (!Double.isFinite(v)) {
            return missing;
        }
        double t = Math.min(1, Math.abs(v) / max);
        int[] end = v >= 0 ? posRgb : negRgb;
        int r = (int) Math.round(zeroRgb[0] + t * (end[0] - zeroRgb[0]));
        int g = (int) Math.round(zeroRgb[1] + t * (end[1] - zeroRgb[1]));
        int b = (int) Math.round(zeroRgb[2] + t * (end[2] - zeroRgb[2]));
        return 0xFF000000 | r << 16 | g << 8 | b;
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
        return (int) Math.round(c.getOpacity() * 255) << 24 | (int) Math.round(c.getRed() * 255) << 16
                | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
    }

    private static int[] rgb(Color c) {
        return new int[] {(int) Math.round(c.getRed() * 255), (int) Math.round(c.getGreen() * 255),
            (int) Math.round(c.getBlue() * 255)};
    }
}
