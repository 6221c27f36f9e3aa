package org.weightlab.ui.heatmap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightlab.analysis.EngineRun;
import org.weightlab.analysis.SnapshotForward;
import org.weightlab.engine.config.ConfigEdits;
import org.weightlab.engine.config.InlineData;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.session.TrainingSnapshot;

/** Data of four inputs has no plane: the output view shows the confusion matrix or predictions against targets. */
@ExtendWith(ApplicationExtension.class)
class NoPlaneViewTest {

    private DecisionHeatmapView view;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        view = new DecisionHeatmapView();
        Pane root = new Pane(view);
        view.setManaged(false);
        view.resizeRelocate(0, 0, 420, 560);
        Scene scene = new Scene(root, 420, 560);
        scene.getStylesheets().add(getClass().getResource("/org/weightlab/ui/weightlab.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    /** 40 rows of four columns; labels three classes, or (regression) a sum of the columns. */
    private static TrainingSnapshot fourColumns(boolean classification) {
        double[] rows = new double[40 * 4];
        double[] labels = new double[40];
        for (int i = 0; i < 40; i++) {
            for (int j = 0; j < 4; j++) {
                rows[i * 4 + j] = Math.sin(i * 1.7 + j) * (1 + j);
            }
            labels[i] = classification ? i % 3 : rows[i * 4] + 0.5 * rows[i * 4 + 2];
        }
        InlineData d = new InlineData(List.of("a", "b", "c", "d"),
                classification ? List.of("x", "y", "z") : List.of(), rows, labels, true);
        RunConfig c = ConfigEdits.withInlineData(RunConfig.defaults(), d).withHidden(List.of(5), List.of());
        EngineRun run = new EngineRun(c);
        for (int i = 0; i < 30; i++) {
            run.trainer().step();
        }
        TrainingSnapshot s = run.snapshot(0);
        DataSplit split = DataGenerator.generate(c);
        return new TrainingSnapshot(s.step(), s.epoch(), s.state(), c, s.features(), s.layers(), 0, 0, 0, 0, 0, 0,
                null, split);
    }

    private void show(TrainingSnapshot s) {
        DecisionHeatmapViewTest.fx(() -> {
            view.setData(s.data());
            view.show(s);
            view.drawNow();
        });
    }

    @Test
    void classificationOfFourInputsShowsTheConfusionMatrixWithACaptionSayingWhy() throws Exception {
        TrainingSnapshot s = fourColumns(true);
        show(s);
        NoPlaneView none = DecisionHeatmapViewTest.fxGet(view::noPlaneView);
        assertNotNull(none, "no plane: the stand-in is shown");
        assertSame(none, DecisionHeatmapViewTest.fxGet(view::getCenter));
        assertTrue(none.caption().startsWith("4 inputs: no 2-D plane"), none.caption());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> DecisionHeatmapViewTest.fxGet(
                () -> none.confusion() != null && none.confusion().matrix() != null));
        assertEquals(s.data().test().size(), DecisionHeatmapViewTest.fxGet(() -> none.confusion().matrix().total()));
        assertEquals(List.of("x", "y", "z"), DecisionHeatmapViewTest.fxGet(() -> none.confusion().matrix().classNames()));

        // plane data again: the plot is back
        TrainingSnapshot plane = new EngineRun(RunConfig.defaults()).snapshot(0);
        TrainingSnapshot withData = new TrainingSnapshot(0, 0, plane.state(), plane.config(), plane.features(),
                plane.layers(), 0, 0, 0, 0, 0, 0, null, DataGenerator.generate(plane.config()));
        show(withData);
        assertTrue(DecisionHeatmapViewTest.fxGet(() -> view.getCenter() != none));
    }

    @Test
    void regressionOfFourInputsShowsEachTestPredictionAgainstItsTarget() {
        TrainingSnapshot s = fourColumns(false);
        show(s);
        NoPlaneView none = DecisionHeatmapViewTest.fxGet(view::noPlaneView);
        assertTrue(none.caption().contains("prediction against target"), none.caption());
        DecisionHeatmapViewTest.fx(() -> none.scatter().drawNow());
        double[] drawn = DecisionHeatmapViewTest.fxGet(() -> none.scatter().predicted());
        SnapshotForward net = new SnapshotForward(s.layers());
        double[] expected = new double[s.data().test().size()];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = net.forward(s.data().test().row(i), 0)[0];
        }
        assertArrayEquals(expected, drawn, 1e-12);
    }
}
