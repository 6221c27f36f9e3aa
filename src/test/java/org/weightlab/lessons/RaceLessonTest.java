package org.weightlab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.weightlab.scenario.Lesson;
import org.weightlab.scenario.LessonStep;
import org.weightlab.scenario.Scenario;
import org.weightlab.scenario.ScenarioException;
import org.weightlab.scenario.ScenarioFile;

/** Lessons that race runs: the action reads and writes, the checks measure the race and can fail. */
class RaceLessonTest {

    private static LessonCheck.Result play(Scenario s, LessonStep.Action race, LessonStep.Check... checks) {
        LessonStep step = new LessonStep("Race.", null, List.of(race), List.of(checks));
        Lesson l = new Lesson("x", "", "", "", "", "", null, List.of(step));
        return LessonCheck.check("x", new Scenario(s.config(), s.initial(), l));
    }

    @Test
    void theLearningRateRaceMeasuresEachRunAndFailsAWrongClaim() {
        Scenario s = LessonRuns.lesson("learning-rate");
        LessonStep.Action race = LessonStep.Action.race("learningRate", List.of("0.001", "0.1", "3"), 30);
        LessonCheck.Result right = play(s, race, new LessonStep.Check("raceDiverged", 1.0, null, 0, 0, 2),
                new LessonStep.Check("raceRank", null, 1.0, 0, 0, 1));
        assertTrue(right.ok(), right.line());
        assertTrue(right.detail().contains("lr 3 diverged at step"), right.detail());
        assertTrue(right.detail().contains("lr 0.1 ranks 1 of 3"), right.detail());
        LessonCheck.Result wrong = play(s, race, new LessonStep.Check("raceRank", null, 1.0, 0, 0, 0));
        assertFalse(wrong.ok(), wrong.line());
        assertTrue(wrong.detail().contains("lr 0.001 ranks 2 of 3"), wrong.detail());
        LessonCheck.Result noRun = play(s, race, new LessonStep.Check("raceRank", null, 1.0, 0, 0, 3));
        assertFalse(noRun.ok(), noRun.line());
    }

    @Test
    void aRaceCheckWithoutARaceFails() {
        Scenario s = LessonRuns.lesson("learning-rate");
        LessonCheck.Result r = play(s, LessonStep.Action.of(LessonStep.Kind.TRAIN, 1),
                new LessonStep.Check("raceDiverged", 1.0, null, 0, 0, 0));
        assertFalse(r.ok());
        assertTrue(r.detail().contains("no race has been run"), r.detail());
    }

    @Test
    void theRaceActionReadsAndWritesBack() throws ScenarioException {
        Scenario s = LessonRuns.lesson("optimizers");
        String json = ScenarioFile.toJson(s);
        assertTrue(json.contains("{\"race\": {\"setting\": \"optimizer\", \"values\": [\"sgd\", \"rmsprop\", \"adam\"]}, "
                + "\"epochs\": 15}"), json);
        Scenario again = ScenarioFile.parse(json, "again");
        LessonStep.Action a = again.lesson().steps().get(1).actions().get(0);
        assertEquals(LessonStep.Kind.RACE, a.kind());
        assertEquals(List.of("0", "0.5", "0.9"), a.raceValues());
        assertEquals("race momentum 0 / 0.5 / 0.9 for 15 epochs", a.label());
        assertEquals(json, ScenarioFile.toJson(again));
    }

    @Test
    void aRaceNeedsItsEpochsAndTwoToFourValues() {
        Scenario s = LessonRuns.lesson("optimizers");
        String json = ScenarioFile.toJson(s);
        ScenarioException noEpochs = assertThrows(ScenarioException.class, () -> ScenarioFile.parse(
                json.replace(", \"epochs\": 15}", "}"), "x"));
        assertTrue(noEpochs.getMessage().contains("epochs"), noEpochs.getMessage());
        ScenarioException one = assertThrows(ScenarioException.class, () -> ScenarioFile.parse(
                json.replace("[\"sgd\", \"rmsprop\", \"adam\"]", "[\"sgd\"]"), "x"));
        assertTrue(one.getMessage().contains("2 to 4 values"), one.getMessage());
    }
}
