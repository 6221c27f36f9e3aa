package org.weightlab.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.weightlab.engine.Divergence;
import org.weightlab.engine.Evaluation;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.scenario.HistoryPoint;
import org.weightlab.scenario.NetworkState;
import org.weightlab.scenario.RunExport;
import org.weightlab.scenario.RunExportFile;
import org.weightlab.scenario.SafeFiles;
import org.weightlab.scenario.Scenario;
import org.weightlab.scenario.ScenarioException;
import org.weightlab.scenario.ScenarioFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code weightlab train --scenario FILE|LESSON --epochs N --export run.json} (DESIGN 6): trains
 * a scenario with no window and writes a run export (DESIGN 4) whose history has one point
 * before training and one after every epoch. Problems with the arguments or the scenario end
 * with one line on stderr and exit code 2, all found before training starts: the export is
 * written, atomically, only after a run. A run that diverges still writes its export (up to the
 * last finite step), says so on stderr and exits with code 3.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Trains a scenario without a window and writes a run export.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.DONE_LINE, ExitCodes.BAD_INPUT_LINE, ExitCodes.DIVERGED_LINE})
public final class TrainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--scenario", required = true, paramLabel = "FILE|LESSON",
            description = "a scenario file, or the name of a built-in lesson such as circle-basics")
    private String scenario;

    @Option(names = "--epochs", required = true, paramLabel = "N", description = "epochs to train (at least 1)")
    private int epochs;

    @Option(names = "--export", required = true, paramLabel = "FILE", description = "where to write the run export")
    private String export;

    @Override
    public Integer call() throws ScenarioException {
        if (epochs < 1) {
            throw new ParameterException(spec.commandLine(), "--epochs must be at least 1, got " + epochs);
        }
        Path exportPath = exportPath();
        Path scenarioPath = existingFile(scenario);
        if (scenarioPath != null) {
            SafeFiles.checkDistinct(scenarioPath, exportPath, "scenario");
        }
        Scenario s = load(scenario);
        Outcome outcome = train(s, epochs);
        RunExport run = outcome.run();
        RunExportFile.write(run, exportPath);

        PrintWriter out = spec.commandLine().getOut();
        HistoryPoint last = run.history().get(run.history().size() - 1);
        out.println(String.format(Locale.ROOT, "trained %s: %d epochs, %d steps, train loss %.6g, test loss %.6g%s -> %s",
                scenario, last.epoch(), last.step(), last.trainLoss(), last.testLoss(),
                Double.isNaN(last.trainAccuracy()) ? "" : String.format(Locale.ROOT,
                        ", train accuracy %.1f%%, test accuracy %.1f%%", 100 * last.trainAccuracy(),
                        100 * last.testAccuracy()),
                export));
        out.flush();
        if (outcome.divergence() != null) {
            // On stderr and in the exit code, so that a script notices without reading stdout.
            PrintWriter err = spec.commandLine().getErr();
            err.println("weightlab: stopped early: " + outcome.divergence().message()
                    + "; the export holds the run up to that step");
            err.flush();
            return ExitCodes.DIVERGED;
        }
        return ExitCodes.DONE;
    }

    /**
     * The export path, checked before training so that a typo, a folder that cannot be written,
     * a device or a pipe does not waste a long run (and is never replaced by a file).
     */
    private Path exportPath() {
        try {
            Path p = SafeFiles.path(export);
            SafeFiles.checkWritable(p);
            return p;
        } catch (ScenarioException e) {
            throw new ParameterException(spec.commandLine(), "--export: " + e.getMessage());
        }
    }

    /** {@code name} as a path when something exists there, else null (it may be a lesson's name). */
    private static Path existingFile(String name) {
        try {
            Path file = Path.of(name);
            return Files.exists(file) ? file : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** A scenario file, or else a built-in lesson of that name. */
    static Scenario load(String name) throws ScenarioException {
        Path file = existingFile(name);
        if (file != null) {
            return ScenarioFile.read(file);
        }
        Scenario lesson = ScenarioFile.builtIn(name);
        if (lesson != null) {
            return lesson;
        }
        throw new ScenarioException(name + ": no such file" + (ScenarioFile.isLessonName(name)
                ? " or built-in lesson" : ""));
    }

    /** A finished run, and why it stopped early (null when it ran every epoch). */
    record Outcome(RunExport run, Divergence divergence) {
    }

    /**
     * Trains {@code s} for {@code epochs} epochs (fewer if it diverges) on the data its config
     * generates, recording the state before and after and the losses before and after each epoch.
     */
    static Outcome train(Scenario s, int epochs) {
        RunConfig config = s.config();
        DataSplit data = DataGenerator.generate(config);
        Trainer trainer = s.initial() == null ? new Trainer(config, data)
                : new Trainer(config, data, s.initial().toNetwork(config));
        NetworkState initial = NetworkState.of(trainer.network());
        List<HistoryPoint> history = new ArrayList<>();
        history.add(point(trainer));
        for (int e = 0; e < epochs && trainer.divergence() == null; e++) {
            trainer.runEpoch();
            if (trainer.stepCount() != history.get(history.size() - 1).step()) {
                history.add(point(trainer));
            }
        }
        return new Outcome(new RunExport(config, data, initial, NetworkState.of(trainer.network()), history),
                trainer.divergence());
    }

    private static HistoryPoint point(Trainer t) {
        Evaluation e = t.evaluate();
        return new HistoryPoint(t.stepCount(), t.epochCount(), e.trainLoss(), e.testLoss(), e.trainAccuracy(),
                e.testAccuracy());
    }
}
