package org.weightlab.ui.surface;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.weightlab.session.surface.LossSurface;
import org.weightlab.ui.fx.Redraw;
import org.weightlab.ui.theme.DivergingColorMap;
import org.weightlab.ui.theme.Palette;
import org.weightlab.ui.theme.PaletteColor;
import org.weightlab.ui.fx.CanvasFit;

/**
 * The loss over two parameters as a picture: colour by log loss (low blue, high orange), contour
 * lines at equal steps of log loss, the path the parameters walked (older steps fainter), the
 * point now, and where the path left the plot when it did (an arrow at the border and the step).
 */
final class SurfaceCanvas extends Region {

    static final int SURFACE = 1;
    static final int PATH = 2;
    static final int LOOKS = 4;
    static final double PATHS_PER_SECOND = 30;
    static final int CONTOURS = 12;
    private static final double LEFT = 58;
    private static final double RIGHT = 14;
    private static final double TOP = 12;
    private static final double BOTTOM = 44;

    private final Canvas canvas = new Canvas();
    private final Palette palette = new Palette();
    private final Redraw redraw = new Redraw(this, bits -> draw()).pace(PATH, PATHS_PER_SECOND);
    private LossSurface surface;
    private SurfacePath path;
    private WritableImage image;
    private String aName = "a";
    private String bName = "b";
    /** The step at which the path last left the plot, or -1 (tests read it). */
    private long exitStep = -1;
    /** Whether the point now lies off the plot (tests read it). */
    private boolean outside;
    private int contourSegments;

    SurfaceCanvas() {
        getStyleClass().add("wl-surface-canvas");
        getChildren().addAll(canvas, palette);
        setMinSize(220, 220);
        setPrefSize(520, 520);
        palette.revisionProperty().addListener((o, was, now) -> {
            image = null;
            redraw.mark(LOOKS);
        });
    }

    void setSurface(LossSurface s, String aAxis, String bAxis) {
        surface = s;
        aName = aAxis;
        bName = bAxis;
        image = null;
        redraw.mark(SURFACE);
    }

    void setPath(SurfacePath p) {
        path = p;
        redraw.mark(PATH);
    }

    void pathChanged() {
        redraw.mark(PATH);
    }

    long exitStep() {
        return exitStep;
    }

    boolean outside() {
        return outside;
    }

    int contourSegments() {
        return contourSegments;
    }

    void drawNow() {
        redraw.mark(LOOKS);
        redraw.drawNow();
    }

    @Override
    protected void layoutChildren() {
        if (CanvasFit.fit(canvas, this)) {
            redraw.mark(LOOKS);
        }
    }

    /** The plot square: {x, y, size}. */
    private double[] plot() {
        double size = Math.max(10, Math.min(canvas.getWidth() - LEFT - RIGHT, canvas.getHeight() - TOP - BOTTOM));
        return new double[] {LEFT, TOP, size};
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        contourSegments = 0;
        exitStep = -1;
        outside = false;
        if (surface == null) {
            g.setFill(palette.inkColor());
            g.setFont(Font.font(14));
            g.fillText("computing the loss surface\u2026", LEFT, TOP + 20);
            return;
        }
        double[] p = plot();
        double[] range = surface.range();
        double lo = Math.log10(Math.max(range[0], 1e-300));
        double hi = Math.log10(Math.max(range[1], 1e-300));
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        if (image == null) {
            image = picture(lo, hi);
        }
        g.setImageSmoothing(true);
        g.drawImage(image, p[0], p[1], p[2], p[2]);
        contours(g, p, lo, hi);
        axes(g, p);
        if (path != null) {
            drawPath(g, p);
        }
    }

