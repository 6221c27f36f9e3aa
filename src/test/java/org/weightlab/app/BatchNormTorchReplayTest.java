package org.weightlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.OptimizerKind;
import org.weightlab.engine.config.RegularizationConfig;
import org.weightlab.engine.config.RegularizationKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.scenario.RunExport;
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
    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path dir;

    private static String python(String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 1];
        cmd[0] = PYTHON;
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "timed out";
        }
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return (text.isEmpty() ? "" : text + " ") + "exit=" + p.exitValue();
    }

    private static Boolean torch;

    private static synchronized boolean torchAvailable() {
        if (torch == null) {
            try {
                torch = Path.of(PYTHON).toFile().canExecute() && python("-c", "import torch").equals("exit=0");
            } catch (IOException | InterruptedException e) {
                torch = false;
            }
        }
        return torch;
    }

    @ParameterizedTest(name = "{0}, {1}, {2}")
    @CsvSource({"sgd, l2, 'true,true'", "adam, none, 'false,true'", "adamw, l1, 'true,false'"})
    void batchNormRunReplaysInPyTorch(String optimizer, String reg, String flags) throws Exception {
        assumeTrue(torchAvailable(), "python3 with torch is not installed");
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
        String out = python(SCRIPT.toString(), run.toString());
        assertTrue(out.startsWith("ok ") && out.endsWith("exit=0"), out);
        if (optimizer.equals("adam")) { // safetensors with PyTorch's BatchNorm1d names: model.py gives the same loss
            Path weights = dir.resolve("w.safetensors");
            Path script = dir.resolve("model.py");
            TrainCommandTest.Result res = TrainCommandTest.run("export", "--run", run.toString(), "--safetensors",
                    weights.toString(), "--pytorch", script.toString());
            assertEquals(0, res.code(), res.err());
            RunExport export = RunExportFile.read(run);
            double expected = export.history().get(export.history().size() - 1).testLoss();
            for (String backend : List.of("torch", "numpy")) {
                String line = backend.equals("torch") ? python(script.toString(), weights.toString(), run.toString())
                        : python(script.toString(), weights.toString(), run.toString(), "--numpy");
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("test_loss=(\\S+)").matcher(line);
                assertTrue(m.find(), line);
                assertEquals(expected, Double.parseDouble(m.group(1)), 1e-12, backend + ": " + line);
            }
        }
    }
}
