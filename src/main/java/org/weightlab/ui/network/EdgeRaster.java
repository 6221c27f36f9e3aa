package org.weightlab.ui.network;

import java.util.Arrays;

/**
 * Draws the network's edges into one buffer of premultiplied ARGB pixels. Each edge is the
 * S-shaped cubic curve of the graph (horizontal at both ends), flattened into short segments;
 * a pixel's coverage comes from its centre's exact distance to the nearest segment, so the
 * strokes are antialiased like the scene graph's, with butt ends and optional butt-capped dashes.
 *
 * <p>Why: the software renderer rasterizes every curve node again on every frame in which any
 * of them changed (hundreds of them for a mid-sized network), which cost most of a frame. One
 * image of all edges costs the render thread a single copy.
 *
 * <p>Coordinates are pixels of the buffer, (0, 0) its top-left corner. Not thread-safe.
 */
final class EdgeRaster {

    /** Largest distance (pixels) of a control point from the chord for a piece to count as straight. */
    private static final double FLATNESS = 0.2;
    private static final int MAX_DEPTH = 10;

    private final int width;
    private final int height;
    /** The drawing: premultiplied ARGB, row-major, {@code width} pixels a row. */
    private final int[] pixels;
    /**
     * Coverage (0..1) of the curve being drawn over its bounding box (coverW pixels a row, from
     * pixel (coverX0, coverY0)); zero outside its row spans. Box-sized rather than image-sized,
     * so that the rows of a steep curve lie close together in memory.
     */
    private float[] cover = new float[0];
    private int coverX0;
    private int coverY0;
    private int coverW;
    /** Per row: first and last pixel column the curve being drawn touched (min > max: none). */
    private final int[] spanMin;
    private final int[] spanMax;
    private int rowMin;
    private int rowMax;

    // The flattened curve: points and the arc length from its start to each point.
    private double[] xs = new double[64];
    private double[] ys = new double[64];
    private double[] arc = new double[64];
    private int points;

    EdgeRaster(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("edge raster size " + width + " x " + height);
        }
        this.width = width;
        this.height = height;
        pixels = new int[width * height];
        spanMin = new int[height];
        spanMax = new int[height];
        Arrays.fill(spanMin, Integer.MAX_VALUE);
        Arrays.fill(spanMax, -1);
        rowMin = height;
        rowMax = -1;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** The drawing, shared: premultiplied ARGB, row-major. */
    int[] pixels() {
        return pixels;
    }

    void clear() {
        Arrays.fill(pixels, 0);
    }

    /**
     * Copies a square picture of {@code size x size} pixels (premultiplied ARGB) with its top-left
     * corner at pixel (x, y), over whatever is there; the parts outside the buffer are left out.
     */
    void copy(int[] src, int size, int x, int y) {
        int x0 = Math.max(0, x);
        int x1 = Math.min(width, x + size);
        if (x0 >= x1) {
            return;
        }
        for (int row = Math.max(0, y); row < Math.min(height, y + size); row++) {
            System.arraycopy(src, (row - y) * size + (x0 - x), pixels, row * width + x0, x1 - x0);
        }
    }

