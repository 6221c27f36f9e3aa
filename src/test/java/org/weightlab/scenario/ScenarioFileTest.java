package org.weightlab.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.InitKind;
import org.weightlab.engine.config.InitSpec;
import org.weightlab.engine.config.LossKind;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.OptimizerKind;
import org.weightlab.engine.config.ProblemKind;
import org.weightlab.engine.config.RegularizationConfig;
import org.weightlab.engine.config.RegularizationKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.config.ScheduleConfig;
import org.weightlab.engine.config.ScheduleKind;

class ScenarioFileTest {

    @TempDir
    Path dir;

    /** A valid scenario as an instructor would write it by hand. */
    static final String GOOD = """
            {
              "format": "weightlab-scenario", "version": 1,
              "config": {
                "dataset": "circle", "samples": 500, "noise": 0.0, "trainFraction": 0.5, "seed": 1,
                "features": ["x1", "x2"], "problem": "classification",
                "hidden": [4, 2], "activation": "tanh", "outputActivation": "tanh",
                "loss": "mse", "init": "xavier_uniform",
                "optimizer": { "name": "sgd", "learningRate": 0.03, "momentum": 0.0, "nesterov": false },
                "regularization": { "kind": "none", "rate": 0.0 },
                "batchSize": 10, "shuffle": true
              }
            }
            """;

    static Scenario parse(String json) throws ScenarioException {
        return ScenarioFile.parse(json, "s.json");
    }

    static String failure(String json) {
        return assertThrows(ScenarioException.class, () -> parse(json)).getMessage();
    }

    @Test
    void handWrittenScenarioReadsAsTheDefaultConfig() throws Exception {
        Scenario s = parse(GOOD);
        assertEquals(RunConfig.defaults(), s.config());
        assertNull(s.initial());
        assertNull(s.lesson());
    }

    // ---- round trips ------------------------------------------------------------------------

    /** Configs that exercise every optional field and every form of every setting. */
    static List<RunConfig> variedConfigs() {
        Random r = new Random(5);
        List<RunConfig> configs = new ArrayList<>();
        configs.add(RunConfig.defaults());
        for (OptimizerKind k : OptimizerKind.values()) {
            RunConfig c = RunConfig.defaults()
                    .withData(2 + r.nextInt(1000), r.nextDouble(), 0.1 + 0.8 * r.nextDouble(), r.nextLong())
                    .withOptimizer(OptimizerConfig.defaults(k, 1e-5 + r.nextDouble()));
            configs.add(c);
            // Values away from the defaults, including fields that do not apply to k.
            configs.add(c.withOptimizer(new OptimizerConfig(k, r.nextDouble(), r.nextDouble(), true, r.nextDouble(),
                    r.nextDouble() * 1e-6, r.nextDouble(), r.nextDouble(), r.nextDouble())));
        }
        configs.add(RunConfig.defaults()
                .withActivations(ActivationKind.RELU, ActivationKind.SOFTMAX, LossKind.CROSS_ENTROPY,
                        ProblemKind.CLASSIFICATION)
                .withDataset(DatasetKind.SPIRAL3)
                .withHidden(List.of(8, 6, 3), List.of(ActivationKind.RELU, ActivationKind.LEAKY_RELU,
                        ActivationKind.SIGMOID))
                .withFeatures(List.of(Feature.values()))
                .withInit(InitSpec.uniform(-0.123456789, 0.987654321), InitSpec.constant(0.1))
                .withRegularization(new RegularizationConfig(RegularizationKind.L2, 0.003))
                .withSchedule(new ScheduleConfig(ScheduleKind.STEP, 7, 0.25, 100, 0.0))
                .withBatch(1, false).withDropout(0.2));
        configs.add(new RunConfig(DatasetKind.SINE, 300, 0.1, 0.5, -7, List.of(Feature.X1), ProblemKind.REGRESSION,
                List.of(), ActivationKind.TANH, List.of(), ActivationKind.LINEAR, LossKind.MSE,
                InitSpec.normal(0.3141592653589793), InitSpec.of(InitKind.HE_NORMAL),
                OptimizerConfig.defaults(OptimizerKind.ADAM, 0.001),
                new RegularizationConfig(RegularizationKind.L1, 1e-3),
                new ScheduleConfig(ScheduleKind.COSINE, 10, 0.5, 50, 1e-4), 32, true, 0.0));
        configs.add(RunConfig.defaults().withDataset(DatasetKind.GAUSS)
                .withActivations(ActivationKind.TANH, ActivationKind.SIGMOID, LossKind.BCE,
                        ProblemKind.CLASSIFICATION)
                .withSchedule(new ScheduleConfig(ScheduleKind.EXPONENTIAL, 3, 0.9, 17, 0.5)));
        return configs;
    }

