package org.weightlab.ui.compress;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.weightlab.compress.PruneScope;
import org.weightlab.compress.QuantSpec;
import org.weightlab.compress.Sweep;
import org.weightlab.compress.WeightSet;
import org.weightlab.session.TrainingControl;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.theme.Palette;

/**
 * The compression lab: how big the network is, and what pruning and quantization would do to it.
 * Every setting is a what-if computed on a copy off the FX thread; the run changes only when
 * "Apply" sends the compressed values (and freezes the removed weights) through the run's commands.
 * While "show in the graph and output views" is on, those views draw the compressed network.
 */
public final class CompressionPanel extends ScrollPane {

    public static final String STYLE_CLASS = "compress-panel";
    public static final String STYLESHEET = "/org/weightlab/ui/compress/compress.css";

    private final TrainingControl control;
    private final Supplier<CompletableFuture<TrainingSnapshot>> whenIdle;
    private final Palette palette = new Palette();
    private final SizeTable size = new SizeTable();
    private final Slider sparsity = new Slider(0, 99, 0);
    private final Label sparsityText = new Label("0%");
    private final ChoiceBox<PruneScope> scope = new ChoiceBox<>();
    private final CheckBox structured = new CheckBox("whole neurons");
    private final ChoiceBox<BitsChoice> allLayers = new ChoiceBox<>();
    private final HBox layerChoices = new HBox(8);
    private final FlowPane histograms = new FlowPane(10, 8);
    private final CheckBox freezeQuantized = new CheckBox("freeze quantized weights");
    private final CheckBox showInViews = new CheckBox("show in the graph and output views");
    private final Label figures = new Label("Train the network to see what compression does to it.");
    private final Button apply = new Button("Apply to the run");
    private final Button reset = new Button("Reset");
    private final CurveChart sparsityChart;
    private final CurveChart bitsChart;
    private final List<ChoiceBox<BitsChoice>> perLayer = new ArrayList<>();
    private final ReadOnlyObjectWrapper<CompressionPreview> preview = new ReadOnlyObjectWrapper<>();
    private final AtomicReference<CompressionPreview> arrived = new AtomicReference<>();
    private final PreviewWorker worker = new PreviewWorker(this::arrive);
    private Consumer<TrainingSnapshot> onPreview = s -> { };
    private WhatIf whatIf = WhatIf.none(0);
    private TrainingSnapshot latest;
    private boolean updating;

    /**
     * A panel that sends its "Apply" to {@code control}; {@code whenIdle} completes with the run's
     * moment once the engine has done everything asked of it (the values applied are computed from it).
     */
    public CompressionPanel(TrainingControl control, Supplier<CompletableFuture<TrainingSnapshot>> whenIdle) {
        this.control = control;
        this.whenIdle = whenIdle;
        sparsityChart = new CurveChart(palette, "Pruned by magnitude (no retraining)");
        bitsChart = new CurveChart(palette, "Quantized, every layer (bits per weight)");
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add(STYLESHEET);
        setId("compressPanel");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        palette.setManaged(false);
        palette.setVisible(false);

        sparsity.setId("compressSparsity");
        sparsity.setMajorTickUnit(10);
        sparsity.setBlockIncrement(1);
        sparsity.setShowTickMarks(true);
        sparsity.setPrefWidth(260);
        HBox.setHgrow(sparsity, Priority.ALWAYS);
        sparsityText.setMinWidth(44);
        scope.getItems().setAll(PruneScope.values());
        scope.setValue(PruneScope.GLOBAL);
        scope.setConverter(names(q -> q == PruneScope.GLOBAL ? "over all layers" : "in each layer"));
        scope.setId("compressScope");
        structured.setId("compressStructured");
        structured.setTooltip(new Tooltip("Remove whole hidden neurons, those whose outgoing weights are smallest"));
        FlowPane pruneRow = row(new Label("Remove"), sparsity, sparsityText, scope, structured);

        allLayers.getItems().setAll(BitsChoice.values());
        allLayers.setValue(BitsChoice.FLOAT64);
        allLayers.setId("compressBitsAll");
        FlowPane quantRow = row(new Label("Every layer"), allLayers, new Label("or per layer:"), layerChoices);

        freezeQuantized.setId("compressFreezeQuantized");
        showInViews.setId("compressShowInViews");
        showInViews.setSelected(true);
        apply.setId("compressApply");
        apply.setTooltip(new Tooltip("Set the pruned weights to 0 and freeze them, set the quantized values; "
                + "training on then fine-tunes the rest"));
        reset.setId("compressReset");
        figures.setId("compressFigures");
        figures.setWrapText(true);
        figures.setMinWidth(0);
        figures.getStyleClass().add("compress-figures");
        FlowPane actions = row(apply, reset, freezeQuantized, showInViews);

        FlowPane curves = new FlowPane(12, 8, sparsityChart, bitsChart);

        VBox content = new VBox(8,
                heading("Size"), size,
                heading("Pruning"), pruneRow,
                heading("Quantization (weights only, symmetric, per layer)"), quantRow, histograms,
                figures, actions,
                heading("Accuracy against sparsity and against bits"), curves,
                palette);
        content.setPadding(new Insets(10));
        content.getStyleClass().add("compress-content");
        setContent(content);
    }

