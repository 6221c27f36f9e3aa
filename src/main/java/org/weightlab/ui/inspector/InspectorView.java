package org.weightlab.ui.inspector;

import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import org.weightlab.session.LayerSnapshot;
import org.weightlab.session.SessionState;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.analysis.Diagnosis;
import org.weightlab.analysis.StepSummary;
import org.weightlab.ui.fx.Redraw;
import org.weightlab.ui.network.EdgeRef;
import org.weightlab.ui.theme.Palette;

/**
 * The weight inspector: every weight of one layer at once (W, dL/dW and the last update as
 * heatmaps), how the weight and gradient populations move over the steps, the gradient flow of
 * all layers, plain-word diagnostics and the selected neuron. Everything is drawn from
 * {@link InspectorModel}; the view only binds and paints, and only while it is in a scene and
 * visible (a hidden inspector costs the model's summaries, nothing more).
 *
 * <p>Colours come from the app {@link Palette} (the variables of weightlab.css), the same the
 * network graph and the output view use, so a theme or projector stylesheet changes them everywhere.
 */
public final class InspectorView extends BorderPane {

    public static final String STYLESHEET = "/org/weightlab/ui/inspector/inspector.css";
    public static final String STYLE_CLASS = "wl-inspector";

    private static final StyleablePropertyFactory<InspectorView> CSS =
            new StyleablePropertyFactory<>(BorderPane.getClassCssMetaData());

    /** The app palette (weightlab.css's variables, restyled on a theme switch) that every drawing here reads. */
    private final Palette palette = new Palette();
    private final StyleableProperty<Font> chartFont = CSS.createStyleableFontProperty(this, "chartFont",
            "-wl-inspector-chart-font", v -> v.chartFont, Font.font(13));

    private final InspectorModel model;
    /** A new snapshot: drawn at most {@link #DATA_PER_SECOND} times a second while training runs. */
    static final int DATA = 1;
    /** The layer, the selection, the palette or the font changed: drawn on the next frame. */
    static final int LOOK = 2;
    static final double DATA_PER_SECOND = 30;
    /**
     * Most redraws a second of the charts over the steps (bands and gradient flow) while training
     * runs: each holds hundreds of points per line, which the software renderer fills and strokes
     * again on every redraw, and their right edge moves a pixel at a time.
     */
    static final double HISTORY_PER_SECOND = 10;
    /** Charts narrower than this go to the next row. */
    static final double MIN_CHART_WIDTH = 230;
    static final double MIN_MATRIX_WIDTH = 150;

    private final FlowPane layerButtons = new FlowPane(4, 4);
    private final ToggleGroup layerGroup = new ToggleGroup();
    private final Label stepLabel = new Label();
    private final Label hoverLabel = new Label(" ");
    private final MatrixPanel weightsPanel = new MatrixPanel("weightsMatrix", "Weights W");
    private final MatrixPanel gradientsPanel = new MatrixPanel("gradientsMatrix", "Gradient dL/dW");
    private final MatrixPanel updatesPanel = new MatrixPanel("updatesMatrix", "Last update \u0394W");
    private final PercentileBandsView weightBands = new PercentileBandsView(false);
    private final PercentileBandsView gradientBands = new PercentileBandsView(true);
    private final HistogramView weightHistogram = new HistogramView(true);
    private final HistogramView gradientHistogram = new HistogramView(true);
    private final GradientFlowView normFlow = new GradientFlowView(GradientFlowView.Measure.GRADIENT_NORM);
    private final GradientFlowView ratioFlow = new GradientFlowView(GradientFlowView.Measure.UPDATE_RATIO);
    private final VBox diagnosticsBox = new VBox(4);
    private final NeuronPanel neuronPanel = new NeuronPanel();
    private final BatchNormView normView = new BatchNormView();
    /** Shown for a batch-normalized layer only. */
    private final ChartTile normTile = new ChartTile("Batch norm: batch and running mean and variance of z, "
            + "γ and β", normView);
    private final Redraw redraw = new Redraw(this, this::draw).pace(DATA, DATA_PER_SECOND);
    /** When the charts over the steps were last drawn (System.nanoTime), and how often so far. */
    private long historyDrawnAt;
    private long historyDraws;
    private String layerShapeKey = "";
    /** Something changed while the inspector was hidden: it is drawn when shown again. */
    private boolean staleWhileHidden;

