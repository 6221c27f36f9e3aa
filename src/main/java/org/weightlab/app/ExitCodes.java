package org.weightlab.app;

/**
 * The exit codes of the command line (DESIGN 6), so that a script can tell a bad call from a run
 * that went wrong. The {@code *_LINE} texts are the help's "Exit codes" list.
 */
final class ExitCodes {

    /** Done; any file asked for is written. */
    static final int DONE = 0;
    /** Bad arguments or files: one line on stderr, nothing written. */
    static final int BAD_INPUT = 2;
    /** Training diverged: said on stderr; the export holds the run up to the last finite step. */
    static final int DIVERGED = 3;

    static final String HEADING = "%nExit codes:%n";
    static final String DONE_LINE = "0:done";
    static final String BAD_INPUT_LINE = "2:bad arguments or files (one line on stderr, nothing written)";
    static final String DIVERGED_LINE = "3:training diverged (said on stderr; the export holds the run up to the "
            + "last finite step)";

    private ExitCodes() {
    }
}
