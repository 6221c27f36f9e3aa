package org.weightlab.ui.network;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.weightlab.analysis.EngineRun;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.theme.RecordingControl;

/** The graph marks batch-normalized layers in their headers, and only those. */
@ExtendWith(ApplicationExtension.class)
class BatchNormBadgeTest {

    private NetworkGraphView view;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        view = new NetworkGraphView(new RecordingControl());
        Scene scene = new Scene(view, 1000, 700);
        scene.getStylesheets().add(getClass().getResource("/org/weightlab/ui/weightlab.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void normalizedLayersCarryABadge() {
        RunConfig c = RunConfig.defaults().withHidden(List.of(4, 3, 2), List.of());
        c = c.withExtras(c.extras().withBatchNorm(List.of(true, false, true)));
        EngineRun run = new EngineRun(c);
        run.trainer().runSteps(3);
        TrainingSnapshot s = run.snapshot(0);
        NetworkGraphViewTest.fx(() -> {
            view.show(s);
            view.applyCss();
            view.layout();
        });
        boolean[] expected = {true, false, true, false};
        for (int l = 0; l < expected.length; l++) {
            Node badge = view.lookup("#batchNorm-" + l);
            assertTrue(badge != null, "layer " + l + " has a badge node");
            assertTrue(badge.isVisible() == expected[l] && badge.isManaged() == expected[l], "layer " + l);
        }
        RunConfig plain = RunConfig.defaults().withHidden(List.of(4, 3, 2), List.of());
        TrainingSnapshot p = new EngineRun(plain).snapshot(0);
        NetworkGraphViewTest.fx(() -> view.show(p));
        assertFalse(view.lookup("#batchNorm-0").isVisible(), "a run without batch norm shows none");
    }
}
