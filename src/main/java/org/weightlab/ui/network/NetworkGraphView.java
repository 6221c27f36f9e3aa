package org.weightlab.ui.network;

import java.util.List;
import java.util.function.UnaryOperator;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.CubicCurve;
import org.kordamp.ikonli.javafx.FontIcon;
import org.weightlab.engine.config.ConfigEdits;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.session.SessionState;
import org.weightlab.session.TrainingControl;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.fx.Redraw;
import org.weightlab.ui.theme.Palette;

/**
 * The live network, drawn like TF Playground: a column of all input features (click one to
 * switch it on or off), one column per hidden layer and the output, each neuron with a thumbnail
 * of its field, and curved edges coloured by sign and thickened by size. Edges show weights,
 * gradients or last updates. Hover for numbers; click an edge or a bias mark to type a value;
 * Alt/Ctrl+click or the context menu freezes an edge, a neuron or (on its header) a layer.
 *
 * <p>The nodes ({@link GraphParts}) are built once per topology (features and layer sizes);
 * {@link #show} only restyles them: colours, widths, dashes and thumbnail pixels. The edges and
 * the neurons' thumbnails are drawn together into one image ({@link GraphImage}), redrawn only
 * when an edge's colour, width or dash or a neuron's field changed: for the software renderer
 * that is one dirty node and one copy of pixels a frame, instead of hundreds of curves and dozens
 * of images. {@link GraphPane} places the parts, {@link GraphStyler} restyles them and
 * {@link GraphInteraction} answers the mouse.
 */
public final class NetworkGraphView extends BorderPane {

    public static final String STYLE_CLASS = "wl-network";
    public static final String STYLESHEET = NetworkGraphView.class.getResource("network.css").toExternalForm();
    public static final String GRAPH_CLASS = "wl-network-graph";
    public static final String INPUT_CLASS = StyleClasses.INPUT_CLASS;
    public static final String INPUT_OFF_CLASS = StyleClasses.INPUT_OFF_CLASS;
    public static final String INPUT_LABEL_CLASS = StyleClasses.INPUT_LABEL_CLASS;
    public static final String NEURON_CLASS = StyleClasses.NEURON_CLASS;
    public static final String NEURON_FRAME_CLASS = StyleClasses.NEURON_FRAME_CLASS;
    public static final String FROZEN_CLASS = StyleClasses.FROZEN_CLASS;
    public static final String LOCK_CLASS = StyleClasses.LOCK_CLASS;
    public static final String BIAS_CLASS = StyleClasses.BIAS_CLASS;
    public static final String EDGE_CLASS = StyleClasses.EDGE_CLASS;
    public static final String HEADER_CLASS = StyleClasses.HEADER_CLASS;
    public static final String HEADER_TITLE_CLASS = StyleClasses.HEADER_TITLE_CLASS;
    public static final String MESSAGE_CLASS = "wl-graph-message";
    public static final String LOCK_ICON = StyleClasses.LOCK_ICON;

    private final TrainingControl control;
    private final Palette palette = new Palette();
    private final GraphImage image;
    private final NeuronThumbnails thumbnails;
    private final GraphStyler styler;
    private final ValueEditor editor = new ValueEditor();
    private final GraphPane graph;
    private final GraphInteraction interaction;
    /** The weights the run trains with: full precision or quantized. */
    private final QuantizationChoice quantization;
    private final Label message = new Label();
    private final Label hiddenCount = new Label();
    private final Button addLayer = new Button("+");
    private final Button removeLayer = new Button("\u2212");
    private final ToggleGroup modes = new ToggleGroup();
    private final ObjectProperty<EdgeMode> edgeMode = new SimpleObjectProperty<>(this, "edgeMode", EdgeMode.WEIGHT);

    private TrainingSnapshot snapshot;
    /** The image mode's view, made when image data is first shown. */
    private ImageNetworkView imageView;
    /** Active features and layer sizes of the drawing; a change rebuilds the parts. */
    private List<Object> topology;
    /** The drawing's parts; null before the first snapshot. */
    private GraphParts parts;
    /** A snapshot arrived while the graph was hidden (another tab in front): it is drawn when shown again. */
    private boolean behind;

