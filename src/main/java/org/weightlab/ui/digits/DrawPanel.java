package org.weightlab.ui.digits;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.weightlab.analysis.SnapshotForward;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.session.LayerSnapshot;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.fx.Redraw;
import org.weightlab.ui.theme.Palette;

/**
 * Draw a digit and ask the network: the 32x32 drawing, its 8x8 reduction (ink counted in 4x4
 * blocks, as the data set was made) and the class probabilities of the network on screen, live
 * while it trains. The forward pass (64 inputs, a few thousand multiplications) runs on the FX
 * thread over the snapshot's immutable weights. Del or Backspace clears.
 */
public final class DrawPanel extends ScrollPane {

    public static final String STYLE_CLASS = "draw-panel";
    public static final String STYLESHEET = "/org/weightlab/ui/digits/digits.css";

    /** Dirty bits: the drawing changed; the network changed (paced while training runs). */
    private static final int DRAWING = 1;
    private static final int NETWORK = 2;
    /** Probability updates a second from a training network. */
    static final double NETWORK_PER_SECOND = 10;

    private final Palette palette = new Palette();
    private final DrawingPad pad = new DrawingPad(palette, 256);
    private final PixelPicture reduced = new PixelPicture(palette, InkReduction.CELLS, PixelPicture.Scale.INK, 128);
    private final ProbabilityBars bars = new ProbabilityBars(palette);
    private final Label verdict = new Label();
    private final Button clear = new Button("Clear", new FontIcon("mdi2e-eraser"));
    private final Redraw redraw;
    private LayerSnapshot[] network;
    private SnapshotForward forward;

    public DrawPanel() {
        createView();
        redraw = new Redraw(bars, this::draw).pace(NETWORK, NETWORK_PER_SECOND);
        initListeners();
        redraw.mark(DRAWING);
    }

    private void createView() {
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add(STYLESHEET);
        setId("drawPanel");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        pad.setId("drawingPad");
        reduced.setId("drawingReduced");
        clear.setId("drawingClear");
        verdict.setId("drawingVerdict");
        verdict.getStyleClass().add("draw-verdict");
        verdict.setWrapText(true);
        Label padTitle = heading("Draw a digit (left button draws, right erases)");
        Label reducedTitle = heading("What the network sees");
        Label reducedNote = new Label("8x8: the ink in each 4x4 block, 0 to 16, as the data set was made");
        reducedNote.setWrapText(true);
        reducedNote.setMaxWidth(200);
        Label barsTitle = heading("The network's answer");
        VBox padBox = new VBox(6, padTitle, pad, clear);
        VBox reducedBox = new VBox(6, reducedTitle, reduced, reducedNote);
        reducedBox.setMaxWidth(220);
        VBox barsBox = new VBox(6, barsTitle, bars, verdict);
        barsBox.setPrefWidth(300);
        barsBox.setMaxWidth(300);
        verdict.setMinWidth(0);
        verdict.setPrefWidth(300);
        FlowPane row = new FlowPane(28, 16, padBox, reducedBox, barsBox);
        row.setAlignment(Pos.TOP_LEFT);
        VBox content = new VBox(10, row, palette);
        content.setPadding(new Insets(10));
        setContent(content);
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("draw-heading");
        l.setWrapText(true);
        return l;
    }

    private void initListeners() {
        pad.setOnChange(() -> redraw.mark(DRAWING));
        clear.setOnAction(e -> pad.clear());
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                pad.clear();
                e.consume();
            }
        });
        palette.revisionProperty().addListener((o, was, now) -> bars.restyle());
    }

    /** The moment on screen: its network answers for the drawing. */
    public void show(TrainingSnapshot s) {
        if (s == null) {
            return;
        }
        LayerSnapshot[] layers = s.layers().toArray(new LayerSnapshot[0]);
        if (network != null && java.util.Arrays.equals(layers, network)) {
            return;
        }
        network = layers;
        forward = readsDigits(s) ? SnapshotForward.of(s) : null;
        redraw.mark(NETWORK);
    }

    /** True when {@code s}'s network reads an 8x8 picture and answers with ten class probabilities. */
    static boolean readsDigits(TrainingSnapshot s) {
        LayerSnapshot last = s.output();
        return SnapshotForward.of(s).inputs() == InkReduction.CELLS * InkReduction.CELLS && last.outputs() == 10
                && last.activation() == ActivationKind.SOFTMAX;
    }

    DrawingPad pad() {
        return pad;
    }

    PixelPicture reduced() {
        return reduced;
    }

    ProbabilityBars bars() {
        return bars;
    }

    Label verdict() {
        return verdict;
    }

    /** Draws what is waiting now (tests). */
    void drawNow() {
        redraw.mark(DRAWING);
        redraw.drawNow();
    }

    private void draw(int bits) {
        double[] x = InkReduction.inputs(InkReduction.counts(pad.ink()));
        reduced.show(x);
        if (forward == null) {
            bars.show(null);
            verdict.setText("The drawing pad asks a network that reads 8x8 digits: open the digits data set "
                    + "(64 pixel inputs, ten classes).");
            return;
        }
        if (pad.isEmpty()) {
            bars.show(null);
            verdict.setText("Draw a digit in the box.");
            return;
        }
        double[] p = forward.forward(x, 0).clone();
        bars.show(p);
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        verdict.setText(String.format(Locale.ROOT, "The network says %d (%.0f%% sure).", best, 100 * p[best]));
    }
}
