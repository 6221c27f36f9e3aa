package org.weightlab.scenario;

/**
 * Lesson text that an instructor attaches to a scenario.
 *
 * @param title a short heading
 * @param text  the body, plain text with blank lines between paragraphs; may be empty
 */
public record Lesson(String title, String text) {

    public Lesson {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("title is empty");
        }
        if (text == null) {
            text = "";
        }
    }
}
