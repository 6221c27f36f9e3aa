package org.weightlab.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.OptimizerKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;

/** The config's "batchNorm" and a layer's "batchNorm" entry in run exports: written, read back, replayed, refused when wrong. */
class NormFileTest {

    private static final RunConfig CONFIG;

    static {
        RunConfig c = RunConfig.defaults().withHidden(List.of(4, 3), List.of())
                .withOptimizer(OptimizerConfig.defaults(OptimizerKind.ADAM, 0.02));
        CONFIG = c.withExtras(c.extras().withBatchNorm(List.of(true, false)));
    }

    private static RunExport run(RunConfig c, int epochs) {
        DataSplit data = DataGenerator.generate(c);
        Trainer t = new Trainer(c, data);
        NetworkState initial = NetworkState.of(t.network());
        t.runEpochs(epochs);
        return new RunExport(c, data, initial, NetworkState.of(t.network()), List.of());
    }

    @Test
    void batchNormTravelsInTheRunExportAndTheRunReplaysFromIt() throws ScenarioException {
        RunExport run = run(CONFIG, 2);
        String json = RunExportFile.toJson(run);
        assertTrue(json.contains("\"batchNorm\": [true, false]"), json.substring(0, 1200));
        RunExport back = RunExportFile.parse(json, "run.json");
        assertEquals(List.of(true, false), back.config().extras().batchNorm());
        assertEquals(run.initial(), back.initial());
        assertEquals(run.fin(), back.fin());
        NormState start = back.initial().layers().get(0).norm();
        assertArrayEquals(new double[]{1, 1, 1, 1}, start.gamma(), 0);
        assertArrayEquals(new double[]{1, 1, 1, 1}, start.runningVar(), 0);
        assertEquals(0, start.numBatchesTracked());
        NormState fin = back.fin().layers().get(0).norm();
        assertNotNull(fin);
        assertEquals(50, fin.numBatchesTracked(), "250 examples in batches of 10, two epochs");
        assertFalse(fin.equals(start), "gamma, beta and the running statistics moved");
        assertNull(back.fin().layers().get(1).norm());
        Trainer again = new Trainer(back.config(), back.data(), back.initial().toNetwork(back.config()));
        again.runEpochs(2);
        assertEquals(back.fin(), NetworkState.of(again.network()), "the replay from the file is bit-identical");
    }

    @Test
    void aRunContinuesFromItsFinalStateWithItsRunningStatistics() throws ScenarioException {
        RunExport run = run(CONFIG, 1);
        RunExport back = RunExportFile.parse(RunExportFile.toJson(run), "run.json");
        Trainer fromFile = new Trainer(back.config(), back.data(), back.fin().toNetwork(back.config()));
        DataSplit data = DataGenerator.generate(CONFIG);
        Trainer original = new Trainer(CONFIG, data);
        original.runEpochs(1);
        assertEquals(original.evaluate().testLoss(), fromFile.evaluate().testLoss(), 0,
                "evaluation with the file's running statistics");
    }

    @Test
    void filesWithoutBatchNormOpenAsBefore() throws ScenarioException {
        RunExport plain = run(RunConfig.defaults(), 1);
        String json = RunExportFile.toJson(plain);
        assertFalse(json.contains("batchNorm"));
        RunExport back = RunExportFile.parse(json, "run.json");
        assertEquals(plain.fin(), back.fin());
        assertTrue(back.config().extras().batchNorm().isEmpty());
    }

    private static String refusal(String from, String to) throws ScenarioException {
        String json = RunExportFile.toJson(run(CONFIG, 1));
        assertTrue(json.contains(from), from);
        String bad = json.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
        return assertThrows(ScenarioException.class, () -> RunExportFile.parse(bad, "run.json")).getMessage();
    }

    @Test
    void wrongBatchNormIsRefusedWithAClearMessage() throws ScenarioException {
        String count = refusal("\"batchNorm\": [true, false]", "\"batchNorm\": [true]");
        assertTrue(count.contains("config.batchNorm: has 1 entries for 2 hidden layers"), count);
        String flag = refusal("\"batchNorm\": [true, false]", "\"batchNorm\": [false, false]");
        assertTrue(flag.contains("does not normalize this layer"), flag);
        String size = refusal("\"gamma\": [", "\"gamma\": [1.0, ");
        assertTrue(size.contains("has 5 entries; the layer has 4 neurons"), size);
        String negative = refusal("\"runningVar\": [", "\"runningVar\": [-1.0, ");
        assertTrue(negative.contains("entries") || negative.contains("negative"), negative);
        String unknown = refusal("\"runningMean\": [", "\"movingMean\": [");
        assertTrue(unknown.contains("movingMean") || unknown.contains("runningMean"), unknown);
    }
}
