package org.weightlab.ui.digits;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.engine.data.Dataset;
import org.weightlab.session.SessionState;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.fx.ArrowKeys;
import org.weightlab.ui.fx.Redraw;
import org.weightlab.ui.theme.Palette;

/**
 * Learning, seen on test digits: the test accuracy of the moment on screen, a grid of test-set
 * pictures each framed green when the network classifies it right and red when wrong, with the
 * class it predicts in large type, and one selected digit (click a picture, or move with the arrow
 * keys; Page Up and Page Down show other test digits) with its ten class probabilities as bars.
 * What the network says is worked out when drawn: at most {@value #RUNNING_PER_SECOND} times a
 * second while training runs, at once for a paused or stepped moment. About a dozen forward passes
 * over the moment's immutable weights, tens of microseconds: on the FX thread, as the drawing pad
 * does. {@link GalleryLayout} says how the grid and the bars share the room.
 */
public final class TestDigitsView extends Region {

    public static final String STYLE_CLASS = "test-digits";
    public static final String STYLESHEET = "/org/weightlab/ui/digits/test-digits.css";

    /** Updates a second, at most, while training runs. */
    static final double RUNNING_PER_SECOND = 10;

    /** Dirty bits: a paused or stepped moment; a moment of a running session (paced); the selection. */
    private static final int MOMENT = 1;
    private static final int RUNNING = 2;
    private static final int SELECTION = 4;

    private final Palette palette;
    private final Label accuracy = new Label();
    private final Label accuracyNote = new Label();
    private final List<DigitTile> tiles = new ArrayList<>();
    private final Label caption = new Label();
    private final PixelPicture selectedPicture;
    private final ProbabilityBars bars;
    private final Redraw redraw;

    private TrainingSnapshot snapshot;
    private DataSplit pickedFrom;
    private GalleryPicks picks;
    /** Where the tiles start in the picks' order. */
    private int offset;
    /** The selected tile. */
    private int selected;
    private GalleryLayout layout;
    private GalleryPredictions predictions;
    private long lastPredictionNanos;

    /** A view drawing with {@code palette} (the output view's, which reads the window's theme). */
    public TestDigitsView(Palette palette) {
        this.palette = palette;
        selectedPicture = new PixelPicture(palette, InkReduction.CELLS, PixelPicture.Scale.INK, 96);
        bars = new ProbabilityBars(palette);
        redraw = new Redraw(this, this::draw).pace(RUNNING, RUNNING_PER_SECOND);
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add(STYLESHEET);
        setId("testDigits");
        // focused by a click only: Tab or the window's first focus must not take the arrows from the run
        setFocusTraversable(false);
        setPadding(new Insets(0, 8, 4, 4));
        ArrowKeys.claim(this);
        accuracy.setId("testDigitsAccuracy");
        accuracy.getStyleClass().add("test-digits-accuracy");
        accuracy.setMinWidth(Region.USE_PREF_SIZE);
        accuracyNote.setId("testDigitsAccuracyNote");
        accuracyNote.getStyleClass().add("test-digits-note");
        accuracyNote.setWrapText(true);
        caption.setId("testDigitsCaption");
        caption.getStyleClass().add("test-digits-caption");
        caption.setWrapText(true);
        selectedPicture.setId("testDigitsSelected");
        selectedPicture.setMinSize(0, 0);
        selectedPicture.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        bars.setId("testDigitsBars");
        bars.setVgap(1);
        getChildren().addAll(accuracy, accuracyNote, caption, selectedPicture, bars);
        Tooltip tip = new Tooltip(
                "Click for its ten probabilities; arrows move, Page Up/Down show other test digits");
        for (int k = 0; k < GalleryLayout.MAX_TILES; k++) {
            DigitTile tile = new DigitTile(palette);
            Tooltip.install(tile, tip);
            tile.setId("testDigit-" + k);
            int index = k;
            tile.setOnMouseClicked(e -> {
                requestFocus();
                select(index);
                e.consume();
            });
            tiles.add(tile);
            getChildren().add(tile);
        }
    }

