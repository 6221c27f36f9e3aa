package org.weightlab.ui.heatmap;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.weightlab.engine.data.Dataset;
import org.weightlab.ui.theme.Palette;

/**
 * Draws data points the one way the output view shows them: training points filled with a white
 * edge, test points as rings with a dark edge, coloured by their label.
 */
final class DataPoints {

    /** Where a point of a set is drawn, in canvas pixels. */
    interface Place {
        double x(Dataset set, int i);

        double y(Dataset set, int i);
    }

    private DataPoints() {
    }

    /** The radius of a point in a plot {@code size} pixels wide. */
    static double radius(double size) {
        return Math.max(2.5, size / 110);
    }

    /**
     * Draws {@code set}; {@code classes} is 3 for three classes, 2 for -1/+1, 0 for regression
     * coloured by label / {@code labelRange}.
     */
    static void draw(GraphicsContext g, Palette palette, Dataset set, Place place, double r, int classes,
                     double labelRange, boolean filled) {
        draw(g, palette, set, place, r, classes, labelRange, filled, Color.WHITE);
    }

    /**
     * As above, filled points ringed in {@code outline}: white on a coloured field, the ink colour on a
     * plain plot (where a value near zero has a fill close to the background's).
     */
    static void draw(GraphicsContext g, Palette palette, Dataset set, Place place, double r, int classes,
                     double labelRange, boolean filled, Color outline) {
        if (set == null) {
            return;
        }
        Color dark = palette.inkColor();
        double lw = g.getLineWidth();
        for (int i = 0; i < set.size(); i++) {
            double x = place.x(set, i);
            double y = place.y(set, i);
            Color c = color(palette, set.label(i), classes, labelRange);
            if (filled) {
                g.setFill(c);
                g.fillOval(x - r, y - r, 2 * r, 2 * r);
                g.setStroke(outline);
                g.strokeOval(x - r, y - r, 2 * r, 2 * r);
            } else {
                g.setStroke(dark);
                g.setLineWidth(lw + 2);
                g.strokeOval(x - r, y - r, 2 * r, 2 * r);
                g.setStroke(c);
                g.setLineWidth(lw);
                g.strokeOval(x - r, y - r, 2 * r, 2 * r);
            }
        }
    }

    static Color color(Palette palette, double label, int classes, double labelRange) {
        if (!Double.isFinite(label)) {
            return palette.notANumberColor();
        }
        if (classes == 0) {
            return palette.classMap().color(label / labelRange);
        }
        if (classes == 3) {
            return palette.classColor((int) Math.round(label));
        }
        return palette.classColor(label > 0 ? 1 : -1);
    }
}
