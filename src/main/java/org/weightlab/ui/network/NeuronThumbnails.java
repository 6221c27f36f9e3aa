package org.weightlab.ui.network;

import javafx.scene.image.PixelFormat;
import org.weightlab.session.FieldSnapshot;
import org.weightlab.session.LayerSnapshot;
import org.weightlab.ui.theme.DivergingColorMap;
import org.weightlab.ui.theme.FieldPainter;
import org.weightlab.ui.theme.FieldRange;
import org.weightlab.ui.theme.Palette;

/** Paints the nodes' thumbnails: each input's feature, and each neuron's output over the input square. */
final class NeuronThumbnails {

    private final Palette palette;
    private final FieldPainter painter = new FieldPainter();
    /** One buffer for every input thumbnail: each is copied into its image by one setPixels call. */
    private final int[] inputPixels = new int[InputNode.THUMB * InputNode.THUMB];
    /** Neuron thumbnails painted so far (tests read them). */
    private long paints;

    NeuronThumbnails(Palette palette) {
        this.palette = palette;
    }

    long paints() {
        return paints;
    }

    /** The inputs' thumbnails: each feature over the field's square (null field: the default square). */
    void paintInputs(InputNode[] inputs, FieldSnapshot f) {
        if (inputs.length == 0) {
            return;
        }
        double lo = f == null ? -6 : f.min();
        double hi = f == null ? 6 : f.max();
        int grid = InputNode.THUMB;
        float[] values = new float[grid * grid];
        DivergingColorMap map = palette.classMap();
        for (InputNode in : inputs) {
            if (in.feature == null) { // a data column: no picture over a 2-D plane
                java.util.Arrays.fill(values, 0f);
                painter.paint(values, grid, FieldRange.SIGNED_UNIT, map, inputPixels, grid);
                in.image.getPixelWriter().setPixels(0, 0, grid, grid, PixelFormat.getIntArgbPreInstance(), inputPixels,
                        0, grid);
                continue;
            }
            for (int r = 0; r < grid; r++) {
                double x2 = hi - r * (hi - lo) / (grid - 1);
                for (int c = 0; c < grid; c++) {
                    double x1 = lo + c * (hi - lo) / (grid - 1);
                    values[r * grid + c] = (float) in.feature.apply(x1, x2);
                }
            }
            // each feature is scaled to its own size, so x1 and x1^2 both span the colours
            double m = FieldRange.maxAbs(values);
            FieldRange range = m > 0 ? new FieldRange(-m, m) : FieldRange.SIGNED_UNIT;
            painter.paint(values, grid, range, map, inputPixels, grid);
            in.image.getPixelWriter().setPixels(0, 0, grid, grid, PixelFormat.getIntArgbPreInstance(), inputPixels, 0,
                    grid);
        }
    }

    /**
     * Paints a neuron's thumbnail (its field over the input square) at its drawn size; false when
     * the picture it has is still right (the same field: snapshots come faster than fields).
     */
    boolean paintNeuron(NeuronNode n, LayerSnapshot ls, FieldSnapshot field, int fieldLayer) {
        if (n.thumbSize == 0) {
            return false; // not laid out yet
        }
        float[] values = null;
        int grid = 0;
        if (field != null && fieldLayer < field.values().length && n.index < field.values()[fieldLayer].length) {
            values = field.node(fieldLayer, n.index);
            grid = field.grid();
        }
        if (values == null && n.painted) {
            return false; // keep the last picture while fields are off
        }
        long revision = palette.revisionProperty().get();
        if (n.paintedRevision == revision && n.paintedValues == values && n.paintedActivation == ls.activation()) {
            return false;
        }
        FieldRange range = FieldRange.forActivation(ls.activation(), values);
        painter.paint(values, grid, range, palette.classMap(), n.thumb, n.thumbSize);
        n.painted = values != null;
        n.paintedValues = values;
        n.paintedActivation = ls.activation();
        n.paintedRevision = revision;
        paints++;
        return true;
    }
}
