package org.weightlab.ui.network;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.theme.RecordingControl;
import org.weightlab.ui.theme.TestSnapshots;

/** Eight hidden layers: the columns, their headers and the edges between them keep apart at every width. */
@ExtendWith(ApplicationExtension.class)
class DeepGraphLayoutTest {

    private static final RunConfig EIGHT = TestSnapshots.config(List.of(Feature.X1, Feature.X2), 6, 6, 6, 6, 6, 6, 6, 6);

    private NetworkGraphView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        view = new NetworkGraphView(new RecordingControl());
        Scene scene = new Scene(view, 1000, 700);
        scene.getStylesheets().add(getClass().getResource("/org/weightlab/ui/weightlab.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private void fx(Runnable r) {
        try {
            WaitForAsyncUtils.asyncFx(r).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void eightHiddenLayersKeepTheirColumnsAndHeadersApartFromWideToProjectorWidths(FxRobot robot) {
        TrainingSnapshot s = TestSnapshots.of(EIGHT).build();
        for (double width : new double[] {1100, 760, 560, 440}) {
            showAt(s, width, () -> { });
            int layers = s.layers().size();
            for (int l = 0; l + 1 < layers; l++) {
                Bounds a = bounds(view.neuronNode(l, 0));
                Bounds b = bounds(view.neuronNode(l + 1, 0));
                double room = b.getMinX() - a.getMaxX();
                assertTrue(room >= 0.8 * a.getWidth(), width + " px: columns " + (l + 1) + " and " + (l + 2)
                        + " leave " + room + " px for their edges, nodes " + a.getWidth() + " px");
                Bounds ha = bounds(view.header(l));
                Bounds hb = bounds(view.header(l + 1));
                assertFalse(ha.intersects(hb), width + " px: headers " + (l + 1) + " and " + (l + 2) + " overlap: "
                        + ha + " / " + hb);
                assertTrue(ha.getMaxX() <= bounds(view).getMaxX() + 0.5, width + " px: header outside the view");
            }
            Bounds last = bounds(view.header(layers - 1));
            assertTrue(last.getMaxX() <= bounds(view).getMaxX() + 0.5 && last.getMinX() >= 0,
                    width + " px: the output header is cut " + last);
            // every header's own children fit inside it (no title cut to "La...")
            for (int l = 0; l < layers; l++) {
                Node h = view.header(l);
                double need = ((javafx.scene.layout.Region) h).minWidth(-1);
                assertTrue(need <= bounds(h).getWidth() + 0.5, width + " px: header " + l + " needs " + need
                        + " but has " + bounds(h).getWidth());
            }
        }
    }

    @Test
    void inAProjectorsTypeTheNeuronsStartBelowTheirHeaders() {
        // iris-like: four inputs, 8 and 4 neurons, in presentation mode's 150% type at 1024x768
        RunConfig c = TestSnapshots.config(List.of(Feature.X1, Feature.X2), 8, 4);
        TrainingSnapshot s = TestSnapshots.of(c).build();
        for (double width : new double[] {700, 450, 330}) {
            showAt(s, width, () -> {
                view.setStyle("-fx-font-size: 21px;");
                stage.setHeight(480);
            });
            for (int l = 0; l + 1 < s.layers().size(); l++) {
                Bounds a = bounds(view.header(l).lookup("." + StyleClasses.HEADER_TITLE_CLASS));
                Bounds b = bounds(view.header(l + 1).lookup("." + StyleClasses.HEADER_TITLE_CLASS));
                assertTrue(a.getMaxX() + 4 <= b.getMinX(), width + " px: titles " + (l + 1) + " and " + (l + 2)
                        + " run together: " + a + " / " + b);
            }
            for (int l = 0; l < s.layers().size(); l++) {
                Bounds header = bounds(view.header(l));
                Bounds first = bounds(view.neuronNode(l, 0));
                assertTrue(first.getMinY() >= header.getMaxY(), width + " px: layer " + (l + 1) + "'s header ends at "
                        + header.getMaxY() + ", its first neuron starts at " + first.getMinY());
            }
        }
        fx(() -> view.setStyle(""));
    }

    /** Shows {@code s} in a window {@code width} px wide, after {@code setUp}, laid out twice (headers change form). */
    private void showAt(TrainingSnapshot s, double width, Runnable setUp) {
        fx(() -> {
            setUp.run();
            stage.setWidth(width);
            view.show(s);
            view.applyCss();
            view.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            view.applyCss();
            view.layout();
        });
    }

    private Bounds bounds(Node n) {
        return view.sceneToLocal(n.localToScene(n.getLayoutBounds()));
    }
}
