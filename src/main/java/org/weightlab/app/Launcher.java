package org.weightlab.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.application.Application;
import org.weightlab.scenario.ScenarioException;
import org.weightlab.ui.MainWindow;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Entry point of the fat jar. It does not extend {@code Application}, so JavaFX can start from
 * the classpath. With no arguments it opens the window; subcommands run headless.
 */
@Command(name = "weightlab", mixinStandardHelpOptions = true, version = "WeightLab 0.1.0",
        description = {"Watch a neural network learn: every weight, gradient and loss value, live.",
                "With no command, opens the WeightLab window."},
        subcommands = {CommandLine.HelpCommand.class, BenchCommand.class, TrainCommand.class,
                ExportCommand.class, CompressCommand.class, LessonsCommand.class},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.DONE_LINE, ExitCodes.BAD_INPUT_LINE, ExitCodes.DIVERGED_LINE})
public final class Launcher implements Callable<Integer> {

    public static void main(String[] args) {
        var relaunched = VectorRelaunch.runIfNeeded(args);
        if (relaunched.isPresent()) {
            System.exit(relaunched.get());
        }
        VectorRelaunch.followParentIfRelaunched();
        if (args.length == 0) {
            WindowStart.begin(WeightLabApp.FIRST_LESSON, null);
            Application.launch(WeightLabApp.class);
            return;
        }
        System.exit(run(args));
    }

    /** Runs the command line without exiting the JVM; returns the exit code. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Launcher()).setCaseInsensitiveEnumValuesAllowed(true);
        // Bad arguments: one line naming the problem, exit code 2, no stack trace.
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("weightlab: " + ex.getMessage());
            return ExitCodes.BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("weightlab: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return ExitCodes.BAD_INPUT;
        });
        return cli.execute(args);
    }

    @Option(names = "--open", paramLabel = "FILE|LESSON",
            description = "open a scenario file or a built-in lesson (e.g. circle-basics) in the window")
    private String open;

    @Option(names = "--play", description = "start training as soon as the window opens")
    private boolean play;

    @Option(names = "--view", paramLabel = "VIEW",
            description = "the view to show first: ${COMPLETION-CANDIDATES} (default: network)")
    private MainWindow.View view;

    @Option(names = "--measure", paramLabel = "SECONDS",
            description = "measure frames per second and training speed in the window for this long "
                    + "(after the warm-up), print 'ui NAME=VALUE' lines, and quit")
    private int measureSeconds;

    @Option(names = "--warm-up", paramLabel = "SECONDS",
            description = "with --measure: seconds of training before measuring, while the JIT compiler "
                    + "is still busy with the window's code (default ${DEFAULT-VALUE})")
    private int warmUpSeconds = 2;

    @Override
    public Integer call() throws ScenarioException {
        if (measureSeconds < 0 || measureSeconds > 3600) {
            throw new IllegalArgumentException("--measure takes 1 to 3600 seconds, got " + measureSeconds);
        }
        if (warmUpSeconds < 0 || warmUpSeconds > 3600) {
            throw new IllegalArgumentException("--warm-up takes 0 to 3600 seconds, got " + warmUpSeconds);
        }
        List<String> appArgs = new ArrayList<>();
        if (open != null) {
            // refuse a bad file here, with a one-line message, before any window
            WindowStart.begin(open, TrainCommand.load(open));
            appArgs.add(WeightLabApp.OPEN + open);
        } else {
            WindowStart.begin(WeightLabApp.FIRST_LESSON, null);
        }
        if (play) {
            appArgs.add(WeightLabApp.PLAY);
        }
        if (view != null) {
            appArgs.add(WeightLabApp.VIEW + view.name());
        }
        if (measureSeconds > 0) {
            appArgs.add(WeightLabApp.MEASURE + measureSeconds);
            appArgs.add(WeightLabApp.WARM_UP + warmUpSeconds);
        }
        Application.launch(WeightLabApp.class, appArgs.toArray(String[]::new));
        return 0;
    }
}
