package org.weightlab.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.QuantizationSpec;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;

/** A snapshot of a quantized run carries both the latent weights and the quantized ones the layer computes with. */
class QuantizedSnapshotTest {

    @Test
    void quantizedLayersCarryTheirQuantizedWeightsPlainOnesShareTheirArray() {
        RunConfig plain = RunConfig.defaults().withHidden(List.of(3), List.of());
        Trainer t = new Trainer(plain, DataGenerator.generate(plain));
        t.runSteps(3);
        for (LayerSnapshot ls : SnapshotParts.layers(t, false)) {
            assertSame(ls.weights(), ls.effectiveWeights(), "a plain layer costs no second array");
            assertFalse(ls.computesWithOtherWeights());
        }
        RunConfig ternary = plain.withExtras(plain.extras().withQuantization(new QuantizationSpec("ternary")));
        t.updateHyperparameters(ternary);
        List<LayerSnapshot> layers = SnapshotParts.layers(t, false);
        for (int l = 0; l < layers.size(); l++) {
            LayerSnapshot ls = layers.get(l);
            assertTrue(ls.computesWithOtherWeights());
            assertArrayEquals(t.network().layer(l).weightsCopy(), ls.weights(), 0.0, "W is the latent weights");
            assertArrayEquals(t.network().layer(l).effectiveWeightsCopy(), ls.effectiveWeights(), 0.0);
            double g = 0;
            for (double w : ls.weights()) {
                g += Math.abs(w) / ls.weights().length;
            }
            for (double q : ls.effectiveWeights()) {
                assertTrue(q == 0 || Math.abs(Math.abs(q) - g) < 1e-15, "ternary levels 0, +-mean|W|: " + q);
            }
        }
        assertEquals(History.byteSize(new TrainingSnapshot(0, 0, SessionState.PAUSED, ternary, ternary.features(),
                layers, 0, 0, 0, 0, 0, 0, null)) - 16 * layers.size(), History.byteSize(new TrainingSnapshot(0, 0,
                SessionState.PAUSED, ternary, ternary.features(), layers.stream().map(x -> new LayerSnapshot(
                x.inputs(), x.outputs(), x.activation(), x.weights(), x.biases(), x.weightGradients(),
                x.biasGradients(), x.weightUpdates(), x.biasUpdates(), x.frozenWeights(), x.frozenBiases(),
                x.stats())).toList(), 0, 0, 0, 0, 0, 0, null))
                + 8L * layers.stream().mapToInt(x -> x.weights().length).sum(),
                "the history counts the second array");
    }
}
