package org.weightlab.scenario;

/**
 * A scenario or run-export file that cannot be read or written. The message is one line that
 * names the file, the place in it (a JSON path such as {@code config.optimizer.learningRate})
 * and the problem, ready to show to a person as it is.
 */
public final class ScenarioException extends Exception {

    private static final long serialVersionUID = 1L;

    public ScenarioException(String message) {
        super(oneLine(message));
    }

    public ScenarioException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    /** Control characters (a newline in a file name or a quoted value) would break the one line. */
    private static String oneLine(String message) {
        return message == null ? "unreadable file" : message.replaceAll("\\p{Cntrl}", "?");
    }
}
