package org.weightlab.ui.stepper;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;

/** The step-through view shows the batch-normalization stop: its text, and a diagram with no neuron lit. */
@ExtendWith(ApplicationExtension.class)
class BatchNormStopViewTest {

    private StepThroughView view;
    private StepThroughViewModel model;

    @Start
    void start(Stage stage) {
        RunConfig plain = RunConfig.defaults().withHidden(List.of(4, 3), List.of());
        RunConfig config = plain.withExtras(plain.extras().withBatchNorm(List.of(true, false)));
        DataSplit data = DataGenerator.generate(config);
        Trainer live = new Trainer(config, data);
        live.runSteps(4);
        model = new StepThroughViewModel();
        view = new StepThroughView(model);
        model.enter(live.checkpoint(), data);
        stage.setScene(new Scene(view, 1100, 750));
        stage.show();
    }

    @Test
    void theStopAfterANormalizedLayerShowsTheBatchsNumbers(FxRobot robot) {
        int at = -1;
        for (int i = 0; i < model.model().stages().size(); i++) {
            if (model.model().stages().get(i).title().contains("batch normalization")) {
                at = i;
            }
        }
        assertTrue(at > 0);
        for (int i = 0; i < at; i++) {
            robot.interact(model::forward);
        }
        robot.interact(view::layout);
        String text = view.panelText();
        assertTrue(text.contains("the other examples in the batch change this example's output"), text);
        assertTrue(text.contains("running mean"), text);
        for (int o = 0; o < 4; o++) {
            assertTrue(!view.diagram().isActive(1, o), "no neuron of the normalized layer is lit");
        }
    }
}
