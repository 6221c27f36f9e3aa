package org.weightlab.compress;

import java.util.Arrays;
import java.util.Comparator;
import org.weightlab.engine.Network;

/**
 * Which parameters pruning removes, as a {@link PruneMask}; nothing here changes a network.
 * <ul>
 *   <li>Magnitude, global: sort all weights of all layers by |w| ascending, ties by layer then
 *   index; remove the first floor(s * N). Per layer: the same within each layer.</li>
 *   <li>Structured: rank the hidden neurons by the L2 norm of their outgoing weights (the
 *   column of the next layer), ascending, ties by layer then index; remove the first floor(s * H)
 *   of all H hidden neurons (global) or of each hidden layer's (per layer). A removed neuron loses
 *   its incoming weights, its bias and its outgoing weights, so nothing of it reaches the output.</li>
 * </ul>
 * Biases never count towards the magnitude ranking.
 */
public final class Pruning {

    /**
     * Absorbs the rounding of s * N in floating point (0.29 * 100 = 28.999999999999996), so that
     * the count is floor of the product of the decimal numbers the user gave.
     */
    private static final double COUNT_SLACK = 1e-9;

    private Pruning() {
    }

    /** floor(s * n): how many of n items a sparsity s in [0, 1] removes. */
    public static int count(double sparsity, int n) {
        checkSparsity(sparsity);
        return (int) Math.min(n, Math.floor(sparsity * n + COUNT_SLACK));
    }

    static void checkSparsity(double s) {
        if (!(s >= 0 && s <= 1)) {
            throw new IllegalArgumentException("sparsity must be between 0 and 1, got " + s);
        }
    }

    /** Magnitude pruning of {@code network}'s weights at sparsity {@code s}. */
    public static PruneMask mask(Network network, double sparsity, PruneScope scope) {
        return magnitude(WeightSet.of(network), scope).mask(sparsity);
    }

    /** Structured pruning of {@code network}'s hidden neurons at sparsity {@code s}. */
    public static PruneMask neuronMask(Network network, double sparsity, PruneScope scope) {
        return neurons(WeightSet.of(network), scope).mask(sparsity);
    }

    /**
     * The magnitude ranking of {@code w}'s weights: masks for many sparsities (a sweep) cost one
     * sort.
     */
    public static Ranking magnitude(WeightSet w, PruneScope scope) {
        int layers = w.layerCount();
        double[][] key = new double[layers][];
        for (int l = 0; l < layers; l++) {
            key[l] = new double[w.weights[l].length];
            for (int j = 0; j < key[l].length; j++) {
                key[l][j] = Math.abs(w.weights[l][j]);
            }
        }
        return new Ranking(w, key, scope, false);
    }

    /** The structured ranking of {@code w}'s hidden neurons. */
    public static Ranking neurons(WeightSet w, PruneScope scope) {
        int hidden = w.layerCount() - 1;
        double[][] key = new double[w.layerCount()][];
        for (int l = 0; l < w.layerCount(); l++) {
            key[l] = new double[l < hidden ? w.outputs(l) : 0];
        }
        for (int l = 0; l < hidden; l++) {
            double[] next = w.weights[l + 1];
            int in = w.inputs(l + 1);
            for (int j = 0; j < in; j++) {
                double sum = 0;
                for (int o = 0; o < w.outputs(l + 1); o++) {
                    double v = next[o * in + j];
                    sum += v * v;
                }
                key[l][j] = Math.sqrt(sum);
            }
        }
        return new Ranking(w, key, scope, true);
    }

    /**
     * Items (weights, or hidden neurons) in the order pruning removes them, within one group per
     * layer or one group for all. A position is layer and index packed into a long, so that the
     * stable sort keeps ties in layer-then-index order.
     */
    public static final class Ranking {
        private final WeightSet shape;
        private final boolean neurons;
        /** Per group, positions (layer << 32 | index) by ascending key, ties in the order given. */
        private final long[][] groups;

        Ranking(WeightSet shape, double[][] key, PruneScope scope, boolean neurons) {
            this.shape = shape;
            this.neurons = neurons;
            if (scope == PruneScope.GLOBAL) {
                groups = new long[][]{sorted(key, 0, key.length)};
            } else {
                groups = new long[key.length][];
                for (int l = 0; l < key.length; l++) {
                    groups[l] = sorted(key, l, l + 1);
                }
            }
        }

        private static long[] sorted(double[][] key, int from, int to) {
            int n = 0;
            for (int l = from; l < to; l++) {
                n += key[l].length;
            }
            Long[] pos = new Long[n];
            int k = 0;
            for (int l = from; l < to; l++) {
                for (int j = 0; j < key[l].length; j++) {
                    pos[k++] = ((long) l << 32) | j;
                }
            }
            // Arrays.sort on objects is stable: equal keys keep layer-then-index order.
            Arrays.sort(pos, Comparator.comparingDouble(p -> key[(int) (p >>> 32)][(int) (long) p]));
            return Arrays.stream(pos).mapToLong(Long::longValue).toArray();
        }

        /** The first floor(s * size) items of each group, removed. */
        public PruneMask mask(double sparsity) {
            checkSparsity(sparsity);
            boolean[][] w = new boolean[shape.layerCount()][];
            boolean[][] b = new boolean[shape.layerCount()][];
            for (int l = 0; l < w.length; l++) {
                w[l] = new boolean[shape.weights[l].length];
                b[l] = new boolean[shape.biases[l].length];
            }
            for (long[] group : groups) {
                int cut = count(sparsity, group.length);
                for (int k = 0; k < cut; k++) {
                    int l = (int) (group[k] >>> 32);
                    int j = (int) group[k];
                    if (neurons) {
                        removeNeuron(l, j, w, b);
                    } else {
                        w[l][j] = true;
                    }
                }
            }
            return new PruneMask(w, b);
        }

        /** Neuron j of hidden layer l: its row in layer l, its bias, its column in layer l + 1. */
        private void removeNeuron(int l, int j, boolean[][] w, boolean[][] b) {
            int in = shape.inputs(l);
            Arrays.fill(w[l], j * in, (j + 1) * in, true);
            b[l][j] = true;
            int nextIn = shape.inputs(l + 1);
            for (int o = 0; o < shape.outputs(l + 1); o++) {
                w[l + 1][o * nextIn + j] = true;
            }
        }
    }
}
