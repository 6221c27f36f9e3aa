package org.weightlab.ui.inspector;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;
import org.weightlab.ui.theme.PaletteColor;

/**
 * The incoming weights of one neuron as horizontal bars around zero (blue positive, orange
 * negative), its bias as the last bar; frozen bars are drawn hatched-grey outlined and the
 * selected edge's bar is outlined.
 */
final class IncomingWeightsView extends CanvasPane {

    private static final int LABEL_WIDTH = 30;
    private static final int VALUE_WIDTH = 40;

    private String[] tags = new String[0];
    private double[] values = new double[0];
    private boolean[] frozen = new boolean[0];
    private int selected = -1;

    IncomingWeightsView() {
        super(260, 150);
        getStyleClass().add("wl-incoming-weights");
    }

    /** {@code values} holds the weights then the bias; {@code tags} one label each. */
    void setData(String[] tags, double[] values, boolean[] frozen, int selected) {
        this.tags = tags;
        this.values = values;
        this.frozen = frozen;
        this.selected = selected;
        redraw();
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        int n = values.length;
        if (n == 0) {
            text(g, "Click a cell, a bias or an edge in the graph", w / 2, h / 2, TextAlignment.CENTER, VPos.CENTER,
                    palette.inkColor());
            return;
        }
        double m = DivergingScale.symmetricMax(values);
        if (m == 0) {
            m = 1;
        }
        double row = Math.min(22, h / n);
        // Below this a label per bar is unreadable (784 inputs): bars only, the selected one labelled.
        boolean labels = row >= 11;
        // Margins fit the longest tag and the longest value written.
        double tagWidth = LABEL_WIDTH;
        double valueWidth = VALUE_WIDTH;
        for (int i = 0; i < n; i++) {
            if (labels || i == selected || i == n - 1) {
                tagWidth = Math.max(tagWidth, textWidth(tags[i]) + 10);
                valueWidth = Math.max(valueWidth, textWidth(Double.isFinite(values[i]) ? num(values[i]) : "NaN") + 10);
            }
        }
        double x0 = tagWidth;
        double x1 = Math.max(x0 + 20, w - valueWidth);
        double mid = (x0 + x1) / 2;
        g.setStroke(palette.color(PaletteColor.GUIDE));
        g.strokeLine(mid + 0.5, 0, mid + 0.5, row * n);
        for (int i = 0; i < n; i++) {
            double y = i * row;
            double v = values[i];
            if (labels || i == selected || i == n - 1) {
                text(g, tags[i], x0 - 6, y + row / 2, TextAlignment.RIGHT, VPos.CENTER, palette.inkColor());
            }
            if (!Double.isFinite(v)) {
                g.setFill(palette.notANumberColor());
                g.fillRect(x0, y + 2, x1 - x0, row - 4);
                text(g, "NaN", x1 + 6, y + row / 2, TextAlignment.LEFT, VPos.CENTER, palette.inkColor());
                continue;
            }
            double len = Math.abs(v) / m * (x1 - mid);
            double bx = v >= 0 ? mid : mid - len;
            g.setFill(palette.color(v >= 0 ? PaletteColor.WEIGHT_POSITIVE : PaletteColor.WEIGHT_NEGATIVE));
            double inset = labels ? 3 : 0;
            g.fillRect(bx, y + inset, Math.max(1, len), Math.max(0.5, row - 2 * inset));
            if (i < frozen.length && frozen[i]) {
                g.setStroke(palette.color(PaletteColor.FROZEN_HATCH));
                g.setLineWidth(1);
                g.setLineDashes(3, 2);
                g.strokeRect(bx + 0.5, y + 3.5, Math.max(1, len) - 1, row - 7);
                g.setLineDashes();
            }
            if (i == selected) {
                g.setStroke(palette.color(PaletteColor.SELECTION));
                g.setLineWidth(2.5);
                g.strokeRect(bx - 1, y + 1.5, Math.max(1, len) + 2, row - 3);
                g.setLineWidth(1);
            }
            if (labels || i == selected || i == n - 1) {
                text(g, num(v), x1 + 6, y + row / 2, TextAlignment.LEFT, VPos.CENTER, palette.inkColor());
            }
        }
    }
}
