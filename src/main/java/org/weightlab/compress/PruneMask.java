package org.weightlab.compress;

import java.util.Arrays;

/**
 * Which parameters pruning removes, per layer in the engine's flat layout: {@code weights[l][o * in
 * + i]} and {@code biases[l][o]} are true where the parameter is set to 0. Magnitude pruning
 * removes weights only; structured pruning also removes a removed neuron's bias. Immutable: the
 * arrays are copied in and out, so a window can hold a mask while the engine applies it.
 */
public final class PruneMask {

    private final boolean[][] weights;
    private final boolean[][] biases;

    public PruneMask(boolean[][] weights, boolean[][] biases) {
        if (weights.length != biases.length) {
            throw new IllegalArgumentException("mask has " + weights.length + " weight layers but "
                    + biases.length + " bias layers");
        }
        this.weights = deepCopy(weights);
        this.biases = deepCopy(biases);
    }

    /** A mask that removes nothing, shaped like {@code weights} / {@code biases}. */
    public static PruneMask none(double[][] weights, double[][] biases) {
        boolean[][] w = new boolean[weights.length][];
        boolean[][] b = new boolean[biases.length][];
        for (int l = 0; l < weights.length; l++) {
            w[l] = new boolean[weights[l].length];
            b[l] = new boolean[biases[l].length];
        }
        return new PruneMask(w, b);
    }

    private static boolean[][] deepCopy(boolean[][] m) {
        boolean[][] c = new boolean[m.length][];
        for (int l = 0; l < m.length; l++) {
            c[l] = m[l].clone();
        }
        return c;
    }

    public int layerCount() {
        return weights.length;
    }

    public boolean weightPruned(int layer, int index) {
        return weights[layer][index];
    }

    public boolean biasPruned(int layer, int neuron) {
        return biases[layer][neuron];
    }

    /** Layer {@code layer}'s weight mask, {@code [o * in + i]}, a copy. */
    public boolean[] weights(int layer) {
        return weights[layer].clone();
    }

    public boolean[] biases(int layer) {
        return biases[layer].clone();
    }

    /** How many weights the mask removes. */
    public int prunedWeights() {
        int n = 0;
        for (boolean[] layer : weights) {
            for (boolean p : layer) {
                n += p ? 1 : 0;
            }
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PruneMask m && Arrays.deepEquals(weights, m.weights) && Arrays.deepEquals(biases, m.biases);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.deepHashCode(weights) + Arrays.deepHashCode(biases);
    }

    @Override
    public String toString() {
        return "PruneMask[" + prunedWeights() + " weights removed]";
    }
}
