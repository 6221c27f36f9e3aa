package org.weightlab.ui.inspector;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightlab.analysis.EngineRun;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.session.TrainingSnapshot;

/** The batch-norm tile: shown for a normalized layer with one row per neuron, hidden for the others. */
@ExtendWith(ApplicationExtension.class)
class BatchNormTileTest {

    private InspectorModel model;
    private InspectorView view;

    @Start
    void start(Stage stage) {
        javafx.application.Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        model = new InspectorModel();
        view = new InspectorView(model);
        Scene scene = new Scene(view, 820, 760);
        scene.getStylesheets().add(InspectorView.class.getResource("/org/weightlab/ui/weightlab.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private <T> T fx(java.util.concurrent.Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aNormalizedLayerShowsItsStatisticsAndAPlainLayerDoesNot() {
        RunConfig c = RunConfig.defaults().withHidden(List.of(6, 3), List.of());
        c = c.withExtras(c.extras().withBatchNorm(List.of(true, false)));
        EngineRun run = new EngineRun(c);
        run.trainer().runSteps(30);
        TrainingSnapshot s = run.snapshot(0);
        Node tile = view.lookup("#inspectorBatchNorm");
        BatchNormView chart = fx(() -> {
            model.show(s);
            model.selectLayer(0);
            view.applyCss();
            view.layout();
            view.redrawNow();
            view.layout();
            return (BatchNormView) ((ChartTile) tile).getChildren().get(1);
        });
        assertTrue(tile.isVisible() && tile.isManaged(), "layer 1 is normalized");
        List<Bounds> texts = fx(() -> {
            chart.redraw();
            return chart.drawnText();
        });
        double w = chart.getWidth();
        double h = chart.getHeight();
        long rowLabels = texts.size();
        assertTrue(rowLabels >= 6 + 6 + 3, "a label and gamma / beta for each of the 6 neurons, and the headers: "
                + rowLabels);
        for (int i = 0; i < texts.size(); i++) {
            Bounds a = texts.get(i);
            assertTrue(a.getMinX() >= -0.5 && a.getMaxX() <= w + 0.5 && a.getMinY() >= -0.5 && a.getMaxY() <= h + 0.5,
                    "text " + i + " inside the chart " + w + "x" + h + ": " + a);
            for (int j = i + 1; j < texts.size(); j++) {
                Bounds b = texts.get(j);
                assertFalse(a.intersects(b.getMinX() + 0.5, b.getMinY() + 0.5, b.getWidth() - 1, b.getHeight() - 1),
                        "texts " + i + " and " + j + " overlap: " + a + " " + b);
            }
        }
        fx(() -> {
            model.selectLayer(1);
            view.redrawNow();
            return null;
        });
        assertFalse(tile.isVisible() || tile.isManaged(), "layer 2 is not normalized");
    }
}
