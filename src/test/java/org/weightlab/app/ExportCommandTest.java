package org.weightlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.weightlab.app.TrainCommandTest.Result;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.InitSpec;
import org.weightlab.engine.config.LossKind;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.OptimizerKind;
import org.weightlab.engine.config.ProblemKind;
import org.weightlab.engine.config.RegularizationConfig;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.config.ScheduleConfig;
import org.weightlab.scenario.LayerState;
import org.weightlab.scenario.NetworkState;
import org.weightlab.scenario.RunExport;
import org.weightlab.scenario.RunExportFile;
import org.weightlab.scenario.Scenario;
import org.weightlab.scenario.ScenarioFile;
import org.weightlab.scenario.safetensors.NetworkWeights;
import org.weightlab.scenario.safetensors.SafetensorsFile;

class ExportCommandTest {

    @TempDir
    Path dir;

    private static RunConfig config(DatasetKind data, List<Feature> features, ProblemKind problem, List<Integer> hidden,
                                    ActivationKind act, ActivationKind out, LossKind loss) {
        return new RunConfig(data, 160, 0.1, 0.5, 7, features, problem, hidden, act, List.of(), out, loss,
                InitSpec.XAVIER_UNIFORM, InitSpec.uniform(-0.5, 0.5), OptimizerConfig.defaults(OptimizerKind.ADAM, 0.02),
                RegularizationConfig.NONE, ScheduleConfig.CONSTANT, 8, true, 0.0);
    }

    /** One network per loss, and every activation and feature somewhere. */
    static Stream<Arguments> runs() {
        return Stream.of(
                Arguments.of("mse, tanh (the circle lesson)", null),
                Arguments.of("bce, relu, squared and sine features", config(DatasetKind.XOR,
                        List.of(Feature.X1, Feature.X2, Feature.X1_SQUARED, Feature.X2_SQUARED, Feature.SIN_X1),
                        ProblemKind.CLASSIFICATION, List.of(5, 3), ActivationKind.RELU, ActivationKind.SIGMOID,
                        LossKind.BCE)),
                Arguments.of("cross_entropy, leaky_relu, product and sine features", config(DatasetKind.GAUSS3,
                        List.of(Feature.X1, Feature.X2, Feature.X1_TIMES_X2, Feature.SIN_X2), ProblemKind.CLASSIFICATION,
                        List.of(6), ActivationKind.LEAKY_RELU, ActivationKind.SOFTMAX, LossKind.CROSS_ENTROPY)),
                Arguments.of("regression, sigmoid hidden, linear output", config(DatasetKind.PLANE,
                        List.of(Feature.X1, Feature.X2), ProblemKind.REGRESSION, List.of(3, 3), ActivationKind.SIGMOID,
                        ActivationKind.LINEAR, LossKind.MSE)),
                Arguments.of("no hidden layer", config(DatasetKind.LINE, List.of(Feature.X1), ProblemKind.REGRESSION,
                        List.of(), ActivationKind.TANH, ActivationKind.LINEAR, LossKind.MSE)));
    }

    /** Trains {@code config} (or the circle lesson) for a few epochs and writes its run export. */
    private Path trainedRun(RunConfig config) throws Exception {
        Scenario s = config == null ? ScenarioFile.builtIn("circle-basics") : Scenario.of(config);
        RunExport run = TrainCommand.train(s, 4).run();
        Path file = dir.resolve("run.json");
        RunExportFile.write(run, file);
        return file;
    }

