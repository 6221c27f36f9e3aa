package org.weightlab.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.weightlab.engine.Trainer;
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
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.scenario.HistoryPoint;
import org.weightlab.scenario.LayerState;
import org.weightlab.scenario.NetworkState;
import org.weightlab.scenario.RunExport;
import org.weightlab.scenario.RunExportFile;
import org.weightlab.scenario.Scenario;
import org.weightlab.scenario.ScenarioFile;

class TrainCommandTest {

    @TempDir
    Path dir;

    /** Exit code, stdout and stderr of one command line. */
    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Launcher.run(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path scenarioFile(String name, String json) throws IOException {
        return Files.writeString(dir.resolve(name), json);
    }

    private static String good() throws IOException {
        try (var in = TrainCommandTest.class.getResourceAsStream("/org/weightlab/lessons/circle-basics.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Stream<Arguments> badScenarios() throws IOException {
        String good = good();
        return Stream.of(
                Arguments.of("malformed", good.replace("\"seed\": 1,", "\"seed\": 1"), "malformed JSON at line 10, column 5"),
                Arguments.of("unknown field", good.replace("\"learningRate\"", "\"lerningRate\""),
                        "config.optimizer.lerningRate: unknown field"),
                Arguments.of("wrong type", good.replace("\"batchSize\": 10", "\"batchSize\": \"10\""),
                        "config.batchSize: expected a whole number, got a string \"10\""),
                Arguments.of("out of range", good.replace("\"trainFraction\": 0.5", "\"trainFraction\": 0.95"),
                        "config.trainFraction: must be between 0.1 and 0.9, got 0.95"),
                Arguments.of("newer version", good.replace("\"version\": 1", "\"version\": 2"),
                        "written by a newer WeightLab (version 2); this version reads version 1"),
                Arguments.of("run export given as scenario", good.replace("weightlab-scenario", "weightlab-run"),
                        "this is a run export (weightlab-run), not a scenario"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badScenarios")
    void badScenarioExitsWithTwoAndOneLineAndWritesNothing(String what, String json, String message)
            throws IOException {
        Path file = scenarioFile("bad.json", json);
        Path export = dir.resolve("run.json");
        Result r = run("train", "--scenario", file.toString(), "--epochs", "2", "--export", export.toString());
        assertBadRun(r, file + ": " + message, export);
    }

    private void assertBadRun(Result r, String expectedPart, Path export) throws IOException {
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(expectedPart), r.err());
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        assertFalse(Files.exists(export), "no export written");
        try (Stream<Path> files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file");
        }
    }

    @Test
    void missingFileIsNamed() throws IOException {
        Path export = dir.resolve("run.json");
        Path missing = dir.resolve("nope.json");
        Result r = run("train", "--scenario", missing.toString(), "--epochs", "1", "--export", export.toString());
        assertBadRun(r, missing + ": no such file", export);
        r = run("train", "--scenario", "no-such-lesson", "--epochs", "1", "--export", export.toString());
        assertBadRun(r, "no-such-lesson: no such file or built-in lesson", export);
    }

    @Test
    void hugeAndBinaryFilesAreRefused() throws IOException {
        Path export = dir.resolve("run.json");
        Path huge = dir.resolve("huge.json");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(30L << 20);
        }
        assertBadRun(run("train", "--scenario", huge.toString(), "--epochs", "1", "--export", export.toString()),
                "file is too large (30.0 MB; the limit is 20 MB)", export);
        Path binary = Files.write(dir.resolve("model.bin"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
        assertBadRun(run("train", "--scenario", binary.toString(), "--epochs", "1", "--export", export.toString()),
                "not a text file", export);
    }

    @Test
    void badArgumentsExitWithTwo() throws IOException {
        Path export = dir.resolve("run.json");
        assertBadRun(run("train", "--scenario", "circle-basics", "--epochs", "0", "--export", export.toString()),
                "--epochs must be at least 1, got 0", export);
        assertBadRun(run("train", "--scenario", "circle-basics", "--epochs", "-5", "--export", export.toString()),
                "--epochs must be at least 1, got -5", export);
        assertBadRun(run("train", "--scenario", "circle-basics", "--epochs", "ten", "--export", export.toString()),
                "'ten' is not an int", export);
        assertBadRun(run("train", "--scenario", "circle-basics", "--epochs", "1"), "--export", export);
        assertBadRun(run("train", "--scenario", "circle-basics", "--epochs", "1", "--export",
                dir.resolve("missing").resolve("run.json").toString()), "does not exist", export);
    }

    @Test
    void failedRunKeepsAnOldExport() throws IOException {
        Path export = Files.writeString(dir.resolve("run.json"), "previous run");
        Path file = scenarioFile("bad.json", good().replace("\"version\": 1", "\"version\": 9"));
        Result r = run("train", "--scenario", file.toString(), "--epochs", "1", "--export", export.toString());
        assertEquals(2, r.code());
        assertEquals("previous run", Files.readString(export));
    }

    @Test
    void builtInLessonTrainsAndItsExportReplaysExactly() throws Exception {
        Path export = dir.resolve("run.json");
        Result r = run("train", "--scenario", "circle-basics", "--epochs", "3", "--export", export.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("trained circle-basics: 3 epochs, 75 steps"), r.out());

        RunExport run = RunExportFile.read(export);
        Scenario lesson = ScenarioFile.builtIn("circle-basics");
        assertEquals(lesson.config(), run.config());
        // One point before training and one per epoch; 250 training points in batches of 10.
        assertEquals(List.of(0, 1, 2, 3), run.history().stream().map(HistoryPoint::epoch).toList());
        assertEquals(List.of(0L, 25L, 50L, 75L), run.history().stream().map(HistoryPoint::step).toList());

        // Replay: a fresh Trainer on the same scenario ends with the same weights, bit for bit.
        Trainer fresh = new Trainer(lesson.config(), DataGenerator.generate(lesson.config()));
        assertEquals(NetworkState.of(fresh.network()), run.initial());
        fresh.runEpochs(3);
        assertEquals(NetworkState.of(fresh.network()), run.fin());
        assertEquals(fresh.evaluate().testLoss(), run.history().get(3).testLoss());
        // The data is the scenario's data.
        assertArrayEquals(DataGenerator.generate(lesson.config()).train().points(), run.data().train().points());
    }

    @Test
    void initialWeightsAndFrozenPartsOfAScenarioAreUsed() throws Exception {
        RunConfig config = RunConfig.defaults().withHidden(List.of(2), List.of())
                .withData(100, 0.2, 0.5, 4);
        LayerState hidden = new LayerState(new double[][] {{0.5, -0.25}, {0.125, 0.75}}, new double[] {0.1, -0.1},
                ActivationKind.TANH, new boolean[][] {{true, false}, {false, false}}, new boolean[] {false, true});
        LayerState output = LayerState.of(new double[][] {{1, -1}}, new double[] {0}, ActivationKind.TANH);
        NetworkState initial = new NetworkState(List.of(hidden, output));
        Path file = dir.resolve("start.json");
        ScenarioFile.write(new Scenario(config, initial, null), file);
        Path export = dir.resolve("run.json");

        Result r = run("train", "--scenario", file.toString(), "--epochs", "4", "--export", export.toString());
        assertEquals(0, r.code(), r.err());
        RunExport run = RunExportFile.read(export);
        assertEquals(initial, run.initial());
        LayerState trained = run.fin().layers().get(0);
        assertEquals(0.5, trained.weight(0, 0), "frozen weight kept");
        assertEquals(-0.1, trained.bias(1), "frozen bias kept");
        assertTrue(trained.weight(0, 1) != -0.25 && trained.weight(1, 0) != 0.125, "the others learned");

        Trainer fresh = new Trainer(config, DataGenerator.generate(config), initial.toNetwork(config));
        fresh.runEpochs(4);
        assertEquals(NetworkState.of(fresh.network()), run.fin());
    }

    @Test
    void regressionExportWritesNullAccuracies() throws Exception {
        RunConfig config = new RunConfig(DatasetKind.LINE, 60, 0.1, 0.5, 3, List.of(Feature.X1),
                ProblemKind.REGRESSION, List.of(), ActivationKind.TANH, List.of(), ActivationKind.LINEAR, LossKind.MSE,
                InitSpec.XAVIER_UNIFORM, InitSpec.ZEROS, OptimizerConfig.defaults(OptimizerKind.SGD, 0.05),
                RegularizationConfig.NONE, ScheduleConfig.CONSTANT, 5, true, 0.0);
        Path file = dir.resolve("line.json");
        ScenarioFile.write(Scenario.of(config), file);
        Path export = dir.resolve("run.json");
        Result r = run("train", "--scenario", file.toString(), "--epochs", "20", "--export", export.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(export).contains("\"trainAccuracy\": null"));
        RunExport run = RunExportFile.read(export);
        HistoryPoint first = run.history().get(0);
        HistoryPoint last = run.history().get(20);
        assertTrue(last.trainLoss() < first.trainLoss() / 10, first + " -> " + last);
        assertTrue(Double.isNaN(last.testAccuracy()));
    }

    @Test
    void divergingRunExitsWithThreeAndStillWritesItsExport() throws Exception {
        RunConfig config = RunConfig.defaults()
                .withActivations(ActivationKind.RELU, ActivationKind.LINEAR, LossKind.MSE, ProblemKind.CLASSIFICATION)
                .withOptimizer(OptimizerConfig.defaults(OptimizerKind.SGD, 10));
        Path file = dir.resolve("hot.json");
        ScenarioFile.write(Scenario.of(config), file);
        Path export = dir.resolve("run.json");
        Result r = run("train", "--scenario", file.toString(), "--epochs", "50", "--export", export.toString());
        assertEquals(3, r.code(), "a diverged run has its own exit code: " + r.err());
        RunExport run = RunExportFile.read(export);
        Trainer fresh = new Trainer(config, DataGenerator.generate(config));
        fresh.runEpochs(50);
        assertTrue(fresh.divergence() != null, "this config diverges");
        // Said on stderr, in one line, where a script looks for problems.
        assertEquals("weightlab: stopped early: " + fresh.divergence().message()
                + "; the export holds the run up to that step", r.err().strip());
        assertTrue(r.out().startsWith("trained "), r.out());
        assertEquals(NetworkState.of(fresh.network()), run.fin());
        assertEquals(fresh.stepCount(), run.history().get(run.history().size() - 1).step());
    }
}
