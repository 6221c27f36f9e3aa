package org.weightlab.ui.inspector;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.weightlab.ui.theme.Palette;

/** A region holding a canvas that fills it and is redrawn when resized or given new data. */
abstract class CanvasPane extends Region {

    protected final Canvas canvas = new Canvas();
    /** Set before the first draw (InspectorView hands its palette to every drawing). */
    protected Palette palette = new Palette();
    protected Font font = Font.font(12);

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
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw();
        }
    }

    /** Draws everything again from the data held. */
    final void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (canvas.getWidth() < 10 || canvas.getHeight() < 10) {
            return;
        }
        g.setFont(font);
        draw(g, canvas.getWidth(), canvas.getHeight());
    }

    protected abstract void draw(GraphicsContext g, double w, double h);

    protected void text(GraphicsContext g, String s, double x, double y, TextAlignment align, VPos base, Color c) {
        g.setFill(c);
        g.setTextAlign(align);
        g.setTextBaseline(base);
        g.fillText(s, x, y);
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
