package org.weightlab.ui.fx;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;

/** A canvas that fills the region holding it, sized in whole pixels on each layout. */
public final class CanvasFit {

    private CanvasFit() {
    }

    /** Sizes {@code canvas} to {@code holder}'s width and height (floored); true when the size changed. */
    public static boolean fit(Canvas canvas, Region holder) {
        double w = Math.floor(holder.getWidth());
        double h = Math.floor(holder.getHeight());
        if (canvas.getWidth() == w && canvas.getHeight() == h) {
            return false;
        }
        canvas.setWidth(w);
        canvas.setHeight(h);
        return true;
    }
}
