package org.weightlab.ui.digits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightlab.analysis.EngineRun;
import org.weightlab.engine.Network;
import org.weightlab.engine.config.ConfigEdits;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.engine.data.Dataset;
import org.weightlab.session.LayerSnapshot;
import org.weightlab.session.SessionState;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.theme.Palette;

/** The test digits: each tile says what an independent forward pass of the moment's network says. */
@ExtendWith(ApplicationExtension.class)
class TestDigitsViewTest {

    private static final RunConfig DIGITS = ConfigEdits.withDataset(RunConfig.defaults(), DatasetKind.DIGITS)
            .withData(400, 0, 0.5, 3).withHidden(List.of(8), List.of());

    private TestDigitsView view;
    private Pane root;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Palette palette = new Palette();
        view = new TestDigitsView(palette);
        root = new Pane(palette, view);
        view.setManaged(false);
        view.resizeRelocate(0, 0, 360, 480);
        Scene scene = new Scene(root, 360, 480);
        scene.getStylesheets().add(getClass().getResource("/org/weightlab/ui/weightlab.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    static void fx(Runnable r) {
        try {
            WaitForAsyncUtils.asyncFx(r).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static <T> T fxGet(java.util.function.Supplier<T> s) {
        Object[] out = new Object[1];
        fx(() -> out[0] = s.get());
        @SuppressWarnings("unchecked")
        T t = (T) out[0];
        return t;
    }

    /** A digits run trained {@code steps} steps, as a moment with its data and the given test accuracy. */
    private static Moment trained(int steps, SessionState state, double testAccuracy) {
        EngineRun run = new EngineRun(DIGITS);
        for (int i = 0; i < steps; i++) {
            run.trainer().step();
        }
        TrainingSnapshot s = run.snapshot(0);
        DataSplit split = DataGenerator.generate(DIGITS);
        return new Moment(new TrainingSnapshot(s.step(), s.epoch(), state, DIGITS, s.features(), s.layers(), 0, 0, 0,
                testAccuracy, 0, 0, null, split), run.trainer().network().copy());
    }

    private record Moment(TrainingSnapshot snapshot, Network network) {
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return best;
    }

    private void showNow(TrainingSnapshot s) {
        fx(() -> {
            view.show(s);
            view.drawNow();
        });
    }

    @Test
    void eachTileShowsTheClassAnIndependentForwardPassPredictsAndIsFramedByWhetherItIsRight() {
        Moment m = trained(12, SessionState.PAUSED, 0.5);
        showNow(m.snapshot());
        Dataset test = m.snapshot().data().test();
        List<DigitTile> tiles = fxGet(() -> new ArrayList<>(view.tiles()));
        assertEquals(GalleryLayout.MAX_TILES, tiles.size(), "a dozen test digits at this size");
        assertTrue(fxGet(() -> view.galleryLayout().full()), "with the selected digit's bars below");
        int right = 0;
        int wrong = 0;
        Set<Integer> rows = new HashSet<>();
        for (DigitTile tile : tiles) {
            int row = tile.row();
            assertTrue(rows.add(row), "each test digit once");
            assertArrayEquals(test.row(row), tile.picture().values(), "the tile pictures its test row");
            int predicted = argmax(m.network().predictInputs(test.row(row)));
            assertEquals(Integer.toString(predicted), fxGet(tile::predictedText), "row " + row);
            boolean isRight = predicted == (int) test.label(row);
            assertEquals(isRight, fxGet(tile::framedRight), "row " + row);
            assertEquals(!isRight, fxGet(tile::framedWrong), "row " + row);
            if (isRight) {
                right++;
            } else {
                wrong++;
            }
        }
        assertTrue(right > 0 && wrong > 0, "a network part way there gets some right and some wrong: " + right);
        // one of each class first
        Set<Integer> classes = new HashSet<>();
        for (int k = 0; k < 10; k++) {
            classes.add((int) test.label(tiles.get(k).row()));
        }
        assertEquals(10, classes.size(), "the first ten tiles hold one digit of each class");
    }

    @Test
    void aNetworkThatAlwaysSaysThreeIsFramedWrongExceptOnTheThrees() {
        Moment m = trained(0, SessionState.PAUSED, 0.1);
        List<LayerSnapshot> layers = new ArrayList<>(m.snapshot().layers());
        LayerSnapshot out = layers.get(layers.size() - 1);
        double[] w = new double[out.weights().length]; // no weights: the biases alone decide
        double[] b = new double[out.outputs()];
        b[3] = 5;
        layers.set(layers.size() - 1, new LayerSnapshot(out.inputs(), out.outputs(), out.activation(), w, b,
                out.weightGradients(), out.biasGradients(), out.weightUpdates(), out.biasUpdates(),
                out.frozenWeights(), out.frozenBiases(), null));
        TrainingSnapshot s = m.snapshot();
        TrainingSnapshot threes = new TrainingSnapshot(s.step(), s.epoch(), s.state(), s.config(), s.features(), layers,
                0, 0, 0, 0.1, 0, 0, null, s.data());
        showNow(threes);
        Dataset test = s.data().test();
        int wrong = 0;
        for (DigitTile tile : fxGet(() -> new ArrayList<>(view.tiles()))) {
            assertEquals("3", fxGet(tile::predictedText));
            boolean three = test.label(tile.row()) == 3;
            assertEquals(three, fxGet(tile::framedRight));
            assertEquals(!three, fxGet(tile::framedWrong));
            wrong += three ? 0 : 1;
        }
        assertTrue(wrong >= 10, "the other classes are framed wrong: " + wrong);
    }

    @Test
    void theSelectedDigitsBarsAreTheSoftmaxOfItsForwardPassAndFollowClicksAndKeys(FxRobot robot) {
        Moment m = trained(30, SessionState.PAUSED, 0.5);
        showNow(m.snapshot());
        Dataset test = m.snapshot().data().test();
        List<DigitTile> tiles = fxGet(() -> new ArrayList<>(view.tiles()));
        robot.clickOn(tiles.get(5));
        fx(view::drawNow);
        assertEquals(5, (int) fxGet(view::selected));
        assertSelectedIs(m, test, tiles.get(5).row());
        int cols = fxGet(() -> view.galleryLayout().cols());
        robot.type(KeyCode.DOWN);
        fx(view::drawNow);
        assertEquals(5 + cols, (int) fxGet(view::selected));
        assertSelectedIs(m, test, tiles.get(5 + cols).row());
        robot.type(KeyCode.LEFT);
        fx(view::drawNow);
        assertEquals(4 + cols, (int) fxGet(view::selected));

        int firstBefore = tiles.get(0).row();
        robot.type(KeyCode.PAGE_DOWN);
        fx(view::drawNow);
        int firstAfter = fxGet(() -> view.tiles().get(0).row());
        assertNotEquals(firstBefore, firstAfter, "Page Down shows other test digits");
        assertSelectedIs(m, test, fxGet(() -> view.tiles().get(view.selected()).row()));
    }

    private void assertSelectedIs(Moment m, Dataset test, int row) {
        double[] p = fxGet(() -> view.bars().shown());
        double[] logits = logits(m.network(), test.row(row));
        double max = Double.NEGATIVE_INFINITY;
        for (double z : logits) {
            max = Math.max(max, z);
        }
        double sum = 0;
        double[] softmax = new double[logits.length];
        for (int k = 0; k < logits.length; k++) {
            softmax[k] = Math.exp(logits[k] - max);
            sum += softmax[k];
        }
        double total = 0;
        for (int k = 0; k < p.length; k++) {
            assertEquals(softmax[k] / sum, p[k], 1e-12, "class " + k);
            total += p[k];
        }
        assertEquals(1.0, total, 1e-12, "the bars sum to one");
        assertArrayEquals(test.row(row), fxGet(() -> view.selectedPicture().values()), "the selected picture");
    }

    /** The output layer's sums before softmax, by hand from the engine network's layers. */
    private static double[] logits(Network net, double[] x) {
        double[] in = x;
        for (int l = 0; l < net.layerCount(); l++) {
            var layer = net.layer(l);
            double[] w = layer.weightsCopy();
            double[] b = layer.biasesCopy();
            double[] z = new double[layer.outputs()];
            for (int o = 0; o < z.length; o++) {
                z[o] = b[o];
                for (int i = 0; i < layer.inputs(); i++) {
                    z[o] += w[o * layer.inputs() + i] * in[i];
                }
            }
            if (l < net.layerCount() - 1) {
                for (int o = 0; o < z.length; o++) {
                    z[o] = org.weightlab.engine.Activation.value(layer.activation(), z[o]);
                }
            }
            in = z;
        }
        return in;
    }

    @Test
    void theAccuracyLineReadsTheMomentsTestAccuracyAndAPausedMomentIsDrawnWithoutWaiting() {
        Moment m = trained(5, SessionState.PAUSED, 0.75);
        fx(() -> view.show(m.snapshot()));
        int n = m.snapshot().data().test().size();
        FlowWait.until("the paused moment is drawn on the next pulse",
                () -> "75.0%".equals(fxGet(() -> view.accuracyLabel().getText())));
        assertEquals(String.format("test accuracy%n") + Math.round(0.75 * n) + " of " + n + " right",
                fxGet(() -> view.accuracyNote().getText()));
        assertFalse(fxGet(() -> view.tiles().isEmpty()));
        System.out.println("test digits: one update's forward passes took "
                + fxGet(view::lastPredictionNanos) / 1000 + " us");
    }

    @Test
    void aRunningSessionsMomentsAreDrawnAtMostTenTimesASecond() {
        Moment m = trained(3, SessionState.RUNNING, 0.3);
        showNow(m.snapshot());
        long before = fxGet(view::draws);
        long start = System.nanoTime();
        int shown = 0;
        // a moment every FX round trip, as fast as the engine publishes them, for about a second
        while (System.nanoTime() - start < 1_000_000_000L) {
            fx(() -> view.show(m.snapshot()));
            shown++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long drawn = fxGet(view::draws) - before;
        assertTrue(shown > 30, "moments came faster than the pace: " + shown);
        assertTrue(drawn >= 1, "the running moments are drawn");
        assertTrue(drawn <= Math.ceil(seconds * TestDigitsView.RUNNING_PER_SECOND) + 1,
                drawn + " draws in " + seconds + " s for " + shown + " moments");
    }

    /** Waits on a condition, never a fixed time. */
    static final class FlowWait {
        static void until(String what, java.util.function.BooleanSupplier ok) {
            try {
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, ok::getAsBoolean);
            } catch (Exception e) {
                throw new AssertionError("timed out: " + what, e);
            }
        }
    }
}
