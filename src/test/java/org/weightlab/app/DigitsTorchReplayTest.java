package org.weightlab.app;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.scenario.RunExportFile;
import org.weightlab.scenario.Scenario;

/**
 * A digits run (64 -> 32 tanh -> 10 softmax, cross-entropy) replays in PyTorch float64 from its
 * export alone (src/test/python/replay_dense.py) to the same final weights within 1e-12, and the
 * exported model script evaluates its test loss. Skipped where /usr/bin/python3 has no torch.
 */
class DigitsTorchReplayTest {

    @TempDir
    Path dir;

    @Test
    void aDigitsRunReplaysInPyTorchToTheLastBit() throws Exception {
        assumeTrue(TorchReplay.torchAvailable(), "python3 with torch is not installed");
        RunConfig config = BenchCommand.digits().withData(600, 0, 0.5, 4).withBatch(32, false);
        Path run = dir.resolve("run.json");
        RunExportFile.write(TrainCommand.train(new Scenario(config, null, null), 3).run(), run);
        String out = TorchReplay.python(300, "src/test/python/replay_dense.py", run.toString());
        assertTrue(out.startsWith("ok 2410 values") && out.endsWith("exit=0"), out);
        TorchReplay.modelScriptGivesTheTestLoss(run, dir);
    }
}
