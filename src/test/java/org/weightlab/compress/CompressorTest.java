package org.weightlab.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.Layer;
import org.weightlab.engine.Network;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.LossKind;

class CompressorTest {

    /** One layer 4 -> 1 and one 1 -> 1, so each layer's quantization is easy to follow. */
    private static WeightSet weights() {
        return new WeightSet(new double[][]{{4, -1, 0.5, 2}, {-3}}, new double[][]{{0.123}, {-0.456}});
    }

    @Test
    void pruningComesBeforeQuantization() {
        // Per layer s = 0.5: layer 0 loses 0.5 and -1 -> [4, 0, 0, 2]; layer 1 (one weight) keeps it.
        // 2 bits: scale = 4 (the max after pruning): 2 / 4 = 0.5 -> 0 (half to even) -> [4, 0, 0, 0].
        PruneMask mask = Pruning.magnitude(weights(), PruneScope.LAYER).mask(0.5);
        WeightSet c = Compressor.apply(weights(), mask, QuantSpec.BITS2);
        assertArrayEquals(new double[]{4, 0, 0, 0}, c.weights(0));
        assertArrayEquals(new double[]{-3}, c.weights(1));
        assertArrayEquals(new double[]{0.123}, c.biases(0), "biases keep full precision");
        assertArrayEquals(new double[]{-0.456}, c.biases(1));
    }

    @Test
    void binaryAfterPruningKeepsPrunedWeightsAtZero() {
        // [4, 0, 0, 2]: mean|W| = 1.5 -> [1.5, 1.5, 1.5, 1.5] by the formula, pruned ones back to 0.
        PruneMask mask = Pruning.magnitude(weights(), PruneScope.LAYER).mask(0.5);
        WeightSet c = Compressor.apply(weights(), mask, QuantSpec.BINARY);
        assertArrayEquals(new double[]{1.5, 0, 0, 1.5}, c.weights(0));
        assertEquals(3, c.nonzeroWeights());
    }

    @Test
    void quantizationIsPerLayer() {
        // 4 bits without pruning: layer 0 scale 4/7, layer 1 (single weight) scale 3/7.
        WeightSet c = Compressor.apply(weights(), null, QuantSpec.BITS4);
        double s0 = 4.0 / 7;
        assertArrayEquals(new double[]{7 * s0, -2 * s0, 1 * s0, 4 * s0}, c.weights(0), 1e-15);
        assertArrayEquals(new double[]{-3}, c.weights(1), 1e-15);
    }

    @Test
    void structuredMaskAlsoZerosTheBias() {
        WeightSet w = new WeightSet(new double[][]{{1, 2}, {0.1, 5}}, new double[][]{{0.3, 0.4}, {0.5}});
        PruneMask mask = Pruning.neurons(w, PruneScope.GLOBAL).mask(0.5);
        WeightSet c = Compressor.apply(w, mask, null);
        assertArrayEquals(new double[]{0, 2}, c.weights(0));
        assertArrayEquals(new double[]{0, 0.4}, c.biases(0));
        assertArrayEquals(new double[]{0, 5}, c.weights(1));
        assertArrayEquals(new double[]{0.5}, c.biases(1));
    }

    @Test
    void networkIsOnlyReadAndTheCopyKeepsShapeAndFrozenMasks() {
        Layer hidden = Layer.of(2, 2, ActivationKind.TANH, new double[]{0.5, -0.25, 0.125, 1}, new double[]{0.1, 0.2},
                new boolean[]{true, false, false, false}, new boolean[]{false, true});
        Layer out = Layer.of(2, 1, ActivationKind.TANH, new double[]{-2, 0.75}, new double[]{0.3}, null, null);
        Network net = new Network(List.of(Feature.X1, Feature.X2), LossKind.MSE, List.of(hidden, out));
        Network before = net.copy();
        Network c = Compressor.apply(net, new CompressionSpec(0.5, PruneScope.GLOBAL, QuantSpec.TERNARY));
        for (int l = 0; l < 2; l++) {
            assertArrayEquals(before.layer(l).weightsCopy(), net.layer(l).weightsCopy());
            assertArrayEquals(before.layer(l).biasesCopy(), net.layer(l).biasesCopy());
        }
        assertEquals(true, c.sameTopology(net));
        assertArrayEquals(hidden.frozenWeightsCopy(), c.layer(0).frozenWeightsCopy());
        assertArrayEquals(hidden.frozenBiasesCopy(), c.layer(0).frozenBiasesCopy());
        // Global s = 0.5 of 6: |w| sorted 0.125, 0.25, 0.5, 0.75, 1, 2 -> the first three go.
        // Ternary, layer 0 [0, 0, 0, 1]: g = 0.25 -> 1 / 0.25 = 4 -> 1 -> [0, 0, 0, 0.25].
        // Layer 1 [-2, 0.75]: g = 1.375: -2 / 1.375 = -1.45 -> -1; 0.75 / 1.375 = 0.545 -> 1.
        assertArrayEquals(new double[]{0, 0, 0, 0.25}, c.layer(0).weightsCopy());
        assertArrayEquals(new double[]{-1.375, 1.375}, c.layer(1).weightsCopy());
    }
}
