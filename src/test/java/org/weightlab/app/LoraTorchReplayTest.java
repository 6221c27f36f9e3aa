package org.weightlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.weightlab.engine.config.LoraSpec;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.OptimizerKind;
import org.weightlab.engine.config.RegularizationConfig;
import org.weightlab.engine.config.RegularizationKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.scenario.RunExport;
import org.weightlab.scenario.RunExportFile;
import org.weightlab.scenario.Scenario;

/**
 * A LoRA run's export replays in PyTorch float64 (src/test/python/replay_lora.py: peft's
 * W x + b + s B (A x), torch.optim) to the same final A, B, W and b within 1e-12. Skipped where
 * /usr/bin/python3 with torch is not installed.
 */
class LoraTorchReplayTest {

    private static final Path SCRIPT = Path.of("src/test/python/replay_lora.py");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"sgd, l2", "adam, none", "adamw, l1"})
    void loraRunReplaysInPyTorch(String optimizer, String reg) throws Exception {
        assumeTrue(TorchReplay.torchAvailable(), "python3 with torch is not installed");
        OptimizerConfig opt = switch (optimizer) {
            case "sgd" -> OptimizerConfig.defaults(OptimizerKind.SGD, 0.1).withMomentum(0.9, false);
            case "adam" -> OptimizerConfig.defaults(OptimizerKind.ADAM, 0.02);
            default -> OptimizerConfig.defaults(OptimizerKind.ADAMW, 0.02);
        };
        RegularizationConfig r = switch (reg) {
            case "l2" -> new RegularizationConfig(RegularizationKind.L2, 0.01);
            case "l1" -> new RegularizationConfig(RegularizationKind.L1, 0.003);
            default -> RegularizationConfig.NONE;
        };
        RunConfig config = RunConfig.defaults().withData(120, 0.1, 0.5, 9).withHidden(List.of(5, 3), List.of())
                .withOptimizer(opt).withRegularization(r).withBatch(8, false)
                .withLora(List.of(new LoraSpec(0, 2, 4.0), new LoraSpec(1, 3, 3.0), new LoraSpec(2, 1, 1.0)));
        Path run = dir.resolve("run.json");
        RunExportFile.write(TrainCommand.train(new Scenario(config, null, null), 5).run(), run);
        String out = TorchReplay.python(180, SCRIPT.toString(), run.toString());
        assertTrue(out.startsWith("ok ") && out.endsWith("exit=0"), out);
        if (optimizer.equals("adam")) { // the safetensors export writes adapted layers merged: model.py gives the same loss
            Path weights = dir.resolve("w.safetensors");
            Path script = dir.resolve("model.py");
            TrainCommandTest.Result res = TrainCommandTest.run("export", "--run", run.toString(), "--safetensors",
                    weights.toString(), "--pytorch", script.toString());
            assertEquals(0, res.code(), res.err());
            String line = TorchReplay.python(180, script.toString(), weights.toString(), run.toString());
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("test_loss=(\\S+)").matcher(line);
            assertTrue(m.find(), line);
            double loss = Double.parseDouble(m.group(1));
            RunExport export = RunExportFile.read(run);
            assertEquals(export.history().get(export.history().size() - 1).testLoss(), loss, 1e-12, line);
        }
    }
}