    private WritableImage picture(double lo, double hi) {
        int n = surface.grid();
        DivergingColorMap map = palette.weightMap();
        int[] argb = new int[n * n];
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                double v = surface.loss(row, col);
                argb[row * n + col] = Double.isFinite(v) ? map.argb(1 - 2 * (Math.log10(Math.max(v, 1e-300)) - lo) / (hi - lo))
                        : map.notANumberArgb();
            }
        }
        WritableImage img = new WritableImage(n, n);
        img.getPixelWriter().setPixels(0, 0, n, n, PixelFormat.getIntArgbInstance(), argb, 0, n);
        return img;
    }

    /** Marching squares on log loss, {@link #CONTOURS} levels between the grid's lowest and highest. */
    private void contours(GraphicsContext g, double[] p, double lo, double hi) {
        int n = surface.grid();
        double cell = p[2] / (n - 1);
        g.setStroke(palette.inkColor().deriveColor(0, 1, 1, 0.45));
        g.setLineWidth(1);
        double[] t = new double[n * n];
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                double v = surface.loss(row, col);
                t[row * n + col] = Double.isFinite(v) ? Math.log10(Math.max(v, 1e-300)) : Double.NaN;
            }
        }
        for (int k = 1; k < CONTOURS; k++) {
            double level = lo + (hi - lo) * k / CONTOURS;
            for (int row = 0; row < n - 1; row++) {
                for (int col = 0; col < n - 1; col++) {
                    double v00 = t[row * n + col];
                    double v01 = t[row * n + col + 1];
                    double v10 = t[(row + 1) * n + col];
                    double v11 = t[(row + 1) * n + col + 1];
                    if (Double.isNaN(v00 + v01 + v10 + v11)) {
                        continue;
                    }
                    double[] xs = new double[4];
                    double[] ys = new double[4];
                    int m = 0;
                    double x0 = p[0] + col * cell;
                    double y0 = p[1] + row * cell;
                    if ((v00 < level) != (v01 < level)) {
                        xs[m] = x0 + cell * (level - v00) / (v01 - v00);
                        ys[m++] = y0;
                    }
                    if ((v01 < level) != (v11 < level)) {
                        xs[m] = x0 + cell;
                        ys[m++] = y0 + cell * (level - v01) / (v11 - v01);
                    }
                    if ((v10 < level) != (v11 < level)) {
                        xs[m] = x0 + cell * (level - v10) / (v11 - v10);
                        ys[m++] = y0 + cell;
                    }
                    if ((v00 < level) != (v10 < level)) {
                        xs[m] = x0;
                        ys[m++] = y0 + cell * (level - v00) / (v10 - v00);
                    }
                    for (int s = 0; s + 1 < m; s += 2) {
                        g.strokeLine(xs[s], ys[s], xs[s + 1], ys[s + 1]);
                        contourSegments++;
                    }
                }
            }
        }
    }

    private void axes(GraphicsContext g, double[] p) {
        Color ink = palette.inkColor();
        g.setStroke(palette.color(PaletteColor.GUIDE));
        g.setLineWidth(1);
        g.strokeRect(p[0], p[1], p[2], p[2]);
        g.setFill(ink);
        g.setFont(Font.font(13));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        for (int i = 0; i <= 4; i++) {
            double f = i / 4.0;
            g.fillText(num(surface.a0() + f * (surface.a1() - surface.a0())), p[0] + f * p[2], p[1] + p[2] + 4);
        }
        g.fillText(aName, p[0] + p[2] / 2, p[1] + p[2] + 22);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i <= 4; i++) {
            double f = i / 4.0;
            g.fillText(num(surface.b1() - f * (surface.b1() - surface.b0())), p[0] - 6, p[1] + f * p[2]);
        }
        g.save();
        g.translate(14, p[1] + p[2] / 2);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(bName, 0, 0);
        g.restore();
    }

    private double px(double[] p, double a) {
        return p[0] + (a - surface.a0()) / (surface.a1() - surface.a0()) * p[2];
    }

    private double py(double[] p, double b) {
        return p[1] + (surface.b1() - b) / (surface.b1() - surface.b0()) * p[2];
    }

    private void drawPath(GraphicsContext g, double[] p) {
        int n = path.size();
        if (n == 0) {
            return;
        }
        Color ink = palette.inkColor();
        Color mark = palette.color(PaletteColor.SELECTION);
        g.save();
        g.beginPath();
        g.rect(p[0], p[1], p[2], p[2]);
        g.clip();
        Color halo = ink.invert().deriveColor(0, 1, 1, 0.6);
        for (int k = 1; k < n; k++) {
            double a0 = path.a(k - 1);
            double b0 = path.b(k - 1);
            double a1 = path.a(k);
            double b1 = path.b(k);
            if (!(Double.isFinite(a0) && Double.isFinite(b0) && Double.isFinite(a1) && Double.isFinite(b1))) {
                continue;
            }
            double fade = 0.5 + 0.5 * k / n;
            double x0 = clampPx(px(p, a0));
            double y0 = clampPx(py(p, b0));
            double x1 = clampPx(px(p, a1));
            double y1 = clampPx(py(p, b1));
            g.setLineWidth(5);
            g.setStroke(halo);
            g.strokeLine(x0, y0, x1, y1);
            g.setLineWidth(2.5);
            g.setStroke(ink.deriveColor(0, 1, 1, fade));
            g.strokeLine(x0, y0, x1, y1);
            if (surface.contains(a1, b1)) {
                g.setFill(ink.deriveColor(0, 1, 1, fade));
                g.fillOval(x1 - 3, y1 - 3, 6, 6);
            }
        }
        g.restore();
        // the first step that left the plot: an arrow where it crossed the border, and its step
        for (int k = 1; k < n; k++) {
            boolean wasIn = surface.contains(path.a(k - 1), path.b(k - 1));
            if (wasIn && !surface.contains(path.a(k), path.b(k))) {
                exitStep = path.step(k);
                exitMark(g, p, path.a(k - 1), path.b(k - 1), path.a(k), path.b(k), mark);
                break;
            }
        }
        double a = path.a(n - 1);
        double b = path.b(n - 1);
        if (!surface.contains(a, b) && Double.isFinite(a) && Double.isFinite(b)) {
            // the point now is off the plot: an arrow on the border points at it and says where it is
            double cx = p[0] + p[2] / 2;
            double cy = p[1] + p[2] / 2;
            outside = true;
            arrow(g, p, cx, cy, clampPx(px(p, a)) - cx, clampPx(py(p, b)) - cy, mark,
                    "now " + aName + " = " + num(a) + ", " + bName + " = " + num(b) + " (step " + path.step(n - 1) + ")",
                    exitStep < 0 ? 0 : 28);
        }
        if (surface.contains(a, b)) {
            g.setFill(mark);
            g.setStroke(ink);
            g.setLineWidth(2);
            g.fillOval(px(p, a) - 7, py(p, b) - 7, 14, 14);
            g.strokeOval(px(p, a) - 7, py(p, b) - 7, 14, 14);
        }
    }

    /** Coordinates of points far outside stay drawable (a path to 1e300 still points the right way). */
    private static double clampPx(double v) {
        return Math.max(-1e6, Math.min(1e6, v));
    }

    private void exitMark(GraphicsContext g, double[] p, double a0, double b0, double a1, double b1, Color mark) {
        double x0 = px(p, a0);
        double y0 = py(p, b0);
        arrow(g, p, x0, y0, clampPx(px(p, a1)) - x0, clampPx(py(p, b1)) - y0, mark,
                "left the plot at step " + exitStep, 0);
    }

    /** An arrow where the ray from (x0, y0) along (dx, dy) meets the plot's border, with {@code text} beside it. */
    private void arrow(GraphicsContext g, double[] p, double x0, double y0, double dx, double dy, Color mark,
                       String text, double shift) {
        // where the segment meets the border of the square
        double t = 1;
        if (dx > 0) {
            t = Math.min(t, (p[0] + p[2] - x0) / dx);
        } else if (dx < 0) {
            t = Math.min(t, (p[0] - x0) / dx);
        }
        if (dy > 0) {
            t = Math.min(t, (p[1] + p[2] - y0) / dy);
        } else if (dy < 0) {
            t = Math.min(t, (p[1] - y0) / dy);
        }
        double x = x0 + t * dx;
        double y = y0 + t * dy;
        double len = Math.hypot(dx, dy);
        double ux = len == 0 ? 0 : dx / len;
        double uy = len == 0 ? 0 : dy / len;
        g.setStroke(mark);
        g.setFill(mark);
        g.setLineWidth(3);
        g.strokeLine(x - 16 * ux, y - 16 * uy, x, y);
        g.fillPolygon(new double[] {x + 4 * ux, x - 8 * ux - 6 * uy, x - 8 * ux + 6 * uy},
                new double[] {y + 4 * uy, y - 8 * uy + 6 * ux, y - 8 * uy - 6 * ux}, 3);
        g.setFont(Font.font(null, javafx.scene.text.FontWeight.BOLD, 13));
        g.setTextBaseline(VPos.CENTER);
        boolean right = x > p[0] + p[2] / 2;
        g.setTextAlign(right ? TextAlignment.RIGHT : TextAlignment.LEFT);
        double below = y < p[1] + p[2] / 2 ? 1 : -1;
        double ty = Math.max(p[1] + 12, Math.min(p[1] + p[2] - 12, y + below * (18 + shift)));
        double tx = right ? Math.min(x, p[0] + p[2]) - 6 : Math.max(x, p[0]) + 6;
        g.setFill(palette.inkColor().invert().deriveColor(0, 1, 1, 0.85));
        double w = text.length() * 7.2;
        g.fillRect(right ? tx - w - 4 : tx - 4, ty - 10, w + 8, 20);
        g.setFill(palette.inkColor());
        g.fillText(text, tx, ty);
    }

    static String num(double v) {
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-2 || a >= 1e4)) {
            return String.format(Locale.ROOT, "%.1e", v);
        }
        return String.format(Locale.ROOT, a < 10 ? "%.2f" : "%.1f", v);
    }
}
