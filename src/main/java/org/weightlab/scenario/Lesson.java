package org.weightlab.scenario;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Lesson text that an instructor attaches to a scenario: what the class should look at, what to
 * try, and why it happens. Every text is plain text with blank lines between paragraphs; the
 * optional ones are empty strings, never null.
 *
 * @param title   a short heading
 * @param summary one line for the lesson gallery's card
 * @param look    what to look at once training runs
 * @param tryIt   what to change next (the file calls it {@code "try"})
 * @param explain a short explanation of what happens
 * @param text    free text, the only body of older lesson files
 * @param opens   the view the lesson wants opened with it, or null for the usual window
 * @param steps   the guided steps, played with Next and Back; empty for a lesson of text only
 */
public record Lesson(String title, String summary, String look, String tryIt, String explain, String text,
                     Opens opens, java.util.List<LessonStep> steps) {

    /** A view that a lesson can ask for, by its file name. */
    public enum Opens {
        /** The step-through view of one forward and backward pass. */
        STEPPER("stepper");

        private final String id;

        Opens(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Opens fromId(String id) {
            for (Opens o : values()) {
                if (o.id.equals(id)) {
                    return o;
                }
            }
            throw new IllegalArgumentException("unknown view \"" + id + "\" (expected one of: "
                    + Arrays.stream(values()).map(Opens::id).collect(Collectors.joining(", ")) + ")");
        }
    }

    public Lesson {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("title is empty");
        }
        summary = summary == null ? "" : summary;
        look = look == null ? "" : look;
        tryIt = tryIt == null ? "" : tryIt;
        explain = explain == null ? "" : explain;
        text = text == null ? "" : text;
        steps = steps == null ? java.util.List.of() : java.util.List.copyOf(steps);
        if (summary.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("summary is one line, without line breaks");
        }
    }

    /** A lesson without guided steps. */
    public Lesson(String title, String summary, String look, String tryIt, String explain, String text, Opens opens) {
        this(title, summary, look, tryIt, explain, text, opens, java.util.List.of());
    }

    /** A lesson with a title and free text only, as older files hold. */
    public Lesson(String title, String text) {
        this(title, "", "", "", "", text, null, java.util.List.of());
    }

    /** The card line: the summary, else the first sentence of the text (or of "look"). */
    public String oneLine() {
        if (!summary.isBlank()) {
            return summary;
        }
        String from = !text.isBlank() ? text : look;
        String first = from.strip().split("\\n", 2)[0];
        int end = first.indexOf(". ");
        return end > 0 ? first.substring(0, end + 1) : first;
    }
}
