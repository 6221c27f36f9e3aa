package org.weightlab.ui.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import atlantafx.base.theme.PrimerLight;
import java.net.URL;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightlab.ui.theme.CssVariables;
import org.weightlab.ui.theme.Palette;

/** The inspector draws with the app palette and repaints when a theme stylesheet changes it. */
@ExtendWith(ApplicationExtension.class)
class InspectorThemeTest {

    private static final URL APP = Objects.requireNonNull(Palette.class.getResource(Palette.APP_STYLESHEET));
    private static final URL PROJECTOR = Objects.requireNonNull(
            Palette.class.getResource("/org/weightlab/ui/projector.css"));
    private static final URL LIGHT = Objects.requireNonNull(
            Palette.class.getResource(new PrimerLight().getUserAgentStylesheet()));

    private InspectorModel model;
    private InspectorView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        model = new InspectorModel();
        view = new InspectorView(model);
        scene = new Scene(view, 1400, 900);
        scene.getStylesheets().add(APP.toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void withoutProjector() {
        fx(() -> scene.getStylesheets().remove(PROJECTOR.toExternalForm()));
    }

    private static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void fx(Runnable r) {
        fx(() -> {
            r.run();
            return null;
        });
    }

    /** The colour at the centre of weight cell (row, col), as drawn after pending pulses. */
    private Color cell(int row, int col) {
        WaitForAsyncUtils.waitForFxEvents();
        return fx(() -> {
            MatrixHeatmapView m = view.weightsPanel().matrix;
            PixelReader r = m.snapshot(new SnapshotParameters(), null).getPixelReader();
            double c = m.cellWidth();
            return r.getColor((int) ((col + 0.5) * c), (int) ((row + 0.5) * c));
        });
    }

    private static void assertRgb(Color expected, Color actual, String what) {
        assertEquals(expected.toString().substring(0, 8), actual.toString().substring(0, 8), what);
    }

    @Test
    void weightCellsTakeTheStylesheetColoursAndFollowTheProjectorTheme() {
        fx(() -> model.show(InspectorFixture.known(7))); // W[0] = [1, -1, 0]: the scale's ends and middle
        CssVariables light = CssVariables.read(LIGHT, APP);
        CssVariables projector = CssVariables.read(LIGHT, APP, PROJECTOR);
        assertNotEquals(light.color("-wl-weight-positive"), projector.color("-wl-weight-positive"));
        assertRgb(light.color("-wl-weight-positive"), cell(0, 0), "w = +1, light");
        assertRgb(light.color("-wl-weight-negative"), cell(0, 1), "w = -1, light");
        assertRgb(light.color("-wl-weight-zero"), cell(0, 2), "w = 0, light");
        fx(() -> scene.getStylesheets().add(PROJECTOR.toExternalForm()));
        assertRgb(projector.color("-wl-weight-positive"), cell(0, 0), "w = +1, projector, same snapshot");
        assertRgb(projector.color("-wl-weight-negative"), cell(0, 1), "w = -1, projector");
        assertRgb(projector.color("-wl-weight-zero"), cell(0, 2), "w = 0, projector");
    }
}
