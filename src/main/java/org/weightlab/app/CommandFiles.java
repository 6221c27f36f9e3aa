package org.weightlab.app;

import java.nio.file.Path;
import org.weightlab.scenario.SafeFiles;
import org.weightlab.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The file rules every command follows (see {@link SafeFiles}), as command-line errors: an
 * output is checked before anything is read or trained, so a typo, a folder that cannot be
 * written, a device or a pipe fails at once with one line naming the option, and an output is
 * never the command's own input.
 */
final class CommandFiles {

    private CommandFiles() {
    }

    /** The path of output {@code option} = {@code value}, checked writable before any work. */
    static Path output(CommandLine cli, String option, String value) {
        try {
            Path p = SafeFiles.path(value);
            SafeFiles.checkWritable(p);
            return p;
        } catch (ScenarioException e) {
            throw new ParameterException(cli, option + ": " + e.getMessage());
        }
    }

    /** The path of input {@code option} = {@code value}, refused unless it is a readable regular file. */
    static Path input(CommandLine cli, String option, String value) {
        try {
            Path p = SafeFiles.path(value);
            SafeFiles.checkReadable(p);
            return p;
        } catch (ScenarioException e) {
            throw new ParameterException(cli, option + ": " + e.getMessage());
        }
    }

    /** Refuses an output that is the input {@code what} itself (same file, also through links). */
    static void distinct(CommandLine cli, Path input, Path output, String what) {
        try {
            SafeFiles.checkDistinct(input, output, what);
        } catch (ScenarioException e) {
            throw new ParameterException(cli, e.getMessage());
        }
    }
}
