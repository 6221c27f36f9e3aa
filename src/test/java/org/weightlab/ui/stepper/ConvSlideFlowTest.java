package org.weightlab.ui.stepper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.weightlab.engine.ConvLayer;
import org.weightlab.engine.Trace;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.ConfigEdits;
import org.weightlab.engine.config.ConvSpec;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.config.RunExtras;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.explain.ConvWalk;
import org.weightlab.explain.NumberText;

/** The step-through of a convolutional network slides the kernel, each value the engine's own. */
@ExtendWith(ApplicationExtension.class)
class ConvSlideFlowTest {

    private static final RunConfig CONV = ConfigEdits.withDataset(RunConfig.defaults(), DatasetKind.DIGITS)
            .withHidden(List.of(8), List.of()).withData(200, 0, 0.5, 4)
            .withExtras(RunExtras.NONE.withConv(List.of(new ConvSpec(4, 3))));

    private StepThroughView view;
    private StepThroughViewModel model;
    private Trainer live;

    @Start
    void start(Stage stage) {
        DataSplit data = DataGenerator.generate(CONV);
        live = new Trainer(CONV, data);
        live.runSteps(6);
        model = new StepThroughViewModel();
        view = new StepThroughView(model);
        model.enter(live.checkpoint(), data);
        stage.setScene(new Scene(view, 1200, 800));
        stage.show();
        view.requestFocus();
    }

    @Test
    void slidingTheKernelShowsTheEnginesValueAtEachPositionWithTheSameWeightsLit(FxRobot robot) {
        robot.interact(() -> model.selectExample(3));
        ConvSlidePane pane = view.convPane();
        assertTrue(pane.isVisible(), "a convolutional network shows the sliding kernel");
        Trace engine = live.trace(3);
        double[] dense = engine.layer(0).input(); // the feature maps the engine's own pass fed on
        ConvLayer conv = live.network().conv(0);
        robot.interact(view::requestFocus);
        double[] firstBox = null;
        for (int p = 0; p < 8; p++) {
            ConvWalk.Position at = pane.current();
            assertEquals(p / 6, at.row());
            assertEquals(p % 6, at.column());
            assertEquals(dense[at.row() * 6 + at.column()], at.a(), 0.0, "kernel 1 at position " + p);
            assertArrayEquals(conv.kernel(0, 0), at.weights(), "the same weights at position " + p);
            assertTrue(pane.sumText().endsWith("= " + NumberText.format(at.z())), pane.sumText());
            robot.interact(() -> pane.canvas().drawNow());
            double[] box = pane.canvas().box();
            assertNotNull(box);
            if (firstBox == null) {
                firstBox = box;
            } else {
                assertEquals(firstBox[0] + (p % 6) * (box[2] / 3), box[0], 1e-9, "the box moved along the row");
            }
            robot.type(KeyCode.PERIOD);
        }
        int stage = model.indexProperty().get();
        robot.type(KeyCode.K);
        ConvWalk.Position second = pane.current();
        assertEquals(1, second.kernel());
        assertEquals(dense[36 + second.row() * 6 + second.column()], second.a(), 0.0);
        assertEquals(stage, model.indexProperty().get(), "sliding the kernel leaves the walk where it was");
        robot.type(KeyCode.COMMA);
        assertEquals(7, pane.current().row() * 6 + pane.current().column());
        robot.type(KeyCode.RIGHT);
        assertEquals(stage + 1, model.indexProperty().get(), "the walk's keys still work");
    }

    @Test
    void aNetworkWithoutConvolutionsHidesThePane(FxRobot robot) {
        RunConfig plain = RunConfig.defaults();
        DataSplit d = DataGenerator.generate(plain);
        robot.interact(() -> model.enter(new Trainer(plain, d).checkpoint(), d));
        assertFalse(view.convPane().isVisible());
        assertFalse(view.convPane().handleKey(KeyCode.K));
    }
}
