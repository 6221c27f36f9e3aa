package org.weightlab.ui.inspector;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.weightlab.ui.theme.Palette;
import org.weightlab.ui.fx.CanvasFit;

/** A region holding a canvas that fills it and is redrawn when resized or given new data. */
abstract class CanvasPane extends Region {

    protected final Canvas canvas = new Canvas();
    /** Set before the first draw (InspectorView hands its palette to every drawing). */
    protected Palette palette = new Palette();
    protected Font font = Font.font(12);
    /** Measures strings in {@link #font}, so labels can be placed clear of each other. */
    private final Text measure = new Text();
    /** The boxes of the strings drawn by the last {@link #redraw()}, in canvas coordinates. */
    private final List<Bounds> drawnText = new ArrayList<>();

    CanvasPane(double prefWidth, double prefHeight) {
        getChildren().add(canvas);
        setPrefSize(prefWidth, prefHeight);
        setMinSize(80, 60);
    }

    void setPalette(Palette palette, Font font) {
        this.palette = palette;
        this.font = font;
    }

    @Override
    protected void layoutChildren() {
        if (CanvasFit.fit(canvas, this)) {
            redraw();
        }
    }

    /** Draws everything again from the data held. */
    final void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        drawnText.clear();
        measure.setFont(font);
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (canvas.getWidth() < 10 || canvas.getHeight() < 10) {
            return;
        }
        g.setFont(font);
        draw(g, canvas.getWidth(), canvas.getHeight());
    }

    protected abstract void draw(GraphicsContext g, double w, double h);

    /** The width of {@code s} in the chart font. */
    protected double textWidth(String s) {
        measure.setText(s);
        return measure.getLayoutBounds().getWidth();
    }

    /** The height of a line of text in the chart font. */
    protected double lineHeight() {
        measure.setText("0");
        return measure.getLayoutBounds().getHeight();
    }

    /** The boxes of the strings the last drawing wrote (tests check that none overlap or leave the chart). */
    List<Bounds> drawnText() {
        return List.copyOf(drawnText);
    }

    protected void text(GraphicsContext g, String s, double x, double y, TextAlignment align, VPos base, Color c) {
        double w = textWidth(s);
        double h = lineHeight();
        double left = align == TextAlignment.RIGHT ? x - w : align == TextAlignment.CENTER ? x - w / 2 : x;
        double top = base == VPos.BOTTOM ? y - h : base == VPos.CENTER ? y - h / 2 : y;
        drawnText.add(new BoundingBox(left, top, w, h));
        g.setFill(c);
        g.setTextAlign(align);
        g.setTextBaseline(base);
        g.fillText(s, x, y);
    }

    /**
     * The first and last step under a time axis from {@code x0} to {@code x1}: "step 0" at the
     * left, the last step at the right when both fit side by side, else only the last one.
     */
    protected void stepLabels(GraphicsContext g, long s0, long s1, double x0, double x1, double y) {
        String first = "step " + step(s0);
        String last = step(s1);
        if (textWidth(first) + textWidth(last) + 12 <= x1 - x0) {
            text(g, first, x0, y, TextAlignment.LEFT, VPos.TOP, palette.inkColor());
            text(g, last, x1, y, TextAlignment.RIGHT, VPos.TOP, palette.inkColor());
        } else if (textWidth("step " + last) <= x1 - x0) {
            text(g, "step " + last, x1, y, TextAlignment.RIGHT, VPos.TOP, palette.inkColor());
        }
    }

    protected static Color fade(Color c, double opacity) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), opacity);
    }

    protected static String num(double v) {
        return ColorLegend.format(v);
    }

    protected static String step(long s) {
        return s >= 10_000 ? String.format(Locale.ROOT, "%.1fk", s / 1000.0) : Long.toString(s);
    }
}
