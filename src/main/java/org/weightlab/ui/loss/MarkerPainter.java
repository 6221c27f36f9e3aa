package org.weightlab.ui.loss;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.weightlab.session.LossHistory;
import org.weightlab.session.LossSeries;

/**
 * Draws the history's markers: a dashed vertical line where a setting changed, labelled in up to
 * three lanes at the top of the plot (a crowded label is left out; its line still shows). On the
 * epoch axis a marker sits at the fractional epoch of its step.
 */
final class MarkerPainter {

    private static final int LANES = 3;

    private final LossHistory history;
    private final PlotScale scale;
    private final ChartPalette palette;
    /** Labels of the markers inside the last frame's range. */
    private final List<String> drawn = new ArrayList<>();

    MarkerPainter(LossHistory history, PlotScale scale, ChartPalette palette) {
        this.history = history;
        this.scale = scale;
        this.palette = palette;
    }

    List<String> drawnLabels() {
        return drawn;
    }

    void draw(GraphicsContext g, boolean inEpochs) {
        drawn.clear();
        List<LossHistory.Marker> markers = history.markers();
        if (markers.isEmpty()) {
            return;
        }
        double top = scale.top;
        double right = scale.left + scale.plotW;
        Paint colour = palette.markerStyle.getTextFill();
        Font font = palette.markerStyle.getFont();
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        double lineH = font.getSize() * 1.35;
        double[] laneEnd = new double[LANES];
        Arrays.fill(laneEnd, Double.NEGATIVE_INFINITY);
        for (LossHistory.Marker m : markers) {
            double x = inEpochs ? epochAt(m.step()) : m.step();
            if (Double.isNaN(x) || x < scale.x0 || x > scale.x1) {
                continue;
            }
            double sx = Math.round(scale.px(x)) + 0.5;
            g.setStroke(colour);
            g.setLineWidth(2);
            g.setLineDashes(8, 5);
            g.strokeLine(sx, top, sx, top + scale.plotH);
            g.setLineDashes();
            double tw = palette.textWidth(m.label(), font) + 8;
            double tx = sx + tw + 4 > right ? sx - tw - 4 : sx + 4;
            int lane = 0;
            while (lane < laneEnd.length && laneEnd[lane] > tx) {
                lane++;
            }
            drawn.add(m.label());
            if (lane == laneEnd.length) {
                continue; // too crowded for another label: the line alone still shows the change
            }
            laneEnd[lane] = tx + tw + 6;
            double ty = top + 4 + lane * (lineH + 4);
            g.setFill(palette.markerBackground());
            g.fillRoundRect(tx, ty, tw, lineH, 6, 6);
            g.setStroke(colour);
            g.setLineWidth(1);
            g.strokeRoundRect(tx, ty, tw, lineH, 6, 6);
            g.setFill(colour);
            g.fillText(m.label(), tx + 4, ty + 2);
        }
    }

    /** The (fractional) epoch at {@code step}, from the epoch-end points around it. */
    double epochAt(double step) {
        LossSeries s = history.epochEnds();
        int n = s.size();
        if (n == 0) {
            return Double.NaN;
        }
        int i = LossSeries.lowerBound(s.xs(false), n, step);
        double sa;
        double ea;
        double sb;
        double eb;
        if (i == 0) {
            sa = 0;
            ea = 0;
            sb = s.step(0);
            eb = s.epoch(0);
        } else if (i == n) {
            if (n == 1) {
                return s.epoch(0) * step / Math.max(1, s.step(0));
            }
            sa = s.step(n - 2);
            ea = s.epoch(n - 2);
            sb = s.step(n - 1);
            eb = s.epoch(n - 1);
        } else {
            sa = s.step(i - 1);
            ea = s.epoch(i - 1);
            sb = s.step(i);
            eb = s.epoch(i);
        }
        return sb == sa ? eb : ea + (step - sa) * (eb - ea) / (sb - sa);
    }
}
