package org.weightlab.ui.heatmap;

import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.net.URL;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.engine.data.Dataset;
import org.weightlab.session.FieldSnapshot;
import org.weightlab.ui.theme.CssVariables;
import org.weightlab.ui.theme.Palette;
import org.weightlab.ui.theme.TestSnapshots;

/** Switching the theme (dark, projector) repaints the output view with the new palette, without new data. */
@ExtendWith(ApplicationExtension.class)
class DecisionHeatmapThemeTest {

    private static final URL APP = Objects.requireNonNull(Palette.class.getResource(Palette.APP_STYLESHEET));
    private static final URL PROJECTOR = Objects.requireNonNull(
            Palette.class.getResource("/org/weightlab/ui/projector.css"));
    private static final URL LIGHT = Objects.requireNonNull(
            Palette.class.getResource(new PrimerLight().getUserAgentStylesheet()));
    private static final URL DARK = Objects.requireNonNull(
            Palette.class.getResource(new PrimerDark().getUserAgentStylesheet()));

    private DecisionHeatmapView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        view = new DecisionHeatmapView();
        Pane root = new Pane(view);
        view.setManaged(false);
        view.resizeRelocate(0, 0, 420, 520);
        scene = new Scene(root, 420, 520);
        scene.getStylesheets().add(APP.toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void backToLight() {
        fx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            scene.getStylesheets().remove(PROJECTOR.toExternalForm());
        });
    }

    private static void fx(Runnable r) {
        try {
            WaitForAsyncUtils.asyncFx(r).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The view as drawn, after the pulses that follow a change (CSS, then the repaint). */
    private WritableImage drawn() {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] img = new WritableImage[1];
        fx(() -> {
            view.layout();
            img[0] = view.snapshot(null, null);
        });
        return img[0];
    }

    private static Color at(WritableImage img, Point2D p) {
        return img.getPixelReader().getColor((int) Math.floor(p.getX()), (int) Math.floor(p.getY()));
    }

    private static void assertNear(Color expected, Color actual, String what) {
        double d = Math.max(Math.abs(expected.getRed() - actual.getRed()),
                Math.max(Math.abs(expected.getGreen() - actual.getGreen()),
                        Math.abs(expected.getBlue() - actual.getBlue())));
        assertTrue(d <= 3.0 / 255, what + ": expected " + expected + ", got " + actual);
    }

    /** A point on the plot's frame, drawn in the ink colour, away from the axis ticks. */
    private Point2D framePoint() {
        double[] b = view.plotBounds();
        return view.canvasToView(b[0] + 0.5, b[1] + b[2] * 0.37);
    }

    @Test
    void darkThemeRepaintsTheFrameInTheDarkInk() {
        fx(() -> {
            FieldSnapshot f = TestSnapshots.uniformField(DecisionHeatmapView.RESOLUTION, new int[] {2, 2, 1},
                    (x1, x2) -> x1 > 0 ? 1 : -1);
            view.show(TestSnapshots.of(TestSnapshots.config(List.of(Feature.X1, Feature.X2), 2)).field(f).build());
        });
        Color lightInk = CssVariables.read(LIGHT, APP).color("-wl-ink");
        Color darkInk = CssVariables.read(DARK, APP).color("-wl-ink");
        assertTrue(lightInk.getBrightness() < 0.5 && darkInk.getBrightness() > 0.5, "the themes' inks differ");
        assertNear(lightInk, at(drawn(), framePoint()), "light frame");
        fx(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
        assertNear(darkInk, at(drawn(), framePoint()), "dark frame, with no new snapshot");
    }

    @Test
    void projectorStylesheetRepaintsPictureAndPointsInItsColours() {
        Dataset train = new Dataset(new double[] {3, 3, -3, -3}, new double[] {1, -1});
        fx(() -> {
            view.setData(new DataSplit(train, new Dataset(new double[0], new double[0])));
            FieldSnapshot f = TestSnapshots.uniformField(DecisionHeatmapView.RESOLUTION, new int[] {2, 2, 1},
                    (x1, x2) -> x1 > 0 ? 1 : -1);
            view.show(TestSnapshots.of(TestSnapshots.config(List.of(Feature.X1, Feature.X2), 2)).field(f).build());
        });
        CssVariables light = CssVariables.read(LIGHT, APP);
        CssVariables projector = CssVariables.read(LIGHT, APP, PROJECTOR);
        WritableImage before = drawn();
        assertNear(light.color("-wl-class-positive"), at(before, view.plotPoint(3, 3)), "train +1, light");
        assertNear(light.color("-wl-class-negative"), at(before, view.plotPoint(-4, 0)), "picture x1 < 0, light");
        fx(() -> scene.getStylesheets().add(PROJECTOR.toExternalForm()));
        WritableImage after = drawn();
        assertNear(projector.color("-wl-class-positive"), at(after, view.plotPoint(3, 3)), "train +1, projector");
        assertNear(projector.color("-wl-class-negative"), at(after, view.plotPoint(-4, 0)),
                "picture x1 < 0, projector");
        assertNear(projector.color("-wl-class-negative"), at(after, view.plotPoint(-3, -3)), "train -1, projector");
    }
}
