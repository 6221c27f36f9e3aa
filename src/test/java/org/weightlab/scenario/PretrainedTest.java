package org.weightlab.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.weightlab.engine.Network;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.LoraSpec;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;

/** The built-in pre-trained starts and "Save as pre-trained". */
class PretrainedTest {

    @TempDir
    Path dir;

    @Test
    void eachBuiltInStartHoldsTheFinalWeightsOfAFreshRunOfItsRecipe() throws Exception {
        List<Pretrained.Entry> entries = Pretrained.builtIn();
        assertEquals(PretrainedLibrary.SPECS.stream().map(PretrainedLibrary.Spec::name).toList(),
                entries.stream().map(Pretrained.Entry::name).toList());
        for (int k = 0; k < entries.size(); k++) {
            Pretrained.Entry e = entries.get(k);
            PretrainedLibrary.Spec spec = PretrainedLibrary.SPECS.get(k);
            assertEquals(spec.config(), e.scenario().config(), e.name());
            assertFalse(e.title().isBlank());
            assertTrue(e.summary().contains(spec.dataset().id()), e.summary());
            Network fresh = spec.train().network();
            Network opened = e.scenario().initial().toNetwork(e.scenario().config());
            for (int l = 0; l < fresh.layerCount(); l++) {
                assertArrayEquals(fresh.layer(l).weightsCopy(), opened.layer(l).weightsCopy(), 0.0, e.name() + " layer " + l);
                assertArrayEquals(fresh.layer(l).biasesCopy(), opened.layer(l).biasesCopy(), 0.0, e.name() + " layer " + l);
            }
            // opened as a start: step 0, and already good at its own task
            Trainer t = new Trainer(e.scenario().config(), DataGenerator.generate(e.scenario().config()), opened);
            assertEquals(0, t.stepCount());
            assertTrue(t.evaluate().testAccuracy() > 0.9, e.name() + ": test accuracy " + t.evaluate().testAccuracy());
        }
    }

    @Test
    void aSavedPretrainedStartReopensWithIdenticalWeightsFrozenPartsAndTitle() throws Exception {
        RunConfig c = PretrainedLibrary.SPECS.get(0).config();
        Trainer t = new Trainer(c, DataGenerator.generate(c));
        t.freezeLayer(0, true);
        t.freezeBias(1, 3, true);
        t.runEpochs(3);
        Scenario saved = Pretrained.of(new Scenario(c, NetworkState.of(t.network()), null), " My start ",
                "trained on circle\nfor 3 epochs");
        Path file = dir.resolve("mine.json");
        ScenarioFile.write(saved, file);
        Scenario back = ScenarioFile.read(file);
        assertEquals(saved.initial(), back.initial(), "weights, biases and frozen flags");
        assertEquals("My start", back.lesson().title());
        assertEquals("trained on circle for 3 epochs", back.lesson().summary());
        Network n = back.initial().toNetwork(back.config());
        assertArrayEquals(t.network().layer(1).weightsCopy(), n.layer(1).weightsCopy(), 0.0);
        assertTrue(n.layer(0).weightFrozen(0, 0));
        assertTrue(n.layer(1).biasFrozen(3));
        assertFalse(n.layer(1).biasFrozen(2));
    }

    @Test
    void aStartIsRefusedWithoutWeightsOrWithUnmergedAdapters() {
        RunConfig c = RunConfig.defaults();
        assertThrows(IllegalArgumentException.class, () -> Pretrained.of(Scenario.of(c), "t", ""));
        RunConfig adapted = c.withLora(List.of(new LoraSpec(0, 1, 1.0)));
        Trainer t = new Trainer(c, DataGenerator.generate(c));
        Scenario s = new Scenario(adapted, NetworkState.of(t.network()), null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pretrained.of(s, "t", ""));
        assertTrue(e.getMessage().contains("merge"), e.getMessage());
    }
}
