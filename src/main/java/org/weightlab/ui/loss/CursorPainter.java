package org.weightlab.ui.loss;

import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Draws the time-travel cursor: a solid vertical line at the step of the past moment the window
 * shows, labelled "step N" at the foot of the plot (the markers' labels take the top). On the
 * epoch axis it sits at the fractional epoch of its step.
 */
final class CursorPainter {

    private final PlotScale scale;
    private final ChartPalette palette;
    private final DoubleUnaryOperator epochAt;
    private String drawnLabel;

    CursorPainter(PlotScale scale, ChartPalette palette, DoubleUnaryOperator epochAt) {
        this.scale = scale;
        this.palette = palette;
        this.epochAt = epochAt;
    }

    /** The label drawn in the last frame, or null when the cursor was not drawn. */
    String drawnLabel() {
        return drawnLabel;
    }

    /** Draws the cursor at {@code step}; nothing when {@code step} is negative or outside the range. */
    void draw(GraphicsContext g, long step, boolean inEpochs) {
        drawnLabel = null;
        if (step < 0) {
            return;
        }
        double x = inEpochs ? epochAt.applyAsDouble(step) : step;
        if (Double.isNaN(x) || x < scale.x0 || x > scale.x1) {
            return;
        }
        String label = String.format(Locale.ROOT, "step %,d", step);
        Color ink = palette.ink();
        double sx = Math.round(scale.px(x)) + 0.5;
        double bottom = scale.top + scale.plotH;
        g.setLineDashes();
        g.setStroke(palette.markerBackground());
        g.setLineWidth(5);
        g.strokeLine(sx, scale.top, sx, bottom);
        g.setStroke(ink);
        g.setLineWidth(2);
        g.strokeLine(sx, scale.top, sx, bottom);

        Font font = palette.markerStyle.getFont();
        double tw = palette.textWidth(label, font) + 10;
        double th = font.getSize() * 1.35;
        double right = scale.left + scale.plotW;
        // beside the line, on whichever side has room
        double tx = sx + tw + 4 > right ? sx - tw - 4 : sx + 4;
        tx = Math.max(scale.left + 2, tx);
        double ty = bottom - th - 6;
        g.setFill(palette.markerBackground());
        g.fillRoundRect(tx, ty, tw, th, 6, 6);
        g.setStroke(ink);
        g.setLineWidth(1.5);
        g.strokeRoundRect(tx, ty, tw, th, 6, 6);
        g.setFill(ink);
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(label, tx + 5, ty + 2);
        drawnLabel = label;
    }
}
