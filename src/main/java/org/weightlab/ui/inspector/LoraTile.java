package org.weightlab.ui.inspector;

import javafx.event.Event;
import javafx.event.EventType;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.weightlab.engine.config.LoraSpec;
import org.weightlab.session.LayerSnapshot;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.fx.Redraw;
import org.weightlab.ui.theme.Palette;

/**
 * The LoRA tile of the weight inspector, shown for a layer with an adapter: its frozen weights W,
 * the low-rank update (alpha/r)·B·A the adapter adds, and the weights the layer computes with,
 * W' = W + (alpha/r)·B·A, as three matrices; "Merge adapter" asks (by a {@link MergeRequest}
 * event, which the window turns into the session's command) to fold the update into W. It follows
 * the inspector's model: the layer chosen and the snapshot shown.
 */
public final class LoraTile extends VBox {

    /** Fired (bubbling up to the window) when the person asks to merge the adapter of {@link #layer()}. */
    public static final class MergeRequest extends Event {

        public static final EventType<MergeRequest> MERGE = new EventType<>(Event.ANY, "LORA_MERGE");

        private final int layer;

        public MergeRequest(int layer) {
            super(MERGE);
            this.layer = layer;
        }

        public int layer() {
            return layer;
        }
    }

    static final int DATA = 1;
    /** New snapshots while training runs: as often as the inspector's own matrices. */
    static final double DATA_PER_SECOND = InspectorView.DATA_PER_SECOND;

    private final InspectorModel model;
    private final Palette palette = new Palette();
    private final Label title = new Label();
    private final MatrixPanel weights = new MatrixPanel("loraWeights", "W (frozen)");
    private final MatrixPanel update = new MatrixPanel("loraUpdate", "Update (\u03b1/r)\u00b7B\u00b7A");
    private final MatrixPanel effective = new MatrixPanel("loraEffective", "W\u2032 = W + update");
    private final Button merge = new Button("Merge adapter");
    private final Label note = new Label();
    private final Redraw redraw = new Redraw(this, bits -> refresh()).pace(DATA, DATA_PER_SECOND);
    private final javafx.beans.value.ObservableBooleanValue shown;
    private int shownLayer = -1;
    /** The update drawn last, (alpha/r) B A [out][in] row-major (tests). */
    private double[] updateShown = new double[0];

    /** A tile on {@code model}'s snapshot and layer, drawn only while {@code shown} (the inspector is on screen). */
    public LoraTile(InspectorModel model, javafx.beans.value.ObservableBooleanValue shown) {
        this.model = model;
        this.shown = shown;
        setId("inspectorLora");
        getStyleClass().add("wl-chart-tile");
        getChildren().add(palette);
        title.getStyleClass().add(ChartTile.TITLE_STYLE);
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        merge.setId("loraMerge");
        merge.setOnAction(e -> {
            if (shownLayer >= 0) {
                fireEvent(new MergeRequest(shownLayer));
            }
        });
        TileGrid matrices = new TileGrid(InspectorView.MIN_MATRIX_WIDTH, 20, weights, update, effective);
        FlowPane actions = new FlowPane(12, 4, merge, note);
        actions.setAlignment(Pos.CENTER_LEFT);
        setSpacing(6);
        getChildren().addAll(title, matrices, actions);
        show(false);
        model.snapshotProperty().addListener((o, was, s) -> redraw.mark(DATA));
        model.layerProperty().addListener((o, was, l) -> redraw.mark(DATA));
        palette.revisionProperty().addListener((o, was, r) -> redraw.mark(DATA));
        shown.addListener((o, was, on) -> redraw.mark(DATA)); // catches up on what changed while hidden
    }

    /** The layer whose adapter is shown, or -1 when none is. */
    public int layer() {
        return shownLayer;
    }

    /** The update drawn last (tests). */
    double[] updateShown() {
        return updateShown.clone();
    }

    /** Draws what is waiting now (tests). */
    public void redrawNow() {
        redraw.drawNow();
    }

    private void show(boolean on) {
        setVisible(on);
        setManaged(on);
    }

    private void refresh() {
        if (!shown.get()) {
            return; // a hidden inspector draws nothing; shown again, it redraws
        }
        TrainingSnapshot s = model.snapshot();
        int l = s == null ? -1 : Math.min(model.layerProperty().get(), s.layers().size() - 1);
        LoraSpec spec = l < 0 ? null : s.config().loraOf(l);
        shownLayer = spec == null ? -1 : l;
        show(spec != null);
        if (spec == null) {
            return;
        }
        LayerSnapshot layer = s.layers().get(l);
        int rows = layer.outputs();
        int cols = layer.inputs();
        double[] w = layer.weights();
        double[] w2 = layer.effectiveWeights();
        double[] delta = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            delta[j] = w2[j] - w[j];
        }
        updateShown = delta;
        boolean[] none = new boolean[w.length];
        title.setText("LoRA adapter: rank " + spec.rank() + ", \u03b1 " + ColorLegend.format(spec.alpha())
                + ", " + spec.rank() * (rows + cols) + " trainable numbers instead of " + rows * cols);
        weights.setData(w, layer.biases(), rows, cols, layer.frozenWeights(), layer.frozenBiases(), palette);
        update.setData(delta, new double[rows], rows, cols, none, new boolean[rows], palette);
        effective.setData(w2, layer.biases(), rows, cols, none, layer.frozenBiases(), palette);
        note.setText(s.config().extras().quantization() == null
                ? "Merging folds the update into W: the same outputs, no adapter."
                : "W\u2032 here is also quantized, as the layer computes with it.");
    }
}
