package org.weightlab.ui.digits;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import org.weightlab.ui.fx.Redraw;
import org.weightlab.ui.theme.Palette;
import org.weightlab.ui.theme.PaletteColor;
import org.weightlab.ui.fx.CanvasFit;

/**
 * A 32x32 bitmap drawn with the mouse, shown large: the left button inks with a round pen about
 * three pixels wide (as thick as the strokes of the UCI digits' bitmaps), the right button erases.
 * Every change calls the listener given to {@link #setOnChange}.
 */
public final class DrawingPad extends Region {

    public static final String STYLE_CLASS = "drawing-pad";

    private static final int SIDE = InkReduction.SIDE;
    /** Pen radius in bitmap pixels: a disc of this radius around the pointer is inked. */
    static final double PEN = 1.35;
    private static final int INK = 1;

    private final Canvas canvas = new Canvas();
    private final Palette palette;
    private final boolean[] ink = new boolean[SIDE * SIDE];
    private final Redraw redraw;
    private Runnable onChange = () -> { };
    private double lastX = Double.NaN;
    private double lastY;

    public DrawingPad(Palette palette, double size) {
        this.palette = palette;
        getStyleClass().add(STYLE_CLASS);
        getChildren().add(canvas);
        setPrefSize(size, size);
        setMinSize(size, size);
        setMaxSize(size, size);
        redraw = new Redraw(canvas, bits -> paint());
        palette.revisionProperty().addListener((o, was, now) -> redraw.mark(INK));
        setOnMousePressed(this::press);
        setOnMouseDragged(this::drag);
        setOnMouseReleased(e -> lastX = Double.NaN);
    }

    public void setOnChange(Runnable onChange) {
        this.onChange = onChange;
    }

    /** The bitmap, {@code [y * 32 + x]}, a copy. */
    public boolean[] ink() {
        return ink.clone();
    }

    /** True when nothing is drawn. */
    public boolean isEmpty() {
        for (boolean b : ink) {
            if (b) {
                return false;
            }
        }
        return true;
    }

    public void clear() {
        java.util.Arrays.fill(ink, false);
        redraw.mark(INK);
        onChange.run();
    }

    /**
     * Draws a stroke from (x0, y0) to (x1, y1), in bitmap pixels (0..32, fractions allowed), with
     * the pen; {@code erase} removes ink instead.
     */
    public void stroke(double x0, double y0, double x1, double y1, boolean erase) {
        double length = Math.hypot(x1 - x0, y1 - y0);
        int steps = Math.max(1, (int) Math.ceil(length * 4));
        boolean changed = false;
        for (int s = 0; s <= steps; s++) {
            double t = (double) s / steps;
            changed |= dab(x0 + t * (x1 - x0), y0 + t * (y1 - y0), erase);
        }
        if (changed) {
            redraw.mark(INK);
            onChange.run();
        }
    }

    /** Inks (or erases) the pixels whose centres lie within the pen of (cx, cy); true if any changed. */
    private boolean dab(double cx, double cy, boolean erase) {
        boolean changed = false;
        int r = (int) Math.ceil(PEN);
        for (int y = (int) Math.floor(cy) - r; y <= (int) Math.floor(cy) + r; y++) {
            for (int x = (int) Math.floor(cx) - r; x <= (int) Math.floor(cx) + r; x++) {
                if (x < 0 || y < 0 || x >= SIDE || y >= SIDE) {
                    continue;
                }
                double dx = x + 0.5 - cx;
                double dy = y + 0.5 - cy;
                if (dx * dx + dy * dy <= PEN * PEN && ink[y * SIDE + x] == erase) {
                    ink[y * SIDE + x] = !erase;
                    changed = true;
                }
            }
        }
        return changed;
    }

    private void press(MouseEvent e) {
        requestFocus();
        lastX = e.getX() * SIDE / getWidth();
        lastY = e.getY() * SIDE / getHeight();
        stroke(lastX, lastY, lastX, lastY, e.getButton() == MouseButton.SECONDARY);
    }

    private void drag(MouseEvent e) {
        double x = e.getX() * SIDE / getWidth();
        double y = e.getY() * SIDE / getHeight();
        if (Double.isNaN(lastX)) {
            lastX = x;
            lastY = y;
        }
        stroke(lastX, lastY, x, y, e.isSecondaryButtonDown());
        lastX = x;
        lastY = y;
    }

    @Override
    protected void layoutChildren() {
        if (CanvasFit.fit(canvas, this)) {
            redraw.mark(INK);
        }
    }

    private void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(palette.zeroColor());
        g.fillRect(0, 0, w, h);
        double cw = w / SIDE;
        double ch = h / SIDE;
        g.setFill(palette.color(PaletteColor.DIGIT_INK));
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                if (ink[y * SIDE + x]) {
                    g.fillRect(Math.floor(x * cw), Math.floor(y * ch), Math.ceil(cw), Math.ceil(ch));
                }
            }
        }
        // the 4x4 blocks the picture is reduced by
        g.setStroke(palette.color(PaletteColor.GUIDE));
        g.setLineWidth(1);
        for (int b = 0; b <= InkReduction.CELLS; b++) {
            double x = Math.min(w - 0.5, Math.floor(b * w / InkReduction.CELLS) + 0.5);
            double y = Math.min(h - 0.5, Math.floor(b * h / InkReduction.CELLS) + 0.5);
            g.strokeLine(x, 0, x, h);
            g.strokeLine(0, y, w, y);
        }
    }
}
