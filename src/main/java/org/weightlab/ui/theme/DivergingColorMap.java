package org.weightlab.ui.theme;

import javafx.scene.paint.Color;

/**
 * Maps a value in [-1, 1] to a colour: {@code negative} at -1, {@code zero} at 0, {@code positive}
 * at +1, linear in between; values outside are clamped and non-finite values get {@code notANumber}.
 * Precomputed, so a per-pixel lookup is an array read. Immutable.
 */
public final class DivergingColorMap {

    /** Odd, so that 0 falls exactly on the middle entry. */
    static final int SIZE = 1025;
    private static final double HALF = (SIZE - 1) * 0.5;

    /** {@code lut[i]} is the opaque ARGB colour of {@code -1 + 2 * i / (SIZE - 1)}. */
    private final int[] lut = new int[SIZE];
    /** Lazily created Color objects for the same entries (edges and shapes take a Paint). */
    private final Color[] colors = new Color[SIZE];
    private final int nanArgb;
    private final Color nan;

    public DivergingColorMap(Color negative, Color zero, Color positive, Color notANumber) {
        int mid = SIZE / 2;
        for (int i = 0; i < SIZE; i++) {
            Color c = i < mid ? zero.interpolate(negative, (double) (mid - i) / mid)
                    : zero.interpolate(positive, (double) (i - mid) / mid);
            lut[i] = argb(c);
        }
        nan = opaque(notANumber);
        nanArgb = argb(nan);
    }

    /** The ARGB colour (opaque, so also valid premultiplied) of {@code v}. Called per pixel: keep it lean. */
    public int argb(double v) {
        if (v - v != 0) { // NaN or infinite
            return nanArgb;
        }
        if (v <= -1) {
            return lut[0];
        }
        if (v >= 1) {
            return lut[SIZE - 1];
        }
        return lut[(int) ((v + 1) * HALF + 0.5)];
    }

    /** The colour of {@code v}, shared between calls. */
    public Color color(double v) {
        if (!Double.isFinite(v)) {
            return nan;
        }
        int i = index(v);
        Color c = colors[i];
        if (c == null) {
            c = fromArgb(lut[i]);
            colors[i] = c;
        }
        return c;
    }

    /** The colour given to NaN and infinite values. */
    public Color notANumber() {
        return nan;
    }

    public int notANumberArgb() {
        return nanArgb;
    }

    private static int index(double v) {
        double t = v < -1 ? -1 : v > 1 ? 1 : v;
        return (int) Math.round((t + 1) * 0.5 * (SIZE - 1));
    }

    /** Opaque ARGB of {@code c} (its alpha is ignored). */
    public static int argb(Color c) {
        return 0xff000000 | channel(c.getRed()) << 16 | channel(c.getGreen()) << 8 | channel(c.getBlue());
    }

    public static Color fromArgb(int argb) {
        return Color.rgb(argb >> 16 & 0xff, argb >> 8 & 0xff, argb & 0xff);
    }

    private static Color opaque(Color c) {
        return fromArgb(argb(c));
    }

    private static int channel(double v) {
        return (int) Math.round(v * 255);
    }
}
