package org.weightlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.LoraSpec;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.OptimizerKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;

/** The config's "lora" and a layer's "lora" entry in run exports: written, read back, replayed, refused when wrong. */
class LoraFileTest {

    private static final RunConfig CONFIG = RunConfig.defaults().withHidden(List.of(4, 3), List.of())
            .withOptimizer(OptimizerConfig.defaults(OptimizerKind.ADAM, 0.02))
            .withLora(List.of(new LoraSpec(1, 2, 4.0), new LoraSpec(2, 1, 1.0)));

    private static RunExport run(RunConfig c, int epochs) {
        DataSplit data = DataGenerator.generate(c);
        Trainer t = new Trainer(c, data);
        NetworkState initial = NetworkState.of(t.network());
        t.runEpochs(epochs);
        return new RunExport(c, data, initial, NetworkState.of(t.network()), List.of());
    }

    @Test
    void adaptersTravelInTheRunExportAndTheRunReplaysFromIt() throws ScenarioException {
        RunExport run = run(CONFIG, 2);
        String json = RunExportFile.toJson(run);
        assertTrue(json.contains("{\"layer\": 1, \"rank\": 2, \"alpha\": 4.0}"), json.substring(json.indexOf("\"lora\""), json.indexOf("\"lora\"") + 200));
        RunExport back = RunExportFile.parse(json, "run.json");
        assertEquals(CONFIG.lora(), back.config().lora());
        assertEquals(run.initial(), back.initial());
        assertEquals(run.fin(), back.fin());
        LoraState fin = back.fin().layers().get(1).lora();
        assertNotNull(fin);
        assertEquals(2, fin.a().length);
        assertEquals(4, fin.a()[0].length, "A: rank rows of the layer's 4 inputs");
        assertEquals(3, fin.b().length, "B: one row per neuron");
        assertNull(back.fin().layers().get(0).lora());
        assertFalse(fin.equals(back.initial().layers().get(1).lora()), "the adapter trained");
        // Replay: from the file's initial state and config, two epochs give the file's final state bit for bit.
        Trainer again = new Trainer(back.config(), back.data(), back.initial().toNetwork(back.config()));
        again.runEpochs(2);
        assertEquals(back.fin(), NetworkState.of(again.network()));
    }

    @Test
    void filesWithoutAdaptersOpenAsBefore() throws ScenarioException {
        RunExport plain = run(RunConfig.defaults(), 1);
        String json = RunExportFile.toJson(plain);
        assertFalse(json.contains("lora"));
        RunExport back = RunExportFile.parse(json, "run.json");
        assertEquals(plain.fin(), back.fin());
        assertTrue(back.config().lora().isEmpty());
    }

    private static String refusal(String from, String to) throws ScenarioException {
        String json = RunExportFile.toJson(run(CONFIG, 1));
        assertTrue(json.contains(from), from);
        String bad = json.replace(from, to);
        return assertThrows(ScenarioException.class, () -> RunExportFile.parse(bad, "run.json")).getMessage();
    }

    @Test
    void wrongAdaptersAreRefusedWithAClearMessage() throws ScenarioException {
        String rank = refusal("{\"layer\": 2, \"rank\": 1,", "{\"layer\": 2, \"rank\": 2,");
        assertTrue(rank.contains("rank of layer 2 must be 1..1"), rank);
        assertTrue(refusal("{\"layer\": 2, \"rank\": 1,", "{\"layer\": 3, \"rank\": 1,").contains("config.lora: layer 3 is outside 0..2"));
        assertTrue(refusal("{\"layer\": 2, \"rank\": 1, \"alpha\": 1.0}", "{\"layer\": 2, \"rank\": 1, \"alpha\": -1.0}")
                .contains("must be positive"));
        assertTrue(refusal("{\"layer\": 2, \"rank\": 1,", "{\"layer\": 2, \"rank\": 1, \"scale\": 2,").contains("unknown field"));
        assertTrue(refusal("\"rank\": 2,\n", "\"rank\": 3,\n").contains("rank 2"), "a layer's adapter against the config");
        String noConfig = refusal("{\"layer\": 1, \"rank\": 2, \"alpha\": 4.0},", "");
        assertTrue(noConfig.contains("lists no adapter for this layer"), noConfig);
    }
}
