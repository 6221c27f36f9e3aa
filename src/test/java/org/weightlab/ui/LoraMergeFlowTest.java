package org.weightlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightlab.engine.config.LoraSpec;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.scenario.Scenario;
import org.weightlab.session.SessionHost;
import org.weightlab.session.SessionSettings;
import org.weightlab.session.SnapshotBus;
import org.weightlab.session.TrainingSnapshot;

/** In the window: the inspector's "Merge adapter" folds a trained adapter into W, with the same test loss. */
@ExtendWith(ApplicationExtension.class)
class LoraMergeFlowTest {

    private static final RunConfig ADAPTED = RunConfig.defaults().withLora(List.of(new LoraSpec(0, 1, 2.0)));

    private SessionHost host;
    private MainWindow window;
    private Stage ownStage;

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

    @Test
    void mergeAdapterInTheInspectorFoldsItIntoTheWeights(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            window.openScenario(Scenario.of(ADAPTED), "adapted");
            window.showView(MainWindow.View.INSPECTOR);
        }).get();
        host.runSteps(50);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.shownSnapshot() != null
                && window.shownSnapshot().step() == 50 && !window.shownSnapshot().config().lora().isEmpty());
        TrainingSnapshot before = window.shownSnapshot();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#inspectorLora").tryQuery().isPresent()
                && robot.lookup("#inspectorLora").query().isVisible());
        Button merge = robot.lookup("#loraMerge").queryAs(Button.class);
        WaitForAsyncUtils.asyncFx(merge::fire).get(); // below the fold of the inspector's scroll pane
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.shownSnapshot() != null
                && window.shownSnapshot().config().lora().isEmpty());
        TrainingSnapshot after = window.shownSnapshot();
        assertEquals(before.testLoss(), after.testLoss(), 1e-12, "merging changes no output");
        assertTrue(before.layers().get(0).computesWithOtherWeights(), "before: the adapter changes W");
        assertEquals(before.layers().get(0).effectiveWeights()[0], after.layers().get(0).weights()[0], 1e-12);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#inspectorLora").query().isVisible());
    }
}
