package org.weightlab.ui.digits;

import org.weightlab.session.LayerSnapshot;

/**
 * A first-layer neuron's incoming weights as a picture: on 8x8 digits, input {@code r * 8 + c} is
 * the pixel in row r (top row first), column c, so the neuron's weights laid out the same way show
 * which ink raises its sum (positive) and which lowers it (negative): what the neuron looks for.
 */
public final class WeightPictures {

    private WeightPictures() {
    }

    /** Neuron {@code o}'s incoming weights, row-major with the top row first (a new array). */
    public static double[] incoming(LayerSnapshot first, int o) {
        int side = InkReduction.CELLS;
        if (first.inputs() != side * side) {
            throw new IllegalArgumentException("a weight picture needs " + side * side + " inputs, the layer has "
                    + first.inputs());
        }
        double[] picture = new double[side * side];
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                picture[r * side + c] = first.weight(o, r * side + c);
            }
        }
        return picture;
    }

    /** The largest magnitude in {@code v}: the value drawn at full colour; 0 for an all-zero picture. */
    public static double range(double[] v) {
        double m = 0;
        for (double x : v) {
            if (Double.isFinite(x)) {
                m = Math.max(m, Math.abs(x));
            }
        }
        return m;
    }
}
