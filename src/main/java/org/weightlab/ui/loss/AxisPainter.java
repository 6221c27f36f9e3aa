package org.weightlab.ui.loss;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Rectangle2D;
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
    private final List<Rectangle2D> labelBoxes = new ArrayList<>();

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
        // labels at least 1.5 lines of type apart, so that they never touch
        yTicks = thin(scale.log ? AxisTicks.log(scale.inverse(scale.ty0), scale.inverse(scale.ty1))
                : AxisTicks.linear(scale.ty0, scale.ty1, (int) Math.max(2, scale.plotH / (3.2 * fontSize))),
                1.5 * fontSize);
        double labelW = 0;
        for (AxisTicks.Tick t : yTicks) {
            labelW = Math.max(labelW, palette.textWidth(t.label(), tickFont));
        }
        scale.left = PAD + fontSize * 1.4 + labelW + 8; // room for the rotated axis title, the labels and a gap
        scale.plotW = Math.max(10, w - scale.left - 2 * PAD);
        // as many step labels as fit side by side with a gap of two characters: fewer when they are wide
        int target = (int) Math.max(2, scale.plotW / (7 * fontSize));
        xTicks = AxisTicks.linear(scale.x0, scale.x1, target);
        while (target > 2 && !fitsSideBySide(xTicks, tickFont, w)) {
            target--;
            xTicks = AxisTicks.linear(scale.x0, scale.x1, target);
        }
        if (!fitsSideBySide(xTicks, tickFont, w)) {
            xTicks = AxisTicks.inThousands(xTicks); // "10k" where "10,000" has no room
        }
    }

    /** Where a step label of half-width {@code half} for a tick at pixel {@code x} is centred on a canvas {@code w} wide. */
    private double labelCentre(double x, double half, double w) {
        // whole at the right edge, and clear of the loss labels at the left
        return Math.max(scale.left - 4 + half, Math.min(x, w - half - 2));
    }

    /** True when the labels of {@code ticks}, centred on their ticks, leave a gap between each other. */
    private boolean fitsSideBySide(List<AxisTicks.Tick> ticks, Font font, double w) {
        double gap = font.getSize();
        double prevRight = Double.NEGATIVE_INFINITY;
        for (AxisTicks.Tick t : ticks) {
            double half = palette.textWidth(t.label(), font) / 2;
            double x = labelCentre(Math.round(scale.px(t.value())) + 0.5, half, w);
            if (x - half < prevRight + gap) {
                return false;
            }
            prevRight = x + half;
        }
        return true;
    }

    /**
     * The loss ticks whose labels stand at least {@code minGap} pixels apart: every second, third
     * ... one of an even axis (the largest step that keeps {@link AxisTicks#MIN_TICKS}).
     */
    private List<AxisTicks.Tick> thin(List<AxisTicks.Tick> ticks, double minGap) {
        for (int every = 1; every < ticks.size(); every++) {
            List<AxisTicks.Tick> kept = new ArrayList<>();
            for (int i = 0; i < ticks.size(); i += every) {
                kept.add(ticks.get(i));
            }
            if (kept.size() < AxisTicks.MIN_TICKS) {
                return previous(ticks, every - 1);
            }
            if (apart(kept, minGap)) {
                return kept;
            }
        }
        return ticks;
    }

    private static List<AxisTicks.Tick> previous(List<AxisTicks.Tick> ticks, int every) {
        List<AxisTicks.Tick> kept = new ArrayList<>();
        for (int i = 0; i < ticks.size(); i += Math.max(1, every)) {
            kept.add(ticks.get(i));
        }
        return kept;
    }

    private boolean apart(List<AxisTicks.Tick> ticks, double minGap) {
        for (int i = 1; i < ticks.size(); i++) {
            if (Math.abs(scale.py(ticks.get(i).value()) - scale.py(ticks.get(i - 1).value())) < minGap) {
                return false;
            }
        }
        return true;
    }

    /** Where each tick label was drawn in the last frame (canvas pixels): tests check none is cut or overlaps. */
    List<Rectangle2D> labelBoxes() {
        return labelBoxes;
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
    void drawAxes(GraphicsContext g, double w, double h, boolean inEpochs, Font font) {
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
        labelBoxes.clear();
        double lineH = font.getSize() * 1.2;
        for (AxisTicks.Tick t : yTicks) {
            double y = Math.round(scale.py(t.value())) + 0.5;
            g.fillText(t.label(), left - 8, y);
            double tw = palette.textWidth(t.label(), font);
            labelBoxes.add(new Rectangle2D(left - 8 - tw, y - lineH / 2, tw, lineH));
        }
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        for (AxisTicks.Tick t : xTicks) {
            double x = Math.round(scale.px(t.value())) + 0.5;
            g.setStroke(fg);
            g.strokeLine(x, top + plotH, x, top + plotH + 5);
            double half = palette.textWidth(t.label(), font) / 2;
            double at = labelCentre(x, half, w);
            g.fillText(t.label(), at, top + plotH + 7);
            labelBoxes.add(new Rectangle2D(at - half, top + plotH + 7, 2 * half, lineH));
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