    /**
     * Draws the edge from (x1, y1) to (x2, y2) whose control points are (mx, y1) and (mx, y2),
     * {@code strokeWidth} pixels wide, in the opaque or translucent colour {@code argb} (not
     * premultiplied) over what is drawn already. {@code dash} and {@code gap} (pixels, both > 0)
     * dash it; 0 draws it solid. Non-finite input draws nothing.
     */
    void curve(double x1, double y1, double mx, double x2, double y2, double strokeWidth, int argb, double dash,
               double gap) {
        if (!(Double.isFinite(x1) && Double.isFinite(y1) && Double.isFinite(mx) && Double.isFinite(x2)
                && Double.isFinite(y2) && strokeWidth > 0 && Double.isFinite(strokeWidth))) {
            return;
        }
        points = 0;
        addPoint(x1, y1);
        flatten(x1, y1, mx, y1, mx, y2, x2, y2, 0);
        double reach = strokeWidth < 1 ? 1 : strokeWidth / 2 + 0.5;
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < points; k++) {
            minX = Math.min(minX, xs[k]);
            maxX = Math.max(maxX, xs[k]);
        }
        coverX0 = Math.max(0, (int) Math.floor(minX - reach) - 1);
        coverW = Math.min(width, (int) Math.ceil(maxX + reach) + 2) - coverX0;
        coverY0 = Math.max(0, (int) Math.floor(Math.min(y1, y2) - reach) - 1);
        int coverH = Math.min(height, (int) Math.ceil(Math.max(y1, y2) + reach) + 2) - coverY0;
        if (coverW <= 0 || coverH <= 0) {
            return; // outside the image
        }
        if (cover.length < coverW * coverH) {
            cover = new float[coverW * coverH];
        }
        boolean dashed = dash > 0 && gap > 0;
        int last = points - 1;
        for (int k = 0; k < last; k++) {
            segment(k, k == 0, k == last - 1, strokeWidth, dashed ? dash : 0, dashed ? dash + gap : 0);
        }
        composite(argb);
    }

    private void addPoint(double x, double y) {
        if (points == xs.length) {
            xs = Arrays.copyOf(xs, points * 2);
            ys = Arrays.copyOf(ys, points * 2);
            arc = Arrays.copyOf(arc, points * 2);
        }
        arc[points] = points == 0 ? 0 : arc[points - 1] + Math.hypot(x - xs[points - 1], y - ys[points - 1]);
        xs[points] = x;
        ys[points] = y;
        points++;
    }

    /** Appends the end points of straight pieces of the cubic (p0 is already there), by halving. */
    private void flatten(double x0, double y0, double x1, double y1, double x2, double y2, double x3, double y3,
                         int depth) {
        double ux = 3 * x1 - 2 * x0 - x3;
        double uy = 3 * y1 - 2 * y0 - y3;
        double vx = 3 * x2 - x0 - 2 * x3;
        double vy = 3 * y2 - y0 - 2 * y3;
        // 16 * the largest squared distance of the curve from its chord, bounded (Willcocks)
        double bound = Math.max(ux * ux, vx * vx) + Math.max(uy * uy, vy * vy);
        if (depth >= MAX_DEPTH || bound <= 16 * FLATNESS * FLATNESS) {
            addPoint(x3, y3);
            return;
        }
        double ax = (x0 + x1) / 2;
        double ay = (y0 + y1) / 2;
        double bx = (x1 + x2) / 2;
        double by = (y1 + y2) / 2;
        double cx = (x2 + x3) / 2;
        double cy = (y2 + y3) / 2;
        double abx = (ax + bx) / 2;
        double aby = (ay + by) / 2;
        double bcx = (bx + cx) / 2;
        double bcy = (by + cy) / 2;
        double mx = (abx + bcx) / 2;
        double my = (aby + bcy) / 2;
        flatten(x0, y0, ax, ay, abx, aby, mx, my, depth + 1);
        flatten(mx, my, bcx, bcy, cx, cy, x3, y3, depth + 1);
    }

    /**
     * Coverage of segment k (points k and k + 1) into {@link #cover}, keeping each pixel's largest.
     * Inner ends are round (they join the neighbours without seams); the curve's own two ends are
     * cut square. {@code period} > 0 dashes: the first {@code dash} of every period is drawn.
     */
    private void segment(int k, boolean firstPiece, boolean lastPiece, double strokeWidth, double dash,
                         double period) {
        double ax = xs[k];
        double ay = ys[k];
        double len = arc[k + 1] - arc[k];
        double ux;
        double uy;
        if (len > 1e-9) {
            ux = (xs[k + 1] - ax) / len;
            uy = (ys[k + 1] - ay) / len;
        } else {
            if (!(firstPiece && lastPiece)) {
                return; // a point: its neighbours cover it
            }
            ux = 1;
            uy = 0;
        }
        boolean thin = strokeWidth < 1;
        double half = strokeWidth / 2;
        // farthest pixel centre from the segment that still gets some coverage
        double reach = thin ? 1 : half + 0.5;
        double reach2 = reach * reach;
        // pixel centres nearer than this are fully covered (no square root needed)
        double solid = thin ? -1 : half - 0.5;
        double solid2 = solid > 0 ? solid * solid : -1;
        double s0 = arc[k];
        int y0 = Math.max(0, (int) Math.floor(Math.min(ay, ys[k + 1]) - reach));
        int y1 = Math.min(height - 1, (int) Math.ceil(Math.max(ay, ys[k + 1]) + reach));
        double boxLo = Math.min(ax, xs[k + 1]) - reach;
        double boxHi = Math.max(ax, xs[k + 1]) + reach;
        double invUx = 1 / ux;
        double invUy = 1 / uy;
        for (int y = y0; y <= y1; y++) {
            double dy = y + 0.5 - ay;
            double lo = boxLo;
            double hi = boxHi;
            // pixel centres within `reach` of the segment's line ...
            if (Math.abs(uy) > 1e-9) {
                double a = (dy * ux - reach) * invUy;
                double b = (dy * ux + reach) * invUy;
                lo = Math.max(lo, ax + Math.min(a, b));
                hi = Math.min(hi, ax + Math.max(a, b));
            } else if (Math.abs(dy) > reach) {
                continue;
            }
            // ... and projecting onto [-reach, len + reach] along it
            if (Math.abs(ux) > 1e-9) {
                double a = (-reach - dy * uy) * invUx;
                double b = (len + reach - dy * uy) * invUx;
                lo = Math.max(lo, ax + Math.min(a, b));
                hi = Math.min(hi, ax + Math.max(a, b));
            }
            int xa = Math.max(0, (int) Math.ceil(lo - 0.5));
            int xb = Math.min(width - 1, (int) Math.floor(hi - 0.5));
            if (xa > xb) {
                continue;
            }
            int row = (y - coverY0) * coverW - coverX0;
            // along the row, the projection t onto the segment and the signed distance q from its
            // line both change by a constant per pixel
            double dx0 = xa + 0.5 - ax;
            double t = dx0 * ux + dy * uy;
            double q = dy * ux - dx0 * uy;
            int first = -1;
            int lastX = -1;
            for (int x = xa; x <= xb; x++, t += ux, q -= uy) {
                double along = 1;
                double d2;
                if (t < 0) {
                    if (firstPiece) {
                        along = t + 0.5; // square end: fades over the half pixel around it
                        if (along <= 0) {
                            continue;
                        }
                        d2 = q * q;
                    } else {
                        d2 = q * q + t * t; // round join: distance to the end point
                    }
                } else if (t > len) {
                    if (lastPiece) {
                        along = len - t + 0.5;
                        if (along <= 0) {
                            continue;
                        }
                        d2 = q * q;
                    } else {
                        d2 = q * q + (t - len) * (t - len);
                    }
                } else {
                    d2 = q * q;
                }
                if (d2 >= reach2) {
                    continue;
                }
                double c;
                if (d2 <= solid2) {
                    c = 1;
                } else {
                    double d = Math.sqrt(d2);
                    c = thin ? strokeWidth * (1 - d) : half + 0.5 - d;
                    if (c <= 0) {
                        continue;
                    }
                    if (c > 1) {
                        c = 1;
                    }
                }
                if (along < 1) {
                    c *= along;
                }
                if (period > 0) {
                    double m = (s0 + t) % period;
                    if (m < 0) {
                        m += period;
                    }
                    // distance inside the dash (negative in the gap), antialiased over a pixel
                    double inside = m < dash ? Math.min(m, dash - m) : -Math.min(m - dash, period - m);
                    double f = inside + 0.5;
                    if (f <= 0) {
                        continue;
                    }
                    if (f < 1) {
                        c *= f;
                    }
                }
                int i = row + x;
                if (c > cover[i]) {
                    cover[i] = (float) c;
                }
                if (first < 0) {
                    first = x;
                }
                lastX = x;
            }
            if (first >= 0) {
                if (first < spanMin[y]) {
                    spanMin[y] = first;
                }
                if (lastX > spanMax[y]) {
                    spanMax[y] = lastX;
                }
            }
            if (spanMax[y] >= 0) {
                rowMin = Math.min(rowMin, y);
                rowMax = Math.max(rowMax, y);
            }
        }
    }

    /** Blends the current curve's coverage in {@code argb} over the drawing, and forgets it. */
    private void composite(int argb) {
        int ca = argb >>> 24;
        int cr = argb >> 16 & 0xff;
        int cg = argb >> 8 & 0xff;
        int cb = argb & 0xff;
        for (int y = rowMin; y <= rowMax; y++) {
            int from = spanMin[y];
            int to = spanMax[y];
            if (from > to) {
                continue;
            }
            int row = y * width;
            int crow = (y - coverY0) * coverW - coverX0;
            for (int x = from; x <= to; x++) {
                float c = cover[crow + x];
                if (c <= 0) {
                    continue;
                }
                cover[crow + x] = 0;
                int i = row + x;
                int a = (int) (c * ca + 0.5f); // source alpha, 0..255
                if (a == 0) {
                    continue;
                }
                if (a == 255) {
                    pixels[i] = argb; // fully covered by an opaque colour
                    continue;
                }
                int ia = 255 - a;
                int d = pixels[i];
                int oa = a + div255((d >>> 24) * ia);
                int or = div255(cr * a + (d >> 16 & 0xff) * ia);
                int og = div255(cg * a + (d >> 8 & 0xff) * ia);
                int ob = div255(cb * a + (d & 0xff) * ia);
                pixels[i] = oa << 24 | or << 16 | og << 8 | ob;
            }
            spanMin[y] = Integer.MAX_VALUE;
            spanMax[y] = -1;
        }
        rowMin = height;
        rowMax = -1;
    }

    /** {@code v / 255}, rounded, for 0 <= v <= 255 * 255. */
    private static int div255(int v) {
        v += 128;
        return (v + (v >> 8)) >> 8;
    }
}