    private void initListeners() {
        sparsity.valueProperty().addListener((o, was, now) -> {
            double s = Math.round(now.doubleValue()) / 100.0;
            sparsityText.setText(Math.round(s * 100) + "%");
            change(whatIf.withSparsity(s));
        });
        scope.valueProperty().addListener((o, was, now) -> change(whatIf.withScope(now)));
        structured.selectedProperty().addListener((o, was, now) -> change(whatIf.withStructured(now)));
        allLayers.valueProperty().addListener((o, was, now) -> {
            if (!updating && now != null) {
                QuantSpec q = now.spec();
                updating = true;
                perLayer.forEach(c -> c.setValue(now));
                updating = false;
                change(whatIf.withQuantAll(q));
            }
        });
        showInViews.selectedProperty().addListener((o, was, now) -> publishToViews());
        apply.setOnAction(e -> applyToRun());
        reset.setOnAction(e -> resetWhatIf());
        visibleProperty().addListener((o, was, now) -> {
            if (now) {
                request();
            }
        });
    }

    /** The moment on screen; the what-if follows it while the panel is seen or shown in the views. */
    public void show(TrainingSnapshot s) {
        if (s == null || s.data() == null) {
            return;
        }
        latest = s;
        if (s.layers().size() != whatIf.quant().size()) {
            rebuildLayers(s.layers().size());
        }
        if (isVisible() || previewInViews()) {
            request();
        }
    }

    /** What the graph and output views should draw for moment {@code s}: its compressed copy while one is shown. */
    public TrainingSnapshot shownFor(TrainingSnapshot s) {
        CompressionPreview p = preview.get();
        return previewInViews() && p != null && p.preview().layers().size() == s.layers().size() ? p.preview() : s;
    }

    /** Called with the moment the graph and output views should draw whenever the what-if shown there changes. */
    public void setOnPreview(Consumer<TrainingSnapshot> onPreview) {
        this.onPreview = onPreview;
    }

    /** The latest computed what-if (null before the first). */
    public ReadOnlyObjectProperty<CompressionPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** The what-if the controls ask for now. */
    public WhatIf whatIf() {
        return whatIf;
    }

    private boolean previewInViews() {
        return showInViews.isSelected() && whatIf.changesAnything();
    }

    private void change(WhatIf next) {
        if (updating) {
            return;
        }
        boolean wasShown = previewInViews();
        whatIf = next;
        request();
        if (wasShown && !previewInViews()) {
            publishToViews();
        }
    }

    private void request() {
        if (latest != null && latest.layers().size() == whatIf.quant().size()) {
            worker.request(latest, whatIf);
        }
    }

    /** Worker thread: keeps the newest result, hopping to the FX thread only when none is waiting. */
    private void arrive(CompressionPreview p) {
        if (arrived.getAndSet(p) == null) {
            Platform.runLater(() -> {
                CompressionPreview next = arrived.getAndSet(null);
                if (next != null) {
                    showPreview(next);
                }
            });
        }
    }

    private void showPreview(CompressionPreview p) {
        preview.set(p);
        size.show(p.sizeBefore(), p.sizeAfter());
        figures.setText(figures(p));
        WeightSet before = p.before();
        WeightSet after = p.after();
        if (histograms.getChildren().size() != before.layerCount()) {
            histograms.getChildren().clear();
            for (int l = 0; l < before.layerCount(); l++) {
                VBox pair = new VBox(2, new WeightHistogram(palette), new WeightHistogram(palette));
                pair.getStyleClass().add("compress-histogram-pair");
                histograms.getChildren().add(pair);
            }
        }
        for (int l = 0; l < before.layerCount(); l++) {
            double[] w0 = before.weights(l);
            double range = 0;
            for (double v : w0) {
                range = Math.max(range, Math.abs(v));
            }
            VBox pair = (VBox) histograms.getChildren().get(l);
            String name = layerName(l, before.layerCount());
            ((WeightHistogram) pair.getChildren().get(0)).show(name + ": run", w0, range);
            double[] w1 = after.weights(l);
            ((WeightHistogram) pair.getChildren().get(1)).show(name + ": " + WeightHistogram.levels(w1) + " values",
                    w1, range);
        }
        sparsityChart.show(p.sparsityCurve(), p.whatIf().structured() ? -1 : nearestSparsity(p.whatIf().sparsity()));
        bitsChart.show(p.bitsCurve(), bitsIndex(p.whatIf()));
        if (previewInViews()) {
            publishToViews();
        }
    }

