package org.weightlab.ui.inspector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightlab.analysis.EngineRun;
import org.weightlab.engine.config.LoraSpec;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.session.TrainingSnapshot;

/** The LoRA tile: W, the adapter's update and W' for an adapted layer, nothing for a plain one, and "Merge adapter". */
@ExtendWith(ApplicationExtension.class)
class LoraTileTest {

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
    void anAdaptedLayerShowsItsUpdateAndAsksForAMergeAPlainLayerShowsNoTile() {
        RunConfig c = RunConfig.defaults().withHidden(List.of(6, 3), List.of())
                .withLora(List.of(new LoraSpec(1, 2, 4.0)));
        EngineRun run = new EngineRun(c);
        run.trainer().runSteps(40);
        TrainingSnapshot s = run.snapshot(0);
        double[] expected = run.trainer().network().layer(1).adapter().deltaCopy();
        LoraTile tile = (LoraTile) view.lookup("#inspectorLora");
        List<Integer> asked = new CopyOnWriteArrayList<>();
        fx(() -> {
            view.addEventHandler(LoraTile.MergeRequest.MERGE, e -> asked.add(e.layer()));
            model.show(s);
            model.selectLayer(1);
            tile.redrawNow();
            view.applyCss();
            view.layout();
            return null;
        });
        assertTrue(tile.isVisible() && tile.isManaged(), "layer 2 has an adapter");
        assertEquals(1, tile.layer());
        double[] shown = tile.updateShown();
        assertArrayEquals(expected, shown, 1e-12, "the update is (alpha/r) B A");
        assertTrue(java.util.Arrays.stream(shown).anyMatch(v -> Math.abs(v) > 1e-9), "trained: B moved off zero");
        Button merge = (Button) view.lookup("#loraMerge");
        assertTrue(merge.getWidth() > 0 && merge.getHeight() > 0, "the merge button is laid out");
        fx(() -> {
            merge.fire();
            return null;
        });
        assertEquals(List.of(1), asked, "Merge adapter asks for layer 2's merge");

        fx(() -> {
            model.selectLayer(0);
            tile.redrawNow();
            return null;
        });
        assertFalse(tile.isVisible() || tile.isManaged(), "layer 1 has no adapter: no tile");
        assertEquals(-1, tile.layer());
    }
}
