package org.weightlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.InitSpec;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;

/**
 * Values a file can hold but WeightLab cannot use or keep: huge initializer parameters, learning
 * rates outside the window's range, lone surrogates, bare NaN, a feature listed twice.
 */
class ScenarioLimitsTest {

    private static final String GOOD = ScenarioFileTest.GOOD;

    private static String refusal(String json) {
        String m = assertThrows(ScenarioException.class, () -> ScenarioFile.parse(json, "s.json")).getMessage();
        assertFalse(m.contains("\n"), "one line: " + m);
        return m;
    }

    private static String withInit(String init) {
        return GOOD.replace("\"xavier_uniform\"", init);
    }

    @Test
    void hugeInitializerParametersAreRefusedByName() {
        assertEquals("s.json: config.init: low must be between -100 and 100, got -1.0E308",
                refusal(withInit("\"uniform(-1e308, 1e308)\"")));
        assertEquals("s.json: config.init: std must be between 0 and 100, got 1.0E308",
                refusal(withInit("\"normal(1e308)\"")));
        assertEquals("s.json: config.init: value must be between -100 and 100, got 1.0E308",
                refusal(withInit("\"constant(1e308)\"")));
        assertEquals("s.json: config.init.high: must be between -100 and 100, got 1.0E308",
                refusal(withInit("{\"name\": \"uniform\", \"low\": 0, \"high\": 1e308}")));
        assertEquals("s.json: config.init.std: must be between 0 and 100, got 100.5",
                refusal(withInit("{\"name\": \"normal\", \"std\": 100.5}")));
        assertEquals("s.json: config.init.value: must be between -100 and 100, got -101.0",
                refusal(withInit("{\"name\": \"constant\", \"value\": -101}")));
    }

    @Test
    void initializersAtTheLimitGiveFiniteWeights() throws Exception {
        for (String init : List.of("\"uniform(-100, 100)\"", "\"normal(100)\"", "\"constant(-100)\"")) {
            RunConfig c = ScenarioFile.parse(withInit(init), "s.json").config();
            Trainer t = new Trainer(c, DataGenerator.generate(c));
            NetworkState s = NetworkState.of(t.network());
            double largest = 0;
            for (LayerState layer : s.layers()) {
                for (double[] row : layer.weights()) {
                    for (double w : row) {
                        assertTrue(Double.isFinite(w), init + ": " + w);
                        largest = Math.max(largest, Math.abs(w));
                    }
                }
            }
            assertTrue(largest > 1, init + " is used, largest weight " + largest);
        }
        assertEquals(InitSpec.MAX_PARAMETER, InitSpec.uniform(-100, 100).high());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e-300", "0", "9.99e-6", "10.5"})
    void learningRateOutsideTheWindowsRangeIsRefused(String lr) {
        String m = refusal(GOOD.replace("0.03", lr));
        assertTrue(m.startsWith("s.json: config.optimizer.learningRate: must be between 1e-05 and 10, got "), m);
    }

    @Test
    void learningRateAtBothEndsOfTheRangeIsRead() throws Exception {
        for (double lr : new double[] {OptimizerConfig.MIN_LEARNING_RATE, OptimizerConfig.MAX_LEARNING_RATE}) {
            assertEquals(lr, ScenarioFile.parse(GOOD.replace("0.03", Double.toString(lr)), "s.json").config()
                    .optimizer().learningRate());
        }
    }

    private static String withLesson(String text) {
        return GOOD.substring(0, GOOD.lastIndexOf('}')) + ", \"lesson\": {\"title\": \"T\", \"text\": \"" + text + "\"}}";
    }

    @Test
    void loneSurrogateInLessonTextIsRefused() {
        assertEquals("s.json: lesson.text: character 2 is \\ud800, half of a surrogate pair without its other half; "
                + "that is not text", refusal(withLesson("A\\ud800B")));
        assertTrue(refusal(withLesson("A\\udc00")).startsWith("s.json: lesson.text: character 2 is \\udc00"));
        assertTrue(refusal(withLesson("\\ude00\\ud83d")).startsWith("s.json: lesson.text: character 1 is \\ude00"));
    }

    @Test
    void fullSurrogatePairIsKeptExactlyThroughSaveAndReopen() throws Exception {
        Scenario s = ScenarioFile.parse(withLesson("A\\ud83d\\ude00B"), "s.json");
        assertEquals("A\uD83D\uDE00B", s.lesson().text());
        Scenario again = ScenarioFile.parse(ScenarioFile.toJson(s).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "again.json");
        assertEquals("A\uD83D\uDE00B", again.lesson().text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity"})
    void bareNonFiniteNumberIsRefusedInPlainWords(String word) {
        String m = refusal(GOOD.replace("\"noise\": 0.0", "\"noise\": " + word));
        assertTrue(m.startsWith("s.json: malformed JSON at line 4, column "), m);
        assertTrue(m.endsWith("NaN and Infinity are not JSON numbers"), m);
        assertFalse(m.contains("enable") || m.contains("ALLOW_") || m.contains("`"), m);
    }

    @Test
    void commentIsRefusedWithoutTheParsersFeatureAdvice() {
        String m = refusal(GOOD.replace("\"config\"", "// note\n  \"config\""));
        assertTrue(m.startsWith("s.json: malformed JSON at line 3"), m);
        assertFalse(m.contains("Feature") || m.contains("enable") || m.contains("ALLOW_"), m);
    }

    @Test
    void featureListedTwiceIsNamedAsFilesWriteIt() {
        assertEquals("s.json: config.features: lists x1 twice",
                refusal(GOOD.replace("[\"x1\", \"x2\"]", "[\"x1\", \"x2\", \"x1\"]")));
        assertEquals("s.json: config.features: lists sin(x2) twice",
                refusal(GOOD.replace("[\"x1\", \"x2\"]", "[\"sin(x2)\", \"sin(x2)\"]")));
    }
}