    private void initListeners() {
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        palette.revisionProperty().addListener((o, was, now) -> bars.restyle());
    }

    /** The moment on screen: its network's answers for the test digits, on a coming frame. */
    public void show(TrainingSnapshot s) {
        if (s == null) {
            return;
        }
        snapshot = s;
        if (s.data() != pickedFrom) {
            pickedFrom = s.data();
            picks = s.data() == null ? null : GalleryPicks.of(s.data().test(), Math.max(2, s.output().outputs()));
            offset = 0;
            selected = 0;
        }
        redraw.mark(s.state() == SessionState.RUNNING ? RUNNING : MOMENT);
    }

    /** Selects tile {@code k} of those shown. */
    void select(int k) {
        int count = shownCount();
        if (count == 0) {
            return;
        }
        selected = Math.max(0, Math.min(count - 1, k));
        redraw.mark(SELECTION);
    }

    /** Shows the next ({@code +1}) or previous ({@code -1}) page of test digits, wrapping round. */
    void turnPage(int direction) {
        if (picks == null || layout == null) {
            return;
        }
        int per = layout.count();
        int pages = picks.pages(per);
        int page = Math.floorMod(offset / per + direction, pages);
        offset = page * per;
        selected = Math.min(selected, shownCount() - 1);
        redraw.mark(MOMENT);
    }

    private void onKey(KeyEvent e) {
        int cols = layout == null ? 1 : layout.cols();
        boolean handled = true;
        switch (e.getCode()) {
            case LEFT -> select(selected - 1);
            case RIGHT -> select(selected + 1);
            case UP -> select(selected - cols);
            case DOWN -> select(selected + cols);
            case PAGE_DOWN -> turnPage(1);
            case PAGE_UP -> turnPage(-1);
            default -> handled = false;
        }
        if (handled) {
            e.consume();
        }
    }

    // ---- for tests ----------------------------------------------------------------------------

    /** Draws what waits now (tests). */
    void drawNow() {
        applyCss();
        layout();
        redraw.mark(MOMENT);
        redraw.drawNow();
    }

    List<DigitTile> tiles() {
        return tiles.subList(0, shownCount());
    }

    int selected() {
        return selected;
    }

    ProbabilityBars bars() {
        return bars;
    }

    PixelPicture selectedPicture() {
        return selectedPicture;
    }

    Label accuracyLabel() {
        return accuracy;
    }

    Label accuracyNote() {
        return accuracyNote;
    }

    Label caption() {
        return caption;
    }

    GalleryLayout galleryLayout() {
        return layout;
    }

    /** Times the view was drawn. */
    long draws() {
        return redraw.draws();
    }

    /** How long the last update's forward passes took, ns. */
    long lastPredictionNanos() {
        return lastPredictionNanos;
    }

    // ---- drawing ------------------------------------------------------------------------------

    private int shownCount() {
        if (picks == null || layout == null) {
            return 0;
        }
        return Math.min(layout.count(), picks.size() - offset);
    }

    private void draw(int bits) {
        TrainingSnapshot s = snapshot;
        if (s == null || picks == null || layout == null) {
            return;
        }
        if ((bits & (MOMENT | RUNNING)) != 0 || predictions == null) {
            int[] rows = picks.page(offset / Math.max(1, layout.count()), layout.count());
            long start = System.nanoTime();
            predictions = GalleryPredictions.of(s, rows);
            lastPredictionNanos = System.nanoTime() - start;
            showAccuracy(s);
        }
        Dataset test = s.data().test();
        boolean restyled = false;
        for (int k = 0; k < tiles.size(); k++) {
            DigitTile tile = tiles.get(k);
            boolean on = predictions != null && k < predictions.size();
            tile.setVisible(on);
            if (on) {
                int row = predictions.rows()[k];
                restyled |= tile.show(row, row == tile.row() ? null : test.row(row), predictions.predicted()[k],
                        predictions.right(k));
                restyled |= tile.setSelected(k == selected);
            }
        }
        if (restyled) {
            // frames now, in this frame: left to the next pulse's style pass, a frame changed while
            // the window restyles itself (entering presentation mode) was seen to stay unstyled
            applyCss();
        }
        showSelected(test);
    }

