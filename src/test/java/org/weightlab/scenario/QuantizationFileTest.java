package org.weightlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.QuantizationSpec;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;

/** The config's optional "quantization": {"bits": ...}: numbers for k bits, strings for ternary and binary. */
class QuantizationFileTest {

    private static RunConfig config(String bits) {
        RunConfig c = RunConfig.defaults().withHidden(List.of(3), List.of());
        return c.withExtras(c.extras().withQuantization(bits == null ? null : new QuantizationSpec(bits)));
    }

    private static RunExport run(RunConfig c) {
        DataSplit data = DataGenerator.generate(c);
        Trainer t = new Trainer(c, data);
        NetworkState initial = NetworkState.of(t.network());
        t.runEpochs(1);
        return new RunExport(c, data, initial, NetworkState.of(t.network()), List.of());
    }

    @Test
    void everyLevelIsWrittenAndReadBack() throws ScenarioException {
        for (String bits : QuantizationSpec.LEVELS) {
            RunExport run = run(config(bits));
            String json = RunExportFile.toJson(run);
            String field = bits.matches("[0-9]+") ? "\"quantization\": {\"bits\": " + bits + "}"
                    : "\"quantization\": {\"bits\": \"" + bits + "\"}";
            assertTrue(json.contains(field), bits + ": " + json.substring(0, Math.min(json.length(), 900)));
            RunExport back = RunExportFile.parse(json, "run.json");
            assertEquals(new QuantizationSpec(bits), back.config().extras().quantization());
            assertEquals(run.fin(), back.fin(), "the latent weights, bit for bit");
            // Replay from the file: one quantized epoch gives the file's final state.
            Trainer again = new Trainer(back.config(), back.data(), back.initial().toNetwork(back.config()));
            again.runEpochs(1);
            assertEquals(back.fin(), NetworkState.of(again.network()), bits);
        }
    }

    @Test
    void filesWithoutItOpenAsBeforeAndPlainConfigsWriteNothing() throws ScenarioException {
        String json = RunExportFile.toJson(run(config(null)));
        assertFalse(json.contains("quantization"));
        assertNull(RunExportFile.parse(json, "run.json").config().extras().quantization());
    }

    private static String refusal(String to) throws ScenarioException {
        String json = RunExportFile.toJson(run(config("4")));
        String from = "\"quantization\": {\"bits\": 4}";
        assertTrue(json.contains(from));
        String bad = json.replace(from, to);
        return assertThrows(ScenarioException.class, () -> RunExportFile.parse(bad, "run.json")).getMessage();
    }

    @Test
    void wrongValuesAreRefusedWithAClearMessage() throws ScenarioException {
        String five = refusal("\"quantization\": {\"bits\": 5}");
        assertTrue(five.contains("config.quantization.bits") && five.contains("ternary"), five);
        String sixteen = refusal("\"quantization\": {\"bits\": 16}");
        assertTrue(sixteen.contains("config.quantization.bits"), sixteen);
        String text = refusal("\"quantization\": {\"bits\": \"4\"}");
        assertTrue(text.contains("written as a number"), text);
        String name = refusal("\"quantization\": {\"bits\": \"unary\"}");
        assertTrue(name.contains("config.quantization.bits") && name.contains("binary"), name);
        String typo = refusal("\"quantization\": {\"bit\": 4}");
        assertTrue(typo.contains("unknown field"), typo);
        String kind = refusal("\"quantization\": {\"bits\": true}");
        assertTrue(kind.contains("config.quantization.bits"), kind);
    }
}
