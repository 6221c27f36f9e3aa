package org.weightlab.ui.heatmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.weightlab.analysis.EngineRun;
import org.weightlab.engine.Network;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.LossKind;
import org.weightlab.engine.config.ProblemKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.theme.TestSnapshots;

/** The output view of 1-D data (line, sine) and the ring that marks the example being walked. */
@ExtendWith(ApplicationExtension.class)
class OutputCurveViewTest {

    private DecisionHeatmapView view;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        view = new DecisionHeatmapView();
        Pane root = new Pane(view);
        view.setManaged(false);
        view.resizeRelocate(0, 0, 460, 520);
        Scene scene = new Scene(root, 460, 520);
        scene.getStylesheets().add(getClass().getResource("/org/weightlab/ui/weightlab.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private static RunConfig regression(DatasetKind data, List<Integer> hidden) {
        RunConfig d = RunConfig.defaults();
        return new RunConfig(data, 100, 0.1, 0.5, 1, List.of(Feature.X1), ProblemKind.REGRESSION, hidden,
                ActivationKind.TANH, List.of(), ActivationKind.LINEAR, LossKind.MSE, d.init(), d.biasInit(),
                d.optimizer(), d.regularization(), d.schedule(), d.batchSize(), d.shuffle(), d.dropout());
    }

    /** Trains {@code config} for {@code steps} steps and shows the result with its data. */
    private EngineRun showTrained(RunConfig config, int steps) {
        EngineRun run = new EngineRun(config);
        for (int i = 0; i < steps; i++) {
            run.trainer().step();
        }
        DataSplit data = DataGenerator.generate(config);
        TrainingSnapshot s = run.snapshot(0);
        DecisionHeatmapViewTest.fx(() -> {
            view.setData(data);
            view.show(s);
            view.drawNow();
        });
        return run;
    }

    private WritableImage drawn() {
        WritableImage[] img = new WritableImage[1];
        DecisionHeatmapViewTest.fx(() -> {
            view.drawNow();
            img[0] = view.snapshot(null, null);
        });
        return img[0];
    }

    private static boolean dark(WritableImage img, double x, double y) {
        int px = (int) Math.floor(x);
        int py = (int) Math.floor(y);
        if (px < 0 || py < 0 || px >= img.getWidth() || py >= img.getHeight()) {
            return false;
        }
        return img.getPixelReader().getColor(px, py).getBrightness() < 0.4;
    }

    /** Whether a dark pixel lies within {@code tolerance} pixels above or below (x, y). */
    private static boolean darkNear(WritableImage img, Point2D p, int tolerance) {
        for (int d = -tolerance; d <= tolerance; d++) {
            if (dark(img, p.getX(), p.getY() + d)) {
                return true;
            }
        }
        return false;
    }

    private void assertCurveFollowsTheNetwork(Network net, double lo, double hi) {
        WritableImage img = drawn();
        int checked = 0;
        for (int i = 1; i <= 9; i++) {
            double x = lo + (hi - lo) * i / 10;
            double y = net.predict(x, 0)[0];
            Point2D p = DecisionHeatmapViewTest.fxGet(() -> view.curvePoint(x, y));
            assertTrue(darkNear(img, p, 2), "the curve passes through (" + x + ", " + y + ") at " + p);
            // and not 30 pixels above or below: a line, not a dark band
            Point2D off = new Point2D(p.getX(), p.getY() + (p.getY() > 200 ? -30 : 30));
            assertTrue(!darkNear(img, off, 1) || Math.abs(net.predict(x + 0.05 * (hi - lo), 0)[0] - y) > 0.2,
                    "no curve at " + off);
            checked++;
        }
        assertEquals(9, checked);
    }

    @Test
    void theLineIsDrawnAsPointsAndTheModelsLineWithItsEquation() {
        RunConfig line = regression(DatasetKind.LINE, List.of());
        EngineRun run = showTrained(line, 60);
        assertTrue(DecisionHeatmapViewTest.fxGet(view::oneDimensional));
        Network net = run.trainer().network();
        assertCurveFollowsTheNetwork(net, -1, 1);
        double w = net.layer(0).weightsCopy()[0];
        double b = net.layer(0).biasesCopy()[0];
        String eq = DecisionHeatmapViewTest.fxGet(view::equationText);
        String expected = String.format(Locale.ROOT, "y = %.2f\u00b7x %s %.2f", w, b < 0 ? "\u2212" : "+", Math.abs(b))
                .replace("-", "\u2212");
        assertEquals(expected, eq);
        // the training points sit at (x, label), not on y = 0
        DataSplit data = DataGenerator.generate(line);
        WritableImage img = drawn();
        Color blue = Color.web("#2166ac");
        int found = 0;
        for (int i = 0; i < data.train().size(); i++) {
            double x = data.train().x1(i);
            double label = data.train().label(i);
            Point2D at = DecisionHeatmapViewTest.fxGet(() -> view.plotPoint(x, 0));
            Point2D expect = DecisionHeatmapViewTest.fxGet(() -> view.curvePoint(x, label));
            assertEquals(expect.getX(), at.getX(), 1e-9);
            assertEquals(expect.getY(), at.getY(), 1e-9);
            if (data.train().label(i) > 2.5) {
                Color c = img.getPixelReader().getColor((int) at.getX(), (int) at.getY());
                found += Math.abs(c.getBlue() - blue.getBlue()) < 0.15 && c.getRed() < 0.4 ? 1 : 0;
            }
        }
        assertTrue(found > 0, "high labels drawn in the positive colour at their place");
    }

    @Test
    void theSineNetworksCurveFollowsItsOutput() {
        RunConfig sine = regression(DatasetKind.SINE, List.of(8, 8));
        EngineRun run = showTrained(sine, 3000);
        assertNull(DecisionHeatmapViewTest.fxGet(view::equationText), "no equation with hidden layers");
        assertCurveFollowsTheNetwork(run.trainer().network(), -6, 6);
    }

    @Test
    void theExampleBeingWalkedIsRingedUntilCleared() {
        TrainingSnapshot s = TestSnapshots.of(TestSnapshots.config(List.of(Feature.X1, Feature.X2), 2))
                .field(TestSnapshots.uniformField(50, new int[] {2, 2, 1}, (x1, x2) -> 0)).build();
        DecisionHeatmapViewTest.fx(() -> view.show(s));
        Point2D centre = DecisionHeatmapViewTest.fxGet(() -> view.plotPoint(2, -3));
        double r = DecisionHeatmapViewTest.fxGet(view::ringRadius);
        Point2D onRing = new Point2D(centre.getX() + r, centre.getY());
        assertTrue(!darkNear(drawn(), onRing, 1), "no ring yet");
        DecisionHeatmapViewTest.fx(() -> view.highlightExample(2, -3));
        WritableImage img = drawn();
        assertTrue(darkNear(img, onRing, 1), "ring right of the point");
        assertTrue(darkNear(img, new Point2D(centre.getX(), centre.getY() - r), 1), "ring above the point");
        assertTrue(!dark(img, centre.getX(), centre.getY()), "the point itself stays visible");
        DecisionHeatmapViewTest.fx(view::clearHighlight);
        assertTrue(!darkNear(drawn(), onRing, 1), "ring gone");
    }

    @Test
    void inOneDimensionTheRingSitsOnTheExamplesLabel() {
        RunConfig line = regression(DatasetKind.LINE, List.of());
        showTrained(line, 5);
        DataSplit data = DataGenerator.generate(line);
        double x = data.train().x1(3);
        double y = data.train().label(3);
        DecisionHeatmapViewTest.fx(() -> view.highlightExample(x, 0));
        Point2D centre = DecisionHeatmapViewTest.fxGet(() -> view.curvePoint(x, y));
        double r = DecisionHeatmapViewTest.fxGet(view::ringRadius);
        WritableImage img = drawn();
        assertTrue(darkNear(img, new Point2D(centre.getX() - r, centre.getY()), 1), "ring left of (x, label)");
        assertNotNull(img);
    }
}
