package org.weightlab.session;

/**
 * The output of every node over a {@code grid x grid} raster of the input plane [min, max]^2.
 * {@code values[layer][node]} holds {@code grid * grid} values in image order: index
 * {@code row * grid + col} is the point x1 = min + col * (max - min) / (grid - 1),
 * x2 = max - row * (max - min) / (grid - 1) (row 0 is the top). Layer 0 holds the input
 * features, layer k the activations of layer k; the last layer is the output. Floats: these
 * only feed pixels.
 */
public record FieldSnapshot(int grid, double min, double max, float[][][] values) {

    public float[] node(int layer, int node) {
        return values[layer][node];
    }
}
