package org.weightlab.ui.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightlab.engine.Evaluation;
import org.weightlab.engine.Layer;
import org.weightlab.engine.Network;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.scenario.LessonCatalog;
import org.weightlab.session.LayerSnapshot;
import org.weightlab.session.SessionState;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.session.surface.WeightRef;
import org.weightlab.ui.theme.Palette;

/** The (w, b) surface of the linear-regression lesson: exact values, the path walked, and its exit. */
@ExtendWith(ApplicationExtension.class)
class SurfaceViewTest {

    private SurfaceView view;

    @Start
    void start(Stage stage) {
        view = new SurfaceView();
        Scene scene = new Scene(new StackPane(view), 800, 760);
        scene.getStylesheets().add(Objects.requireNonNull(Palette.class.getResource(Palette.APP_STYLESHEET))
                .toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private static TrainingSnapshot moment(Trainer t, DataSplit data) {
        Network n = t.network();
        List<LayerSnapshot> layers = new ArrayList<>();
        for (int l = 0; l < n.layerCount(); l++) {
            Layer x = n.layer(l);
            layers.add(new LayerSnapshot(x.inputs(), x.outputs(), x.activation(), x.weightsCopy(), x.biasesCopy(),
                    x.weightGradientsCopy(), x.biasGradientsCopy(), x.weightUpdatesCopy(), x.biasUpdatesCopy(),
                    x.frozenWeightsCopy(), x.frozenBiasesCopy(), null));
        }
        Evaluation e = t.evaluate();
        return new TrainingSnapshot(t.stepCount(), t.epochCount(), SessionState.PAUSED, t.config(),
                t.config().features(), layers, e.trainLoss(), e.testLoss(), e.trainAccuracy(), e.testAccuracy(),
                e.penalty(), t.learningRate(), null, data);
    }

    private void waitForSurface(int count) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.surfacesShown() >= count && !view.computing());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theSurfaceIsTheRealLossAndTheDivergingPathIsMarkedWhereItLeaves() throws Exception {
        RunConfig c = LessonCatalog.builtIn().stream().filter(e -> e.name().equals("linear-regression")).findFirst()
                .orElseThrow().scenario().config();
        DataSplit data = DataGenerator.generate(c);
        Trainer t = new Trainer(c, data);
        TrainingSnapshot start = moment(t, data);
        WaitForAsyncUtils.asyncFx(() -> view.show(start));
        waitForSurface(1);
        var s = view.surface();
        assertEquals(new WeightRef(0, 0, 0), s.a());
        assertEquals(WeightRef.bias(0, 0), s.b());
        // a grid point's colour stands for the exact train loss with w and b set there
        Trainer direct = new Trainer(c, data);
        direct.setWeight(0, 0, 0, s.aAt(7));
        direct.setBias(0, 0, s.bAt(40));
        assertEquals(direct.evaluate().trainLoss(), s.loss(40, 7), 0.0);

        // lr 3: every step overshoots by more than it corrects; the path leaves the plot
        t.updateHyperparameters(c.withOptimizer(c.optimizer().withLearningRate(3)));
        for (int i = 0; i < 25; i++) {
            t.step();
            TrainingSnapshot m = moment(t, data);
            WaitForAsyncUtils.asyncFx(() -> view.show(m));
        }
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(view::drawNow);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.canvas().exitStep() > 0 && view.canvas().exitStep() <= 25, "exit at " + view.canvas().exitStep());
        assertTrue(view.canvas().outside(), "the point now is off the plot, and marked");
        assertTrue(view.canvas().contourSegments() > 100, "contours drawn: " + view.canvas().contourSegments());
        assertEquals(s, view.surface(), "the surface of w and b alone does not change while they move");
    }
}
