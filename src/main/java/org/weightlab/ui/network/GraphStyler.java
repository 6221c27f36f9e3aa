package org.weightlab.ui.network;

import javafx.scene.paint.Color;
import org.weightlab.session.FieldSnapshot;
import org.weightlab.session.LayerSnapshot;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.theme.DivergingColorMap;
import org.weightlab.ui.theme.Palette;

/**
 * Gives a drawing's parts the look of a snapshot, every snapshot: each edge's colour, width and
 * dash, each bias mark's fill and frame, the locks of frozen neurons and layers, and each
 * neuron's thumbnail.
 */
final class GraphStyler {
    /** Every mode's largest |value| is at least this, so an all-zero mode draws thin edges, not noise. */
    static final double MIN_SCALE = 1e-9;

    private final Palette palette;
    private final NeuronThumbnails thumbnails;

    GraphStyler(Palette palette, NeuronThumbnails thumbnails) {
        this.palette = palette;
        this.thumbnails = thumbnails;
    }

    /** Restyles {@code parts} for {@code s} in {@code mode}; true when the graph image must be drawn again. */
    boolean restyle(TrainingSnapshot s, GraphParts parts, EdgeMode mode, double maxEdgeWidth) {
        DivergingColorMap map = palette.weightMap();
        double max = Math.max(GraphValues.maxAbs(s, mode), MIN_SCALE);
        double widthRange = Math.max(maxEdgeWidth - EdgeNode.MIN_WIDTH, 0);
        Color frozenColor = palette.frozenColor();
        FieldSnapshot field = s.field();
        boolean changed = false;
        for (int l = 0; l < parts.edges.length; l++) {
            LayerSnapshot ls = s.layers().get(l);
            double[] w = GraphValues.weightValues(ls, mode);
            boolean[] fw = ls.frozenWeights();
            EdgeNode[] le = parts.edges[l];
            for (int k = 0; k < le.length; k++) {
                double v = w == null ? 0 : w[k];
                Color color;
                double width;
                if (Double.isFinite(v)) {
                    double t = Math.abs(v) / max;
                    color = edgeColor(map, v, t);
                    // Quarter-pixel steps: the image is redrawn only when some edge visibly changed.
                    width = Math.round((EdgeNode.MIN_WIDTH + widthRange * t) * 4) / 4.0;
                } else {
                    color = map.notANumber();
                    width = EdgeNode.MIN_WIDTH;
                }
                changed |= le[k].restyle(color, width, fw != null && fw[k]);
                changed |= le[k].hide(ls.removed(k));
            }
            double[] b = GraphValues.biasValues(ls, mode);
            for (int o = 0; o < parts.neurons[l].length; o++) {
                NeuronNode n = parts.neurons[l][o];
                double v = b == null ? 0 : b[o];
                n.bias.setFill(Double.isFinite(v) ? edgeColor(map, v, Math.abs(v) / max) : map.notANumber());
                boolean biasFrozen = ls.frozenBiases() != null && ls.frozenBiases()[o];
                n.bias.setStroke(biasFrozen ? frozenColor : palette.inkColor());
                StyleClasses.set(n.bias, StyleClasses.FROZEN_CLASS, biasFrozen);
                boolean neuronFrozen = GraphValues.neuronFrozen(ls, o);
                n.lockBox.setVisible(neuronFrozen);
                StyleClasses.set(n.frame, StyleClasses.FROZEN_CLASS, neuronFrozen);
                changed |= thumbnails.paintNeuron(n, ls, field, l + 1);
            }
            parts.headers[l].showFrozen(GraphValues.layerFrozen(ls));
        }
        return changed;
    }

    /** Colour of an edge or bias: its sign, at least a third saturated so thin edges keep their sign. */
    private static Color edgeColor(DivergingColorMap map, double v, double t) {
        if (v == 0) {
            return map.color(0);
        }
        return map.color(Math.signum(v) * (0.35 + 0.65 * Math.min(t, 1)));
    }
}
