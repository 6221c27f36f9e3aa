package org.weightlab.app;

import java.util.concurrent.Callable;
import javafx.application.Application;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the fat jar. It does not extend {@code Application}, so JavaFX can start from
 * the classpath. With no arguments it opens the window; subcommands run headless.
 */
@Command(name = "weightlab", mixinStandardHelpOptions = true, version = "WeightLab 0.1.0",
        description = {"Watch a neural network learn: every weight, gradient and loss value, live.",
                "With no command, opens the WeightLab window."},
        subcommands = {CommandLine.HelpCommand.class, BenchCommand.class, TrainCommand.class})
public final class Launcher implements Callable<Integer> {

    public static void main(String[] args) {
        if (args.length == 0) {
            Application.launch(WeightLabApp.class);
            return;
        }
        System.exit(run(args));
    }

    /** Runs the command line without exiting the JVM; returns the exit code. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Launcher());
        // Bad arguments: one line naming the problem, exit code 2, no stack trace.
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("weightlab: " + ex.getMessage());
            return 2;
        });
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("weightlab: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return 2;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        Application.launch(WeightLabApp.class);
        return 0;
    }
}
