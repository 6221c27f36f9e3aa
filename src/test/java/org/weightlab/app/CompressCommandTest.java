package org.weightlab.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.weightlab.app.TrainCommandTest.Result;
import org.weightlab.compress.CompressionSpec;
import org.weightlab.compress.Compressor;
import org.weightlab.compress.PruneScope;
import org.weightlab.compress.QuantSpec;
import org.weightlab.engine.Evaluation;
import org.weightlab.engine.Network;
import org.weightlab.engine.Trainer;
import org.weightlab.scenario.LayerState;
import org.weightlab.scenario.NetworkState;
import org.weightlab.scenario.RunExport;
import org.weightlab.scenario.RunExportFile;
import org.weightlab.scenario.ScenarioFile;

class CompressCommandTest {

    @TempDir
    Path dir;

    /** A trained circle run (x1, x2 -> 4 -> 2 -> 1 tanh) written as a run export. */
    private Path trainedRun(String lesson, int epochs) throws Exception {
        RunExport run = TrainCommand.train(TrainCommand.load(lesson), epochs).run();
        Path file = dir.resolve(lesson + "-run.json");
        RunExportFile.write(run, file);
        return file;
    }

    /** The value of {@code key=} on the line starting with {@code prefix}. */
    private static String value(String out, String prefix, String key) {
        String line = out.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(
                () -> new AssertionError("no line '" + prefix + "' in\n" + out));
        for (String part : line.split(" ")) {
            if (part.startsWith(key + "=")) {
                return part.substring(key.length() + 1);
            }
        }
        return null;
    }