    private static double finalTestLoss(Path run) throws Exception {
        RunExport r = RunExportFile.read(run);
        return r.history().get(r.history().size() - 1).testLoss();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void exportedWeightsAreTheRunsFinalWeights(String what, RunConfig config) throws Exception {
        Path run = trainedRun(config);
        Path weights = dir.resolve("w.safetensors");
        Path script = dir.resolve("model.py");
        Result r = TrainCommandTest.run("export", "--run", run.toString(), "--safetensors", weights.toString(),
                "--pytorch", script.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("exported " + run + ": "), r.out());

        RunExport export = RunExportFile.read(run);
        SafetensorsFile file = SafetensorsFile.read(weights);
        assertEquals(export.fin(), NetworkWeights.fit(file, export.initial(), "w"), "bit for bit");
        String text = Files.readString(script);
        assertTrue(text.contains("LOSS = \"" + export.config().loss().id() + "\""), text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void numpyEvaluationGivesTheRunsTestLoss(String what, RunConfig config) throws Exception {
        String python = interpreterWith("numpy");
        assumeTrue(python != null, "no python3 with numpy here");
        Path run = trainedRun(config);
        assertPythonReproducesTestLoss(python, run, "--numpy", "numpy");
    }

    /** One run per loss: PyTorch's own loss functions are what differs from the NumPy path. */
    static Stream<Arguments> runsPerLoss() {
        return runs().limit(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runsPerLoss")
    void pytorchEvaluationGivesTheRunsTestLoss(String what, RunConfig config) throws Exception {
        String python = interpreterWith("torch");
        assumeTrue(python != null, "no python3 with PyTorch here");
        Path run = trainedRun(config);
        assertPythonReproducesTestLoss(python, run, null, "torch");
    }

    private void assertPythonReproducesTestLoss(String python, Path run, String flag, String backend) throws Exception {
        Path weights = dir.resolve("w.safetensors");
        Path script = dir.resolve("model.py");
        Result r = TrainCommandTest.run("export", "--run", run.toString(), "--safetensors", weights.toString(),
                "--pytorch", script.toString());
        assertEquals(0, r.code(), r.err());
        List<String> command = new ArrayList<>(List.of(python, script.toString(), weights.toString(), run.toString()));
        if (flag != null) {
            command.add(flag);
        }
        String[] outErr = runProcess(command);
        assertTrue(outErr[1].contains("evaluated with " + backend), outErr[1]);
        String line = outErr[0].strip();
        assertTrue(line.startsWith("test_loss="), outErr[0] + outErr[1]);
        double pythonLoss = Double.parseDouble(line.substring("test_loss=".length()));
        double expected = finalTestLoss(run);
        assertTrue(expected > 1e-3, "a loss worth comparing: " + expected);
        assertEquals(expected, pythonLoss, 1e-12, "python's test loss against the run's");
    }

    @Test
    void scriptReadsFloat32AndBfloat16FilesItself() throws Exception {
        String python = interpreterWith("numpy");
        assumeTrue(python != null, "no python3 with numpy here");
        Path run = trainedRun(null);
        Path script = dir.resolve("model.py");
        assertEquals(0, TrainCommandTest.run("export", "--run", run.toString(), "--pytorch", script.toString()).code());
        RunExport export = RunExportFile.read(run);

        // The final weights rounded as a float32 / bfloat16 file holds them: 0.weight in F32, 2.weight
        // in BF16 (the upper half of the float32 bits), the rest F64.
        StringBuilder header = new StringBuilder("{");
        java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
        List<LayerState> rounded = new ArrayList<>();
        for (int l = 0; l < export.fin().layers().size(); l++) {
            LayerState s = export.fin().layers().get(l);
            double[] w = s.flatWeights();
            String dtype = l == 0 ? "F32" : l == 1 ? "BF16" : "F64";
            for (int j = 0; j < w.length; j++) {
                int bits = Float.floatToRawIntBits((float) w[j]);
                if (dtype.equals("F32")) {
                    w[j] = Float.intBitsToFloat(bits);
                    writeLittleEndian(data, bits, 4);
                } else if (dtype.equals("BF16")) {
                    w[j] = Float.intBitsToFloat(bits & 0xffff0000);
                    writeLittleEndian(data, bits >>> 16, 2);
                } else {
                    writeLittleEndian(data, Double.doubleToRawLongBits(w[j]), 8);
                }
            }
            int wEnd = data.size();
            for (double b : s.biases()) {
                writeLittleEndian(data, Double.doubleToRawLongBits(b), 8);
            }
            int wBegin = wEnd - w.length * (dtype.equals("F32") ? 4 : dtype.equals("BF16") ? 2 : 8);
            header.append(l == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT,
                    "\"%d.weight\":{\"dtype\":\"%s\",\"shape\":[%d,%d],\"data_offsets\":[%d,%d]},"
                            + "\"%d.bias\":{\"dtype\":\"F64\",\"shape\":[%d],\"data_offsets\":[%d,%d]}",
                    2 * l, dtype, s.outputs(), s.inputs(), wBegin, wEnd, 2 * l, s.outputs(), wEnd, data.size()));
            rounded.add(LayerState.fromFlat(s.inputs(), s.outputs(), w, s.biases(), s.activation(),
                    s.flatFrozenWeights(), s.frozenBiases()));
        }
        byte[] json = header.append("}").toString().getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        writeLittleEndian(file, json.length, 8);
        file.writeBytes(json);
        file.writeBytes(data.toByteArray());
        Path weights = Files.write(dir.resolve("mixed.safetensors"), file.toByteArray());

        double expected = new org.weightlab.engine.Trainer(export.config(), export.data(),
                new NetworkState(rounded).toNetwork(export.config())).evaluate().testLoss();
        assertTrue(Math.abs(expected - finalTestLoss(run)) > 1e-9, "the rounding shows in the loss");
        String line = runProcess(List.of(python, script.toString(), weights.toString(), run.toString(), "--numpy"))[0];
        assertEquals(expected, Double.parseDouble(line.strip().substring("test_loss=".length())), 1e-12, line);
    }

    private static void writeLittleEndian(java.io.ByteArrayOutputStream out, long value, int bytes) {
        for (int k = 0; k < bytes; k++) {
            out.write((int) (value >>> (8 * k)));
        }
    }

    /** {stdout, stderr} of a finished process that exited with 0. */
    private static String[] runProcess(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        Process p = pb.start();
        p.getOutputStream().close();
        // The outputs are a few lines: reading them one after the other cannot block the process.
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "python finished");
        assertEquals(0, p.exitValue(), out + err);
        return new String[]{out, err};
    }

    /** Interpreters found so far by module ("" when none has it): starting python costs seconds. */
    private static final java.util.Map<String, String> INTERPRETERS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The first of python3 on the PATH and the system's python3 that can import {@code module}, or null. */
    private static String interpreterWith(String module) {
        String found = INTERPRETERS.computeIfAbsent(module, ExportCommandTest::findInterpreter);
        return found.isEmpty() ? null : found;
    }

    private static String findInterpreter(String module) {
        for (String python : List.of("python3", "/usr/bin/python3")) {
            try {
                Process p = new ProcessBuilder(python, "-c", "import " + module).redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return python;
                }
            } catch (IOException | InterruptedException e) {
                // Not there: try the next one.
            }
        }
        return "";
    }

    // ---- bad input ----

    private void assertRefused(Result r, String expectedPart, Path... outputs) throws IOException {
        assertEquals(2, r.code(), r.err() + r.out());
        assertTrue(r.err().contains(expectedPart), r.err());
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        for (Path p : outputs) {
            assertFalse(Files.exists(p), p + " not written");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file");
        }
    }

    @Test
    void badInputExitsWithTwoAndWritesNothing() throws Exception {
        Path w = dir.resolve("w.safetensors");
        Path py = dir.resolve("model.py");
        Path missing = dir.resolve("nope.json");
        assertRefused(TrainCommandTest.run("export", "--run", missing.toString(), "--safetensors", w.toString(),
                "--pytorch", py.toString()), missing + ": no such file", w, py);

        Path scenario = dir.resolve("scenario.json");
        ScenarioFile.write(Scenario.of(RunConfig.defaults()), scenario);
        assertRefused(TrainCommandTest.run("export", "--run", scenario.toString(), "--safetensors", w.toString(),
                "--pytorch", py.toString()), "this is a scenario (weightlab-scenario), not a run export", w, py);

        Path run = trainedRun(null);
        assertRefused(TrainCommandTest.run("export", "--run", run.toString()),
                "give --safetensors FILE, --pytorch FILE, or both");
        assertRefused(TrainCommandTest.run("export", "--run", run.toString(), "--safetensors", w.toString(),
                "--pytorch", w.toString()), "--safetensors and --pytorch name the same file", w);
        assertRefused(TrainCommandTest.run("export", "--run", run.toString(), "--safetensors",
                dir.resolve("no").resolve("w.safetensors").toString(), "--pytorch", py.toString()),
                "--safetensors: cannot write", py);
        assertRefused(TrainCommandTest.run("export", "--run", run.toString(), "--safetensors", w.toString(),
                "--pytorch", dir.toString()), "--pytorch: cannot write " + dir + ": it is a folder", w);
        assertRefused(TrainCommandTest.run("export", "--safetensors", w.toString()), "--run", w);
    }

    @Test
    void runWithNonFiniteWeightsIsRefused() throws Exception {
        // A run export may hold non-finite final weights (one saved from the window after a divergence).
        RunExport good = RunExportFile.read(trainedRun(null));
        List<LayerState> layers = new ArrayList<>(good.fin().layers());
        double[][] weights = layers.get(1).weights();
        weights[1][0] = Double.POSITIVE_INFINITY;
        layers.set(1, LayerState.of(weights, layers.get(1).biases(), layers.get(1).activation()));
        Path run = dir.resolve("hot.json");
        RunExportFile.write(new RunExport(good.config(), good.data(), good.initial(), new NetworkState(layers),
                good.history()), run);
        Path w = dir.resolve("w.safetensors");
        Path py = dir.resolve("model.py");
        assertRefused(TrainCommandTest.run("export", "--run", run.toString(), "--safetensors", w.toString(),
                "--pytorch", py.toString()), "the final weights are not all finite numbers", w, py);
    }

    @Test
    void oneOutputAloneIsWritten() throws Exception {
        Path run = trainedRun(null);
        Path w = dir.resolve("only.safetensors");
        Result r = TrainCommandTest.run("export", "--run", run.toString(), "--safetensors", w.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(w));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.count(), "run.json and the weights, nothing else");
        }
    }

    @Test
    void existingExportIsReplacedOnlyWhenTheNewOneIsComplete() throws Exception {
        Path w = Files.writeString(dir.resolve("w.safetensors"), "old");
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"format\": \"weightlab-run\", \"version\": 1}");
        Result r = TrainCommandTest.run("export", "--run", bad.toString(), "--safetensors", w.toString());
        assertEquals(2, r.code());
        assertEquals("old", Files.readString(w));
    }

    @Test
    void pythonRefusesADamagedWeightsFile() throws Exception {
        String python = interpreterWith("numpy");
        assumeTrue(python != null, "no python3 with numpy here");
        Path run = trainedRun(null);
        Path w = dir.resolve("w.safetensors");
        Path py = dir.resolve("model.py");
        assertEquals(0, TrainCommandTest.run("export", "--run", run.toString(), "--safetensors", w.toString(),
                "--pytorch", py.toString()).code());
        byte[] bytes = Files.readAllBytes(w);
        Files.write(w, java.util.Arrays.copyOf(bytes, 12));
        Process p = new ProcessBuilder(python, py.toString(), w.toString(), run.toString(), "--numpy").start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), err);
        assertTrue(err.contains("header length runs past the end of the file"), err);
    }
}
