package org.weightlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightlab.engine.Evaluation;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.scenario.HistoryPoint;
import org.weightlab.scenario.RunExport;
import org.weightlab.scenario.RunExportFile;
import org.weightlab.scenario.Scenario;
import org.weightlab.scenario.ScenarioFile;
import org.weightlab.session.SessionSettings;
import org.weightlab.session.SessionHost;
import org.weightlab.session.SnapshotBus;
import org.weightlab.session.TrainingSession;
import org.weightlab.ui.status.StatusBarView;

/** Opening scenarios and lessons in the window, and what a bad file does (nothing). */
@ExtendWith(ApplicationExtension.class)
class MainWindowFilesTest {

    private SessionHost host;
    private MainWindow window;

    @TempDir
    Path dir;

    @Start
    void start(Stage primary) {
        // A window of its own: the main window sizes and maximizes its stage from preferences,
        // which must not leak into the shared primary stage of later tests.
        Stage stage = new Stage();
        ownStage = stage;
        host = new SessionHost(new SnapshotBus(), DataGenerator::generate, SessionSettings.defaults());
        host.open(RunConfig.defaults(), null);
        window = new MainWindow(host, RunConfig.defaults());
        window.show(stage);
    }

    private Stage ownStage;

    @AfterEach
    void stop() throws Exception {
        window.close();
        WaitForAsyncUtils.asyncFx(ownStage::close).get();
        host.close();
    }

