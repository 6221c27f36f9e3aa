package org.weightlab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.scenario.Lesson;
import org.weightlab.scenario.LessonStep;
import org.weightlab.scenario.Scenario;
import org.weightlab.scenario.ScenarioException;
import org.weightlab.scenario.ScenarioFile;

/** The "steps" of a lesson block: they round-trip, bad ones are refused, and older files still open. */
class LessonStepsFileTest {

    private static final String CONFIG = ScenarioFile.toJson(Scenario.of(RunConfig.defaults()));

    private static String withLesson(String lessonJson) {
        return CONFIG.substring(0, CONFIG.lastIndexOf('}')) + ", \"lesson\": " + lessonJson + "}";
    }

    private static String error(String json) {
        return assertThrows(ScenarioException.class, () -> ScenarioFile.parse(json, "s.json")).getMessage();
    }

    @Test
    void stepsWithPredictionsActionsAndChecksRoundTrip() throws Exception {
        LessonStep step = new LessonStep("Read this.",
                new LessonStep.Prediction("What happens?", List.of("a", "b", "c"), 2),
                List.of(LessonStep.Action.set(Map.of("lr", "3")), LessonStep.Action.of(LessonStep.Kind.RESET, 0),
                        LessonStep.Action.of(LessonStep.Kind.TRAIN, 5), LessonStep.Action.of(LessonStep.Kind.FREEZE, 1),
                        LessonStep.Action.data("xor", true), LessonStep.Action.of(LessonStep.Kind.STEPPER, 0),
                        LessonStep.Action.of(LessonStep.Kind.STEP, 10), LessonStep.Action.move("moons", true, "1:2:4"),
                        LessonStep.Action.move("xor", false, null)),
                List.of(new LessonStep.Check("testAccuracy", 0.9, null, 0, 0),
                        new LessonStep.Check("trainLossVsStep", null, 0.6, 1, 2)));
        LessonStep plain = new LessonStep("Only text.", null, List.of(), List.of());
        Scenario s = new Scenario(RunConfig.defaults(), null,
                new Lesson("T", "S.", "", "", "Why.", "", null, List.of(step, plain)));
        String json = ScenarioFile.toJson(s);
        assertEquals(s, ScenarioFile.parse(json, "s.json"));
        assertTrue(json.contains("{\"data\": \"xor\", \"keepWeights\": true}"), json);
        assertTrue(json.contains("{\"moveTo\": \"moons\", \"freezeBase\": true, \"lora\": \"1:2:4\"}"), json);
    }

    @Test
    void badStepsAreRefusedWithTheirPlace() {
        assertTrue(error(withLesson("{\"title\": \"T\", \"steps\": [{\"text\": \"x\", \"actions\": [{\"train\": 3, "
                + "\"reset\": true}]}]}")).contains("lesson.steps[0].actions[0]"));
        assertTrue(error(withLesson("{\"title\": \"T\", \"steps\": [{\"text\": \"x\", \"predict\": {\"question\": "
                + "\"q\", \"choices\": [\"only one\"]}}]}")).contains("2 to 4 choices"));
        assertTrue(error(withLesson("{\"title\": \"T\", \"steps\": [{\"txt\": \"x\"}]}")).contains("unknown field"));
        assertTrue(error(withLesson("{\"title\": \"T\", \"steps\": [{\"text\": \"x\", \"actions\": [{\"freeze\": 0, "
                + "\"keepWeights\": true}]}]}")).contains("keepWeights goes with \"data\" only"));
        assertTrue(error(withLesson("{\"title\": \"T\", \"steps\": [{\"text\": \"x\", \"actions\": [{\"train\": 3, "
                + "\"freezeBase\": true}]}]}")).contains("freezeBase and lora go with \"moveTo\" only"));
    }

    @Test
    void anOlderLessonFileOfTitleAndTextStillOpens() throws Exception {
        String old = """
                {"format": "weightlab-scenario", "version": 1,
                 "config": {"dataset": "circle", "samples": 200, "noise": 0.0, "trainFraction": 0.5, "seed": 1,
                            "features": ["x1", "x2"], "problem": "classification", "hidden": [4],
                            "activation": "tanh", "outputActivation": "tanh", "loss": "mse", "init": "xavier_uniform",
                            "optimizer": {"name": "sgd", "learningRate": 0.03},
                            "regularization": {"kind": "none", "rate": 0.0}, "batchSize": 10, "shuffle": true},
                 "lesson": {"title": "Old lesson", "look": "Look.", "try": "Try.", "text": "Body."}}""";
        Scenario s = ScenarioFile.parse(old, "old.json");
        assertEquals("Old lesson", s.lesson().title());
        assertEquals(List.of(), s.lesson().steps());
        assertEquals("Look.", s.lesson().look());
    }

    @Test
    void everyLessonFileInTheRepositoryOpensAndHasSteps() throws Exception {
        try (var files = Files.list(Path.of("assets/lessons"))) {
            List<Path> lessons = files.filter(p -> p.toString().endsWith(".json")).toList();
            assertEquals(22, lessons.size());
            for (Path p : lessons) {
                Scenario s = ScenarioFile.read(p);
                assertTrue(s.lesson().steps().size() >= 2, p.toString());
                for (LessonStep step : s.lesson().steps()) {
                    for (LessonStep.Action a : step.actions()) {
                        if (a.kind() == LessonStep.Kind.SET) {
                            LessonSettings.apply(s.config(), a.values()); // every setting name and value is known
                        }
                    }
                    for (LessonStep.Check c : step.checks()) {
                        assertTrue(LessonMeasure.NAMES.contains(c.measure()), p + ": " + c.measure());
                    }
                }
            }
        }
    }
}