    @Test
    void everyConfigReadsBackEqual() throws Exception {
        for (RunConfig c : variedConfigs()) {
            String json = ScenarioFile.toJson(Scenario.of(c));
            assertEquals(c, parse(json).config(), json);
        }
    }

    /** A network state with awkward doubles: subnormals, -0.0, extremes, random bits. */
    static NetworkState randomState(RunConfig c, Random r) {
        List<LayerState> layers = new ArrayList<>();
        int in = c.features().size();
        List<Integer> sizes = new ArrayList<>(c.hidden());
        sizes.add(c.outputs());
        for (int l = 0; l < sizes.size(); l++) {
            int out = sizes.get(l);
            double[][] w = new double[out][in];
            boolean[][] fw = new boolean[out][in];
            double[] b = new double[out];
            boolean[] fb = new boolean[out];
            for (int o = 0; o < out; o++) {
                for (int i = 0; i < in; i++) {
                    w[o][i] = awkward(r);
                    fw[o][i] = r.nextInt(4) == 0;
                }
                b[o] = awkward(r);
                fb[o] = r.nextBoolean();
            }
            ActivationKind act = l < c.hidden().size() ? c.hiddenActivation(l) : c.outputActivation();
            layers.add(new LayerState(w, b, act, fw, fb));
            in = out;
        }
        return new NetworkState(layers);
    }

