package org.weightlab.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Pre-trained starts: scenarios whose "initial" holds weights trained on one task, with a title and
 * a one-line summary saying what they were trained on and what they are a start for. The built-in
 * ones live in {@code assets/pretrained/} (the resource folder {@code org/weightlab/pretrained/} in
 * the jar), listed in order by its {@code index.txt}; anyone can save their own.
 */
public final class Pretrained {

    static final String FOLDER = "/org/weightlab/pretrained/";

    /** One built-in pre-trained start. */
    public record Entry(String name, Scenario scenario) {

        public String title() {
            return scenario.lesson().title();
        }

        public String summary() {
            return scenario.lesson().oneLine();
        }
    }

    private Pretrained() {
    }

    /**
     * {@code current} (a run's config and its weights and frozen parts as "initial") as a pre-trained
     * start called {@code title}, described by {@code summary} (its one line, also the text shown beside
     * the controls); no pace, no lesson steps.
     *
     * @throws IllegalArgumentException without weights, with LoRA adapters (their A and B are not
     *         part of the weights; merge them first) or with an empty title
     */
    public static Scenario of(Scenario current, String title, String summary) {
        if (current == null || current.initial() == null) {
            throw new IllegalArgumentException("there are no weights to save yet");
        }
        if (!current.config().lora().isEmpty()) {
            throw new IllegalArgumentException("the network has LoRA adapters: merge them into the weights first"
                    + " (weight inspector, LoRA tile)");
        }
        String line = summary == null ? "" : summary.strip().replaceAll("\\s*\\R\\s*", " ");
        return new Scenario(current.config(), current.initial(),
                new Lesson(title == null ? "" : title.strip(), line, "", "", "", line, null), null);
    }

    /** Every built-in pre-trained start, in the index's order. */
    public static List<Entry> builtIn() throws ScenarioException {
        List<Entry> entries = new ArrayList<>();
        for (String name : LessonCatalog.parseIndex(resource("index.txt", "the pre-trained index"))) {
            String source = "pre-trained " + name;
            Scenario s = ScenarioFile.parse(resource(name + ".json", source), source);
            if (s.initial() == null || s.lesson() == null) {
                throw new ScenarioException(source + ": a pre-trained file needs \"initial\" weights and a title");
            }
            entries.add(new Entry(name, s));
        }
        return List.copyOf(entries);
    }

    private static String resource(String file, String what) throws ScenarioException {
        try (InputStream in = Pretrained.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new ScenarioException(what + " (" + FOLDER.substring(1) + file + ") is missing");
            }
            return new String(in.readNBytes((int) ScenarioFile.MAX_BYTES + 1), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException(what + ": " + JsonFiles.describe(e), e);
        }
    }
}
