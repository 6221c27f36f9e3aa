package org.weightlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.weightlab.scenario.RunExport;
import org.weightlab.scenario.RunExportFile;

/**
 * What the PyTorch replay tests share: /usr/bin/python3 run with arguments (its output and exit
 * code as one line), whether it has torch, and the check that {@code export --safetensors
 * --pytorch} gives a model.py printing the run's final test loss.
 */
final class TorchReplay {

    static final String PYTHON = "/usr/bin/python3";

    private static Boolean torch;

    private TorchReplay() {
    }

    /** The script's output, then "exit=N" ("timed out" after {@code seconds}). */
    static String python(int seconds, String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 1];
        cmd[0] = PYTHON;
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "timed out";
        }
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return (text.isEmpty() ? "" : text + " ") + "exit=" + p.exitValue();
    }

    /** Whether /usr/bin/python3 imports torch (asked once). */
    static synchronized boolean torchAvailable() {
        if (torch == null) {
            try {
                torch = Files.isExecutable(Path.of(PYTHON)) && python(120, "-c", "import torch").equals("exit=0");
            } catch (IOException | InterruptedException e) {
                torch = false;
            }
        }
        return torch;
    }

    /** Exports {@code run}'s final weights with model.py into {@code dir}; model.py must print the run's test loss within 1e-12. */
    static void modelScriptGivesTheTestLoss(Path run, Path dir) throws Exception {
        Path weights = dir.resolve("w.safetensors");
        Path script = dir.resolve("model.py");
        TrainCommandTest.Result res = TrainCommandTest.run("export", "--run", run.toString(), "--safetensors",
                weights.toString(), "--pytorch", script.toString());
        assertEquals(0, res.code(), res.err());
        RunExport export = RunExportFile.read(run);
        double expected = export.history().get(export.history().size() - 1).testLoss();
        for (String[] args : new String[][]{{script.toString(), weights.toString(), run.toString()},
            {script.toString(), weights.toString(), run.toString(), "--numpy"}}) {
            String line = python(300, args);
            Matcher m = Pattern.compile("test_loss=(\\S+)").matcher(line);
            assertTrue(m.find(), line);
            assertEquals(expected, Double.parseDouble(m.group(1)), 1e-12, line);
        }
    }
}