    public NetworkGraphView(TrainingControl control) {
        this.control = control;
        image = new GraphImage(() -> parts);
        thumbnails = new NeuronThumbnails(palette);
        styler = new GraphStyler(palette, thumbnails);
        graph = new GraphPane(image, thumbnails, editor, this::restyle);
        quantization = new QuantizationChoice(choice -> edit(c -> QuantizationChoice.apply(c, choice)));
        interaction = new GraphInteraction(this, control, () -> snapshot, this::edit, graph, editor);
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add(STYLESHEET);
        setId("networkGraph");
        getChildren().add(palette);

        HBox modeBox = new HBox();
        modeBox.getStyleClass().add("wl-mode-switch");
        for (EdgeMode m : EdgeMode.values()) {
            ToggleButton b = new ToggleButton(m.label());
            b.setId("edgeMode" + m.label());
            b.setUserData(m);
            b.setToggleGroup(modes);
            b.setSelected(m == edgeMode.get());
            b.getStyleClass().add(m.ordinal() == 0 ? "left-pill"
                    : m.ordinal() == EdgeMode.values().length - 1 ? "right-pill" : "center-pill");
            b.setTooltip(new Tooltip("Edges show " + m.label().toLowerCase()));
            modeBox.getChildren().add(b);
        }
        addLayer.setId("addLayerButton");
        removeLayer.setId("removeLayerButton");
        addLayer.setTooltip(new Tooltip("Add a hidden layer"));
        removeLayer.setTooltip(new Tooltip("Remove the last hidden layer"));
        hiddenCount.setId("hiddenLayerCount");
        hiddenCount.getStyleClass().add("wl-hidden-count");
        // The edge modes and the layer buttons keep their whole names: in a narrow centre (a
        // projector's larger type) the layer buttons go to a second row instead of being cut.
        for (Node b : modeBox.getChildren()) {
            ((Region) b).setMinWidth(Region.USE_PREF_SIZE);
        }
        hiddenCount.setMinWidth(Region.USE_PREF_SIZE);
        HBox layerBox = new HBox(8, removeLayer, hiddenCount, addLayer);
        layerBox.setAlignment(Pos.CENTER_LEFT);
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(16, 4, modeBox, quantization.box, layerBox);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        bar.getStyleClass().add("wl-network-bar");
        // A narrow bar leaves the weights choice out rather than squeeze the switch and the layer count.
        bar.widthProperty().addListener((obs, was, now) -> fitQuantizationChoice(bar, modeBox));
        setTop(bar);

        graph.getStyleClass().add(GRAPH_CLASS);
        graph.setMinSize(200, 200);
        setCenter(graph);

        message.setId("graphMessage");
        message.getStyleClass().add(MESSAGE_CLASS);
        message.setPadding(new Insets(2, 8, 4, 8));
        message.setWrapText(true);
        setBottom(message);
        updateLayerButtons(null);
    }

