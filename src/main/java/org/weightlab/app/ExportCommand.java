package org.weightlab.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.weightlab.scenario.AtomicFile;
import org.weightlab.scenario.NetworkState;
import org.weightlab.scenario.RunExport;
import org.weightlab.scenario.RunExportFile;
import org.weightlab.scenario.ScenarioException;
import org.weightlab.scenario.safetensors.NetworkWeights;
import org.weightlab.scenario.safetensors.PyTorchScript;
import org.weightlab.scenario.safetensors.SafetensorsFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code weightlab export --run RUN.json --safetensors W.safetensors --pytorch model.py}
 * (DESIGN 6): a run export's final weights as a safetensors file, and a PyTorch script that
 * rebuilds the network, loads them and prints the run's test loss. Bad arguments or files end
 * with one line on stderr and exit code 2, and then neither file is written.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes a run's final weights for PyTorch: a .safetensors file and a model.py",
                "that loads it; 'python3 model.py W.safetensors RUN.json' prints the run's test loss."})
public final class ExportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--run", required = true, paramLabel = "RUN.json", description = "a run export (from train or the window)")
    private String run;

    @Option(names = "--safetensors", paramLabel = "FILE", description = "where to write the weights (float64)")
    private String safetensors;

    @Option(names = "--pytorch", paramLabel = "FILE", description = "where to write the PyTorch script")
    private String pytorch;

    @Override
    public Integer call() throws ScenarioException {
        if (safetensors == null && pytorch == null) {
            throw new ParameterException(spec.commandLine(), "give --safetensors FILE, --pytorch FILE, or both");
        }
        Path weightsPath = safetensors == null ? null : outputPath("--safetensors", safetensors);
        Path scriptPath = pytorch == null ? null : outputPath("--pytorch", pytorch);
        if (weightsPath != null && scriptPath != null
                && weightsPath.toAbsolutePath().normalize().equals(scriptPath.toAbsolutePath().normalize())) {
            throw new ParameterException(spec.commandLine(), "--safetensors and --pytorch name the same file");
        }
        Path runPath = inputPath(run);
        RunExport export = RunExportFile.read(runPath);
        NetworkState fin = export.fin();
        if (!fin.isFinite()) {
            throw new ScenarioException(run + ": the final weights are not all finite numbers (the run diverged); "
                    + "there is nothing to export");
        }

        // Everything is built in memory first, so that a failure leaves no file behind.
        List<Path> written = new ArrayList<>();
        try {
            if (weightsPath != null) {
                AtomicFile.write(weightsPath,
                        NetworkWeights.export(fin, export.config().features(), export.config().loss(),
                                export.config().extras().quantization()).toBytes());
                written.add(weightsPath);
            }
            if (scriptPath != null) {
                AtomicFile.write(scriptPath, PyTorchScript.generate(fin, export.config().features(),
                        export.config().loss()).getBytes(StandardCharsets.UTF_8));
                written.add(scriptPath);
            }
        } catch (ScenarioException e) {
            for (Path p : written) {
                deleteQuietly(p);
            }
            throw e;
        }

        PrintWriter out = spec.commandLine().getOut();
        int parameters = fin.layers().stream().mapToInt(l -> l.outputs() * (l.inputs() + 1)).sum();
        out.println("exported " + run + ": " + fin.layers().size() + " layers, " + parameters + " parameters"
                + (weightsPath != null ? " -> " + safetensors + " (float64)" : "")
                + (scriptPath != null ? (weightsPath != null ? ", " : " -> ") + pytorch : ""));
        if (weightsPath != null && scriptPath != null) {
            out.println("check: python3 " + pytorch + " " + safetensors + " " + run
                    + "  (prints test_loss=" + lastTestLoss(export) + ")");
        }
        out.flush();
        return 0;
    }

    private static String lastTestLoss(RunExport export) {
        return export.history().isEmpty() ? "?" : Double.toString(export.history().get(export.history().size() - 1)
                .testLoss());
    }

    /** An output path, checked before anything is read or written; never the run file itself. */
    private Path outputPath(String option, String value) {
        Path p = CommandFiles.output(spec.commandLine(), option, value);
        CommandFiles.distinct(spec.commandLine(), CommandFiles.input(spec.commandLine(), "--run", run), p, "run");
        return p;
    }

    private Path inputPath(String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new ParameterException(spec.commandLine(), "--run: not a valid path: " + value);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // Best effort: the write that failed already gave the message to show.
        }
    }
}
