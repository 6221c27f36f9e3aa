package org.weightlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.scenario.RunExport;
import org.weightlab.scenario.RunExportFile;
import org.weightlab.scenario.Scenario;

/**
 * A digits run (64 -> 32 tanh -> 10 softmax, cross-entropy) replays in PyTorch float64 from its
 * export alone (src/test/python/replay_dense.py) to the same final weights within 1e-12, and the
 * exported model script evaluates its test loss. Skipped where /usr/bin/python3 has no torch.
 */
class DigitsTorchReplayTest {

    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path dir;

    private static String python(String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 1];
        cmd[0] = PYTHON;
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "timed out";
        }
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return (text.isEmpty() ? "" : text + " ") + "exit=" + p.exitValue();
    }

    private static boolean torchAvailable() throws IOException, InterruptedException {
        return Files.isExecutable(Path.of(PYTHON)) && python("-c", "import torch").equals("exit=0");
    }

    @Test
    void aDigitsRunReplaysInPyTorchToTheLastBit() throws Exception {
        assumeTrue(torchAvailable(), "python3 with torch is not installed");
        RunConfig config = BenchCommand.digits().withData(600, 0, 0.5, 4).withBatch(32, false);
        Path run = dir.resolve("run.json");
        RunExportFile.write(TrainCommand.train(new Scenario(config, null, null), 3).run(), run);
        String out = python("src/test/python/replay_dense.py", run.toString());
        assertTrue(out.startsWith("ok 2410 values") && out.endsWith("exit=0"), out);

        Path weights = dir.resolve("w.safetensors");
        Path script = dir.resolve("model.py");
        TrainCommandTest.Result res = TrainCommandTest.run("export", "--run", run.toString(), "--safetensors",
                weights.toString(), "--pytorch", script.toString());
        assertEquals(0, res.code(), res.err());
        String line = python(script.toString(), weights.toString(), run.toString());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("test_loss=(\\S+)").matcher(line);
        assertTrue(m.find(), line);
        RunExport export = RunExportFile.read(run);
        assertEquals(export.history().get(export.history().size() - 1).testLoss(), Double.parseDouble(m.group(1)),
                1e-12, line);
    }
}