    private void waitForSnapshot() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.shownSnapshot() != null);
    }

    private static long lastStep(RunExport run) {
        return run == null || run.history().isEmpty() ? -1 : run.history().get(run.history().size() - 1).step();
    }

    @Test
    void theRunExportCarriesEachEvaluatedEpochsAccuracies() throws Exception {
        waitForSnapshot();
        int perEpoch = 25; // 250 training examples, batches of 10
        for (int e = 1; e <= 3; e++) { // the last step of each request is always evaluated
            host.stepEpoch();
            long end = (long) e * perEpoch;
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.shownSnapshot().step() == end
                    && lastStep(WaitForAsyncUtils.asyncFx(window::runExport).get()) == end);
        }
        RunExport run = WaitForAsyncUtils.asyncFx(window::runExport).get();
        assertTrue(run.history().size() >= 3, "epoch ends: " + run.history());

        Trainer reference = new Trainer(RunConfig.defaults(), DataGenerator.generate(RunConfig.defaults()));
        for (HistoryPoint p : run.history()) {
            reference.runSteps(p.step() - reference.stepCount());
            Evaluation e = reference.evaluate();
            assertEquals(e.trainAccuracy(), p.trainAccuracy(), 0.0, "train accuracy at step " + p.step());
            assertEquals(e.testAccuracy(), p.testAccuracy(), 0.0, "test accuracy at step " + p.step());
            assertEquals(e.trainLoss(), p.trainLoss(), 0.0, "train loss at step " + p.step());
            assertTrue(p.trainAccuracy() > 0.4 && p.trainAccuracy() <= 1, "a fraction: " + p.trainAccuracy());
        }
    }

    @Test
    void theWindowsRunExportHasTheHistoryOfTheCommandLinesExportOfTheSameRun() throws Exception {
        waitForSnapshot();
        int steps = 1_000; // 40 epochs of 25 batches, trained at full speed: few epoch ends are evaluated live
        host.runSteps(steps);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> host.state() != org.weightlab.session.SessionState.RUNNING
                && window.shownSnapshot().step() == steps);
        RunExport shown = WaitForAsyncUtils.asyncFx(window::runExport).get();
        Path windowFile = dir.resolve("window.json");
        RunExportFile.write(shown, windowFile);

        Path scenario = dir.resolve("scenario.json");
        ScenarioFile.write(Scenario.of(RunConfig.defaults()), scenario);
        Path cliFile = dir.resolve("cli.json");
        int code = org.weightlab.app.Launcher.run("train", "--scenario", scenario.toString(), "--epochs",
                String.valueOf(steps / 25), "--export", cliFile.toString());
        assertEquals(0, code);

        List<HistoryPoint> fromWindow = RunExportFile.read(windowFile).history();
        List<HistoryPoint> fromCommandLine = RunExportFile.read(cliFile).history();
        assertEquals(1 + steps / 25, fromCommandLine.size(), "step 0 and every epoch end");
        assertEquals(fromCommandLine.size(), fromWindow.size());
        for (int i = 0; i < fromCommandLine.size(); i++) {
            assertEquals(fromCommandLine.get(i), fromWindow.get(i), "history entry " + i);
        }
    }

    @Test
    void aMalformedFileIsRefusedWithItsProblemAndTheRunIsUntouched(FxRobot robot) throws Exception {
        waitForSnapshot();
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\": \"weightlab-scenario\", \"version\": 1, \"config\": {\"dataset\": ");
        var sessionBefore = host.session();
        window.openFile(bad).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        String message = robot.lookup("#statusMessage").queryLabeled().getText();
        assertTrue(message.contains("bad.json"), message);
        assertTrue(host.session() == sessionBefore, "the open run was replaced");
    }

    @Test
    void aSavedScenarioOpensWithItsDataAndWeights(FxRobot robot) throws Exception {
        waitForSnapshot();
        RunConfig xor = RunConfig.defaults().withDataset(DatasetKind.XOR);
        Path file = dir.resolve("xor.json");
        ScenarioFile.write(Scenario.of(xor), file);
        window.openFile(file).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> window.shownSnapshot() != null && window.shownSnapshot().config().dataset() == DatasetKind.XOR);
        Scenario now = window.currentScenario();
        assertEquals(DatasetKind.XOR, now.config().dataset());
        assertNotNull(now.initial(), "the scenario carries the weights shown");
        assertEquals(window.shownSnapshot().layers().get(0).weights()[0],
                now.initial().layers().get(0).weights()[0][0]);
    }

    @Test
    void exportingTheRunOverTheOpenScenarioFileIsRefused(FxRobot robot) throws Exception {
        waitForSnapshot();
        RunConfig xor = RunConfig.defaults().withDataset(DatasetKind.XOR);
        Path file = dir.resolve("xor.json");
        ScenarioFile.write(Scenario.of(xor), file);
        byte[] before = Files.readAllBytes(file);
        window.openFile(file).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> window.shownSnapshot() != null && window.shownSnapshot().config().dataset() == DatasetKind.XOR);
        WaitForAsyncUtils.asyncFx(() -> window.exportRunTo(file)).get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)), "the scenario file is untouched");
        String message = robot.lookup("#statusMessage").queryLabeled().getText();
        assertTrue(message.contains("it is the scenario file"), message);
        // through another name for the same file too
        Path viaDots = dir.resolve("sub").resolve("..").resolve("xor.json");
        Files.createDirectories(dir.resolve("sub"));
        WaitForAsyncUtils.asyncFx(() -> window.exportRunTo(viaDots)).get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)), "untouched through another name");
        // any other file is written
        Path other = dir.resolve("run.json");
        WaitForAsyncUtils.asyncFx(() -> window.exportRunTo(other)).get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
        assertEquals(DatasetKind.XOR, RunExportFile.read(other).config().dataset());
        // a lesson opened afterwards has no file: the old name may be written again
        Scenario lesson = ScenarioFile.builtIn("overfitting");
        robot.interact(() -> window.openScenario(lesson, "overfitting"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> window.shownSnapshot() != null && window.shownSnapshot().config().equals(lesson.config()));
        WaitForAsyncUtils.asyncFx(() -> window.exportRunTo(file)).get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
        assertEquals(lesson.config(), RunExportFile.read(file).config());
    }

    @Test
    void aLessonOpensWithItsTextBesideTheControls(FxRobot robot) throws Exception {
        waitForSnapshot();
        Scenario lesson = ScenarioFile.builtIn("overfitting");
        robot.interact(() -> window.openScenario(lesson, "overfitting"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> window.shownSnapshot() != null && window.shownSnapshot().config().equals(lesson.config()));
        Node panel = robot.lookup("#lessonPanel").query();
        assertTrue(panel.isVisible());
    }

    @Test
    void presentationModeHidesTheControlsAndEnlargesText(FxRobot robot) {
        Node controls = robot.lookup("#controlsColumn").query();
        robot.interact(() -> window.setPresentation(true));
        assertFalse(controls.isVisible());
        assertTrue(window.root().getStyle().contains("font-size"));
        robot.interact(() -> window.setPresentation(false));
        assertTrue(controls.isVisible());
        List<String> sheets = window.root().getScene().getStylesheets();
        assertFalse(sheets.stream().anyMatch(s -> s.endsWith("projector.css")));
        assertNotNull(robot.lookup("#statusBar").queryAs(StatusBarView.class));
    }
}
