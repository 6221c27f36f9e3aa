package org.weightlab.ui.shell;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.scenario.AtomicFile;
import org.weightlab.scenario.HistoryPoint;
import org.weightlab.scenario.RunExport;
import org.weightlab.scenario.RunExportFile;
import org.weightlab.scenario.RunHistory;
import org.weightlab.scenario.SafeFiles;
import org.weightlab.scenario.Scenario;
import org.weightlab.scenario.ScenarioException;
import org.weightlab.scenario.ScenarioFile;
import org.weightlab.session.LossHistory;
import org.weightlab.session.LossPoint;
import org.weightlab.session.SessionHost;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.status.StatusBarView;

/**
 * The window's files: open a scenario (from a dialog, the recent list or a drop), save the
 * scenario shown, export the run, the loss history and pictures. Files are read off the FX
 * thread; a file that cannot be read or written changes nothing and says why.
 */
public final class WindowFiles {

    /** What a file action writes once the person chose where. */
    @FunctionalInterface
    private interface Write {
        void to(Path file) throws IOException, ScenarioException;
    }

    private final SessionHost host;
    /** The run's losses and accuracies, as the pump fed them: what the exports write. */
    private final LossHistory lossHistory;
    private final StatusBarView status;
    private final ErrorReporter errors;
    private final WindowPreferences prefs;
    private final Supplier<TrainingSnapshot> shown;
    private final Supplier<DataSplit> data;
    private final Supplier<Scenario> currentScenario;
    private final BiConsumer<Scenario, String> opener;
    private Stage stage;
    /** Weights as starting points: pre-trained starts and imported weights. */
    private final WeightFiles weights;
    /** The scenario file the run open now was read from; null for a lesson, a default run or none. */
    private volatile Path openedScenario;

    /**
     * Files of the run that {@code shown} and {@code data} give (the moment on screen and its
     * data); {@code opener} opens a scenario read from a file, under the file's name.
     */
    public WindowFiles(SessionHost host, LossHistory lossHistory,
                       StatusBarView status, ErrorReporter errors, WindowPreferences prefs,
                       Supplier<TrainingSnapshot> shown, Supplier<DataSplit> data, Supplier<Scenario> currentScenario,
                       BiConsumer<Scenario, String> opener) {
        this.host = host;
        this.lossHistory = lossHistory;
        this.status = status;
        this.errors = errors;
        this.prefs = prefs;
        this.shown = shown;
        this.data = data;
        this.currentScenario = currentScenario;
        this.opener = opener;
        this.weights = new WeightFiles(status, errors, prefs, currentScenario, opener, () -> stage);
    }

    /** Pre-trained starts and weight imports, which open like a scenario file. */
    public WeightFiles weights() {
        return weights;
    }

    /** The window the dialogs belong to; null once it is closed. */
    public void setStage(Stage stage) {
        this.stage = stage;
    }

