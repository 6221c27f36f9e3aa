package org.weightlab.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Pruning masks against the rules, worked out by hand. */
class PruningTest {

    /** Layer 0: 2 -> 2, W = [[0.3, -0.1], [0.2, 0.1]]; layer 1: 2 -> 1, W = [[0.1, -0.5]]. */
    private static WeightSet tied() {
        return new WeightSet(new double[][]{{0.3, -0.1, 0.2, 0.1}, {0.1, -0.5}}, new double[][]{{0.01, 0}, {0.02}});
    }

    @Test
    void globalTiesGoByLayerThenIndex() {
        // |w| = 0.1 at (0,1), (0,3), (1,0). N = 6; s = 1/3 removes floor(2) = 2: the two in layer 0.
        PruneMask m = Pruning.magnitude(tied(), PruneScope.GLOBAL).mask(1.0 / 3);
        assertArrayEquals(new boolean[]{false, true, false, true}, m.weights(0));
        assertArrayEquals(new boolean[]{false, false}, m.weights(1));
        // s = 0.5 removes 3: all three 0.1s; s = 0.6 removes floor(3.6) = 3 as well.
        for (double s : new double[]{0.5, 0.6}) {
            PruneMask h = Pruning.magnitude(tied(), PruneScope.GLOBAL).mask(s);
            assertArrayEquals(new boolean[]{false, true, false, true}, h.weights(0));
            assertArrayEquals(new boolean[]{true, false}, h.weights(1));
            assertEquals(3, h.prunedWeights());
        }
        // s = 4/6 adds the next smallest, 0.2 at (0,2).
        assertArrayEquals(new boolean[]{false, true, true, true},
                Pruning.magnitude(tied(), PruneScope.GLOBAL).mask(4.0 / 6).weights(0));
    }

    @Test
    void perLayerPrunesTheSameFractionOfEachLayer() {
        // s = 0.5: layer 0 loses 2 of 4 (the 0.1s at 1 and 3), layer 1 loses 1 of 2 (the 0.1).
        PruneMask m = Pruning.magnitude(tied(), PruneScope.LAYER).mask(0.5);
        assertArrayEquals(new boolean[]{false, true, false, true}, m.weights(0));
        assertArrayEquals(new boolean[]{true, false}, m.weights(1));
        // s = 0.3: floor(1.2) = 1 in layer 0 (the first 0.1, index 1), floor(0.6) = 0 in layer 1.
        PruneMask p = Pruning.magnitude(tied(), PruneScope.LAYER).mask(0.3);
        assertArrayEquals(new boolean[]{false, true, false, false}, p.weights(0));
        assertArrayEquals(new boolean[]{false, false}, p.weights(1));
    }

    @Test
    void biasesAreNeverPrunedByMagnitude() {
        PruneMask m = Pruning.magnitude(tied(), PruneScope.GLOBAL).mask(1.0);
        assertEquals(6, m.prunedWeights());
        assertArrayEquals(new boolean[]{false, false}, m.biases(0));
        assertArrayEquals(new boolean[]{false}, m.biases(1));
    }

    @Test
    void countIsTheFloorOfTheDecimalProduct() {
        assertEquals(29, Pruning.count(0.29, 100)); // 0.29 * 100 = 28.999999999999996 in doubles
        assertEquals(20, Pruning.count(0.99, 21));
        assertEquals(0, Pruning.count(0.99, 1));
        assertEquals(0, Pruning.count(0.5, 1));
        assertEquals(1, Pruning.count(1, 1));
        assertEquals(0, Pruning.count(0, 7));
        assertThrows(IllegalArgumentException.class, () -> Pruning.count(1.5, 3));
        assertThrows(IllegalArgumentException.class, () -> Pruning.count(Double.NaN, 3));
    }

    @Test
    void singleWeightGoesOnlyAtFullSparsity() {
        WeightSet one = new WeightSet(new double[][]{{-0.4}}, new double[][]{{0}});
        assertEquals(0, Pruning.magnitude(one, PruneScope.GLOBAL).mask(0.99).prunedWeights());
        assertEquals(1, Pruning.magnitude(one, PruneScope.LAYER).mask(1).prunedWeights());
    }

