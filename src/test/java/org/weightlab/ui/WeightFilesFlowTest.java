package org.weightlab.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.scenario.LayerState;
import org.weightlab.scenario.NetworkState;
import org.weightlab.scenario.Pretrained;
import org.weightlab.scenario.Scenario;
import org.weightlab.scenario.ScenarioFile;
import org.weightlab.scenario.safetensors.NetworkWeights;
import org.weightlab.session.SessionHost;
import org.weightlab.session.SessionSettings;
import org.weightlab.session.SnapshotBus;
import org.weightlab.session.TrainingSnapshot;

/** File > Import weights, Open pre-trained and Save as pre-trained, in the window. */
@ExtendWith(ApplicationExtension.class)
class WeightFilesFlowTest {

    private SessionHost host;
    private MainWindow window;
    private Stage ownStage;

    @TempDir
    Path dir;

    @Start
    void start(Stage primary) {
        ownStage = new Stage();
        host = new SessionHost(new SnapshotBus(), DataGenerator::generate, SessionSettings.defaults());
        host.open(RunConfig.defaults(), null);
        window = new MainWindow(host, RunConfig.defaults());
        window.show(ownStage);
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
        WaitForAsyncUtils.asyncFx(ownStage::close).get();
        host.close();
    }

    private TrainingSnapshot waitForSnapshot() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.shownSnapshot() != null);
        return window.shownSnapshot();
    }

    private static String status(FxRobot robot) {
        return robot.lookup("#statusMessage").queryLabeled().getText();
    }

    /** The weights shown with every weight and bias moved by {@code by}, as a .safetensors file. */
    private Path shiftedWeights(Scenario current, double by) throws Exception {
        var layers = current.initial().layers().stream().map(l -> {
            double[][] w = l.weights();
            double[] b = l.biases();
            for (double[] row : w) {
                Arrays.setAll(row, i -> row[i] + by);
            }
            Arrays.setAll(b, i -> b[i] + by);
            return LayerState.of(w, b, l.activation());
        }).toList();
        Path file = dir.resolve("weights.safetensors");
        NetworkWeights.export(new NetworkState(layers), current.config().features(), current.config().loss())
                .write(file);
        return file;
    }

    @Test
    void importedWeightsOfTheRightShapeBecomeANewStartAndADamagedFileChangesNothing(FxRobot robot) throws Exception {
        waitForSnapshot();
        Scenario before = window.currentScenario();
        Path good = shiftedWeights(before, 0.25);

        // damaged: the same file cut short
        Path damaged = dir.resolve("damaged.safetensors");
        byte[] bytes = Files.readAllBytes(good);
        Files.write(damaged, Arrays.copyOf(bytes, bytes.length - 9));
        var session = host.session();
        window.weightFiles().importWeights(damaged).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(status(robot).startsWith("Could not import damaged.safetensors"), status(robot));
        assertTrue(host.session() == session, "a damaged file leaves the run as it is");

        // wrong shapes: weights of a [3] network
        Path wrong = dir.resolve("wrong.safetensors");
        RunConfig other = RunConfig.defaults().withHidden(java.util.List.of(3), java.util.List.of());
        NetworkWeights.export(NetworkState.of(org.weightlab.engine.Network.create(other)), other.features(),
                other.loss()).write(wrong);
        window.weightFiles().importWeights(wrong).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(status(robot).startsWith("Could not import wrong.safetensors"), status(robot));
        assertTrue(host.session() == session, "weights of another shape leave the run as it is");

        window.weightFiles().importWeights(good).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> host.session() != session
                && window.shownSnapshot() != null && window.shownSnapshot().layers().get(0).weights()[0]
                != before.initial().layers().get(0).weights()[0][0]);
        TrainingSnapshot now = window.shownSnapshot();
        assertEquals(0, now.step(), "imported weights are a new start at step 0");
        assertEquals(before.initial().layers().get(0).weights()[0][0] + 0.25, now.layers().get(0).weights()[0], 0.0);
        assertEquals(before.initial().layers().get(1).biases()[0] + 0.25, now.layers().get(1).biases()[0], 0.0);
        assertTrue(status(robot).contains("Imported"), status(robot));
    }

    @Test
    void aPretrainedStartOpensAtStepZeroWithItsWeightsAndSavesBackIdentically(FxRobot robot) throws Exception {
        waitForSnapshot();
        Pretrained.Entry xor = Pretrained.builtIn().get(1);
        WaitForAsyncUtils.asyncFx(() -> window.weightFiles().openPretrained(xor)).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.shownSnapshot() != null
                && window.shownSnapshot().config().equals(xor.scenario().config()));
        TrainingSnapshot s = window.shownSnapshot();
        assertEquals(0, s.step());
        double[][] w = xor.scenario().initial().layers().get(1).weights();
        for (int o = 0; o < w.length; o++) {
            for (int i = 0; i < w[o].length; i++) {
                assertEquals(w[o][i], s.layers().get(1).weights()[o * w[o].length + i], 0.0);
            }
        }
        assertTrue(s.testAccuracy() > 0.9, "already good at xor: " + s.testAccuracy());

        Path mine = dir.resolve("mine.json");
        boolean saved = WaitForAsyncUtils.asyncFx(() -> window.weightFiles().savePretrained(mine, "Mine", "xor again"))
                .get();
        assertTrue(saved, status(robot));
        Scenario back = ScenarioFile.read(mine);
        assertEquals(xor.scenario().initial(), back.initial());
        assertEquals("Mine", back.lesson().title());
        assertNotEquals(null, back.config());
        assertArrayEquals(xor.scenario().initial().layers().get(0).biases(), back.initial().layers().get(0).biases(), 0.0);
    }
}
