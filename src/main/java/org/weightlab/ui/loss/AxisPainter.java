package org.weightlab.ui.loss;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The loss chart's axes: chooses the ticks for the frame's ranges, sets the plot's left margin
 * to fit the loss labels, and draws the grid (under the curves) and the labelled axes (around the
 * plot).
 */
final class AxisPainter {

    /** Margin around the plot, in pixels. */
    static final double PAD = 12;

    private final PlotScale scale;
    private final ChartPalette palette;
    private List<AxisTicks.Tick> xTicks = List.of();
    private List<AxisTicks.Tick> yTicks = List.of();

    AxisPainter(PlotScale scale, ChartPalette palette) {
        this.scale = scale;
        this.palette = palette;
    }

    List<AxisTicks.Tick> xTicks() {
        return xTicks;
    }

    List<AxisTicks.Tick> yTicks() {
        return yTicks;
    }

    /**
     * Ticks for the scale's ranges on a canvas {@code w} wide, and the plot's left edge and width
     * from the widest loss label.
     */
    void layout(double w, Font tickFont) {
        double fontSize = tickFont.getSize();
        yTicks = scale.log ? AxisTicks.log(scale.inverse(scale.ty0), scale.inverse(scale.ty1))
                : AxisTicks.linear(scale.ty0, scale.ty1, (int) Math.max(2, scale.plotH / (3.2 * fontSize)));
        double labelW = 0;
        for (AxisTicks.Tick t : yTicks) {
            labelW = Math.max(labelW, palette.textWidth(t.label(), tickFont));
        }
        scale.left = PAD + fontSize * 1.4 + labelW + 8; // room for the rotated axis title, the labels and a gap
        scale.plotW = Math.max(10, w - scale.left - 2 * PAD);
        xTicks = AxisTicks.linear(scale.x0, scale.x1, (int) Math.max(2, scale.plotW / (7 * fontSize)));
    }

    /** The grid lines, inside the plot, under the curves. */
    void drawGridLines(GraphicsContext g) {
        g.setLineWidth(1);
        g.setLineDashes();
        g.setStroke(palette.gridStyle.getTextFill());
        for (AxisTicks.Tick t : yTicks) {
            double y = Math.round(scale.py(t.value())) + 0.5;
            g.strokeLine(scale.left, y, scale.left + scale.plotW, y);
        }
        for (AxisTicks.Tick t : xTicks) {
            double x = Math.round(scale.px(t.value())) + 0.5;
            g.strokeLine(x, scale.top, x, scale.top + scale.plotH);
        }
    }

    /** Tick labels and marks, the axis lines and the axis titles, around the plot of a w x h canvas. */
    void drawAxes(GraphicsContext g, double w, double h, boolean inEpochs) {
        Font font = palette.tickStyle.getFont();
        Paint fg = palette.tickStyle.getTextFill();
        double left = scale.left;
        double top = scale.top;
        double plotW = scale.plotW;
        double plotH = scale.plotH;
        g.setFont(font);
        g.setLineWidth(1);
        g.setLineDashes();
        g.setFill(fg);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        for (AxisTicks.Tick t : yTicks) {
            double y = Math.round(scale.py(t.value())) + 0.5;
            g.fillText(t.label(), left - 8, y);
        }
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        for (AxisTicks.Tick t : xTicks) {
            double x = Math.round(scale.px(t.value())) + 0.5;
            g.setStroke(fg);
            g.strokeLine(x, top + plotH, x, top + plotH + 5);
            // keep a label at the right edge whole instead of cutting it
            double half = palette.textWidth(t.label(), font) / 2;
            g.fillText(t.label(), Math.min(x, w - half - 2), top + plotH + 7);
        }
        g.setStroke(fg);
        g.setLineWidth(1.5);
        g.strokeLine(left, top, left, top + plotH);
        g.strokeLine(left, top + plotH, left + plotW, top + plotH);
        // axis titles
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(inEpochs ? "epoch" : "step", left + plotW / 2, h - 2);
        g.save();
        g.translate(PAD + font.getSize() * 0.6, top + plotH / 2);
        g.rotate(-90);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(scale.log ? "loss (log)" : "loss", 0, 0);
        g.restore();
    }
}
