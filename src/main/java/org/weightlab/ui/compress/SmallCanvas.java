package org.weightlab.ui.compress;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import org.weightlab.ui.fx.Redraw;
import org.weightlab.ui.theme.Palette;
import org.weightlab.ui.fx.CanvasFit;

/**
 * A region whose canvas fills it, drawn through the window's one redraw pass: new data or a new
 * size marks it dirty, the pass draws it once on the next pulse.
 */
abstract class SmallCanvas extends Region {

    static final int DATA = 1;
    static final int SIZE = 2;

    protected final Canvas canvas = new Canvas();
    protected final Palette palette;
    protected final Redraw redraw;
    protected Font font = Font.font(11);

    SmallCanvas(Palette palette, double prefWidth, double prefHeight) {
        this.palette = palette;
        getChildren().add(canvas);
        setPrefSize(prefWidth, prefHeight);
        setMinSize(prefWidth * 0.6, prefHeight);
        redraw = new Redraw(canvas, bits -> paint());
        palette.revisionProperty().addListener((o, was, now) -> redraw.mark(DATA));
    }

    @Override
    protected void layoutChildren() {
        if (CanvasFit.fit(canvas, this)) {
            redraw.mark(SIZE);
        }
    }

    /** Draws now (tests, pictures taken off screen). */
    void drawNow() {
        redraw.mark(DATA);
        redraw.drawNow();
    }

    private void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (canvas.getWidth() < 20 || canvas.getHeight() < 20) {
            return;
        }
        g.setFont(font);
        draw(g, canvas.getWidth(), canvas.getHeight());
    }

    protected abstract void draw(GraphicsContext g, double w, double h);
}
