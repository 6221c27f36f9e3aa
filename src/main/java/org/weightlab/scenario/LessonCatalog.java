package org.weightlab.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The built-in lessons in the order the lesson gallery shows them. The order is the list
 * {@code index.txt} beside the lesson files ({@code assets/lessons/} in the repository, the
 * resource folder {@code org/weightlab/lessons/} in the jar): one lesson name per line, blank
 * lines and lines starting with {@code #} ignored.
 */
public final class LessonCatalog {

    static final String INDEX = "/org/weightlab/lessons/index.txt";

    /**
     * One built-in lesson.
     *
     * @param number   its place in the gallery, from 1
     * @param name     what {@link ScenarioFile#builtIn} and {@code train --scenario} take
     * @param scenario the lesson's scenario; its lesson text is never null
     */
    public record Entry(int number, String name, Scenario scenario) {

        public Entry {
            if (scenario == null || scenario.lesson() == null) {
                throw new IllegalArgumentException("built-in lesson " + name + " has no lesson text");
            }
        }

        public Lesson lesson() {
            return scenario.lesson();
        }

        public String title() {
            return scenario.lesson().title();
        }

        /** One line for a gallery card. */
        public String summary() {
            return scenario.lesson().oneLine();
        }
    }

    private LessonCatalog() {
    }

    /** The names in {@code index.txt}, in order. */
    public static List<String> names() throws ScenarioException {
        String text;
        try (InputStream in = LessonCatalog.class.getResourceAsStream(INDEX)) {
            if (in == null) {
                throw new ScenarioException("the built-in lesson index " + INDEX.substring(1) + " is missing");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException("built-in lesson index: " + JsonFiles.describe(e), e);
        }
        return parseIndex(text);
    }

    /** Lesson names from the text of an index, checked: well-formed and each listed once. */
    static List<String> parseIndex(String text) throws ScenarioException {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!ScenarioFile.isLessonName(line)) {
                throw new ScenarioException("built-in lesson index, line " + (i + 1) + ": \"" + line
                        + "\" is not a lesson name (lower-case letters, digits and dashes)");
            }
            if (!seen.add(line)) {
                throw new ScenarioException("built-in lesson index, line " + (i + 1) + ": " + line
                        + " is listed twice");
            }
            names.add(line);
        }
        return List.copyOf(names);
    }

    /** The built-in lessons once read: they are in the jar and never change. */
    private static volatile List<Entry> read;

    /** Every built-in lesson, loaded, in gallery order (read once, when the Lessons menu or the gallery first asks). */
    public static List<Entry> builtIn() throws ScenarioException {
        List<Entry> entries = read;
        if (entries == null) {
            entries = readBuiltIn();
            read = entries;
        }
        return entries;
    }

    private static List<Entry> readBuiltIn() throws ScenarioException {
        List<Entry> entries = new ArrayList<>();
        for (String name : names()) {
            Scenario s = ScenarioFile.builtIn(name);
            if (s == null) {
                throw new ScenarioException("the built-in lesson index lists " + name + ", but there is no "
                        + name + ".json");
            }
            if (s.lesson() == null) {
                throw new ScenarioException("built-in lesson " + name + ": the file has no \"lesson\" block");
            }
            entries.add(new Entry(entries.size() + 1, name, s));
        }
        return List.copyOf(entries);
    }
}
