package org.weightlab.ui.network;

import javafx.scene.paint.Color;
import javafx.scene.shape.CubicCurve;
import org.weightlab.ui.theme.DivergingColorMap;

/**
 * One weight: where its curve runs and how it looks (drawn into the graph image), and an
 * invisible curve node of its own for hovering and clicking.
 */
final class EdgeNode {
    /** Thinnest edge, so a zero weight is still there to hover and click. */
    static final double MIN_WIDTH = 0.7;
    /** Width of the invisible curve that catches the mouse. */
    static final double HIT_WIDTH = 9;
    static final Color HOVER_HALO = Color.rgb(120, 120, 120, 0.3);
    /** Drawn around the selected edge: a translucent amber that reads on both themes. */
    static final Color SELECTION_GLOW = Color.rgb(255, 190, 0, 0.45);

    final EdgeRef ref;
    /** A wide transparent twin of the drawn edge, so thin edges are easy to hover and click. */
    final CubicCurve hit = new CubicCurve();
    // The drawn curve, in the graph's coordinates: from (x1, y1) to (x2, y2), controls at x mx.
    double x1;
    double y1;
    double mx;
    double x2;
    double y2;
    Color color = Color.TRANSPARENT;
    int argb;
    double width = MIN_WIDTH;
    boolean dashed;
    boolean selected;
    /** Not drawn and not hoverable: a what-if removes this weight (pruning preview). */
    boolean hidden;

    EdgeNode(EdgeRef ref) {
        this.ref = ref;
        hit.getStyleClass().add(StyleClasses.EDGE_CLASS);
        hit.setFill(null);
        hit.setStroke(Color.TRANSPARENT);
        hit.setStrokeWidth(HIT_WIDTH);
        // Drawn only while it shows a halo: a transparent 9 px curve still costs rasterizing on
        // every frame the edges change. Opacity 0 keeps it pickable.
        hit.setOpacity(0);
        hit.setId("edge-" + ref.layer() + "-" + ref.out() + "-" + ref.in());
    }

    /** Hides the edge (a removed weight) or shows it again; true when that changed. */
    boolean hide(boolean on) {
        if (on == hidden) {
            return false;
        }
        hidden = on;
        hit.setMouseTransparent(on);
        return true;
    }

    /** Takes a new look; true when it differs from the one drawn. */
    boolean restyle(Color c, double w, boolean frozen) {
        if (c.equals(color) && w == width && frozen == dashed) {
            return false;
        }
        color = c;
        argb = DivergingColorMap.argb(c);
        width = w;
        if (frozen != dashed) {
            dashed = frozen;
            StyleClasses.set(hit, StyleClasses.FROZEN_CLASS, frozen);
        }
        return true;
    }

    /** Moves the curve; true when it moved. */
    boolean place(double ax, double ay, double cx, double bx, double by) {
        if (ax == x1 && ay == y1 && cx == mx && bx == x2 && by == y2) {
            return false;
        }
        x1 = ax;
        y1 = ay;
        mx = cx;
        x2 = bx;
        y2 = by;
        hit.setStartX(ax);
        hit.setStartY(ay);
        hit.setControlX1(cx);
        hit.setControlY1(ay);
        hit.setControlX2(cx);
        hit.setControlY2(by);
        hit.setEndX(bx);
        hit.setEndY(by);
        return true;
    }

    /** Shows or hides the hover halo (the selection glow wins). */
    void hover(boolean on) {
        if (!selected) {
            hit.setStroke(on ? HOVER_HALO : Color.TRANSPARENT);
            hit.setOpacity(on ? 1 : 0);
        }
    }

    /** Shows or hides the selection glow, a little wider than the widest edge. */
    void select(boolean on, double maxEdgeWidth) {
        selected = on;
        hit.setStroke(on ? SELECTION_GLOW : Color.TRANSPARENT);
        hit.setStrokeWidth(on ? maxEdgeWidth + 8 : HIT_WIDTH);
        hit.setOpacity(on ? 1 : 0);
    }
}