    private static String g(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    private static long nonzero(Network n) {
        long count = 0;
        for (int l = 0; l < n.layerCount(); l++) {
            for (double v : n.layer(l).weightsCopy()) {
                count += v != 0 ? 1 : 0;
            }
            for (double v : n.layer(l).biasesCopy()) {
                count += v != 0 ? 1 : 0;
            }
        }
        return count;
    }

    @Test
    void printsBeforeAndAfterAndWritesTheCompressedWeights() throws Exception {
        Path runFile = trainedRun("circle-basics", 30);
        byte[] runBytes = Files.readAllBytes(runFile);
        Path out = dir.resolve("small.json");
        Result r = TrainCommandTest.run("compress", "--run", runFile.toString(), "--prune", "0.5", "--bits", "4",
                "--export", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());

        RunExport run = RunExportFile.read(runFile);
        Network original = run.fin().toNetwork(run.config());
        Evaluation before = new Trainer(run.config(), run.data(), original).evaluate();
        Network expected = Compressor.apply(original, new CompressionSpec(0.5, PruneScope.GLOBAL, QuantSpec.BITS4));
        Evaluation after = new Trainer(run.config(), run.data(), expected).evaluate();
        String o = r.out();
        assertEquals(g(before.trainLoss()), value(o, "compress before ", "train_loss"));
        assertEquals(g(before.testLoss()), value(o, "compress before ", "test_loss"));
        assertEquals(g(before.testAccuracy()), value(o, "compress before ", "test_accuracy"));
        assertEquals(String.valueOf(nonzero(original)), value(o, "compress before ", "nonzero"));
        assertEquals(g(after.trainLoss()), value(o, "compress after ", "train_loss"));
        assertEquals(g(after.testLoss()), value(o, "compress after ", "test_loss"));
        assertEquals(g(after.testAccuracy()), value(o, "compress after ", "test_accuracy"));
        assertEquals(String.valueOf(nonzero(expected)), value(o, "compress after ", "nonzero"));
        // 2 -> 4 -> 2 -> 1: 8 + 8 + 2 = 18 weights, 7 biases; half the weights (9) pruned.
        assertEquals("25", value(o, "size total ", "params"));
        assertEquals("200", value(o, "size total ", "float64_bytes"));
        assertEquals("13", value(o, "size total ", "int4_bytes"));
        assertEquals("56000000000", value(o, "size 7b_model ", "float64_bytes"));
        assertEquals("875000000", value(o, "size 7b_model ", "binary_bytes"));
        assertTrue(nonzero(expected) <= 25 - 9, o);

        RunExport written = RunExportFile.read(out);
        assertEquals(NetworkState.of(expected), written.fin());
        assertEquals(new CompressionSpec(0.5, PruneScope.GLOBAL, QuantSpec.BITS4), written.compression());
        assertEquals(run.initial(), written.initial());
        assertEquals(run.history(), written.history());
        assertEquals(run.config(), written.config());
        assertEquals(after, new Trainer(written.config(), written.data(), written.fin().toNetwork(written.config()))
                .evaluate(), "the reopened export evaluates to the 'after' figures");
        assertArrayEquals(runBytes, Files.readAllBytes(runFile), "the run file is untouched");
        assertTrue(Files.readString(out).contains("\"compression\""));
    }

    @Test
    void perLayerTernaryAndPercentSparsity() throws Exception {
        Path runFile = trainedRun("circle-basics", 10);
        Path out = dir.resolve("t.json");
        Result r = TrainCommandTest.run("compress", "--run", runFile.toString(), "--prune", "25%", "--prune-scope",
                "layer", "--bits", "ternary", "--export", out.toString());
        assertEquals(0, r.code(), r.err());
        RunExport run = RunExportFile.read(runFile);
        Network expected = Compressor.apply(run.fin().toNetwork(run.config()),
                new CompressionSpec(0.25, PruneScope.LAYER, QuantSpec.TERNARY));
        RunExport written = RunExportFile.read(out);
        assertEquals(NetworkState.of(expected), written.fin());
        assertEquals(new CompressionSpec(0.25, PruneScope.LAYER, QuantSpec.TERNARY), written.compression());
        // Ternary leaves at most three values per layer: -g, 0, g.
        for (LayerState layer : written.fin().layers()) {
            assertTrue(java.util.Arrays.stream(layer.flatWeights()).map(Math::abs).distinct().count() <= 2);
        }
    }

    @Test
    void nothingAskedCopiesTheWeightsAndPlainRunsStillHaveNoCompressionSection() throws Exception {
        Path runFile = trainedRun("circle-basics", 5);
        assertFalse(Files.readString(runFile).contains("compression"));
        assertNull(RunExportFile.read(runFile).compression());
        Path out = dir.resolve("same.json");
        Result r = TrainCommandTest.run("compress", "--run", runFile.toString(), "--export", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(RunExportFile.read(runFile).fin(), RunExportFile.read(out).fin());
        String o = r.out();
        assertEquals(value(o, "compress before ", "test_loss"), value(o, "compress after ", "test_loss"));
        assertTrue(o.contains("prune=0.0 scope=global bits=float64"), o);
    }

    @Test
    void regressionHasNoAccuracy() throws Exception {
        Path runFile = trainedRun("linear-regression", 5);
        Path out = dir.resolve("r.json");
        Result r = TrainCommandTest.run("compress", "--run", runFile.toString(), "--bits", "binary", "--export",
                out.toString());
        assertEquals(0, r.code(), r.err());
        assertNull(value(r.out(), "compress before ", "test_accuracy"));
        assertTrue(value(r.out(), "compress after ", "test_loss") != null);
    }

    private void assertRefused(Result r, String expectedPart, Path export) throws Exception {
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(expectedPart), r.err());
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        assertFalse(Files.exists(export), "no export written");
        try (Stream<Path> files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "--prune|1.5|--prune takes a sparsity from 0 to 0.99 (or 0% to 99%), got 1.5",
            "--prune|100%|--prune takes a sparsity from 0 to 0.99",
            "--prune|-0.1|--prune takes a sparsity from 0 to 0.99",
            "--prune|half|--prune takes a sparsity from 0 to 0.99 (or 0% to 99%), got half",
            "--prune-scope|row|--prune-scope: unknown pruning scope \"row\" (expected global or layer)",
            "--bits|5|--bits: unknown quantization \"5\" (expected 8, 4, 3, 2, ternary, binary)",
            "--bits|1|--bits: unknown quantization \"1\""})
    void badOptionsAreRefused(String option, String value, String message) throws Exception {
        Path runFile = trainedRun("circle-basics", 1);
        Path out = dir.resolve("out.json");
        Result r = TrainCommandTest.run("compress", "--run", runFile.toString(), option, value, "--export",
                out.toString());
        assertRefused(r, message, out);
    }

    @Test
    void missingRunAndMissingFolderAreNamed() throws Exception {
        Path out = dir.resolve("out.json");
        Path missing = dir.resolve("nope.json");
        Result r = TrainCommandTest.run("compress", "--run", missing.toString(), "--export", out.toString());
        assertRefused(r, missing.toString(), out);

        Path runFile = trainedRun("circle-basics", 1);
        Path nowhere = dir.resolve("no-such-folder").resolve("out.json");
        r = TrainCommandTest.run("compress", "--run", runFile.toString(), "--export", nowhere.toString());
        assertRefused(r, "--export: cannot write " + nowhere + ": folder " + nowhere.getParent() + " does not exist", nowhere);
        r = TrainCommandTest.run("compress", "--run", runFile.toString());
        assertRefused(r, "Missing required option: '--export=OUT.json'", out);
    }

    @Test
    void aScenarioIsNotARun() throws Exception {
        Path scenario = dir.resolve("s.json");
        ScenarioFile.write(TrainCommand.load("circle-basics"), scenario);
        Path out = dir.resolve("out.json");
        Result r = TrainCommandTest.run("compress", "--run", scenario.toString(), "--export", out.toString());
        assertRefused(r, scenario + ": ", out);
    }

    @Test
    void divergedAndAlreadyCompressedRunsAreRefused() throws Exception {
        // A run whose last step overflowed: the file holds null (NaN) for one final weight.
        RunExport run = TrainCommand.train(TrainCommand.load("circle-basics"), 1).run();
        List<LayerState> layers = new java.util.ArrayList<>(run.fin().layers());
        LayerState first = layers.get(0);
        double[][] w = first.weights();
        w[0][0] = Double.NaN;
        layers.set(0, new LayerState(w, first.biases(), first.activation(), first.frozenWeights(),
                first.frozenBiases()));
        RunExport diverged = new RunExport(run.config(), run.data(), run.initial(), new NetworkState(layers),
                run.history());
        Path runFile = dir.resolve("hot.json");
        RunExportFile.write(diverged, runFile);
        Path out = dir.resolve("out.json");
        Result r = TrainCommandTest.run("compress", "--run", runFile.toString(), "--bits", "8", "--export",
                out.toString());
        assertRefused(r, "the final weights are not finite numbers (the run diverged)", out);

        Path good = trainedRun("circle-basics", 2);
        Path once = dir.resolve("once.json");
        assertEquals(0, TrainCommandTest.run("compress", "--run", good.toString(), "--bits", "8", "--export",
                once.toString()).code());
        r = TrainCommandTest.run("compress", "--run", once.toString(), "--bits", "2", "--export", out.toString());
        assertRefused(r, "is already compressed (prune=0.0 scope=global bits=8)", out);
    }

    @Test
    void compressionSectionIsCheckedWhenRead() throws Exception {
        Path good = trainedRun("circle-basics", 2);
        Path once = dir.resolve("once.json");
        assertEquals(0, TrainCommandTest.run("compress", "--run", good.toString(), "--prune", "0.3", "--export",
                once.toString()).code());
        String json = Files.readString(once);
        for (List<String> edit : List.of(List.of("\"prune\": 0.3", "\"prune\": 3"),
                List.of("\"pruneScope\": \"global\"", "\"pruneScope\": \"rows\""),
                List.of("\"pruneScope\": \"global\"", "\"pruneScope\": \"global\", \"bitz\": \"4\""))) {
            assertTrue(json.contains(edit.get(0)), json);
            String bad = json.replace(edit.get(0), edit.get(1));
            try {
                RunExportFile.parse(bad, "bad.json");
                throw new AssertionError("accepted " + edit.get(1));
            } catch (org.weightlab.scenario.ScenarioException e) {
                assertTrue(e.getMessage().startsWith("bad.json: compression."), e.getMessage());
            }
        }
    }
}
