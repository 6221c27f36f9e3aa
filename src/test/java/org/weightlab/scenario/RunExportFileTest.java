package org.weightlab.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
import org.weightlab.engine.data.DataSplit;
import org.weightlab.engine.data.Dataset;

class RunExportFileTest {

    @TempDir
    Path dir;

    static RunExport export(RunConfig c, long seed, boolean diverged) {
        Random r = new Random(seed);
        DataSplit data = DataGenerator.generate(c);
        NetworkState initial = ScenarioFileTest.randomState(c, r);
        NetworkState fin = ScenarioFileTest.randomState(c, r);
        if (diverged) {
            List<LayerState> layers = new ArrayList<>(fin.layers());
            LayerState last = layers.get(layers.size() - 1);
            double[][] w = last.weights();
            w[0][0] = Double.NaN;
            w[0][w[0].length - 1] = Double.POSITIVE_INFINITY;
            double[] b = last.biases();
            b[0] = Double.NEGATIVE_INFINITY;
            layers.set(layers.size() - 1, new LayerState(w, b, last.activation(), last.frozenWeights(),
                    last.frozenBiases()));
            fin = new NetworkState(layers);
        }
        boolean regression = c.problem() == ProblemKind.REGRESSION;
        List<HistoryPoint> history = new ArrayList<>();
        for (int e = 0; e <= 5; e++) {
            history.add(new HistoryPoint(e * 25L, e, r.nextDouble(), r.nextDouble(),
                    regression ? Double.NaN : r.nextDouble(), regression ? Double.NaN : r.nextDouble()));
        }
        if (diverged) {
            history.add(new HistoryPoint(151, 6, Double.POSITIVE_INFINITY, Double.NaN, 0.5, 0.5));
        }
        return new RunExport(c, data, initial, fin, history);
    }

    static RunConfig regression() {
        return new RunConfig(DatasetKind.MULTIGAUSS, 200, 0.3, 0.7, 12, List.of(Feature.X1, Feature.X2,
                Feature.SIN_X1), ProblemKind.REGRESSION, List.of(5), ActivationKind.RELU, List.of(),
                ActivationKind.LINEAR, LossKind.MSE, InitSpec.of(org.weightlab.engine.config.InitKind.HE_UNIFORM),
                InitSpec.ZEROS, OptimizerConfig.defaults(OptimizerKind.RMSPROP, 0.01), RegularizationConfig.NONE,
                ScheduleConfig.CONSTANT, 16, true, 0.0);
    }

    static RunConfig threeClasses() {
        return RunConfig.defaults()
                .withActivations(ActivationKind.TANH, ActivationKind.SOFTMAX, LossKind.CROSS_ENTROPY,
                        ProblemKind.CLASSIFICATION)
                .withDataset(DatasetKind.GAUSS3).withData(90, 0.5, 0.5, 3);
    }

    static void assertSameRun(RunExport a, RunExport b) {
        assertEquals(a.config(), b.config());
        assertSameData(a.data().train(), b.data().train());
        assertSameData(a.data().test(), b.data().test());
        assertEquals(a.initial(), b.initial());
        assertEquals(a.fin(), b.fin());
        assertEquals(a.history(), b.history());
    }

    static void assertSameData(Dataset a, Dataset b) {
        // assertArrayEquals on double[] compares bit patterns (doubleToLongBits).
        assertArrayEquals(a.points(), b.points());
        assertArrayEquals(a.labels(), b.labels());
    }

    @Test
    void classificationRunReadsBackBitIdentical() throws Exception {
        RunExport run = export(RunConfig.defaults().withData(300, 0.4, 0.6, 77), 1, false);
        Path file = dir.resolve("run.json");
        RunExportFile.write(run, file);
        assertSameRun(run, RunExportFile.read(file));
    }

    @Test
    void threeClassRunReadsBackBitIdentical() throws Exception {
        RunExport run = export(threeClasses(), 2, false);
        assertSameRun(run, RunExportFile.parse(RunExportFile.toJson(run), "run.json"));
    }

    @Test
    void regressionAccuracyIsWrittenAsNullAndReadsBackAsNaN() throws Exception {
        RunExport run = export(regression(), 3, false);
        String json = RunExportFile.toJson(run);
        assertTrue(json.contains("\"trainAccuracy\": null, \"testAccuracy\": null"), json);
        RunExport back = RunExportFile.parse(json, "run.json");
        assertSameRun(run, back);
        assertTrue(Double.isNaN(back.history().get(0).testAccuracy()));
    }

