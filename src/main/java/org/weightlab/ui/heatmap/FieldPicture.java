package org.weightlab.ui.heatmap;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.weightlab.session.FieldSnapshot;
import org.weightlab.ui.theme.DivergingColorMap;
import org.weightlab.ui.theme.FieldPainter;
import org.weightlab.ui.theme.FieldRange;
import org.weightlab.ui.theme.Palette;

/**
 * The output view's picture: a field resampled smoothly to a square of pixels and coloured by
 * its scale, in reused buffers. The square drawn on screen is made at the plot's size (drawn
 * unscaled: a scaled, smoothed image is what costs the software renderer most); the
 * {@link #RESOLUTION}-pixel one is made only when asked for (tests, exports).
 */
final class FieldPicture {

    /** The side of the fixed-size picture. */
    static final int RESOLUTION = 100;
    private static final int SHADES = 64;

    /** What to paint: the field, which node of it, and how its values become colours. */
    record Request(FieldSnapshot field, OutputScale scale, FieldRange range, int nodeLayer, int nodeIndex,
                   boolean discretize, double labelRange) {
    }

    private final Palette palette;
    private final FieldPainter painter = new FieldPainter();

    private final WritableImage image = new WritableImage(RESOLUTION, RESOLUTION);
    /** ARGB pixels of {@link #image}, row 0 at the top. */
    private final int[] pixels = new int[RESOLUTION * RESOLUTION];
    /** Resampled values of each output (softmax needs all of them at once). */
    private float[][] values = new float[1][RESOLUTION * RESOLUTION];
    private boolean imageStale = true;

    private WritableImage screenImage;
    private int screenSize;
    private int[] screenPixels = new int[0];
    private float[][] screenValues = new float[1][0];

    private int[][] shadeCache;
    private long shadeRevision = -1;
    private Request last;

    FieldPicture(Palette palette) {
        this.palette = palette;
    }

    /** Paints {@code r} at {@code size x size} for the screen; the fixed-size picture follows when asked for. */
    void paint(Request r, int size) {
        if (!r.equals(last)) {
            last = r;
            imageStale = true;
        }
        if (size <= 0) {
            return;
        }
        if (size != screenSize) {
            screenSize = size;
            screenImage = new WritableImage(size, size);
            screenPixels = new int[size * size];
            screenValues = new float[1][size * size];
        }
        screenValues = fill(r, size, screenPixels, screenValues);
        screenImage.getPixelWriter().setPixels(0, 0, size, size, PixelFormat.getIntArgbPreInstance(), screenPixels, 0,
                size);
    }

    /** The picture at the screen size last painted, or null. */
    WritableImage screenImage() {
        return screenImage;
    }

    int screenSize() {
        return screenSize;
    }

    /** {@code r} at RESOLUTION x RESOLUTION (any thread but while the FX thread paints). */
    WritableImage image(Request r) {
        if (!r.equals(last)) {
            last = r;
            imageStale = true;
        }
        return image();
    }

    /** The last request painted at RESOLUTION x RESOLUTION. */
    WritableImage image() {
        if (imageStale && last != null) {
            values = fill(last, RESOLUTION, pixels, values);
            image.getPixelWriter().setPixels(0, 0, RESOLUTION, RESOLUTION, PixelFormat.getIntArgbPreInstance(), pixels,
                    0, RESOLUTION);
            imageStale = false;
        }
        return image;
    }

    /**
     * Fills {@code px} with the picture at {@code size x size}; {@code vals} is scratch space for
     * the resampled outputs, returned (grown when softmax needs more rows).
     */
    private float[][] fill(Request r, int size, int[] px, float[][] vals) {
        FieldSnapshot f = r.field();
        int n = size * size;
        DivergingColorMap map = palette.classMap();
        if (r.scale() == OutputScale.CLASSES) {
            int out = f.values().length - 1;
            int k = f.values()[out].length;
            if (vals.length < k || vals[0].length < n) {
                vals = new float[k][n];
            }
            for (int c = 0; c < k; c++) {
                painter.resample(f.node(out, c), f.grid(), vals[c], size);
            }
            int[][] shades = classShades(k);
            for (int p = 0; p < n; p++) {
                int best = 0;
                float top = vals[0][p];
                boolean finite = Float.isFinite(top);
                for (int c = 1; c < k; c++) {
                    float v = vals[c][p];
                    finite &= Float.isFinite(v);
                    if (v > top) {
                        top = v;
                        best = c;
                    }
                }
                if (!finite) {
                    px[p] = map.notANumberArgb();
                    continue;
                }
                // confidence: 0 at the uniform guess 1/k, 1 at certainty
                double conf = r.discretize() ? 1 : Math.max(0, Math.min(1, (top - 1.0 / k) / (1 - 1.0 / k)));
                px[p] = shades[best][(int) Math.round(conf * (SHADES - 1))];
            }
            return vals;
        }
        float[] field = r.scale() == OutputScale.NODE ? f.node(r.nodeLayer(), r.nodeIndex())
                : f.node(f.values().length - 1, 0);
        if (vals[0].length < n) {
            vals = new float[1][n];
        }
        painter.resample(field, f.grid(), vals[0], size);
        double lo = r.range().lo();
        double s = 2 / (r.range().hi() - lo);
        float[] v = vals[0];
        for (int p = 0; p < n; p++) {
            double u = (v[p] - lo) * s - 1;
            if (r.discretize() && Double.isFinite(u)) {
                u = u >= 0 ? 1 : -1;
            }
            px[p] = map.argb(u);
        }
        return vals;
    }

    /** For each class, SHADES colours from the neutral colour (no confidence) to the class colour. */
    private int[][] classShades(int k) {
        if (shadeCache == null || shadeCache.length < k || shadeRevision != palette.revisionProperty().get()) {
            shadeCache = new int[Math.max(k, 3)][SHADES];
            for (int c = 0; c < shadeCache.length; c++) {
                Color to = palette.classColor(c);
                for (int i = 0; i < SHADES; i++) {
                    shadeCache[c][i] = DivergingColorMap.argb(palette.zeroColor().interpolate(to,
                            (double) i / (SHADES - 1)));
                }
            }
            shadeRevision = palette.revisionProperty().get();
        }
        return shadeCache;
    }
}
