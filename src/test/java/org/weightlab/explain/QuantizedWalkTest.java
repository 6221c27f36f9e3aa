package org.weightlab.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.Layer;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.LoraSpec;
import org.weightlab.engine.config.QuantizationSpec;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataSplit;

/** The step-through of a layer that computes with other weights: quantized ones, or W plus a LoRA adapter. */
class QuantizedWalkTest {

    private static Stage firstForward(StepThroughModel m) {
        for (Stage s : m.stages()) {
            if (s.phase() == Phase.FORWARD) {
                return s;
            }
        }
        throw new AssertionError("no forward stage");
    }

    /** z = sum of the shown w_i * in_i + b, term by term, with the weights read off the stage. */
    private static double shownSum(Stage s, int inputs) {
        double z = s.value("b");
        for (int i = 0; i < inputs; i++) {
            z += s.value("w" + i) * s.value("in" + i);
        }
        return z;
    }

    @Test
    void quantizedLayerShowsItsQuantizedWeightsAndTheStepStaysTheEngines() {
        RunConfig plain = Runs.tanhMse(Runs.sgd(0.1));
        RunConfig c = plain.withExtras(plain.extras().withQuantization(new QuantizationSpec("binary")));
        DataSplit d = Runs.data(c);
        Trainer live = Runs.trained(c, d, 4);
        StepThroughModel m = StepThroughModel.fromCheckpoint(live.checkpoint(), d);
        Stage s = firstForward(m);
        Layer first = m.network().layer(0);
        double[] q = first.effectiveWeightsCopy();
        for (int i = 0; i < first.inputs(); i++) {
            assertEquals(q[i], s.value("w" + i), 0.0, "w" + i + " is the quantized weight");
        }
        assertFalse(q[0] == first.weight(0, 0), "and differs from the latent one");
        assertEquals(s.value("z"), shownSum(s, first.inputs()), 1e-12, "the shown terms add up to z");
        assertTrue(s.text().contains("quantized weights (binary)"), s.text());
        double[][] shownW = new double[3][];
        for (int l = 0; l < 3; l++) {
            shownW[l] = m.shownNewWeights(l);
        }
        StepThroughModel.ApplyResult r = m.apply();
        live.step();
        assertTrue(r.matchesShown(), r.message());
        for (int l = 0; l < 3; l++) {
            assertArrayEquals(live.network().layer(l).weightsCopy(), shownW[l], 0.0, "latent weights after the step");
        }
    }

    @Test
    void adaptedLayerShowsTheAdaptersShareOfZ() {
        RunConfig c = Runs.tanhMse(Runs.sgd(0.1)).withLora(List.of(new LoraSpec(0, 2, 4.0)));
        DataSplit d = Runs.data(c);
        Trainer live = Runs.trained(c, d, 6); // B moves away from 0
        StepThroughModel m = StepThroughModel.fromCheckpoint(live.checkpoint(), d);
        Stage s = firstForward(m);
        Layer first = m.network().layer(0);
        double[] delta = first.adapter().deltaCopy();
        double share = 0;
        for (int i = 0; i < first.inputs(); i++) {
            share += delta[i] * s.value("in" + i);
        }
        assertTrue(share != 0, "the adapter has learned something");
        assertEquals(share, s.value("loraShare"), 1e-15);
        assertEquals(2.0, s.value("loraScale"), 0.0);
        assertEquals(s.value("z"), shownSum(s, first.inputs()), 1e-12, "W' terms add up to z");
        assertTrue(s.text().contains("LoRA adapter"), s.text());
    }
}
