package org.weightlab.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.ConfigEdits;
import org.weightlab.engine.config.ConvSpec;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.OptimizerKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;

/** The config's "conv" and the state's "conv" entries in run exports: written, read back, replayed, refused when wrong. */
class ConvFileTest {

    static final RunConfig CONFIG;

    static {
        RunConfig c = ConfigEdits.withDataset(RunConfig.defaults(), DatasetKind.DIGITS).withData(300, 0, 0.8, 3)
                .withHidden(List.of(8), List.of()).withOptimizer(OptimizerConfig.defaults(OptimizerKind.ADAM, 0.01))
                .withBatch(25, true);
        CONFIG = c.withExtras(c.extras().withConv(List.of(new ConvSpec(2, 3), new ConvSpec(3, 2))));
    }

    private static RunExport run(RunConfig c, int epochs) {
        DataSplit data = DataGenerator.generate(c);
        Trainer t = new Trainer(c, data);
        if (t.network().convCount() > 1) {
            t.freezeKernel(1, 2, true);
        }
        NetworkState initial = NetworkState.of(t.network());
        t.runEpochs(epochs);
        return new RunExport(c, data, initial, NetworkState.of(t.network()), List.of());
    }

    @Test
    void convolutionsTravelInTheRunExportAndTheRunReplaysFromIt() throws ScenarioException {
        RunExport run = run(CONFIG, 2);
        String json = RunExportFile.toJson(run);
        assertTrue(json.contains("\"conv\": [{\"channels\": 2, \"kernel\": 3}, {\"channels\": 3, \"kernel\": 2}]"),
                json.substring(0, 800));
        assertTrue(json.contains("\"kind\": \"conv2d\""));
        RunExport back = RunExportFile.parse(json, "run.json");
        assertEquals(CONFIG.extras().conv(), back.config().extras().conv());
        assertEquals(run.initial(), back.initial());
        assertEquals(run.fin(), back.fin());
        ConvState second = back.fin().conv().get(1);
        assertEquals(2, second.channelsIn());
        assertEquals(6, second.height());
        assertEquals(3 * 2 * 2 * 2, second.weights().length);
        assertTrue(second.frozenWeights()[2 * 8] && second.frozenBiases()[2] && !second.frozenBiases()[1]);
        assertNotEquals(run.initial().conv().get(0), back.fin().conv().get(0), "the first convolution learned");
        assertEquals(run.initial().conv().get(1).biases()[2], second.biases()[2], 0.0, "the frozen kernel's bias");
        assertArrayEquals(java.util.Arrays.copyOfRange(run.initial().conv().get(1).weights(), 16, 24),
                java.util.Arrays.copyOfRange(second.weights(), 16, 24), 0.0, "the frozen kernel's weights");
        Trainer again = new Trainer(back.config(), back.data(), back.initial().toNetwork(back.config()));
        again.runEpochs(2);
        assertEquals(back.fin(), NetworkState.of(again.network()), "the replay from the file is bit-identical");
    }

    @Test
    void filesWithoutConvolutionsOpenAsBefore() throws ScenarioException {
        RunConfig plain = CONFIG.withExtras(CONFIG.extras().withConv(List.of()));
        RunExport run = run(plain.withHidden(List.of(8), List.of()), 0);
        String json = RunExportFile.toJson(run);
        assertFalse(json.contains("conv"));
        assertEquals(run.fin(), RunExportFile.parse(json, "run.json").fin());
    }

    @Test
    void aStateThatDoesNotFitTheConfigIsRefusedByPath() {
        String json = RunExportFile.toJson(run(CONFIG, 0));
        String noConv = json.replaceFirst(",\\s*\"conv\": \\[\\{\"channels\": 2, \"kernel\": 3}, \\{\"channels\": 3, \"kernel\": 2}]", "");
        assertNotEquals(json, noConv);
        ScenarioException e = assertThrows(ScenarioException.class, () -> RunExportFile.parse(noConv, "run.json"));
        assertTrue(e.getMessage().contains("conv"), e.getMessage());
        String wrongKernel = json.replace("{\"channels\": 3, \"kernel\": 2}]", "{\"channels\": 3, \"kernel\": 3}]");
        e = assertThrows(ScenarioException.class, () -> RunExportFile.parse(wrongKernel, "run.json"));
        assertTrue(e.getMessage().contains("conv"), e.getMessage());
        String circle = json.replace("\"dataset\": \"digits\"", "\"dataset\": \"circle\"");
        assertNotEquals(json, circle);
        assertThrows(ScenarioException.class, () -> RunExportFile.parse(circle, "run.json"));
    }
}