    @Test
    void allZeroLayerGoesFirstInIndexOrder() {
        // Layer 0 is all zero (4 weights), layer 1 holds the zero at index 1: 5 zeros tie.
        WeightSet w = new WeightSet(new double[][]{{0, 0, 0, 0}, {0.7, 0}}, new double[][]{{0, 0}, {0}});
        PruneMask m = Pruning.magnitude(w, PruneScope.GLOBAL).mask(4.0 / 6);
        assertArrayEquals(new boolean[]{true, true, true, true}, m.weights(0));
        assertArrayEquals(new boolean[]{false, false}, m.weights(1));
        PruneMask all = Pruning.magnitude(w, PruneScope.GLOBAL).mask(5.0 / 6);
        assertArrayEquals(new boolean[]{false, true}, all.weights(1));
    }

    /** 2 -> 3 -> 2: the output layer's columns have norms 5, 1 and 1. */
    private static WeightSet threeHidden() {
        return new WeightSet(new double[][]{{1, 2, 3, 4, 5, 6}, {3, 1, 0, 4, 0, 1}},
                new double[][]{{0.1, 0.2, 0.3}, {0.4, 0.5}});
    }

    @Test
    void structuredRemovesTheNeuronWithTheSmallestOutgoingNormWithItsRowBiasAndColumn() {
        // Norms: neuron 0 sqrt(9 + 16) = 5, neuron 1 sqrt(1 + 0) = 1, neuron 2 sqrt(0 + 1) = 1: a tie,
        // broken by index. s = 1/3 of 3 hidden neurons removes neuron 1.
        PruneMask m = Pruning.neurons(threeHidden(), PruneScope.GLOBAL).mask(1.0 / 3);
        assertArrayEquals(new boolean[]{false, false, true, true, false, false}, m.weights(0));
        assertArrayEquals(new boolean[]{false, true, false}, m.biases(0));
        assertArrayEquals(new boolean[]{false, true, false, false, true, false}, m.weights(1));
        assertArrayEquals(new boolean[]{false, false}, m.biases(1), "output neurons are never removed");
        PruneMask two = Pruning.neurons(threeHidden(), PruneScope.LAYER).mask(2.0 / 3);
        assertArrayEquals(new boolean[]{false, true, true}, two.biases(0));
        assertArrayEquals(new boolean[]{false, true, true, false, true, true}, two.weights(1));
    }

    @Test
    void structuredGlobalRanksAcrossHiddenLayers() {
        // 1 -> 2 -> 2 -> 1. Layer 1's columns: norms 2 and 0.5; layer 2's column norms: 0.5 and 3.
        // Ties at 0.5 go by layer: neuron 1 of layer 0 before neuron 0 of layer 1.
        WeightSet w = new WeightSet(new double[][]{{1, 1}, {2, 0.5, 0, 0}, {0.5, 3}},
                new double[][]{{0, 0}, {0, 0}, {0}});
        PruneMask m = Pruning.neurons(w, PruneScope.GLOBAL).mask(0.25); // floor(4 * 0.25) = 1
        assertArrayEquals(new boolean[]{false, true}, m.biases(0));
        assertArrayEquals(new boolean[]{false, false}, m.biases(1));
        PruneMask perLayer = Pruning.neurons(w, PruneScope.LAYER).mask(0.5); // 1 of each hidden layer
        assertArrayEquals(new boolean[]{false, true}, perLayer.biases(0));
        assertArrayEquals(new boolean[]{true, false}, perLayer.biases(1));
    }

    @Test
    void networkWithoutHiddenLayersHasNoNeuronsToRemove() {
        WeightSet w = new WeightSet(new double[][]{{0.1, 0.2}}, new double[][]{{0}});
        assertEquals(0, Pruning.neurons(w, PruneScope.GLOBAL).mask(1).prunedWeights());
    }
}
