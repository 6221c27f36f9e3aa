package org.weightlab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.weightlab.app.Launcher;
import org.weightlab.scenario.Lesson;
import org.weightlab.scenario.LessonCatalog;
import org.weightlab.scenario.LessonStep;
import org.weightlab.scenario.Scenario;

/** Every built-in lesson, played step by step without a window, shows what it says it shows. */
class LessonCheckTest {

    @Test
    void everyBuiltInLessonIsGuidedAndPassesItsChecks() throws Exception {
        List<String> failed = new ArrayList<>();
        for (LessonCatalog.Entry e : LessonCatalog.builtIn()) {
            assertTrue(e.lesson().steps().size() >= 2, e.name() + " is a guided lesson");
            assertTrue(e.lesson().steps().stream().anyMatch(s -> s.predict() != null) || e.name().equals("circle-basics")
                    || e.name().equals("xor-product") || e.name().equals("optimizers"), e.name() + " asks a prediction");
            LessonCheck.Result r = LessonCheck.check(e.name(), e.scenario());
            if (!r.ok()) {
                failed.add(r.line());
            }
        }
        assertTrue(failed.isEmpty(), String.join("\n", failed));
    }

    @Test
    void theFreezingLessonKeepsTaskAWeightsAndItsFrozenLayerBitIdentical() throws Exception {
        LessonCheck.Result r = LessonCheck.check("freezing", LessonRuns.lesson("freezing"));
        assertTrue(r.ok(), r.line());
        assertTrue(r.detail().contains("40 of 40 weights carried over"), r.detail());
        assertTrue(r.detail().contains("12 weights and 6 biases bit-identical since the freeze"), r.detail());
    }

    @Test
    void switchingDataWithoutKeepingTheWeightsFailsTheFreezingChecks() {
        Scenario s = LessonRuns.lesson("freezing");
        List<LessonStep> steps = new ArrayList<>();
        for (LessonStep step : s.lesson().steps()) {
            List<LessonStep.Action> actions = step.actions().stream()
                    .map(a -> a.kind() == LessonStep.Kind.DATA ? LessonStep.Action.data("xor", false) : a).toList();
            steps.add(new LessonStep(step.text(), step.predict(), actions, step.checks()));
        }
        Lesson l = s.lesson();
        Scenario fresh = new Scenario(s.config(), s.initial(), new Lesson(l.title(), l.summary(), l.look(), l.tryIt(),
                l.explain(), l.text(), l.opens(), steps));
        LessonCheck.Result r = LessonCheck.check("freezing", fresh);
        assertFalse(r.ok(), r.line());
        assertTrue(r.line().startsWith("lesson freezing FAIL "), r.line());
        assertTrue(r.detail().contains("weightsKept") || r.detail().contains("carried over"), r.detail());
    }

    @Test
    void aCheckWithABoundTheRunMissesFailsAndSaysWhatWasExpected() {
        Scenario s = LessonRuns.lesson("circle-basics");
        LessonStep impossible = new LessonStep("Train one epoch.", null,
                List.of(LessonStep.Action.of(LessonStep.Kind.TRAIN, 1)),
                List.of(new LessonStep.Check("testAccuracy", 1.01, null, 0, 0)));
        Lesson l = new Lesson("x", "", "", "", "", "", null, List.of(impossible));
        LessonCheck.Result r = LessonCheck.check("x", new Scenario(s.config(), null, l));
        assertFalse(r.ok());
        assertTrue(r.detail().contains("(expected at least 1.010)"), r.detail());
    }

    @Test
    void theCommandPrintsOneLinePerLessonAndExitsZeroWhenAllAreOk() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = Launcher.run("lessons", "--check", "freezing", "features");
        } finally {
            System.setOut(old);
        }
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\\R");
        assertEquals(0, code);
        assertEquals(2, lines.length, String.join("\n", lines));
        assertTrue(lines[0].startsWith("lesson freezing ok "), lines[0]);
        assertTrue(lines[1].startsWith("lesson features ok "), lines[1]);
        assertEquals(2, Launcher.run("lessons", "--check", "no-such-lesson"));
    }
}