    private void showAccuracy(TrainingSnapshot s) {
        double a = s.testAccuracy();
        int n = s.data().test().size();
        if (Double.isNaN(a) || n == 0) {
            accuracy.setText("");
            accuracyNote.setText("Test accuracy: not measured yet");
            return;
        }
        accuracy.setText(String.format(Locale.ROOT, "%.1f%%", 100 * a));
        accuracyNote.setText(String.format(Locale.ROOT, "test accuracy%n%d of %d right", Math.round(a * n), n));
    }

    private void showSelected(Dataset test) {
        if (predictions == null || predictions.size() == 0) {
            caption.setText("");
            bars.show(null);
            selectedPicture.show(null);
            return;
        }
        int k = Math.min(selected, predictions.size() - 1);
        double[] p = predictions.probabilities()[k];
        int said = predictions.predicted()[k];
        selectedPicture.show(test.row(predictions.rows()[k]));
        bars.show(p);
        // one wording for every layout: the layout depends on the caption's height
        caption.setText(String.format(Locale.ROOT, "Selected: a %d, says %d (%.0f%%)", predictions.truth()[k], said,
                100 * p[said]));
    }

    // ---- layout -------------------------------------------------------------------------------

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double x0 = in.getLeft();
        double y0 = in.getTop();
        double w = Math.max(0, getWidth() - in.getLeft() - in.getRight());
        double h = Math.max(0, getHeight() - in.getTop() - in.getBottom());
        double accW = accuracy.prefWidth(-1);
        double noteW = Math.max(0, w - accW - 10);
        double accH = accuracy.prefHeight(-1);
        double header = Math.max(accH, accuracyNote.prefHeight(noteW));
        accuracy.resizeRelocate(x0, y0, accW, accH);
        accuracyNote.resizeRelocate(x0 + accW + 10, y0 + Math.max(0, (header - accuracyNote.prefHeight(noteW)) / 2),
                noteW, accuracyNote.prefHeight(noteW));
        double captionH = caption.prefHeight(w);
        double barsH = bars.prefHeight(-1);
        GalleryLayout next = GalleryLayout.of(w, h, header, captionH + GalleryLayout.GAP + barsH, captionH);
        if (layout == null || next.count() != layout.count()) {
            offset = layout == null ? 0 : offset / next.count() * next.count();
            redraw.mark(MOMENT);
        }
        layout = next;
        selected = Math.min(selected, Math.max(0, next.count() - 1));
        double left = x0 + Math.floor((w - next.gridWidth()) / 2);
        for (int k = 0; k < tiles.size(); k++) {
            int c = k % next.cols();
            int r = k / next.cols();
            tiles.get(k).resizeRelocate(left + c * (next.tileWidth() + GalleryLayout.GAP),
                    y0 + next.gridTop() + r * (next.tileHeight() + GalleryLayout.GAP), next.tileWidth(),
                    next.tileHeight());
        }
        double y = y0 + next.gridTop() + next.gridHeight() + GalleryLayout.GAP;
        caption.setVisible(next.verdict());
        caption.resizeRelocate(x0, y, w, captionH);
        selectedPicture.setVisible(next.full());
        bars.setVisible(next.full());
        if (next.full()) {
            y += captionH + GalleryLayout.GAP;
            double side = Math.floor(Math.min(barsH, w * 0.34));
            selectedPicture.resizeRelocate(x0, y, side, side);
            double barsX = x0 + side + 12;
            double em = caption.getFont().getSize();
            // the bars' columns besides the bar: the class (1 em), the percentage (6 monospace
            // characters) and two gaps
            bars.setFullWidth(Math.max(20, Math.floor(w - side - 12 - 5 * em - 16)));
            bars.resizeRelocate(barsX, y, Math.max(0, w - side - 12), barsH);
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 320;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 400;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 120;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 120;
    }
}