    public InspectorView(InspectorModel model) {
        this.model = model;
        createView();
        initListeners();
        redraw.mark(LOOK);
    }

    public InspectorModel model() {
        return model;
    }

    private void createView() {
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add(InspectorView.class.getResource(STYLESHEET).toExternalForm());
        setId("inspector");
        getChildren().add(palette);

        Label title = new Label("Weight inspector");
        title.getStyleClass().add("wl-inspector-title");
        stepLabel.setId("inspectorStep");
        stepLabel.getStyleClass().add("wl-inspector-step");
        layerButtons.setId("inspectorLayers");
        layerButtons.setAlignment(Pos.CENTER_LEFT);
        title.setMinWidth(Region.USE_PREF_SIZE);
        stepLabel.setMinWidth(Region.USE_PREF_SIZE);
        // The step goes under the title when both do not fit one row (a projector's larger type).
        FlowPane titleRow = new FlowPane(24, 2, title, stepLabel);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        // The layer buttons wrap onto more rows when the window is narrow (six hidden layers at 1024x768).
        VBox header = new VBox(6, titleRow, layerButtons);
        header.getStyleClass().add("wl-inspector-header");
        header.setPadding(new Insets(6, 10, 6, 10));
        setTop(header);

        TileGrid matrices = new TileGrid(MIN_MATRIX_WIDTH, 20, weightsPanel, gradientsPanel, updatesPanel);
        matrices.setId("inspectorMatrices");
        hoverLabel.setId("inspectorHover");
        hoverLabel.getStyleClass().add("wl-inspector-hover");
        hoverLabel.setWrapText(true);
        hoverLabel.setMinHeight(Region.USE_PREF_SIZE);

        diagnosticsBox.setId("inspectorDiagnostics");
        diagnosticsBox.getStyleClass().add("wl-diagnostics");
        diagnosticsBox.setVisible(false);
        diagnosticsBox.setManaged(false);

        // The charts and the selected neuron as tiles: side by side when there is room, else in rows.
        TileGrid charts = new TileGrid(MIN_CHART_WIDTH, 12,
                normTile,
                new ChartTile("Weights over steps", weightBands),
                new ChartTile("Weights now", weightHistogram),
                new ChartTile("Gradients over steps", gradientBands),
                new ChartTile("Gradients now", gradientHistogram),
                new ChartTile("Gradient norm per layer (log)", normFlow),
                new ChartTile("Update / weight (log10)", ratioFlow),
                neuronPanel);
        normTile.setId("inspectorBatchNorm");
        normTile.setVisible(false);
        normTile.setManaged(false);
        charts.setId("inspectorCharts");

        VBox main = new VBox(10, diagnosticsBox, matrices, hoverLabel, new LoraTile(model, visibleProperty()), charts);
        main.setPadding(new Insets(8, 10, 10, 10));
        main.setMinWidth(0);
        ScrollPane scroll = new ScrollPane(main);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setId("inspectorScroll");
        scroll.getStyleClass().add("edge-to-edge");
        // The scroll pane keeps its viewport as a cached bitmap, which pays off for still content:
        // the inspector's repaints on every frame, so each frame was drawn twice, into the bitmap and
        // from it to the window. Drawn directly, a frame with network B training takes the software
        // renderer about a fifth less time (--measure's render_cpu_ms_per_frame).
        scroll.skinProperty().addListener((obs, old, skin) -> uncacheViewport(scroll));
        setCenter(scroll);
        setMinWidth(0);
    }

    /** Turns off the bitmap cache of {@code scroll}'s viewport (its skin turns it on). */
    static void uncacheViewport(ScrollPane scroll) {
        javafx.scene.Node viewport = scroll.lookup(".viewport");
        if (viewport != null) {
            viewport.setCache(false);
        }
    }

