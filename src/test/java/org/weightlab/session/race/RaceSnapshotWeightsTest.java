package org.weightlab.session.race;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.Layer;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.session.LayerSnapshot;

/** A race's moments are built as the window's are: the pictures show the weights each run computes with. */
class RaceSnapshotWeightsTest {

    @Test
    void aQuantizedRunsSnapshotCarriesItsQuantizedWeights() {
        RunConfig c = RunConfig.defaults();
        DataSplit data = DataGenerator.generate(c);
        Trainer pre = new Trainer(c, data);
        pre.runSteps(30);
        Race race = Race.fork(pre.checkpoint(), data, RaceSetting.QUANTIZATION, List.of("none", "binary"));
        race.runEpochs(2);
        RaceSnapshot s = race.snapshot(false, true);
        for (int l = 0; l < race.trainer(1).network().layerCount(); l++) {
            Layer live = race.trainer(1).network().layer(l);
            LayerSnapshot shown = s.runs().get(1).moment().layers().get(l);
            assertArrayEquals(live.effectiveWeightsCopy(), shown.effectiveWeights(), 0.0);
            assertArrayEquals(live.weightsCopy(), shown.weights(), 0.0);
            assertFalse(Arrays.equals(shown.weights(), shown.effectiveWeights()),
                    "binary weights differ from the latent ones of layer " + l);
            long distinct = Arrays.stream(shown.effectiveWeights()).map(Math::abs).distinct().count();
            assertTrue(distinct <= 1, "binary weights of layer " + l + " are one magnitude, got " + distinct);
            LayerSnapshot plain = s.runs().get(0).moment().layers().get(l);
            assertSame(plain.weights(), plain.effectiveWeights(), "a full-precision run computes with W itself");
        }
    }
}
