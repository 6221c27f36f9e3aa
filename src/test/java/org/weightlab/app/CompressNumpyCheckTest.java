package org.weightlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.weightlab.scenario.RunExportFile;

/**
 * The compress command's weights against an independent numpy implementation of the issue's
 * formulas (src/test/python/check_compress.py), bit for bit. Skipped where python3 with numpy is
 * not installed.
 */
class CompressNumpyCheckTest {

    private static final Path SCRIPT = Path.of("src/test/python/check_compress.py");

    @TempDir
    Path dir;

    private static String python(String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "python3";
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "timed out";
        }
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return (text.isEmpty() ? "" : text + " ") + "exit=" + p.exitValue();
    }

    /** Asked once: starting python costs seconds on a busy machine. */
    private static Boolean numpy;

    private static synchronized boolean numpyAvailable() {
        if (numpy == null) {
            try {
                numpy = python("-c", "import numpy").equals("exit=0");
            } catch (IOException | InterruptedException e) {
                numpy = false;
            }
        }
        return numpy;
    }

    @ParameterizedTest(name = "prune {0} {1}, bits {2}")
    @CsvSource({"0.5, global, 8", "0.3, layer, 4", "0, global, 3", "0.7, global, 2", "0.25, layer, ternary",
            "0.4, global, binary", "0.9, layer, ''", "0, global, ternary"})
    void compressedWeightsMatchNumpy(String prune, String scope, String bits) throws Exception {
        assumeTrue(numpyAvailable(), "python3 with numpy is not installed");
        Path run = dir.resolve("run.json");
        RunExportFile.write(TrainCommand.train(TrainCommand.load("circle-basics"), 20).run(), run);
        Path out = dir.resolve("out.json");
        TrainCommandTest.Result r = bits.isEmpty()
                ? TrainCommandTest.run("compress", "--run", run.toString(), "--prune", prune, "--prune-scope", scope,
                        "--export", out.toString())
                : TrainCommandTest.run("compress", "--run", run.toString(), "--prune", prune, "--prune-scope", scope,
                        "--bits", bits, "--export", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("ok 18 weights exit=0", python(SCRIPT.toString(), run.toString(), out.toString()));
    }
}
