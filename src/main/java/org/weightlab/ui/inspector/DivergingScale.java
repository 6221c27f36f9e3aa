package org.weightlab.ui.inspector;

import javafx.scene.paint.Color;

/**
 * A symmetric diverging colour scale over [-max, +max]: zero is the neutral colour, +max the
 * positive colour, -max the negative one, linear in sRGB between them; values beyond the range
 * clamp. NaN and infinities get the "missing" grey, never a value colour.
 */
public final class DivergingScale {

    /** Colour steps per side: finer than the eye can tell apart on a scale bar. */
    static final int STEPS = 512;

    private final double max;
    private final double toStep;
    // ARGB for |v| / max = k / STEPS, k = 0..STEPS, on each side: one lookup per pixel.
    private final int[] positiveLut = new int[STEPS + 1];
    private final int[] negativeLut = new int[STEPS + 1];
    private final int missing;

    public DivergingScale(double max, InspectorPalette palette) {
        // A matrix of zeros still needs a scale: any positive max paints it all neutral.
        this.max = max > 0 && Double.isFinite(max) ? max : 1;
        this.toStep = STEPS / this.max;
        int[] zero = rgb(palette.zero());
        fill(positiveLut, zero, rgb(palette.positive()));
        fill(negativeLut, zero, rgb(palette.negative()));
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
        int k = (int) Math.min(STEPS, Math.abs(v) * toStep + 0.5);
        return v >= 0 ? positiveLut[k] : negativeLut[k];
    }

    private static void fill(int[] lut, int[] from, int[] to) {
        for (int k = 0; k <= STEPS; k++) {
            double t = (double) k / STEPS;
            int r = (int) Math.round(from[0] + t * (to[0] - from[0]));
            int g = (int) Math.round(from[1] + t * (to[1] - from[1]));
            int b = (int) Math.round(from[2] + t * (to[2] - from[2]));
            lut[k] = 0xFF000000 | r << 16 | g << 8 | b;
        }
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