    static double awkward(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> -0.0;
            case 1 -> Double.MIN_VALUE * (1 + r.nextInt(1000));
            case 2 -> (r.nextBoolean() ? 1 : -1) * Double.MAX_VALUE / (1 + r.nextInt(10));
            case 3 -> 0.1 + 0.2;
            default -> {
                double d;
                do {
                    d = Double.longBitsToDouble(r.nextLong());
                } while (!Double.isFinite(d));
                yield d;
            }
        };
    }

    @Test
    void initialWeightsAndLessonReadBackBitIdentical() throws Exception {
        Random r = new Random(17);
        for (RunConfig c : variedConfigs()) {
            NetworkState initial = randomState(c, r);
            Lesson lesson = new Lesson("Ünïcode \"quotes\" \\ and tabs\t", "Line one.\n\nLine two: \u00e9\u4e2d\u0001.");
            Scenario s = new Scenario(c, initial, lesson);
            Scenario back = parse(ScenarioFile.toJson(s));
            assertEquals(s, back);
            for (int l = 0; l < initial.layers().size(); l++) {
                double[][] a = initial.layers().get(l).weights();
                double[][] b = back.initial().layers().get(l).weights();
                for (int o = 0; o < a.length; o++) {
                    for (int i = 0; i < a[o].length; i++) {
                        assertEquals(Double.doubleToRawLongBits(a[o][i]), Double.doubleToRawLongBits(b[o][i]));
                    }
                }
            }
        }
    }

    @Test
    void savedFileReadsBackAndReplacesTheOldOneWithoutLeftovers() throws Exception {
        Path file = dir.resolve("lesson.json");
        Files.writeString(file, "old content");
        Scenario s = new Scenario(RunConfig.defaults(), randomState(RunConfig.defaults(), new Random(1)), null);
        ScenarioFile.write(s, file);
        assertEquals(s, ScenarioFile.read(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary files left");
        }
    }

    @Test
    void savingIntoAMissingFolderFailsAndWritesNothing() {
        Path file = dir.resolve("missing").resolve("lesson.json");
        String m = assertThrows(ScenarioException.class,
                () -> ScenarioFile.write(Scenario.of(RunConfig.defaults()), file)).getMessage();
        assertTrue(m.contains("does not exist"), m);
        assertFalse(Files.exists(file.getParent()));
    }

    @Test
    void savingOverAFolderFailsAndLeavesNoTemporaryFile() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("taken.json"));
        assertThrows(ScenarioException.class, () -> ScenarioFile.write(Scenario.of(RunConfig.defaults()), folder));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(folder), files.toList());
        }
    }

    @Test
    void builtInLessonsLoadByName() throws Exception {
        Scenario circle = ScenarioFile.builtIn("circle-basics");
        assertNotNull(circle);
        // TF Playground's defaults, including its uniform(-0.5, 0.5) weights and 0.1 biases.
        assertEquals(RunConfig.defaults().withInit(InitSpec.uniform(-0.5, 0.5), InitSpec.constant(0.1)),
                circle.config());
        assertEquals("Circle basics", circle.lesson().title());
        Scenario xor = ScenarioFile.builtIn("xor-product");
        assertEquals(List.of(Feature.X1, Feature.X2, Feature.X1_TIMES_X2), xor.config().features());
        assertNull(ScenarioFile.builtIn("no-such-lesson"));
        assertNull(ScenarioFile.builtIn("../etc/passwd"));
    }

    // ---- forms that are accepted ----------------------------------------------------------

    @Test
    void omittedOptimizerFieldsTakePyTorchDefaults() throws Exception {
        Scenario s = parse(GOOD.replace("\"name\": \"sgd\", \"learningRate\": 0.03, \"momentum\": 0.0, \"nesterov\": false",
                "\"name\": \"adagrad\", \"learningRate\": 0.1"));
        assertEquals(OptimizerConfig.defaults(OptimizerKind.ADAGRAD, 0.1), s.config().optimizer());
        assertEquals(1e-10, s.config().optimizer().eps());
        s = parse(GOOD.replace("\"name\": \"sgd\", \"learningRate\": 0.03, \"momentum\": 0.0, \"nesterov\": false",
                "\"name\": \"adamw\", \"learningRate\": 0.001, \"beta2\": 0.99"));
        assertEquals(0.01, s.config().optimizer().weightDecay());
        assertEquals(0.99, s.config().optimizer().beta2());
        assertEquals(0.9, s.config().optimizer().beta1());
    }

    @Test
    void initializersReadFromNamesCallsAndObjects() throws Exception {
        assertEquals(InitSpec.uniform(-0.5, 0.5), initOf("\"uniform(-0.5, 0.5)\""));
        assertEquals(InitSpec.uniform(-0.5, 0.5), initOf("{\"name\": \"uniform\", \"low\": -0.5, \"high\": 0.5}"));
        assertEquals(InitSpec.normal(0.1), initOf("{\"name\": \"normal\", \"std\": 0.1}"));
        assertEquals(InitSpec.normal(0.1), initOf("\"normal(0.1)\""));
        assertEquals(InitSpec.constant(-2e-3), initOf("\"constant(-2e-3)\""));
        assertEquals(InitSpec.of(InitKind.LECUN_NORMAL), initOf("\"lecun_normal\""));
        assertEquals(InitSpec.ZEROS, initOf("{\"name\": \"zeros\"}"));
    }

    private static InitSpec initOf(String json) throws ScenarioException {
        return parse(GOOD.replace("\"init\": \"xavier_uniform\"", "\"init\": " + json)).config().init();
    }

    @Test
    void initialBlockMayLeaveOutActivationAndFrozenMasks() throws Exception {
        String initial = """
                , "initial": { "layers": [
                  { "weights": [[1, 2]], "biases": [0.5] } ] }
                """;
        String json = GOOD.replace("\"hidden\": [4, 2]", "\"hidden\": []");
        json = json.substring(0, json.lastIndexOf('}')) + initial + "}";
        Scenario s = parse(json);
        LayerState l = s.initial().layers().get(0);
        assertArrayEquals(new double[] {1, 2}, l.weights()[0]);
        assertEquals(ActivationKind.TANH, l.activation());
        assertFalse(l.frozenWeights()[0][0] || l.frozenBiases()[0]);
    }

    @Test
    void byteOrderMarkAndWholeNumbersWrittenAsDecimalsAreAccepted() throws Exception {
        byte[] bom = ("\uFEFF" + GOOD.replace("\"samples\": 500", "\"samples\": 500.0")).getBytes(StandardCharsets.UTF_8);
        assertEquals(500, ScenarioFile.parse(bom, "s.json").config().samples());
    }

    // ---- bad input --------------------------------------------------------------------------

    static Stream<Arguments> badScenarios() {
        String noInit = GOOD.replace("\"hidden\": [4, 2]", "\"hidden\": [3]");
        return Stream.of(
                Arguments.of("unknown field", GOOD.replace("\"learningRate\"", "\"lerningRate\""),
                        "s.json: config.optimizer.lerningRate: unknown field (did you mean \"learningRate\"?)"),
                Arguments.of("unknown top-level field", GOOD.replace("\"version\": 1", "\"version\": 1, \"extra\": 0"),
                        "s.json: extra: unknown field"),
                Arguments.of("missing field", GOOD.replace("\"loss\": \"mse\",", ""),
                        "s.json: config.loss: missing field"),
                Arguments.of("wrong type", GOOD.replace("\"samples\": 500", "\"samples\": \"500\""),
                        "s.json: config.samples: expected a whole number, got a string \"500\""),
                Arguments.of("fraction for a count", GOOD.replace("\"samples\": 500", "\"samples\": 500.5"),
                        "s.json: config.samples: expected a whole number, got the number 500.5"),
                Arguments.of("boolean type", GOOD.replace("\"shuffle\": true", "\"shuffle\": 1"),
                        "s.json: config.shuffle: expected true or false, got the number 1"),
                Arguments.of("array element type", GOOD.replace("[4, 2]", "[4, \"two\"]"),
                        "s.json: config.hidden[1]: expected a whole number, got a string \"two\""),
                Arguments.of("unknown name", GOOD.replace("\"activation\": \"tanh\"", "\"activation\": \"tahn\""),
                        "s.json: config.activation: unknown activation \"tahn\" (expected one of: linear, relu, "
                                + "leaky_relu, tanh, sigmoid, softmax)"),
                Arguments.of("range checked by RunConfig", GOOD.replace("\"noise\": 0.0", "\"noise\": 1.5"),
                        "s.json: config.noise: must be between 0 and 1 (0% to 100%), got 1.5"),
                Arguments.of("range checked by OptimizerConfig", GOOD.replace("0.03", "20"),
                        "s.json: config.optimizer.learningRate: must be between 1e-05 and 10, got 20.0"),
                Arguments.of("samples out of range", GOOD.replace("\"samples\": 500", "\"samples\": 1"),
                        "s.json: config.samples: must be between 2 and 100000, got 1"),
                Arguments.of("too many neurons", GOOD.replace("[4, 2]", "[4, 17]"),
                        "s.json: config.hidden[1]: must be between 1 and 16, got 17"),
                Arguments.of("huge number", GOOD.replace("\"noise\": 0.0", "\"noise\": 1e400"),
                        "s.json: config.noise: the number is too large (beyond 1.8e308)"),
                Arguments.of("inconsistent settings", GOOD.replace("\"loss\": \"mse\"", "\"loss\": \"bce\""),
                        "s.json: config: bce needs a sigmoid output"),
                Arguments.of("dataset and problem disagree", GOOD.replace("\"classification\"", "\"regression\""),
                        "s.json: config.dataset: circle is a classification problem, but problem is regression"),
                Arguments.of("bad initializer call", GOOD.replace("\"xavier_uniform\"", "\"uniform(1)\""),
                        "s.json: config.init: write uniform(low, high), e.g. uniform(-0.5, 0.5)"),
                Arguments.of("initializer range", GOOD.replace("\"xavier_uniform\"",
                                "{\"name\": \"uniform\", \"low\": 1, \"high\": 0}"),
                        "s.json: config.init: uniform initializer needs low < high, got 1.0 and 0.0"),
                Arguments.of("parameter of another initializer", GOOD.replace("\"xavier_uniform\"",
                                "{\"name\": \"normal\", \"low\": 1}"),
                        "s.json: config.init.low: unknown field"),
                Arguments.of("newer version", GOOD.replace("\"version\": 1", "\"version\": 2"),
                        "s.json: written by a newer WeightLab (version 2); this version reads version 1"),
                Arguments.of("version zero", GOOD.replace("\"version\": 1", "\"version\": 0"),
                        "s.json: version: 0 is not a valid version; this version reads version 1"),
                Arguments.of("version as text", GOOD.replace("\"version\": 1", "\"version\": \"1\""),
                        "s.json: version: expected a whole number, got a string \"1\""),
                Arguments.of("run export", GOOD.replace("weightlab-scenario", "weightlab-run"),
                        "s.json: this is a run export (weightlab-run), not a scenario"),
                Arguments.of("other format", GOOD.replace("weightlab-scenario", "keras-model"),
                        "s.json: format: expected \"weightlab-scenario\", got a string \"keras-model\""),
                Arguments.of("no format", "{\"version\": 1}", "s.json: not a WeightLab scenario (no \"format\" field)"),
                Arguments.of("not an object", "[1, 2]",
                        "s.json: expected a JSON object with \"format\": \"weightlab-scenario\", got an array"),
                Arguments.of("malformed", GOOD.replace("\"seed\": 1,", "\"seed\": 1"),
                        "s.json: malformed JSON at line 5, column 5: Unexpected character ('\"' (code 34)): was "
                                + "expecting comma to separate Object entries"),
                Arguments.of("duplicate field", GOOD.replace("\"seed\": 1,", "\"seed\": 1, \"seed\": 2,"),
                        "s.json: malformed JSON at line 4, column 95: Duplicate field 'seed'"),
                Arguments.of("trailing content", GOOD + "{}",
                        "s.json: malformed JSON at line 13, column 1: more content after the end of the JSON object"),
                Arguments.of("cut short", GOOD.substring(0, GOOD.indexOf("\"seed\": 1,") + 10),
                        "s.json: malformed JSON at line 4, column 88: Unexpected end-of-input within/between Object "
                                + "entries"),
                Arguments.of("control characters in a value", GOOD.replace("\"circle\"", "\"cir\\ncle\""),
                        "s.json: config.dataset: unknown dataset \"cir?cle\" (expected one of: circle, xor, gauss, spiral, "
                                + "moons, gauss3, spiral3, plane, multigauss, line, sine, digits, custom)"),
                Arguments.of("empty field name", GOOD.replace("\"version\": 1", "\"version\": 1, \"\": 0"),
                        "s.json: \"\": unknown field"),
                Arguments.of("range of a nested object", GOOD.replace("\"rate\": 0.0", "\"rate\": 11"),
                        "s.json: config.regularization.rate: must be between 0 and 10, got 11.0"),
                Arguments.of("empty", "  \n ", "s.json: file is empty"),
                Arguments.of("wrong layer count", noInit.substring(0, noInit.lastIndexOf('}'))
                                + ", \"initial\": {\"layers\": [{\"weights\": [[1, 2]], \"biases\": [0]}]}}",
                        "s.json: initial.layers: has 1 layers; the config's network has 2 (hidden [3] and the output "
                                + "layer)"),
                Arguments.of("wrong row count", noInit.substring(0, noInit.lastIndexOf('}'))
                                + ", \"initial\": {\"layers\": [{\"weights\": [[1, 2]], \"biases\": [0]},"
                                + " {\"weights\": [[1, 2, 3]], \"biases\": [0]}]}}",
                        "s.json: initial.layers[0].weights: has 1 rows; hidden layer 1 has 3 neurons"),
                Arguments.of("wrong row length", noInit.substring(0, noInit.lastIndexOf('}'))
                                + ", \"initial\": {\"layers\": [{\"weights\": [[1, 2], [1], [1, 2]], \"biases\": [0, 0, 0]},"
                                + " {\"weights\": [[1, 2, 3]], \"biases\": [0]}]}}",
                        "s.json: initial.layers[0].weights[1]: has 1 entries; hidden layer 1 takes 2 inputs"),
                Arguments.of("wrong activation", noInit.substring(0, noInit.lastIndexOf('}'))
                                + ", \"initial\": {\"layers\": [{\"weights\": [[1, 2], [1, 1], [1, 2]], \"biases\": [0, 0, 0]},"
                                + " {\"weights\": [[1, 2, 3]], \"biases\": [0], \"activation\": \"relu\"}]}}",
                        "s.json: initial.layers[1].activation: is relu, but the config gives the output layer tanh"),
                Arguments.of("frozen mask type", noInit.substring(0, noInit.lastIndexOf('}'))
                                + ", \"initial\": {\"layers\": [{\"weights\": [[1, 2], [1, 1], [1, 2]], \"biases\": [0, 0, 0]},"
                                + " {\"weights\": [[1, 2, 3]], \"biases\": [0], \"frozenBiases\": [0]}]}}",
                        "s.json: initial.layers[1].frozenBiases[0]: expected true or false, got the number 0"),
                Arguments.of("lesson without title", GOOD.substring(0, GOOD.lastIndexOf('}'))
                                + ", \"lesson\": {\"text\": \"hi\"}}",
                        "s.json: lesson.title: missing field"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badScenarios")
    void badScenarioIsRefusedWithAMessageNamingTheProblem(String what, String json, String message) {
        String m = failure(json);
        assertEquals(message, m);
        assertFalse(m.contains("\n"), "one line");
    }

    @Test
    void missingFileIsNamed() {
        String m = assertThrows(ScenarioException.class, () -> ScenarioFile.read(dir.resolve("nope.json"))).getMessage();
        assertEquals(dir.resolve("nope.json") + ": no such file", m);
    }

    @Test
    void folderIsNotAScenario() {
        String m = assertThrows(ScenarioException.class, () -> ScenarioFile.read(dir)).getMessage();
        assertEquals(dir + ": is a folder, not a file", m);
    }

    @Test
    void hugeFileIsRefusedBeforeReading() throws IOException {
        Path file = dir.resolve("huge.json");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(ScenarioFile.MAX_BYTES + 1);
        }
        String m = assertThrows(ScenarioException.class, () -> ScenarioFile.read(file)).getMessage();
        assertEquals(file + ": file is too large (20.0 MB; the limit is 20 MB)", m);
    }

    @Test
    void binaryContentIsRefused() {
        byte[] withZero = GOOD.getBytes(StandardCharsets.UTF_8);
        withZero[10] = 0;
        assertEquals("s.json: not a text file (binary content: a zero byte at offset 10)",
                assertThrows(ScenarioException.class, () -> ScenarioFile.parse(withZero, "s.json")).getMessage());
        byte[] notUtf8 = {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertEquals("s.json: not a text file (invalid UTF-8 at offset 2)",
                assertThrows(ScenarioException.class, () -> ScenarioFile.parse(notUtf8, "s.json")).getMessage());
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        assertTrue(assertThrows(ScenarioException.class, () -> ScenarioFile.parse(png, "s.json")).getMessage()
                .startsWith("s.json: not a text file"));
    }
}