    private void initListeners() {
        model.snapshotProperty().addListener((obs, old, s) -> redraw.mark(DATA));
        model.layerProperty().addListener((obs, old, l) -> redraw.mark(LOOK));
        model.selectionProperty().addListener((obs, old, e) -> redraw.mark(LOOK));
        model.neuronProperty().addListener((obs, old, n) -> redraw.mark(LOOK));
        model.diagnoses().addListener((javafx.collections.ListChangeListener<Diagnosis>) c -> showDiagnoses());
        visibleProperty().addListener((obs, old, visible) -> {
            if (visible && staleWhileHidden) {
                redraw.mark(LOOK);
            }
        });
        palette.revisionProperty().addListener((obs, old, r) -> redraw.mark(LOOK));
        ((ObservableValue<?>) chartFont).addListener((obs, old, f) -> redraw.mark(LOOK));
        MatrixHeatmapView.CellHandler click = (r, c) -> {
            if (model.snapshot() != null) {
                model.selectEdge(model.layerProperty().get(), r, c);
            }
        };
        MatrixHeatmapView.CellHandler hover = this::describeCell;
        for (MatrixPanel p : List.of(weightsPanel, gradientsPanel, updatesPanel)) {
            p.matrix.setOnCellClicked(click);
            p.matrix.setOnCellHovered(hover);
            p.bias.setOnCellClicked((r, c) -> {
                if (model.snapshot() != null) {
                    model.selectNeuron(model.layerProperty().get(), r);
                }
            });
            p.bias.setOnCellHovered((r, c) -> describeCell(r, -1));
        }
        layerGroup.selectedToggleProperty().addListener((obs, old, t) -> {
            if (t != null) {
                int l = (Integer) t.getUserData();
                if (l != model.layerProperty().get()) {
                    model.selectLayer(l);
                }
            } else if (old != null) {
                // A toggle group lets a click deselect; a layer stays chosen.
                old.setSelected(true);
            }
        });
    }

    /** Draws what is waiting now (tests, a picture taken off screen). */
    public void redrawNow() {
        redraw.drawNow();
    }

    /** How many times the inspector has drawn (frames are counted with it). */
    long draws() {
        return redraw.draws();
    }

    /** True while a change waits to be drawn. */
    boolean isRedrawPending() {
        return redraw.isDirty();
    }

    /** Draws for the redraw pass; a hidden inspector only remembers that it is behind. */
    private void draw(int bits) {
        if (!isVisible()) {
            staleWhileHidden = true;
            return;
        }
        staleWhileHidden = false;
        long now = System.nanoTime();
        TrainingSnapshot s = model.snapshot();
        boolean history = (bits & ~DATA) != 0 || s == null || s.state() != SessionState.RUNNING
                || now - historyDrawnAt >= 1e9 / HISTORY_PER_SECOND;
        refresh(history);
        if (history) {
            historyDrawnAt = now;
        } else {
            // the charts over the steps catch up on a later pass
            redraw.mark(DATA);
        }
    }

    /** How many times the charts over the steps were drawn (tests). */
    long historyDraws() {
        return historyDraws;
    }

    /** Paints everything from the model's state. */
    void refresh() {
        refresh(true);
    }

    /** Paints from the model's state; the charts over the steps only when {@code history}. */
    private void refresh(boolean history) {
        TrainingSnapshot s = model.snapshot();
        Font font = chartFont.getValue();
        for (CanvasPane c : List.of(weightBands, gradientBands, weightHistogram, gradientHistogram, normFlow,
                ratioFlow, normView)) {
            c.setPalette(palette, font);
        }
        neuronPanel.setPalette(palette, font);
        if (s == null) {
            stepLabel.setText("no run yet");
            neuronPanel.show(null, null, null);
            return;
        }
        rebuildLayerButtons(s);
        int l = Math.min(model.layerProperty().get(), s.layers().size() - 1);
        LayerSnapshot layer = s.layers().get(l);
        stepLabel.setText("step " + s.step() + "   epoch " + s.epoch());
        int rows = layer.outputs();
        int cols = layer.inputs();
        weightsPanel.setData(layer.weights(), layer.biases(), rows, cols, layer.frozenWeights(), layer.frozenBiases(),
                palette);
        gradientsPanel.setData(layer.weightGradients(), layer.biasGradients(), rows, cols, layer.frozenWeights(),
                layer.frozenBiases(), palette);
        updatesPanel.setData(layer.weightUpdates(), layer.biasUpdates(), rows, cols, layer.frozenWeights(),
                layer.frozenBiases(), palette);
        EdgeRef edge = model.selectionProperty().get();
        NeuronRef neuron = model.neuronProperty().get();
        for (MatrixPanel p : List.of(weightsPanel, gradientsPanel, updatesPanel)) {
            if (edge != null && edge.layer() == l) {
                p.matrix.setSelectedCell(edge.out(), edge.in());
            } else {
                p.matrix.setSelectedCell(-1, -1);
            }
            if (neuron != null && neuron.layer() == l) {
                p.bias.setSelectedCell(neuron.out(), 0);
            } else {
                p.bias.setSelectedCell(-1, -1);
            }
        }
        weightHistogram.setValues(layer.weights(), "");
        gradientHistogram.setValues(layer.weightGradients(), "");
        if (history) {
            List<StepSummary> steps = model.shownHistoryProperty().get();
            weightBands.setData(steps, l);
            gradientBands.setData(steps, l);
            normFlow.setData(steps, l);
            ratioFlow.setData(steps, l);
            historyDraws++;
        }
        neuronPanel.show(s, neuron, edge);
        boolean normalized = layer.norm() != null;
        normTile.setVisible(normalized);
        normTile.setManaged(normalized);
        normView.setData(layer.norm());
    }