    @Test
    void divergedRunKeepsItsNonFiniteNumbers() throws Exception {
        RunExport run = export(RunConfig.defaults(), 4, true);
        String json = RunExportFile.toJson(run);
        assertTrue(json.contains("\"trainLoss\": \"Infinity\", \"testLoss\": null"), json);
        assertTrue(json.contains("[null, "), json);
        assertSameRun(run, RunExportFile.parse(json, "run.json"));
    }

    @Test
    void exportHasTheFieldsOfDesignSection4() throws Exception {
        String json = RunExportFile.toJson(export(RunConfig.defaults().withData(20, 0, 0.5, 1), 5, false));
        com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertEquals(List.of("format", "version", "config", "data", "initial", "final", "history"),
                iterable(root.fieldNames()));
        assertEquals("weightlab-run", root.get("format").asText());
        assertEquals(List.of("features", "train", "test"), iterable(root.get("data").fieldNames()));
        assertEquals(2, root.get("data").get("train").get("points").get(0).size());
        assertEquals(List.of("weights", "biases", "activation", "frozenWeights", "frozenBiases"),
                iterable(root.get("final").get("layers").get(0).fieldNames()));
        assertEquals(List.of("step", "epoch", "trainLoss", "testLoss", "trainAccuracy", "testAccuracy"),
                iterable(root.get("history").get(1).fieldNames()));
        // weights are [out][in]: the first layer has 4 rows of 2.
        assertEquals(4, root.get("initial").get("layers").get(0).get("weights").size());
        assertEquals(2, root.get("initial").get("layers").get(0).get("weights").get(0).size());
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> l = new ArrayList<>();
        it.forEachRemaining(l::add);
        return l;
    }

    @Test
    void badExportsAreRefusedWithTheirPath() {
        String good = RunExportFile.toJson(export(RunConfig.defaults().withData(20, 0, 0.5, 1), 6, false));
        assertEquals("run.json: this is a scenario (weightlab-scenario), not a run export",
                failure(good.replace("weightlab-run", "weightlab-scenario")));
        assertEquals("run.json: written by a newer WeightLab (version 3); this version reads version 1",
                failure(good.replace("\"version\": 1", "\"version\": 3")));
        assertEquals("run.json: data.features: expected [\"x1\", \"x2\"]: points are raw 2-D points, and "
                + "config.features says which inputs the network computes from them",
                failure(good.replace("\"features\": [\"x1\", \"x2\"],\n    \"train\"", "\"features\": [\"x1\"],\n    \"train\"")));
        assertEquals("run.json: history[2].trainLoss: missing field", failure(good.replaceFirst(
                "(\\{\"step\": \\d+, \"epoch\": 2, )\"trainLoss\": [^,]*, ", "$1")));
        assertEquals("run.json: history[0].epoch: expected a whole number, got a string \"0\"",
                failure(good.replace("\"epoch\": 0,", "\"epoch\": \"0\",")));
        String badLabel = good.replaceFirst("\"labels\": \\[(-?1\\.0)", "\"labels\": [0.5");
        assertEquals("run.json: data.train.labels[0]: must be -1 or 1 for circle, got 0.5", failure(badLabel));
        String badInitial = good.replaceFirst("(\"initial\": \\{\\s*\"layers\": \\[\\s*\\{\\s*\"weights\": \\[\\s*\\[)[^,]*",
                "$1null");
        assertEquals("run.json: initial.layers[0].weights[0][0]: expected a number, got null", failure(badInitial));
    }

    private static String failure(String json) {
        return assertThrows(ScenarioException.class, () -> RunExportFile.parse(json, "run.json")).getMessage();
    }

    @Test
    void failedSaveLeavesNoFile() throws Exception {
        Path target = dir.resolve("no-folder").resolve("run.json");
        assertThrows(ScenarioException.class, () -> RunExportFile.write(export(RunConfig.defaults(), 7, false), target));
        try (Stream<Path> files = Files.list(dir)) {
            assertFalse(files.findAny().isPresent());
        }
    }
}
