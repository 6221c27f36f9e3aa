package org.weightlab.app;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.weightlab.engine.config.ConvSpec;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.OptimizerKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.scenario.RunExportFile;
import org.weightlab.scenario.Scenario;

/**
 * Digits runs with convolutions replay in PyTorch float64 from their export alone
 * (src/test/python/replay_conv.py: F.conv2d, flatten, the dense layers, torch.optim) to the same
 * final kernels, weights and biases within 1e-12, and the same test loss; the safetensors export
 * and model.py (PyTorch and NumPy) give that test loss too. Skipped where /usr/bin/python3 has no
 * torch.
 */
class ConvTorchReplayTest {

    private static final String SCRIPT = "src/test/python/replay_conv.py";

    @TempDir
    Path dir;

    private void replays(RunConfig config, int epochs, String values) throws Exception {
        assumeTrue(TorchReplay.torchAvailable(), "python3 with torch is not installed");
        Path run = dir.resolve("run.json");
        RunExportFile.write(TrainCommand.train(new Scenario(config, null, null), epochs).run(), run);
        String out = TorchReplay.python(300, SCRIPT, run.toString());
        assertTrue(out.startsWith("ok " + values + " values") && out.endsWith("exit=0"), out);
        TorchReplay.modelScriptGivesTheTestLoss(run, dir);
    }

    private static RunConfig conv(RunConfig c, ConvSpec... specs) {
        return c.withExtras(c.extras().withConv(List.of(specs)));
    }

    @Test
    void aConvolutionRunWithSgdAndMomentumReplaysInPyTorch() throws Exception {
        RunConfig c = BenchCommand.digits().withData(400, 0, 0.5, 4).withBatch(25, false)
                .withHidden(List.of(), List.of())
                .withOptimizer(OptimizerConfig.defaults(OptimizerKind.SGD, 0.1).withMomentum(0.9, false));
        replays(conv(c, new ConvSpec(4, 3)), 3, "1490");
    }

    @Test
    void stackedConvolutionsWithAdamReplayInPyTorch() throws Exception {
        RunConfig c = BenchCommand.digits().withData(300, 0, 0.5, 5).withBatch(32, false)
                .withHidden(List.of(12), List.of()).withActivations(
                        org.weightlab.engine.config.ActivationKind.RELU,
                        org.weightlab.engine.config.ActivationKind.SOFTMAX,
                        org.weightlab.engine.config.LossKind.CROSS_ENTROPY,
                        org.weightlab.engine.config.ProblemKind.CLASSIFICATION)
                .withOptimizer(OptimizerConfig.defaults(OptimizerKind.ADAM, 0.01));
        // 1x8x8 -> 3x6x6 (30) -> 2x5x5 (26) -> flatten 50 -> 12 (612) -> 10 (130)
        replays(conv(c, new ConvSpec(3, 3), new ConvSpec(2, 2)), 3, "798");
    }
}
