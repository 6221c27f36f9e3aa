package org.weightlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.OptimizerKind;
import org.weightlab.engine.config.QuantizationSpec;
import org.weightlab.engine.config.RegularizationConfig;
import org.weightlab.engine.config.RegularizationKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.scenario.RunExport;
import org.weightlab.scenario.RunExportFile;
import org.weightlab.scenario.Scenario;

/**
 * A quantization-aware training run's export replays in PyTorch float64
 * (src/test/python/replay_qat.py: w + (q(w) - w).detach() in every Linear, torch.optim on the
 * latent weights) to the same final latent weights and biases within 1e-12, and the quantized
 * network's losses equal the export's last history point within 1e-12. Skipped where
 * /usr/bin/python3 with torch is not installed.
 */
class QatTorchReplayTest {

    private static final Path SCRIPT = Path.of("src/test/python/replay_qat.py");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} bits, {1}, {2}")
    @CsvSource({"8, sgd, l2", "4, adam, none", "3, sgd, none", "2, adamw, l1", "ternary, adam, l2",
        "binary, sgd, none", "binary, adamw, none"})
    void quantizedRunReplaysInPyTorch(String bits, String optimizer, String reg) throws Exception {
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
                .withOptimizer(opt).withRegularization(r).withBatch(8, false);
        config = config.withExtras(config.extras().withQuantization(new QuantizationSpec(bits)));
        Path run = dir.resolve("run.json");
        RunExport export = TrainCommand.train(new Scenario(config, null, null), 5).run();
        RunExportFile.write(export, run);
        // the export's final weights are the latent ones, not already on the quantizer's levels
        double[][] w0 = export.fin().layers().get(0).weights();
        assertNotEquals(Math.abs(w0[0][0]), Math.abs(w0[0][1]), "latent weights are written, not quantized ones");
        String out = TorchReplay.python(180, SCRIPT.toString(), run.toString());
        assertTrue(out.startsWith("ok ") && out.endsWith("exit=0"), out);
        if (optimizer.equals("adam")) { // the safetensors export writes the quantized weights: model.py gives the run's loss
            Path weights = dir.resolve("w.safetensors");
            Path script = dir.resolve("model.py");
            TrainCommandTest.Result res = TrainCommandTest.run("export", "--run", run.toString(), "--safetensors",
                    weights.toString(), "--pytorch", script.toString());
            assertEquals(0, res.code(), res.err());
            String line = TorchReplay.python(180, script.toString(), weights.toString(), run.toString());
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("test_loss=(\\S+)").matcher(line);
            assertTrue(m.find(), line);
            assertEquals(export.history().get(export.history().size() - 1).testLoss(),
                    Double.parseDouble(m.group(1)), 1e-12, line);
        }
    }
}