    private void initListeners() {
        interaction.selectedEdge().addListener((obs, old, now) -> {
            highlight(old, false);
            highlight(now, true);
        });
        modes.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one mode is always on
                return;
            }
            edgeMode.set((EdgeMode) now.getUserData());
        });
        edgeMode.addListener((obs, old, now) -> {
            for (var t : modes.getToggles()) {
                t.setSelected(t.getUserData() == now);
            }
            restyle();
        });
        // A theme switch changes some twenty colours one by one: the view repaints once, after layout.
        Redraw looks = new Redraw(this, bits -> {
            paintInputThumbnails();
            restyle();
        });
        palette.revisionProperty().addListener((obs, old, now) -> looks.mark(1));
        visibleProperty().addListener((obs, was, visible) -> {
            if (visible && behind && snapshot != null) {
                show(snapshot);
            }
        });
        addLayer.setOnAction(e -> edit(ConfigEdits::addLayer));
        removeLayer.setOnAction(e -> edit(ConfigEdits::removeLayer));
    }

    // ---- public API --------------------------------------------------------------------------

    /** Draws {@code s}: rebuilds the nodes when the topology changed, else only restyles them. */
    public void show(TrainingSnapshot s) {
        // Image data (digits) is drawn in image mode: pictures in place of 64 input nodes.
        if (ImageNetworkView.applies(s)) {
            if (imageView == null) {
                imageView = new ImageNetworkView(palette, control);
            }
            if (getCenter() != imageView) {
                setCenter(imageView);
            }
            snapshot = s;
            imageView.show(s);
            updateLayerButtons(s);
            return;
        }
        if (getCenter() != graph) {
            setCenter(graph);
        }
        snapshot = s;
        graph.setSnapshot(s);
        List<Object> key = GraphParts.topologyOf(s);
        if (!key.equals(topology)) {
            rebuild(s, key);
        }
        // Behind another tab the graph keeps its parts and its snapshot, and restyles and paints
        // nothing: a few hundred edges a frame are the FX thread's largest cost while training runs.
        if (!isVisible()) {
            behind = true;
            return;
        }
        behind = false;
        updateControls(s);
        restyle();
        if (interaction.tooltip().isShowing()) {
            interaction.refreshTip();
        }
    }

    /** The image mode's view, or null when no image data was shown yet. */
    public ImageNetworkView imageView() {
        return imageView;
    }

    /** The neuron or input under the mouse, or null. */
    public ReadOnlyObjectProperty<NodeRef> hoveredNodeProperty() {
        return interaction.hovered().getReadOnlyProperty();
    }

    /** The edge last clicked, or null. */
    public ReadOnlyObjectProperty<EdgeRef> selectedEdgeProperty() {
        return interaction.selectedEdge().getReadOnlyProperty();
    }

    /** Selects (highlights) an edge, e.g. one picked in the weight inspector; null clears. */
    public void selectEdge(EdgeRef r) {
        interaction.selectedEdge().set(r != null && edgeOf(r) != null ? r : null);
    }

    /** What the edges show. */
    public ObjectProperty<EdgeMode> edgeModeProperty() {
        return edgeMode;
    }

    public Palette palette() {
        return palette;
    }

    /** The last message for the person (a refused edit), empty when none. */
    public String message() {
        return message.getText();
    }

    // ---- package-private views on the drawing, for tests --------------------------------------

    /** How an edge is drawn now. */
    record EdgeStyle(Color color, double width, boolean dashed) {
    }

    EdgeStyle edgeStyle(int layer, int out, int in) {
        EdgeNode e = edge(layer, out, in);
        return new EdgeStyle(e.color, e.width, e.dashed);
    }

    /** How many times the graph image (edges and thumbnails) was drawn. */
    long edgeDraws() {
        return image.draws();
    }

    /** How many neuron thumbnails were painted. */
    long thumbnailPaints() {
        return thumbnails.paints();
    }

    CubicCurve edgeHit(int layer, int out, int in) {
        return edge(layer, out, in).hit;
    }

    Node neuronNode(int layer, int out) {
        return parts.neurons[layer][out].box;
    }

    Node biasMark(int layer, int out) {
        return parts.neurons[layer][out].bias;
    }

    FontIcon lockIcon(int layer, int out) {
        return parts.neurons[layer][out].lock;
    }

    Node inputNode(Feature f) {
        return parts.inputs[f.ordinal()].box;
    }

    /** A copy of a neuron's thumbnail, as drawn into the graph image (one pixel per device pixel). */
    WritableImage thumbnail(int layer, int out) {
        NeuronNode n = parts.neurons[layer][out];
        WritableImage copy = new WritableImage(n.thumbSize, n.thumbSize);
        copy.getPixelWriter().setPixels(0, 0, n.thumbSize, n.thumbSize, PixelFormat.getIntArgbPreInstance(), n.thumb,
                0, n.thumbSize);
        return copy;
    }

    Node header(int layer) {
        return parts.headers[layer].box;
    }

    Tooltip tooltip() {
        return interaction.tooltip();
    }

    ValueEditor editor() {
        return editor;
    }

    ContextMenu contextMenu() {
        return interaction.contextMenu();
    }

    /** How many scene-graph nodes the drawing holds (a rebuild replaces them all). */
    int drawnNodeCount() {
        return graph.drawnNodeCount();
    }

    private EdgeNode edge(int layer, int out, int in) {
        return parts.edges[layer][out * snapshot.layers().get(layer).inputs() + in];
    }

    private EdgeNode edgeOf(EdgeRef r) {
        return parts == null ? null : parts.edgeOf(r);
    }

    private void highlight(EdgeRef r, boolean on) {
        EdgeNode e = edgeOf(r);
        if (e != null) {
            e.select(on, graph.maxEdgeWidth());
        }
    }

    // ---- building, once per topology ------------------------------------------------------------

    private void rebuild(TrainingSnapshot s, List<Object> key) {
        topology = key;
        interaction.reset();
        parts = new GraphParts(s);
        interaction.attach(parts);
        graph.setParts(parts);
        paintInputThumbnails();
        graph.requestLayout();
    }

    /** The inputs' thumbnails: each feature over the field's square (they change only with the palette). */
    private void paintInputThumbnails() {
        if (parts != null) {
            thumbnails.paintInputs(parts.inputs, snapshot == null ? null : snapshot.field());
        }
    }

    // ---- restyling, every snapshot ------------------------------------------------------------

    private void updateControls(TrainingSnapshot s) {
        for (InputNode in : parts.inputs) {
            in.activeIndex = in.feature == null ? in.slot : s.features().indexOf(in.feature);
            boolean on = in.activeIndex >= 0;
            StyleClasses.set(in.box, INPUT_OFF_CLASS, !on);
            StyleClasses.set(in.label, INPUT_OFF_CLASS, !on);
        }
        for (int l = 0; l < parts.headers.length; l++) {
            parts.headers[l].show(s.layers().get(l), s.config());
        }
        updateLayerButtons(s);
        quantization.show(s.config());
    }

    /** Shows the weights choice only when the bar has room for everything at its preferred width. */
    private void fitQuantizationChoice(javafx.scene.layout.FlowPane bar, HBox modeBox) {
        double need = bar.getInsets().getLeft() + bar.getInsets().getRight() + 2 * bar.getHgap() + 16
                + modeBox.prefWidth(-1) + quantization.box.prefWidth(-1) + removeLayer.prefWidth(-1)
                + hiddenCount.prefWidth(-1) + addLayer.prefWidth(-1);
        boolean fits = bar.getWidth() >= need;
        quantization.box.setVisible(fits);
        quantization.box.setManaged(fits);
    }

    private void updateLayerButtons(TrainingSnapshot s) {
        int hidden = s == null ? 0 : s.layers().size() - 1;
        hiddenCount.setText(hidden + (hidden == 1 ? " hidden layer" : " hidden layers"));
        addLayer.setDisable(s == null || hidden >= RunConfig.MAX_HIDDEN_LAYERS);
        removeLayer.setDisable(s == null || hidden <= 0);
    }

    /** Gives every part the look of the snapshot in the current mode; redraws the image when one changed. */
    private void restyle() {
        TrainingSnapshot s = snapshot;
        if (s == null || topology == null || getCenter() != graph) {
            return; // image mode: the parts are those of an earlier network
        }
        if (!isVisible()) {
            behind = true;
            return;
        }
        if (styler.restyle(s, parts, edgeMode.get(), graph.maxEdgeWidth())) {
            image.request(s.state() == SessionState.RUNNING);
        }
    }

    // ---- commands ---------------------------------------------------------------------------

    /** Applies a topology edit to the current config, or says why it cannot be done. */
    private void edit(UnaryOperator<RunConfig> edit) {
        if (snapshot == null) {
            return;
        }
        RunConfig next;
        try {
            next = edit.apply(snapshot.config());
        } catch (IllegalArgumentException e) {
            message.setText(e.getMessage());
            return;
        }
        message.setText("");
        control.applyConfig(next);
    }
}
