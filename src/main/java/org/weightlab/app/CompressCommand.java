package org.weightlab.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.weightlab.compress.CompressionSpec;
import org.weightlab.compress.Compressor;
import org.weightlab.compress.Evaluator;
import org.weightlab.compress.ModelSize;
import org.weightlab.compress.PruneScope;
import org.weightlab.compress.QuantSpec;
import org.weightlab.compress.StorageFormat;
import org.weightlab.compress.WeightSet;
import org.weightlab.engine.Evaluation;
import org.weightlab.engine.Network;
import org.weightlab.scenario.NetworkState;
import org.weightlab.scenario.RunExport;
import org.weightlab.scenario.RunExportFile;
import org.weightlab.scenario.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code weightlab compress --run RUN.json [--prune S] [--prune-scope global|layer]
 * [--bits 8|4|3|2|ternary|binary] --export OUT.json}: magnitude pruning, then quantization, of a
 * run export's final weights. Prints {@code compress before ...} and {@code compress after ...}
 * ({@code train_loss=}, {@code test_loss=}, {@code test_accuracy=} for classification,
 * {@code nonzero=}) and {@code size ...} lines, and writes OUT as a run export whose "final" holds
 * the compressed weights and whose "compression" section says what was applied. Bad arguments or
 * files: one line on stderr, exit code 2, nothing written.
 */
@Command(name = "compress", mixinStandardHelpOptions = true,
        description = "Prunes and quantizes a run's final weights and writes them as a run export.")
public final class CompressCommand implements Callable<Integer> {

    /** The slider range: up to 99% of the weights. */
    static final double MAX_SPARSITY = 0.99;

    @Spec
    private CommandSpec spec;

    @Option(names = "--run", required = true, paramLabel = "RUN.json", description = "a run export (from train or the window)")
    private String runFile;

    @Option(names = "--prune", paramLabel = "S",
            description = "magnitude pruning: the fraction of weights set to 0, 0 to 0.99 (or 0% to 99%)")
    private String prune;

    @Option(names = "--prune-scope", paramLabel = "global|layer",
            description = "rank all weights together (global, the default) or each layer on its own (layer)")
    private String pruneScope = "global";

    @Option(names = "--bits", paramLabel = "8|4|3|2|ternary|binary",
            description = "quantize each layer's weights (biases keep full precision)")
    private String bits;

    @Option(names = "--export", required = true, paramLabel = "OUT.json", description = "where to write the compressed run")
    private String export;

    @Override
    public Integer call() throws ScenarioException {
        CompressionSpec what = new CompressionSpec(sparsity(), scope(), quant());
        Path exportPath = exportPath();
        RunExport run = read();
        Network original = run.fin().toNetwork(run.config());
        Network compressed = Compressor.apply(original, what);
        Evaluator evaluator = new Evaluator(run.config(), run.data(), original);
        Evaluation before = evaluator.evaluate(WeightSet.of(original));
        Evaluation after = evaluator.evaluate(WeightSet.of(compressed));
        RunExport out = new RunExport(run.config(), run.data(), run.initial(), NetworkState.of(compressed),
                run.history(), what);
        RunExportFile.write(out, exportPath);

        PrintWriter w = spec.commandLine().getOut();
        w.println("compress before " + figures(before, ModelSize.of(original)));
        w.println("compress after " + figures(after, ModelSize.of(compressed)) + " " + what.describe());
        printSize(w, ModelSize.of(compressed));
        w.flush();
        return 0;
    }

    private double sparsity() {
        if (prune == null) {
            return 0;
        }
        String s = prune.trim();
        boolean percent = s.endsWith("%");
        double v;
        try {
            v = Double.parseDouble(percent ? s.substring(0, s.length() - 1) : s);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (percent) {
            v /= 100;
        }
        if (!(v >= 0 && v <= MAX_SPARSITY)) {
            throw new ParameterException(spec.commandLine(),
                    "--prune takes a sparsity from 0 to 0.99 (or 0% to 99%), got " + prune);
        }
        return v;
    }

    private PruneScope scope() {
        try {
            return PruneScope.fromId(pruneScope);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--prune-scope: " + e.getMessage());
        }
    }

    private QuantSpec quant() {
        if (bits == null) {
            return null;
        }
        try {
            return QuantSpec.fromId(bits);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--bits: " + e.getMessage());
        }
    }

    /** The export path, checked before anything is read; never the run file itself. */
    private Path exportPath() {
        Path p = CommandFiles.output(spec.commandLine(), "--export", export);
        Path in = CommandFiles.input(spec.commandLine(), "--run", runFile);
        CommandFiles.distinct(spec.commandLine(), in, p, "run");
        return p;
    }

    /** The run, refused when its final weights cannot be compressed. */
    private RunExport read() throws ScenarioException {
        Path p;
        try {
            p = Path.of(runFile);
        } catch (InvalidPathException e) {
            throw new ParameterException(spec.commandLine(), "--run: not a valid path: " + runFile);
        }
        RunExport run = RunExportFile.read(p);
        if (!run.fin().isFinite()) {
            throw new ScenarioException(runFile + ": the final weights are not finite numbers (the run diverged); "
                    + "there is nothing to compress");
        }
        if (run.compression() != null) {
            throw new ScenarioException(runFile + ": is already compressed (" + run.compression().describe()
                    + "); compress the run it came from");
        }
        return run;
    }

    /** {@code train_loss=... test_loss=... [test_accuracy=...] nonzero=... params=...}. */
    static String figures(Evaluation e, ModelSize size) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "train_loss=%.6g test_loss=%.6g",
                e.trainLoss(), e.testLoss()));
        if (!Double.isNaN(e.testAccuracy())) {
            s.append(String.format(Locale.ROOT, " test_accuracy=%.6g", e.testAccuracy()));
        }
        return s.append(" nonzero=").append(size.nonzero()).append(" params=").append(size.parameters()).toString();
    }

    /**
     * One {@code size} line per layer, one for the whole network and one for a 7-billion-parameter
     * model, each with the bytes at every storage width.
     */
    static void printSize(PrintWriter w, ModelSize size) {
        for (int l = 0; l < size.layers().size(); l++) {
            ModelSize.LayerSize s = size.layers().get(l);
            w.printf(Locale.ROOT, "size layer=%d weights=%d biases=%d params=%d nonzero=%d%n", l + 1, s.weights(),
                    s.biases(), s.parameters(), s.nonzero());
        }
        w.printf(Locale.ROOT, "size total weights=%d biases=%d params=%d nonzero=%d%s%n", size.weights(),
                size.biases(), size.parameters(), size.nonzero(), bytes(size.parameters()));
        w.printf(Locale.ROOT, "size 7b_model params=%d%s%n", ModelSize.SEVEN_BILLION, bytes(ModelSize.SEVEN_BILLION));
    }

    private static String bytes(long parameters) {
        StringBuilder s = new StringBuilder();
        for (StorageFormat f : StorageFormat.values()) {
            s.append(' ').append(f.id()).append("_bytes=").append(f.bytes(parameters));
        }
        return s.toString();
    }
}