    /** Reads a scenario file off the FX thread, then opens it; a bad file changes nothing. */
    public CompletableFuture<Void> openFile(Path file) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return ScenarioFile.read(file);
            } catch (ScenarioException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }).handle((s, ex) -> {
            Platform.runLater(() -> {
                if (ex != null) {
                    Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
                    error("Could not open " + file.getFileName(), cause.getMessage());
                } else {
                    opener.accept(s, file.getFileName().toString());
                    openedScenario = file;
                    prefs.remember(file);
                }
            });
            return null;
        });
    }

    /** Opens a scenario file dropped on {@code scene}; more than one file is refused. */
    public void acceptDrops(Scene scene) {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            Dragboard db = e.getDragboard();
            boolean ok = db.hasFiles() && db.getFiles().size() == 1;
            if (ok) {
                openFile(db.getFiles().get(0).toPath());
            } else if (db.hasFiles()) {
                error("Drop one scenario file", db.getFiles().size() + " files were dropped");
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    public void chooseAndOpen() {
        FileChooser chooser = chooser("Open scenario", "WeightLab scenario", "*.json");
        File f = chooser.showOpenDialog(stage);
        if (f != null) {
            openFile(f.toPath());
        }
    }

    /** File > Import data (CSV): a dialog previews the file; OK trains on it, Cancel changes nothing. */
    public void importData() {
        new org.weightlab.ui.importer.DataImporter(() -> stage, () -> {
            Scenario s = currentScenario.get();
            return s == null ? org.weightlab.engine.config.RunConfig.defaults() : s.config();
        }, host::applyConfig, this::error).chooseAndImport();
    }

    public void chooseAndSave() {
        Scenario s = currentScenario.get();
        if (s == null) {
            return;
        }
        saveAs(chooser("Save scenario", "WeightLab scenario", "*.json"), "scenario.json", "Could not save ",
                file -> {
                    ScenarioFile.write(s, file);
                    prefs.remember(file);
                });
    }

    /** Saves a picture of {@code node} (a view or the whole window) for slides. */
    public void exportPng(Node node) {
        WritableImage image = node.snapshot(null, null);
        saveAs(chooser("Export picture", "PNG image", "*.png"), "weightlab.png", "Could not write ", file -> {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out);
            AtomicFile.write(file, out.toByteArray());
        });
    }

    /**
     * Asks where to save ({@code fileName} offered), writes there and says "Saved" in the status
     * line, or says why not; nothing happens when the person cancels.
     */
    private void saveAs(FileChooser chooser, String fileName, String failure, Write write) {
        chooser.setInitialFileName(fileName);
        File f = chooser.showSaveDialog(stage);
        if (f == null) {
            return;
        }
        try {
            write.to(f.toPath());
            status.setMessage("Saved " + f.getName());
        } catch (IOException | ScenarioException e) {
            error(failure + f.getName(), e.getMessage());
        }
    }

    /**
     * The run as shown (the moment on screen, and its history up to it) in the run-export form,
     * or null when there is nothing to export yet. Builds the history on the calling thread.
     *
     * @throws IllegalArgumentException when the network changed shape during the run
     */
    public RunExport runExport() {
        TrainingSnapshot last = shown.get();
        TrainingSnapshot first = host.timeline().snapshotAt(0);
        DataSplit data = this.data.get();
        if (last == null || first == null || data == null) {
            return null;
        }
        return new RunExport(last.config(), data, RunFiles.networkState(first), RunFiles.networkState(last),
                epochEndsLater(last.step()).get());
    }

    /**
     * Reads what the history needs now, on the FX thread, and returns the work that builds it, for
     * any thread (a replay of a long run takes seconds). The loss history holds the epoch ends the
     * session evaluated; the others are rebuilt by replaying the run from its initial weights on
     * the run's own data, which is exact while no setting changed. When one did (or the replay
     * disagrees with an evaluated point), only the evaluated epoch ends are exported.
     */
    private Supplier<List<HistoryPoint>> epochEndsLater(long lastStep) {
        List<HistoryPoint> ends = new ArrayList<>();
        for (LossPoint p : lossHistory.epochEndsUpTo(lastStep)) {
            ends.add(new HistoryPoint(p.step(), p.epoch(), p.trainLoss(), p.testLoss(), p.trainAccuracy(),
                    p.testAccuracy()));
        }
        TrainingSnapshot first = host.timeline().snapshotAt(0);
        if (first == null || first.step() != 0 || first.data() == null || lossHistory.changedUpTo(lastStep)) {
            return () -> ends;
        }
        RunConfig config = first.config();
        DataSplit split = first.data();
        var initial = RunFiles.networkState(first);
        return () -> {
            List<HistoryPoint> replayed = RunHistory.replay(config, split, initial, lastStep, ends);
            return replayed != null ? replayed : ends;
        };
    }

    /** The scenario file the open run was read from, or null (a lesson, a default run). */
    public Path openedScenario() {
        return openedScenario;
    }

    /** A run was opened from somewhere else than a file (a lesson, the gallery): no file is open. */
    public void forgetOpenedScenario() {
        openedScenario = null;
    }

    public void exportRun() {
        if (shown.get() == null) {
            return;
        }
        FileChooser chooser = chooser("Export run", "WeightLab run", "*.json");
        chooser.setInitialFileName("run.json");
        File f = chooser.showSaveDialog(stage);
        if (f != null) {
            exportRunTo(f.toPath());
        }
    }

    /**
     * Writes the run as shown to {@code target}, refusing the scenario file the run was opened
     * from (an export there would destroy it). Completes when written or refused.
     */
    public CompletableFuture<Void> exportRunTo(Path target) {
        TrainingSnapshot last = shown.get();
        TrainingSnapshot first = host.timeline().snapshotAt(0);
        DataSplit split = this.data.get();
        if (last == null || first == null || split == null) {
            return CompletableFuture.completedFuture(null);
        }
        Path opened = openedScenario;
        if (opened != null) {
            try {
                SafeFiles.checkDistinct(opened, target, "scenario");
            } catch (ScenarioException e) {
                error("Could not export the run", e.getMessage());
                return CompletableFuture.completedFuture(null);
            }
        }
        var history = epochEndsLater(last.step());
        File f = target.toFile();
        status.setMessage("Exporting the run to " + f.getName() + "\u2026");
        // the history may replay a long run: built and written off the FX thread
        return CompletableFuture.runAsync(() -> {
            RunExport run;
            try {
                run = new RunExport(last.config(), split, RunFiles.networkState(first), RunFiles.networkState(last),
                        history.get());
            } catch (IllegalArgumentException e) {
                Platform.runLater(() -> error("Could not export this run",
                        e.getMessage() + " (the network changed shape during the run)"));
                return;
            }
            try {
                RunExportFile.write(run, f.toPath());
                Platform.runLater(() -> status.setMessage("Exported the run to " + f.getName()));
            } catch (ScenarioException e) {
                Platform.runLater(() -> error("Could not export the run", e.getMessage()));
            }
        });
    }

    public void exportCsv() {
        List<LossPoint> batches = lossHistory.batchPoints();
        // everything held, which may run past the moment on screen while the timeline is scrubbed
        long lastStep = (long) Math.max(0, Math.max(lossHistory.batches().lastStep(),
                lossHistory.epochEnds().lastStep()));
        var history = epochEndsLater(lastStep);
        FileChooser chooser = chooser("Export loss history", "CSV", "*.csv");
        chooser.setInitialFileName("loss.csv");
        File f = chooser.showSaveDialog(stage);
        if (f == null) {
            return;
        }
        // the epoch ends may replay a long run: built and written off the FX thread
        CompletableFuture.runAsync(() -> {
            List<LossPoint> points = new ArrayList<>(batches);
            for (HistoryPoint e : history.get()) {
                points.add(new LossPoint(e.step(), e.epoch(), e.trainLoss(), e.testLoss(), true, e.trainAccuracy(),
                        e.testAccuracy()));
            }
            points.sort(java.util.Comparator.comparingLong(LossPoint::step)); // stable: a batch before its epoch end
            try {
                AtomicFile.write(f.toPath(), RunFiles.lossCsv(points).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                Platform.runLater(() -> status.setMessage("Exported " + points.size() + " loss points to "
                        + f.getName()));
            } catch (ScenarioException e) {
                Platform.runLater(() -> error("Could not write " + f.getName(), e.getMessage()));
            }
        });
    }

    private FileChooser chooser(String title, String description, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, pattern));
        File last = prefs.lastFolder();
        if (last != null) {
            chooser.setInitialDirectory(last);
        }
        return chooser;
    }

    private void error(String title, String message) {
        errors.error(title, message);
    }
}
