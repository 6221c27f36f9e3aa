package org.weightlab.app;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.OptimizerKind;
import org.weightlab.engine.config.RegularizationConfig;
import org.weightlab.engine.config.RegularizationKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.scenario.RunExportFile;
import org.weightlab.scenario.Scenario;

/**
 * A batch-normalized run's export replays in PyTorch float64 (src/test/python/replay_batchnorm.py:
 * nn.Linear, nn.BatchNorm1d and the activation in train mode, torch.optim) to the same final
 * weights, biases, gamma, beta and running statistics within 1e-12, and the same eval-mode test
 * loss; the safetensors export and model.py give that test loss too. Skipped where
 * /usr/bin/python3 with torch is not installed.
 */
class BatchNormTorchReplayTest {

    private static final Path SCRIPT = Path.of("src/test/python/replay_batchnorm.py");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}, {1}, {2}")
    @CsvSource({"sgd, l2, 'true,true'", "adam, none, 'false,true'", "adamw, l1, 'true,false'"})
    void batchNormRunReplaysInPyTorch(String optimizer, String reg, String flags) throws Exception {
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
        List<Boolean> norm = java.util.Arrays.stream(flags.split(",")).map(Boolean::parseBoolean).toList();
        // 60 training examples in batches of 8: a last batch of 4 each epoch
        RunConfig config = RunConfig.defaults().withData(120, 0.1, 0.5, 9).withHidden(List.of(5, 3), List.of())
                .withOptimizer(opt).withRegularization(r).withBatch(8, false);
        config = config.withExtras(config.extras().withBatchNorm(norm));
        Path run = dir.resolve("run.json");
        RunExportFile.write(TrainCommand.train(new Scenario(config, null, null), 5).run(), run);
        String out = TorchReplay.python(180, SCRIPT.toString(), run.toString());
        assertTrue(out.startsWith("ok ") && out.endsWith("exit=0"), out);
        if (optimizer.equals("adam")) { // safetensors with PyTorch's BatchNorm1d names: model.py gives the same loss
            TorchReplay.modelScriptGivesTheTestLoss(run, dir);
        }
    }
}
