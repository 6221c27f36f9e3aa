package org.weightlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.weightlab.engine.config.RunConfig;

/** The "lesson" block of scenario files: its structured texts, the older free-text form, strictness. */
class LessonFileTest {

    private static final String CONFIG = ScenarioFile.toJson(Scenario.of(RunConfig.defaults()));

    /** A scenario file with the given JSON as its lesson block. */
    private static String withLesson(String lessonJson) {
        return CONFIG.substring(0, CONFIG.lastIndexOf('}')) + ", \"lesson\": " + lessonJson + "}";
    }

    private static Scenario parse(String json) throws ScenarioException {
        return ScenarioFile.parse(json, "s.json");
    }

    private static String error(String json) {
        return assertThrows(ScenarioException.class, () -> parse(json)).getMessage();
    }

    @Test
    void structuredLessonReadsEveryPart() throws Exception {
        Lesson l = parse(withLesson("""
                {"title": "T", "summary": "One line.", "look": "Look here.", "try": "Try this.",
                 "explain": "Because.", "opens": "stepper"}""")).lesson();
        assertEquals(new Lesson("T", "One line.", "Look here.", "Try this.", "Because.", "", Lesson.Opens.STEPPER), l);
    }

    @Test
    void structuredLessonRoundTripsAndLeavesEmptyPartsOut() throws Exception {
        Lesson lesson = new Lesson("Überschrift \"q\"", "Summary.", "Look:\n\ntwo paragraphs.", "", "Why.", "",
                Lesson.Opens.STEPPER);
        Scenario s = new Scenario(RunConfig.defaults(), null, lesson);
        String json = ScenarioFile.toJson(s);
        assertEquals(s, parse(json));
        assertFalse(json.contains("\"try\""), json);
        assertFalse(json.contains("\"text\""), json);
        assertTrue(json.contains("\"opens\": \"stepper\""), json);
    }

    @Test
    void olderTitleAndTextFormStillReads() throws Exception {
        Lesson l = parse(withLesson("{\"title\": \"Old\", \"text\": \"Body.\\n\\nMore.\"}")).lesson();
        assertEquals("Body.\n\nMore.", l.text());
        assertEquals("", l.look());
        assertNull(l.opens());
        assertEquals("Body.", l.oneLine(), "without a summary the card shows the first sentence");
    }

    @Test
    void unknownLessonFieldIsRefusedWithItsPath() {
        assertEquals("s.json: lesson.tips: unknown field (did you mean \"steps\"?)",
                error(withLesson("{\"title\": \"T\", \"tips\": \"x\"}")));
        assertEquals("s.json: lesson.tyr: unknown field (did you mean \"try\"?)",
                error(withLesson("{\"title\": \"T\", \"tyr\": \"x\"}")));
    }

    @Test
    void unknownViewToOpenIsRefused() {
        assertEquals("s.json: lesson.opens: unknown view \"graph\" (expected one of: stepper)",
                error(withLesson("{\"title\": \"T\", \"opens\": \"graph\"}")));
    }

    @Test
    void lessonPartsMustBeText() {
        assertEquals("s.json: lesson.look: expected a string, got the number 3",
                error(withLesson("{\"title\": \"T\", \"look\": 3}")));
    }

    @Test
    void summaryIsOneLine() {
        assertEquals("s.json: lesson.summary: is one line, without line breaks",
                error(withLesson("{\"title\": \"T\", \"summary\": \"a\\nb\"}")));
    }
}
