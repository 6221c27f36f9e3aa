package org.weightlab.ui.heatmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleBinaryOperator;
import javafx.application.Application;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.LossKind;
import org.weightlab.engine.config.ProblemKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.engine.data.Dataset;
import org.weightlab.session.FieldSnapshot;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.theme.TestSnapshots;

@ExtendWith(ApplicationExtension.class)
class DecisionHeatmapViewTest {

    // the named colours of weightlab.css (-wl-class-positive, ..., -wl-class-third, -wl-value-nan)
    private static final Color POSITIVE = Color.web("#2166ac");
    private static final Color NEGATIVE = Color.web("#e08214");
    private static final Color ZERO = Color.web("#f7f7f7");
    private static final Color THIRD = Color.web("#7b3294");
    private static final Color GREY = Color.web("#9e9e9e");
    private static final int N = DecisionHeatmapView.RESOLUTION;

    private DecisionHeatmapView view;

    /** Runs {@code r} on the FX thread and waits for it (only for it: quicker than robot.interact). */
    static void fx(Runnable r) {
        try {
            WaitForAsyncUtils.asyncFx(r).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new AssertionError(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    /** Runs {@code s} on the FX thread and returns its value. */
    static <T> T fxGet(java.util.function.Supplier<T> s) {
        Object[] out = new Object[1];
        fx(() -> out[0] = s.get());
        @SuppressWarnings("unchecked")
        T t = (T) out[0];
        return t;
    }

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        view = new DecisionHeatmapView();
        Pane root = new Pane(view);
        view.setManaged(false); // sized here, not by the pane
        view.resizeRelocate(0, 0, 420, 520);
        Scene scene = new Scene(root, 420, 520);
        scene.getStylesheets().add(getClass().getResource("/org/weightlab/ui/weightlab.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private static RunConfig tanhConfig() {
        return TestSnapshots.config(List.of(Feature.X1, Feature.X2), 2);
    }

    /** A snapshot whose every field node (inputs, 2 hidden, outputs) holds fill(x1, x2). */
    private static TrainingSnapshot snapshot(RunConfig c, DoubleBinaryOperator fill) {
        FieldSnapshot f = TestSnapshots.uniformField(N, new int[] {2, 2, c.outputs()}, fill);
        return TestSnapshots.of(c).field(f).build();
    }

    private void show(FxRobot robot, TrainingSnapshot s) {
        fx(() -> {
            view.show(s);
            view.drawNow(); // drawn on the next frame otherwise
        });
    }

    private Color image(int col, int row) {
        return view.image().getPixelReader().getColor(col, row);
    }

    private WritableImage snapshot(FxRobot robot) {
        WritableImage[] img = new WritableImage[1];
        fx(() -> {
            view.drawNow();
            img[0] = view.snapshot(null, null);
        });
        return img[0];
    }

    private static Color at(WritableImage img, Point2D p) {
        return img.getPixelReader().getColor((int) Math.floor(p.getX()), (int) Math.floor(p.getY()));
    }

    private static void assertColor(Color expected, Color actual, String what) {
        assertColor(expected, actual, 2.5, what);
    }

    private static void assertColor(Color expected, Color actual, double tolerance, String what) {
        double d = Math.max(Math.abs(expected.getRed() - actual.getRed()),
                Math.max(Math.abs(expected.getGreen() - actual.getGreen()),
                        Math.abs(expected.getBlue() - actual.getBlue())));
        assertTrue(d <= tolerance / 255, what + ": expected " + expected + ", got " + actual);
    }

    @Test
    void tanhOutputColoursMinusOneToPlusOneWithRowZeroOnTop(FxRobot robot) {
        show(robot, snapshot(tanhConfig(), (x1, x2) -> x2 > 0 ? 1 : -1));
        assertColor(POSITIVE, image(50, 2), "top (x2 = 6)");
        assertColor(NEGATIVE, image(50, N - 3), "bottom (x2 = -6)");
        show(robot, snapshot(tanhConfig(), (x1, x2) -> 0.5));
        // halfway from #f7f7f7 to #2166ac: (140, 174.5, 209.5)
        assertColor(Color.rgb(140, 174, 209), image(30, 70), "0.5");
    }

    @Test
    void thePictureIsRepaintedOnlyWhenTheFieldChanges(FxRobot robot) {
        FieldSnapshot f = TestSnapshots.uniformField(N, new int[] {2, 2, 1}, (x1, x2) -> x2 > 0 ? 1 : -1);
        show(robot, TestSnapshots.of(tanhConfig()).field(f).build());
        long painted = view.picturesPainted();
        show(robot, TestSnapshots.of(tanhConfig()).field(f).step(10).build());
        assertEquals(painted, view.picturesPainted(), "a later snapshot with the same field");
        show(robot, snapshot(tanhConfig(), (x1, x2) -> x2 > 0 ? -1 : 1));
        assertEquals(painted + 1, view.picturesPainted());
        assertColor(NEGATIVE, image(50, 2), "the new field, top");
    }

    @Test
    void theDrawnPictureShowsTheFieldAtItsPlace(FxRobot robot) {
        show(robot, snapshot(tanhConfig(), (x1, x2) -> x1 > 0 ? 1 : -1));
        WritableImage img = snapshot(robot);
        assertColor(POSITIVE, at(img, view.plotPoint(4, 0)), "x1 = 4");
        assertColor(NEGATIVE, at(img, view.plotPoint(-4, 3)), "x1 = -4");
        // the legend runs from -1 (left) to +1 (right) under the plot
        double[] b = view.plotBounds();
        double y = b[1] + b[2] + 28 + 7;
        // (the bar is drawn in one-pixel steps: its end pixels are a step or two from the end value)
        assertColor(NEGATIVE, at(img, view.canvasToView(b[0] + 2, y)), 6, "legend left end");
        assertColor(POSITIVE, at(img, view.canvasToView(b[0] + b[2] - 3, y)), 6, "legend right end");
    }

    @Test
    void sigmoidOutputMapsZeroToOne(FxRobot robot) {
        RunConfig c = tanhConfig().withActivations(ActivationKind.TANH, ActivationKind.SIGMOID, LossKind.BCE,
                ProblemKind.CLASSIFICATION);
        show(robot, snapshot(c, (x1, x2) -> x1 < -2 ? 0 : x1 < 2 ? 0.5 : 1));
        assertColor(NEGATIVE, image(2, 50), "p = 0");
        assertColor(ZERO, image(50, 50), "p = 0.5");
        assertColor(POSITIVE, image(N - 3, 50), "p = 1");
        assertEquals("Output (sigmoid)", view.titleText());
    }

    @Test
    void softmaxColoursTheLikeliestClassByConfidence(FxRobot robot) {
        RunConfig c = tanhConfig().withActivations(ActivationKind.TANH, ActivationKind.SOFTMAX,
                LossKind.CROSS_ENTROPY, ProblemKind.CLASSIFICATION).withDataset(DatasetKind.SPIRAL3);
        TrainingSnapshot s = snapshot(c, (x1, x2) -> 0);
        float[][] out = s.field().values()[2];
        for (int p = 0; p < N * N; p++) {
            boolean right = p % N > N / 2;
            out[0][p] = right ? 0 : 1 / 3f;
            out[1][p] = right ? 0 : 1 / 3f;
            out[2][p] = right ? 1 : 1 / 3f;
        }
        show(robot, s);
        assertColor(THIRD, image(N - 5, 50), "class 2 for sure");
        assertColor(ZERO, image(5, 50), "no idea: the neutral colour");
    }

    @Test
    void regressionRangeComesFromTheLabels(FxRobot robot) {
        RunConfig d = tanhConfig();
        RunConfig c = new RunConfig(DatasetKind.PLANE, d.samples(), d.noise(), d.trainFraction(), d.seed(),
                d.features(), ProblemKind.REGRESSION, d.hidden(), d.activation(), d.layerActivations(),
                ActivationKind.LINEAR, LossKind.MSE, d.init(), d.biasInit(), d.optimizer(), d.regularization(),
                d.schedule(), d.batchSize(), d.shuffle(), d.dropout());
        fx(() -> view.setData(new DataSplit(new Dataset(new double[] {1, 1, 2, 2}, new double[] {4, -1}),
                new Dataset(new double[] {0, 0}, new double[] {-2}))));
        show(robot, snapshot(c, (x1, x2) -> x1 < 0 ? 4 : 2));
        assertColor(POSITIVE, image(5, 50), "the largest |label| is the end of the scale");
        assertColor(Color.rgb(140, 174, 209), image(N - 5, 50), "half of it is halfway");
    }

    @Test
    void discretizeGivesFlatColours(FxRobot robot) {
        show(robot, snapshot(tanhConfig(), (x1, x2) -> x1 > 0 ? 0.2 : -0.01));
        assertNotEquals(POSITIVE, image(N - 5, 50));
        fx(() -> view.discretizeProperty().set(true));
        assertColor(POSITIVE, image(N - 5, 50), "0.2");
        assertColor(NEGATIVE, image(5, 50), "-0.01");
    }

    @Test
    void aHoveredNeuronsFieldReplacesTheOutputUntilCleared(FxRobot robot) {
        TrainingSnapshot s = snapshot(tanhConfig(), (x1, x2) -> 1);
        java.util.Arrays.fill(s.field().values()[1][1], -1f);
        show(robot, s);
        assertColor(POSITIVE, image(50, 50), "output");
        fx(() -> view.showNodeField(1, 1));
        assertColor(NEGATIVE, image(50, 50), "layer 1 neuron 2");
        assertEquals("Layer 1, neuron 2", view.titleText());
        fx(view::clearNodeField);
        assertColor(POSITIVE, image(50, 50), "output again");
        assertEquals("Output (tanh)", view.titleText());
    }

    @Test
    void nonFiniteFieldValuesPaintNeutralGrey(FxRobot robot) {
        show(robot, snapshot(tanhConfig(), (x1, x2) -> x1 > 0 ? Double.NaN : 1));
        assertColor(GREY, image(N - 5, 50), "NaN");
        assertColor(POSITIVE, image(5, 50), "finite");
    }

    @Test
    void trainingPointsAreFilledAndTestPointsOutlinedOnRequest(FxRobot robot) {
        Dataset train = new Dataset(new double[] {3, 3, -3, -3}, new double[] {1, -1});
        Dataset test = new Dataset(new double[] {0, 4}, new double[] {1});
        fx(() -> view.setData(new DataSplit(train, test)));
        show(robot, snapshot(tanhConfig(), (x1, x2) -> 0));
        WritableImage img = snapshot(robot);
        assertColor(POSITIVE, at(img, view.plotPoint(3, 3)), "train +1");
        assertColor(NEGATIVE, at(img, view.plotPoint(-3, -3)), "train -1");
        double r = Math.max(2.5, view.plotBounds()[2] / 110);
        Point2D centre = view.plotPoint(0, 4);
        Point2D ring = new Point2D(centre.getX() + r, centre.getY());
        assertColor(ZERO, at(img, ring), "test data hidden");
        fx(() -> view.showTestDataProperty().set(true));
        img = snapshot(robot);
        Color c = at(img, ring);
        assertTrue(Math.abs(c.getBlue() - ZERO.getBlue()) > 0.1 || c.getBrightness() < 0.5, "ring drawn: " + c);
        assertColor(ZERO, at(img, centre), "outlined, not filled");
    }

    @Test
    void thePlotStaysSquareAndFollowsTheSize(FxRobot robot) {
        show(robot, snapshot(tanhConfig(), (x1, x2) -> 0));
        double before = view.plotBounds()[2];
        fx(() -> {
            view.resizeRelocate(0, 0, 300, 600);
            view.layout();
        });
        double[] b = view.plotBounds();
        assertTrue(b[2] < before, "narrower: smaller plot");
        assertTrue(b[2] <= 300 - DecisionHeatmapView.LEFT - DecisionHeatmapView.RIGHT, "fits the width");
        assertTrue(b[2] > 200, "and uses it");
    }
}
