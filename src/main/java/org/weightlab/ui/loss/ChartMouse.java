package org.weightlab.ui.loss;

import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;

/**
 * The loss chart's mouse: hover moves the read-out, dragging a rectangle zooms to it, scrolling
 * zooms the horizontal axis around the pointer, and a double-click shows the whole run again.
 */
final class ChartMouse {

    private final PlotScale scale;
    private final Runnable redraw;
    private final Rectangle zoomBox = new Rectangle();

    private double hoverX = Double.NaN;
    private double hoverY = Double.NaN;
    private double dragX = Double.NaN;
    private double dragY = Double.NaN;

    /** Mouse handling on {@code plot}; {@code redraw} asks the chart for a redraw on the next pulse. */
    ChartMouse(Pane plot, PlotScale scale, Runnable redraw) {
        this.scale = scale;
        this.redraw = redraw;
        zoomBox.getStyleClass().add("wl-loss-zoom-box");
        zoomBox.setVisible(false);
        zoomBox.setManaged(false);
        zoomBox.setMouseTransparent(true);
        install(plot);
    }

    Rectangle zoomBox() {
        return zoomBox;
    }

    /** The pointer's position in the plot, NaN when it is outside. */
    double hoverX() {
        return hoverX;
    }

    double hoverY() {
        return hoverY;
    }

    private void install(Pane plot) {
        plot.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            hoverX = e.getX();
            hoverY = e.getY();
            redraw.run();
        });
        plot.addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            hoverX = Double.NaN;
            redraw.run();
        });
        plot.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                dragX = e.getX();
                dragY = e.getY();
            }
        });
        plot.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (Double.isNaN(dragX)) {
                return;
            }
            zoomBox.setX(Math.min(dragX, e.getX()));
            zoomBox.setY(Math.min(dragY, e.getY()));
            zoomBox.setWidth(Math.abs(e.getX() - dragX));
            zoomBox.setHeight(Math.abs(e.getY() - dragY));
            zoomBox.setVisible(true);
        });
        plot.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (!Double.isNaN(dragX) && Math.abs(e.getX() - dragX) > 6 && Math.abs(e.getY() - dragY) > 6
                    && scale.zoomToPixels(dragX, dragY, e.getX(), e.getY())) {
                redraw.run();
            }
            dragX = Double.NaN;
            zoomBox.setVisible(false);
        });
        plot.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                scale.resetZoom();
                redraw.run();
            }
        });
        plot.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0 && scale.plotW > 0) {
                if (scale.zoomAround(scale.xAt(e.getX()), e.getDeltaY() > 0 ? 0.8 : 1.25)) {
                    redraw.run();
                }
                e.consume();
            }
        });
    }
}
