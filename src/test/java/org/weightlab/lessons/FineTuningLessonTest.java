package org.weightlab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.weightlab.scenario.Lesson;
import org.weightlab.scenario.LessonStep;
import org.weightlab.scenario.Scenario;
import org.weightlab.scenario.ScenarioException;
import org.weightlab.scenario.ScenarioFile;

/** A lesson races the fine-tuning choices on a named task B and checks what each trains and keeps. */
class FineTuningLessonTest {

    private static final LessonStep.Action RACE = LessonStep.Action.race("fineTuning",
            List.of("all", "base", "lora(2,4)"), 10, "moons");

    private static LessonCheck.Result play(Scenario s, LessonStep.Action race, LessonStep.Check... checks) {
        LessonStep train = new LessonStep("Train.", null, List.of(LessonStep.Action.of(LessonStep.Kind.TRAIN, 20)),
                List.of());
        LessonStep step = new LessonStep("Race.", null, List.of(race), List.of(checks));
        Lesson l = new Lesson("x", "", "", "", "", "", null, List.of(train, step));
        return LessonCheck.check("x", new Scenario(s.config(), s.initial(), l));
    }

    @Test
    void theRaceActionWithItsTaskBReadsAndWritesBack() throws ScenarioException {
        Scenario s = LessonRuns.lesson("fine-tuning-race");
        String json = ScenarioFile.toJson(s);
        assertTrue(json.contains("\"setting\": \"fineTuning\", \"values\": [\"all\", \"base\", \"lora(2,4)\"], "
                + "\"taskB\": \"moons\"}"), json);
        LessonStep.Action a = ScenarioFile.parse(json, "again").lesson().steps().get(1).actions().get(0);
        assertEquals("moons", a.values().get("taskB"));
        assertEquals("race fineTuning all / base / lora(2,4) on moons for 40 epochs", a.label());
    }

    @Test
    void theMeasuresNameTrainableCountsAndTaskAKeptAndFailWrongClaims() {
        Scenario s = LessonRuns.lesson("fine-tuning-race");
        LessonCheck.Result right = play(s, RACE, new LessonStep.Check("raceTrainable", 5.0, 5.0, 0, 0, 1),
                new LessonStep.Check("raceTaskAAccuracy", 0.0, 1.0, 0, 0, 2));
        assertTrue(right.ok(), right.line());
        assertTrue(right.detail().contains("freeze base trains 5 parameters"), right.detail());
        assertTrue(right.detail().contains("LoRA r=2 kept task A test accuracy"), right.detail());
        LessonCheck.Result wrong = play(s, RACE, new LessonStep.Check("raceTrainable", 5.0, 5.0, 0, 0, 0));
        assertFalse(wrong.ok(), wrong.line());
        assertTrue(wrong.detail().contains("train all trains 51 parameters"), wrong.detail());
    }

    @Test
    void aFineTuningRaceWithoutTaskBAndTaskAKeptOfAnotherRaceFail() {
        Scenario s = LessonRuns.lesson("fine-tuning-race");
        LessonCheck.Result noTaskB = play(s, LessonStep.Action.race("fineTuning", List.of("all", "base"), 2),
                new LessonStep.Check("raceTrainable", 0.0, null, 0, 0, 0));
        assertFalse(noTaskB.ok(), noTaskB.line());
        assertTrue(noTaskB.detail().contains("taskB"), noTaskB.detail());
        LessonCheck.Result lr = play(s, LessonStep.Action.race("learningRate", List.of("0.1", "0.3"), 2),
                new LessonStep.Check("raceTaskAAccuracy", 0.0, null, 0, 0, 0));
        assertFalse(lr.ok(), lr.line());
    }
}
