package org.weightlab.ui.shell;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
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
import org.weightlab.engine.data.DataSplit;
import org.weightlab.scenario.AtomicFile;
import org.weightlab.scenario.HistoryPoint;
import org.weightlab.scenario.RunExport;
import org.weightlab.scenario.RunExportFile;
import org.weightlab.scenario.Scenario;
import org.weightlab.scenario.ScenarioException;
import org.weightlab.scenario.ScenarioFile;
import org.weightlab.session.LossPoint;
import org.weightlab.session.SessionHost;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.loss.LossChartView;
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

    private static final double[] NO_ACCURACY = {Double.NaN, Double.NaN};

    private final SessionHost host;
    private final LossChartView lossChart;
    /** Train and test accuracy of each evaluated epoch end, by step, for the run export (the chart keeps losses only). */
    private final NavigableMap<Long, double[]> epochAccuracies;
    private final StatusBarView status;
    private final ErrorReporter errors;
    private final WindowPreferences prefs;
    private final Supplier<TrainingSnapshot> shown;
    private final Supplier<DataSplit> data;
    private final Supplier<Scenario> currentScenario;
    private final BiConsumer<Scenario, String> opener;
    private Stage stage;

    /**
     * Files of the run that {@code shown} and {@code data} give (the moment on screen and its
     * data); {@code opener} opens a scenario read from a file, under the file's name.
     */
    public WindowFiles(SessionHost host, LossChartView lossChart, NavigableMap<Long, double[]> epochAccuracies,
                       StatusBarView status, ErrorReporter errors, WindowPreferences prefs,
                       Supplier<TrainingSnapshot> shown, Supplier<DataSplit> data, Supplier<Scenario> currentScenario,
                       BiConsumer<Scenario, String> opener) {
        this.host = host;
        this.lossChart = lossChart;
        this.epochAccuracies = epochAccuracies;
        this.status = status;
        this.errors = errors;
        this.prefs = prefs;
        this.shown = shown;
        this.data = data;
        this.currentScenario = currentScenario;
        this.opener = opener;
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
     * or null when there is nothing to export yet.
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
                epochEnds(last.step()));
    }

    /**
     * The evaluated epoch ends the chart holds, up to {@code lastStep}, with their accuracies. The
     * train and test curves are paired by step, not by position: each is thinned on its own in a
     * long run, and an epoch end that only one of them kept is left out.
     */
    private List<HistoryPoint> epochEnds(long lastStep) {
        List<HistoryPoint> ends = new ArrayList<>();
        var train = lossChart.series(LossChartView.Curve.TRAIN);
        var test = lossChart.series(LossChartView.Curve.TEST);
        for (int i = 0; i < train.size() && train.step(i) <= lastStep; i++) {
            int j = test.indexOfStep(train.step(i));
            if (j >= 0) {
                double[] accuracy = epochAccuracies.getOrDefault((long) train.step(i), NO_ACCURACY);
                ends.add(new HistoryPoint((long) train.step(i), (int) train.epoch(i), train.value(i), test.value(j),
                        accuracy[0], accuracy[1]));
            }
        }
        return ends;
    }

    public void exportRun() {
        RunExport run;
        try {
            run = runExport();
        } catch (IllegalArgumentException e) {
            error("Could not export this run", e.getMessage() + " (the network changed shape during the run)");
            return;
        }
        if (run == null) {
            return;
        }
        FileChooser chooser = chooser("Export run", "WeightLab run", "*.json");
        chooser.setInitialFileName("run.json");
        File f = chooser.showSaveDialog(stage);
        if (f == null) {
            return;
        }
        try {
            RunExportFile.write(run, f.toPath());
            status.setMessage("Exported the run to " + f.getName());
        } catch (ScenarioException e) {
            error("Could not export the run", e.getMessage());
        }
    }

    public void exportCsv() {
        List<LossPoint> points = new ArrayList<>();
        var batch = lossChart.series(LossChartView.Curve.BATCH);
        for (int i = 0; i < batch.size(); i++) {
            points.add(new LossPoint((long) batch.step(i), (int) batch.epoch(i), batch.value(i), Double.NaN, false));
        }
        for (HistoryPoint e : epochEnds(Long.MAX_VALUE)) {
            points.add(new LossPoint(e.step(), e.epoch(), e.trainLoss(), e.testLoss(), true, e.trainAccuracy(),
                    e.testAccuracy()));
        }
        points.sort(java.util.Comparator.comparingLong(LossPoint::step));
        FileChooser chooser = chooser("Export loss history", "CSV", "*.csv");
        chooser.setInitialFileName("loss.csv");
        File f = chooser.showSaveDialog(stage);
        if (f == null) {
            return;
        }
        try {
            AtomicFile.write(f.toPath(), RunFiles.lossCsv(points).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            status.setMessage("Exported " + points.size() + " loss points to " + f.getName());
        } catch (ScenarioException e) {
            error("Could not write " + f.getName(), e.getMessage());
        }
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
