package org.weightlab.ui.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class RedrawTest {

    private static final int DATA = 1;
    private static final int LAYOUT = 2;

    private Stage stage;

    @BeforeEach
    void startFx() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void clear() throws Exception {
        fx(() -> {
            stage.setScene(null);
            return null;
        });
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(condition::getAsBoolean));
    }

    @Test
    void manyMarksBeforeAPulseCauseOneDrawWithEveryBit() throws Exception {
        Canvas canvas = new Canvas(10, 10);
        List<Integer> drawn = new ArrayList<>();
        Redraw redraw = fx(() -> {
            Redraw r = new Redraw(canvas, drawn::add);
            stage.setScene(new Scene(new StackPane(canvas), 50, 50));
            stage.show();
            for (int i = 0; i < 1000; i++) {
                r.mark(DATA);
            }
            r.mark(LAYOUT);
            return r;
        });
        waitFor(() -> !redraw.isDirty());
        assertEquals(List.of(DATA | LAYOUT), fx(() -> new ArrayList<>(drawn)));
        assertEquals(1, redraw.draws());
    }

    @Test
    void aViewMarkedBeforeItHasASceneIsDrawnOnceItIsShown() throws Exception {
        Canvas canvas = new Canvas(10, 10);
        List<Integer> drawn = new ArrayList<>();
        Redraw redraw = fx(() -> {
            Redraw r = new Redraw(canvas, drawn::add);
            r.mark(LAYOUT);
            return r;
        });
        Thread.onSpinWait();
        assertTrue(fx(redraw::isDirty), "nothing can draw a view without a scene");
        fx(() -> {
            stage.setScene(new Scene(new StackPane(canvas), 50, 50));
            stage.show();
            return null;
        });
        waitFor(() -> !redraw.isDirty());
        assertEquals(List.of(LAYOUT), fx(() -> new ArrayList<>(drawn)));
    }

    @Test
    void pacedBitsWaitForTheirIntervalButAnUnpacedBitDrawsAtOnce() throws Exception {
        Canvas canvas = new Canvas(10, 10);
        List<Long> times = new ArrayList<>();
        // One paced draw every 0.4 s.
        Redraw redraw = fx(() -> {
            Redraw r = new Redraw(canvas, bits -> times.add(System.nanoTime())).pace(DATA, 2.5);
            stage.setScene(new Scene(new StackPane(canvas), 50, 50));
            stage.show();
            r.mark(DATA);
            return r;
        });
        waitFor(() -> redraw.draws() == 1);
        long first = fx(() -> times.get(0));
        fx(() -> {
            redraw.mark(DATA);
            return null;
        });
        waitFor(() -> redraw.draws() == 2);
        long second = fx(() -> times.get(1));
        // the pace counts from each pass's start, these times from inside the draws: a few ms apart
        assertTrue(second - first >= 395_000_000L, "paced draw came after " + (second - first) / 1e6 + " ms");

        fx(() -> {
            redraw.mark(DATA);
            redraw.mark(LAYOUT);
            return null;
        });
        waitFor(() -> redraw.draws() == 3);
        long third = fx(() -> times.get(2));
        assertTrue(third - second < 400_000_000L, "an unpaced bit waited for the pace");
    }

    @Test
    void drawNowDrawsWhatIsDirtyAndNothingWhenClean() throws Exception {
        Canvas canvas = new Canvas(10, 10);
        List<Integer> drawn = new ArrayList<>();
        fx(() -> {
            Redraw r = new Redraw(canvas, drawn::add);
            r.mark(DATA);
            r.drawNow();
            assertFalse(r.isDirty());
            r.drawNow();
            return null;
        });
        assertEquals(List.of(DATA), fx(() -> new ArrayList<>(drawn)));
    }
}