    private void rebuildLayerButtons(TrainingSnapshot s) {
        StringBuilder key = new StringBuilder();
        for (LayerSnapshot layer : s.layers()) {
            key.append(layer.outputs()).append('x').append(layer.inputs()).append(layer.activation()).append(';');
        }
        if (!key.toString().equals(layerShapeKey)) {
            layerShapeKey = key.toString();
            layerButtons.getChildren().clear();
            layerGroup.getToggles().clear();
            int n = s.layers().size();
            for (int l = 0; l < n; l++) {
                LayerSnapshot layer = s.layers().get(l);
                String name = l == n - 1 ? "Output" : "Layer " + (l + 1);
                ToggleButton b = new ToggleButton(name + "  " + layer.outputs() + "\u00d7" + layer.inputs());
                b.setTooltip(new javafx.scene.control.Tooltip(layer.outputs() + " " + layer.activation().id()
                        + " neurons, " + layer.inputs() + " inputs each"));
                b.setMinWidth(Region.USE_PREF_SIZE);
                b.setId("inspectorLayer" + l);
                b.setUserData(l);
                b.setToggleGroup(layerGroup);
                layerButtons.getChildren().add(b);
            }
        }
        int l = Math.min(model.layerProperty().get(), s.layers().size() - 1);
        if (layerGroup.getToggles().size() > l && layerGroup.getSelectedToggle() != layerGroup.getToggles().get(l)) {
            layerGroup.selectToggle(layerGroup.getToggles().get(l));
        }
    }

    private void showDiagnoses() {
        diagnosticsBox.getChildren().clear();
        for (Diagnosis d : model.diagnoses()) {
            Label label = new Label("\u26a0 " + d.kind().title() + ". " + d.message());
            label.setWrapText(true);
            label.getStyleClass().addAll("wl-diagnosis", "wl-diagnosis-" + d.kind().name().toLowerCase());
            diagnosticsBox.getChildren().add(label);
        }
        boolean any = !model.diagnoses().isEmpty();
        diagnosticsBox.setVisible(any);
        diagnosticsBox.setManaged(any);
    }

    /** The hover line: the cell's weight, gradient and update, and which neurons it connects. */
    private void describeCell(int row, int col) {
        TrainingSnapshot s = model.snapshot();
        if (s == null || row < 0) {
            hoverLabel.setText(" ");
            return;
        }
        int l = Math.min(model.layerProperty().get(), s.layers().size() - 1);
        LayerSnapshot layer = s.layers().get(l);
        int layers = s.layers().size();
        if (col < 0) {
            hoverLabel.setText("bias of " + Names.neuron(l, row, layers) + " = " + ColorLegend.format(layer.biases()[row])
                    + "   gradient " + ColorLegend.format(layer.biasGradients()[row]) + "   last update "
                    + ColorLegend.format(layer.biasUpdates()[row]) + (layer.frozenBiases()[row] ? "   (frozen)" : ""));
            return;
        }
        int k = row * layer.inputs() + col;
        hoverLabel.setText("w = " + ColorLegend.format(layer.weights()[k]) + "   from " + Names.input(s, l, col)
                + " to " + Names.neuron(l, row, layers) + "   gradient " + ColorLegend.format(layer.weightGradients()[k])
                + "   last update " + ColorLegend.format(layer.weightUpdates()[k])
                + (layer.frozenWeights()[k] ? "   (frozen)" : ""));
    }

    /** The text of the hover line (for tests and for screen readers). */
    public String hoverText() {
        return hoverLabel.getText();
    }

    NeuronPanel neuronPanelForTiming() {
        return neuronPanel;
    }

    MatrixPanel weightsPanel() {
        return weightsPanel;
    }

    MatrixPanel gradientsPanel() {
        return gradientsPanel;
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }
}