    private void publishToViews() {
        CompressionPreview p = preview.get();
        if (latest != null) {
            onPreview.accept(previewInViews() && p != null ? p.preview() : latest);
        }
    }

    /** "Compressed: test accuracy 91.2% (run 98.0%), test loss 0.081 (run 0.041), 18 of 30 weights left". */
    static String figures(CompressionPreview p) {
        TrainingSnapshot s = p.source();
        StringBuilder b = new StringBuilder(p.whatIf().changesAnything() ? "What-if: " : "As the run stands: ");
        if (!Double.isNaN(p.evaluation().testAccuracy())) {
            b.append(String.format(Locale.ROOT, "test accuracy %.1f%% (run %.1f%%), ",
                    100 * p.evaluation().testAccuracy(), 100 * s.testAccuracy()));
        }
        b.append(String.format(Locale.ROOT, "test loss %.4f (run %.4f), train loss %.4f (run %.4f); ",
                p.evaluation().testLoss(), s.testLoss(), p.evaluation().trainLoss(), s.trainLoss()));
        b.append(p.sizeAfter().nonzeroWeights()).append(" of ").append(p.sizeBefore().weights())
                .append(" weights non-zero");
        return b.toString();
    }

    private void applyToRun() {
        WhatIf asked = whatIf;
        boolean freeze = freezeQuantized.isSelected();
        if (!asked.changesAnything()) {
            return;
        }
        apply.setDisable(true);
        control.pause();
        // The values are computed from the run as it stands once paused, on a worker thread; the
        // commands go out from the FX thread, like every other edit of the run.
        whenIdle.get()
                .thenApplyAsync(s -> CompressionPreview.compute(s, asked))
                .whenComplete((p, error) -> Platform.runLater(() -> {
                    apply.setDisable(false);
                    if (p != null) {
                        CompressionApply.send(p, control, freeze);
                        resetWhatIf();
                    }
                }));
    }

    private void resetWhatIf() {
        updating = true;
        sparsity.setValue(0);
        structured.setSelected(false);
        allLayers.setValue(BitsChoice.FLOAT64);
        perLayer.forEach(c -> c.setValue(BitsChoice.FLOAT64));
        updating = false;
        change(WhatIf.none(whatIf.quant().size()).withScope(scope.getValue()));
    }

    private void rebuildLayers(int layers) {
        whatIf = new WhatIf(whatIf.sparsity(), whatIf.scope(), whatIf.structured(),
                java.util.Collections.nCopies(layers, null));
        perLayer.clear();
        layerChoices.getChildren().clear();
        updating = true;
        allLayers.setValue(BitsChoice.FLOAT64);
        updating = false;
        for (int l = 0; l < layers; l++) {
            int layer = l;
            ChoiceBox<BitsChoice> c = new ChoiceBox<>();
            c.getItems().setAll(BitsChoice.values());
            c.setValue(BitsChoice.FLOAT64);
            c.setId("compressBits" + l);
            c.setTooltip(new Tooltip(layerName(l, layers)));
            c.valueProperty().addListener((o, was, now) -> {
                if (!updating && now != null) {
                    change(whatIf.withQuant(layer, now.spec()));
                }
            });
            perLayer.add(c);
            layerChoices.getChildren().add(new VBox(1, new Label(layerName(l, layers)), c));
        }
    }

    static String layerName(int l, int layers) {
        return l == layers - 1 ? "output" : "hidden " + (l + 1);
    }

    private int nearestSparsity(double s) {
        double[] xs = Sweep.standardSparsities();
        int best = 0;
        for (int i = 1; i < xs.length; i++) {
            if (Math.abs(xs[i] - s) < Math.abs(xs[best] - s)) {
                best = i;
            }
        }
        return best;
    }

    private static int bitsIndex(WhatIf w) {
        QuantSpec first = w.quant().isEmpty() ? null : w.quant().get(0);
        for (QuantSpec q : w.quant()) {
            if (q != first) {
                return -1;
            }
        }
        return first == null ? 0 : 1 + Sweep.STANDARD_BITS.indexOf(first);
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("compress-heading");
        return l;
    }

    private static FlowPane row(javafx.scene.Node... nodes) {
        for (javafx.scene.Node n : nodes) {
            if (n instanceof Label l) {
                l.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        // A row wraps rather than widening the panel past its column.
        FlowPane h = new FlowPane(10, 6, nodes);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private static <T> StringConverter<T> names(java.util.function.Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return name.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
