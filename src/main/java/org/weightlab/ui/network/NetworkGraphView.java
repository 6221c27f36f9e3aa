package org.weightlab.ui.network;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Rectangle;
import javafx.stage.Window;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.ConfigEdits;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.session.FieldSnapshot;
import org.weightlab.session.LayerSnapshot;
import org.weightlab.session.SessionState;
import org.weightlab.session.TrainingControl;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.fx.RedrawGate;
import org.weightlab.ui.theme.DivergingColorMap;
import org.weightlab.ui.theme.FieldPainter;
import org.weightlab.ui.theme.FieldRange;
import org.weightlab.ui.theme.Palette;
import org.weightlab.ui.theme.ValueFormat;

/**
 * The live network, drawn like TF Playground: a column of all input features (click one to
 * switch it on or off), one column per hidden layer and the output, each neuron with a thumbnail
 * of its field, and curved edges coloured by sign and thickened by size. Edges show weights,
 * gradients or last updates. Hover for numbers; click an edge or a bias mark to type a value;
 * Alt/Ctrl+click or the context menu freezes an edge, a neuron or (on its header) a layer.
 *
 * <p>The nodes are built once per topology (features and layer sizes); {@link #show} only
 * restyles them: colours, widths, dashes and thumbnail pixels. The edges and the neurons'
 * thumbnails are drawn together into one image ({@link EdgeRaster}), redrawn only when an edge's
 * colour, width or dash or a neuron's field changed: for the software renderer that is one dirty
 * node and one copy of pixels a frame, instead of hundreds of curves and dozens of images (more
 * than a dozen changed children make it repaint the whole pane). Each edge keeps an invisible
 * curve node for hovering and clicking; each neuron a frame, its lock and its bias mark.
 */
public final class NetworkGraphView extends BorderPane {

    public static final String STYLE_CLASS = "wl-network";
    public static final String STYLESHEET = NetworkGraphView.class.getResource("network.css").toExternalForm();
    public static final String GRAPH_CLASS = "wl-network-graph";
    public static final String INPUT_CLASS = "wl-input";
    public static final String INPUT_OFF_CLASS = "wl-input-off";
    public static final String INPUT_LABEL_CLASS = "wl-input-label";
    public static final String NEURON_CLASS = "wl-neuron";
    public static final String NEURON_FRAME_CLASS = "wl-neuron-frame";
    public static final String FROZEN_CLASS = "wl-frozen";
    public static final String LOCK_CLASS = "wl-lock";
    public static final String BIAS_CLASS = "wl-bias";
    public static final String EDGE_CLASS = "wl-edge";
    public static final String HEADER_CLASS = "wl-layer-header";
    public static final String HEADER_TITLE_CLASS = "wl-layer-title";
    public static final String MESSAGE_CLASS = "wl-graph-message";
    public static final String LOCK_ICON = "mdi2l-lock";

    /** Input thumbnails are THUMB x THUMB pixels, drawn scaled (smoothly) to the node size. */
    static final int THUMB = 40;
    /** Largest drawn node, in pixels: big enough to read from the back of a lecture hall. */
    static final double MAX_NODE = 52;
    static final double HEADER_HEIGHT = 92;
    static final double LABEL_WIDTH = 66;
    static final double PAD = 10;
    /** Thinnest edge, so a zero weight is still there to hover and click. */
    static final double MIN_EDGE_WIDTH = 0.7;
    /** Every mode's largest |value| is at least this, so an all-zero mode draws thin edges, not noise. */
    static final double MIN_SCALE = 1e-9;
    private static final Color HOVER_HALO = Color.rgb(120, 120, 120, 0.3);
    /** Dash and gap of a frozen edge (butt caps, so the gaps stay open at any width). */
    private static final double[] DASHES = {7, 5};

    private final TrainingControl control;
    private final Palette palette = new Palette();
    private final GraphPane graph = new GraphPane();
    /** The invisible (pickable) twins of the edges, for hovering and clicking. */
    private final Group edgeLayer = new Group();
    /** Every edge, with the neurons' thumbnails over them, drawn as one image under the nodes. */
    private final ImageView edgeView = new ImageView();
    private EdgeRaster raster;
    private PixelBuffer<IntBuffer> edgeBuffer;
    /** Where the edge image's top-left pixel is, in the graph's coordinates, and its pixels per unit. */
    private double edgeOriginX;
    private double edgeOriginY;
    private double edgeScale = 1;
    /** Drawings of the edge image and repaints of a neuron thumbnail so far (tests read them). */
    private long edgeDraws;
    private long thumbnailPaints;
    /**
     * Most redraws a second of the graph image while training runs: drawing a few hundred edges
     * costs the FX thread milliseconds, which on a busy machine the training needs more than a
     * picture that changes a little from one frame to the next.
     */
    static final double RUNNING_REDRAWS_PER_SECOND = 30;
    private final RedrawGate runningRedraws = new RedrawGate(RUNNING_REDRAWS_PER_SECOND);
    private boolean redrawPending;
    private final AnimationTimer pendingRedraw = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (!redrawPending) {
                stop();
            } else if (runningRedraws.isDue(now)) {
                stop();
                drawGraphImage();
            }
        }
    };
    private final ValueEditor editor = new ValueEditor();
    private final Tooltip tip = new Tooltip();
    private final ContextMenu menu = new ContextMenu();
    private final Label message = new Label();
    private final Label hiddenCount = new Label();
    private final Button addLayer = new Button("+");
    private final Button removeLayer = new Button("\u2212");
    private final ToggleGroup modes = new ToggleGroup();
    private final ObjectProperty<EdgeMode> edgeMode = new SimpleObjectProperty<>(this, "edgeMode", EdgeMode.WEIGHT);
    private final ReadOnlyObjectWrapper<NodeRef> hovered = new ReadOnlyObjectWrapper<>(this, "hoveredNode");
    private final ReadOnlyObjectWrapper<EdgeRef> selectedEdge = new ReadOnlyObjectWrapper<>(this, "selectedEdge");
    /** Drawn around the selected edge: a translucent amber that reads on both themes. */
    private static final Color SELECTION_GLOW = Color.rgb(255, 190, 0, 0.45);

    /** One buffer for every input thumbnail: each is copied into its image by one setPixels call. */
    private final int[] thumbPixels = new int[THUMB * THUMB];
    private final FieldPainter painter = new FieldPainter();

    private TrainingSnapshot snapshot;
    /** Active features and layer sizes of the drawing; a change rebuilds the nodes. */
    private List<Object> topology;
    private InputNode[] inputs = new InputNode[0];
    /** {@code neurons[layer][out]} for every weight layer. */
    private Neuron[][] neurons = new Neuron[0][];
    /** {@code edges[layer][out * inputs + in]}. */
    private Edge[][] edges = new Edge[0][];
    private Header[] headers = new Header[0];
    private Supplier<String> tipSource;
    private boolean updatingControls;
    private double maxEdgeWidth = 5;
    /** Narrow columns: headers say "4" instead of "4 neurons". */
    private boolean compactHeaders;

    public NetworkGraphView(TrainingControl control) {
        this.control = control;
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
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, modeBox, spacer, removeLayer, hiddenCount, addLayer);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        bar.getStyleClass().add("wl-network-bar");
        setTop(bar);

        graph.getStyleClass().add(GRAPH_CLASS);
        edgeView.setMouseTransparent(true);
        edgeView.setManaged(false);
        edgeView.setId("graphImage");
        graph.getChildren().addAll(edgeView, edgeLayer, editor);
        graph.setMinSize(200, 200);
        setCenter(graph);

        message.setId("graphMessage");
        message.getStyleClass().add(MESSAGE_CLASS);
        message.setPadding(new Insets(2, 8, 4, 8));
        message.setWrapText(true);
        setBottom(message);

        tip.setShowDelay(Duration.millis(250));
        tip.setShowDuration(Duration.seconds(30));
        tip.getStyleClass().add("wl-network-tip");
        tip.setOnShowing(e -> refreshTip());
        updateLayerButtons(null);
    }

    private void initListeners() {
        selectedEdge.addListener((obs, old, now) -> {
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
        palette.revisionProperty().addListener((obs, old, now) -> {
            paintInputThumbnails();
            restyle();
        });
        addLayer.setOnAction(e -> edit(ConfigEdits::addLayer));
        removeLayer.setOnAction(e -> edit(ConfigEdits::removeLayer));
    }

    // ---- public API --------------------------------------------------------------------------

    /** Draws {@code s}: rebuilds the nodes when the topology changed, else only restyles them. */
    public void show(TrainingSnapshot s) {
        snapshot = s;
        List<Object> key = topologyOf(s);
        if (!key.equals(topology)) {
            rebuild(s, key);
        }
        updateControls(s);
        restyle();
        if (tip.isShowing()) {
            refreshTip();
        }
    }

    /** The neuron or input under the mouse, or null. */
    public ReadOnlyObjectProperty<NodeRef> hoveredNodeProperty() {
        return hovered.getReadOnlyProperty();
    }

    /** The edge last clicked, or null. */
    public ReadOnlyObjectProperty<EdgeRef> selectedEdgeProperty() {
        return selectedEdge.getReadOnlyProperty();
    }

    /** Selects (highlights) an edge, e.g. one picked in the weight inspector; null clears. */
    public void selectEdge(EdgeRef r) {
        selectedEdge.set(r != null && edgeOf(r) != null ? r : null);
    }

    private Edge edgeOf(EdgeRef r) {
        if (r == null || edges == null || r.layer() < 0 || r.layer() >= edges.length) {
            return null;
        }
        for (Edge e : edges[r.layer()]) {
            if (e.ref.equals(r)) {
                return e;
            }
        }
        return null;
    }

    private void highlight(EdgeRef r, boolean on) {
        Edge e = edgeOf(r);
        if (e != null) {
            e.selected = on;
            e.hit.setStroke(on ? SELECTION_GLOW : Color.TRANSPARENT);
            e.hit.setStrokeWidth(on ? maxEdgeWidth + 8 : 9);
            e.hit.setOpacity(on ? 1 : 0);
        }
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
        Edge e = edges[layer][out * snapshot.layers().get(layer).inputs() + in];
        return new EdgeStyle(e.color, e.width, e.dashed);
    }

    /** How many times the graph image (edges and thumbnails) was drawn. */
    long edgeDraws() {
        return edgeDraws;
    }

    /** How many neuron thumbnails were painted. */
    long thumbnailPaints() {
        return thumbnailPaints;
    }

    CubicCurve edgeHit(int layer, int out, int in) {
        return edges[layer][out * snapshot.layers().get(layer).inputs() + in].hit;
    }

    Node neuronNode(int layer, int out) {
        return neurons[layer][out].box;
    }

    Node biasMark(int layer, int out) {
        return neurons[layer][out].bias;
    }

    FontIcon lockIcon(int layer, int out) {
        return neurons[layer][out].lock;
    }

    Node inputNode(Feature f) {
        return inputs[f.ordinal()].box;
    }

    /** A copy of a neuron's thumbnail, as drawn into the graph image (one pixel per device pixel). */
    WritableImage thumbnail(int layer, int out) {
        Neuron n = neurons[layer][out];
        WritableImage copy = new WritableImage(n.thumbSize, n.thumbSize);
        copy.getPixelWriter().setPixels(0, 0, n.thumbSize, n.thumbSize, PixelFormat.getIntArgbPreInstance(), n.thumb,
                0, n.thumbSize);
        return copy;
    }

    Node header(int layer) {
        return headers[layer].box;
    }

    Tooltip tooltip() {
        return tip;
    }

    ValueEditor editor() {
        return editor;
    }

    ContextMenu contextMenu() {
        return menu;
    }

    /** How many scene-graph nodes the drawing holds (a rebuild replaces them all). */
    int drawnNodeCount() {
        return graph.getChildren().size() + edgeLayer.getChildren().size();
    }

    // ---- building, once per topology ------------------------------------------------------------

    private static List<Object> topologyOf(TrainingSnapshot s) {
        List<Object> key = new ArrayList<>();
        key.add(s.features());
        for (LayerSnapshot l : s.layers()) {
            key.add(l.outputs());
        }
        return key;
    }

    private void rebuild(TrainingSnapshot s, List<Object> key) {
        topology = key;
        editor.close();
        menu.hide();
        hovered.set(null);
        selectedEdge.set(null);
        tipSource = null;
        List<Node> nodes = new ArrayList<>();
        List<Node> edgeNodes = new ArrayList<>();

        inputs = new InputNode[Feature.values().length];
        for (Feature f : Feature.values()) {
            InputNode in = new InputNode(f);
            inputs[f.ordinal()] = in;
            nodes.add(in.label);
            nodes.add(in.box);
        }
        int layerCount = s.layers().size();
        neurons = new Neuron[layerCount][];
        edges = new Edge[layerCount][];
        headers = new Header[layerCount];
        for (int l = 0; l < layerCount; l++) {
            LayerSnapshot ls = s.layers().get(l);
            neurons[l] = new Neuron[ls.outputs()];
            for (int o = 0; o < ls.outputs(); o++) {
                Neuron n = new Neuron(l, o);
                neurons[l][o] = n;
                nodes.add(n.box);
                nodes.add(n.bias);
            }
            edges[l] = new Edge[ls.outputs() * ls.inputs()];
            for (int o = 0; o < ls.outputs(); o++) {
                for (int i = 0; i < ls.inputs(); i++) {
                    Edge e = new Edge(new EdgeRef(l, o, i));
                    edges[l][o * ls.inputs() + i] = e;
                    edgeNodes.add(e.hit);
                }
            }
            headers[l] = new Header(l, l == layerCount - 1);
            nodes.add(headers[l].box);
        }
        Label inputTitle = new Label("Features");
        inputTitle.setId("featuresTitle");
        inputTitle.getStyleClass().add(HEADER_TITLE_CLASS);
        inputTitle.setTooltip(new Tooltip("Click a feature to switch it on or off"));
        graph.inputTitle = inputTitle;
        nodes.add(inputTitle);
        // GraphPane places every node itself; unmanaged nodes are layout roots, so a thumbnail's new
        // pixels or an edge's new width do not make the whole graph lay out again each frame
        for (Node n : nodes) {
            n.setManaged(false);
        }
        edgeLayer.getChildren().setAll(edgeNodes);
        nodes.add(0, edgeLayer);
        nodes.add(0, edgeView);
        nodes.add(editor);
        graph.getChildren().setAll(nodes);
        paintInputThumbnails();
        graph.requestLayout();
    }

    /** The inputs' thumbnails: each feature over the field's square (computed here; they never change). */
    private void paintInputThumbnails() {
        if (inputs.length == 0) {
            return;
        }
        FieldSnapshot f = snapshot == null ? null : snapshot.field();
        double lo = f == null ? -6 : f.min();
        double hi = f == null ? 6 : f.max();
        int grid = THUMB;
        float[] values = new float[grid * grid];
        DivergingColorMap map = palette.classMap();
        for (InputNode in : inputs) {
            for (int r = 0; r < grid; r++) {
                double x2 = hi - r * (hi - lo) / (grid - 1);
                for (int c = 0; c < grid; c++) {
                    double x1 = lo + c * (hi - lo) / (grid - 1);
                    values[r * grid + c] = (float) in.feature.apply(x1, x2);
                }
            }
            // each feature is scaled to its own size, so x1 and x1^2 both span the colours
            double m = FieldRange.maxAbs(values);
            FieldRange range = m > 0 ? new FieldRange(-m, m) : FieldRange.SIGNED_UNIT;
            painter.paint(values, grid, range, map, thumbPixels, THUMB);
            in.image.getPixelWriter().setPixels(0, 0, THUMB, THUMB, PixelFormat.getIntArgbPreInstance(), thumbPixels, 0,
                    THUMB);
        }
    }

    // ---- restyling, every snapshot ------------------------------------------------------------

    private void updateControls(TrainingSnapshot s) {
        updatingControls = true;
        try {
            for (InputNode in : inputs) {
                in.activeIndex = s.features().indexOf(in.feature);
                boolean on = in.activeIndex >= 0;
                setStyleClass(in.box, INPUT_OFF_CLASS, !on);
                setStyleClass(in.label, INPUT_OFF_CLASS, !on);
            }
            RunConfig c = s.config();
            for (int l = 0; l < headers.length; l++) {
                Header h = headers[l];
                LayerSnapshot ls = s.layers().get(l);
                if (h.output) {
                    List<ActivationKind> choices = ConfigEdits.outputChoices(c);
                    if (!h.activation.getItems().equals(choices)) {
                        h.activation.getItems().setAll(choices);
                    }
                } else {
                    h.neurons = ls.outputs();
                    h.count.setText(countText(h.neurons));
                    h.minus.setDisable(ls.outputs() <= 1);
                    h.plus.setDisable(ls.outputs() >= RunConfig.MAX_NEURONS);
                }
                if (h.activation.getValue() != ls.activation()) {
                    h.activation.setValue(ls.activation());
                }
                h.activation.setDisable(h.activation.getItems().size() < 2);
            }
            updateLayerButtons(s);
        } finally {
            updatingControls = false;
        }
    }

    /** "4 neurons", or just "4" when the columns are narrow. */
    private String countText(int n) {
        return compactHeaders ? Integer.toString(n) : n + (n == 1 ? " neuron" : " neurons");
    }

    private void updateLayerButtons(TrainingSnapshot s) {
        int hidden = s == null ? 0 : s.layers().size() - 1;
        hiddenCount.setText(hidden + (hidden == 1 ? " hidden layer" : " hidden layers"));
        addLayer.setDisable(s == null || hidden >= RunConfig.MAX_HIDDEN_LAYERS);
        removeLayer.setDisable(s == null || hidden <= 0);
    }

    private void restyle() {
        TrainingSnapshot s = snapshot;
        if (s == null || topology == null) {
            return;
        }
        EdgeMode mode = edgeMode.get();
        DivergingColorMap map = palette.weightMap();
        double max = Math.max(maxAbs(s, mode), MIN_SCALE);
        double widthRange = Math.max(maxEdgeWidth - MIN_EDGE_WIDTH, 0);
        Color frozenColor = palette.frozenColor();
        FieldSnapshot field = s.field();
        boolean changed = false;
        for (int l = 0; l < edges.length; l++) {
            LayerSnapshot ls = s.layers().get(l);
            double[] w = weightValues(ls, mode);
            boolean[] fw = ls.frozenWeights();
            Edge[] le = edges[l];
            for (int k = 0; k < le.length; k++) {
                double v = w == null ? 0 : w[k];
                Color color;
                double width;
                if (Double.isFinite(v)) {
                    double t = Math.abs(v) / max;
                    color = edgeColor(map, v, t);
                    // Quarter-pixel steps: the image is redrawn only when some edge visibly changed.
                    width = Math.round((MIN_EDGE_WIDTH + widthRange * t) * 4) / 4.0;
                } else {
                    color = map.notANumber();
                    width = MIN_EDGE_WIDTH;
                }
                changed |= le[k].restyle(color, width, fw != null && fw[k]);
            }
            double[] b = biasValues(ls, mode);
            for (int o = 0; o < neurons[l].length; o++) {
                Neuron n = neurons[l][o];
                double v = b == null ? 0 : b[o];
                n.bias.setFill(Double.isFinite(v) ? edgeColor(map, v, Math.abs(v) / max) : map.notANumber());
                boolean biasFrozen = ls.frozenBiases() != null && ls.frozenBiases()[o];
                n.bias.setStroke(biasFrozen ? frozenColor : palette.inkColor());
                setStyleClass(n.bias, FROZEN_CLASS, biasFrozen);
                boolean neuronFrozen = neuronFrozen(ls, o);
                n.lockBox.setVisible(neuronFrozen);
                setStyleClass(n.frame, FROZEN_CLASS, neuronFrozen);
                changed |= paintNeuron(n, ls, field, l + 1);
            }
            Header h = headers[l];
            boolean layerFrozen = layerFrozen(ls);
            h.lock.setVisible(layerFrozen);
            h.lock.setManaged(layerFrozen);
        }
        if (changed) {
            requestGraphImage();
        }
    }

    /**
     * Draws the graph image now, or, while training runs, at most RUNNING_REDRAWS_PER_SECOND
     * times a second (on a later pulse, with the newest snapshot then).
     */
    private void requestGraphImage() {
        boolean running = snapshot != null && snapshot.state() == SessionState.RUNNING;
        if (!running || runningRedraws.isDue(System.nanoTime())) {
            drawGraphImage();
        } else if (!redrawPending) {
            redrawPending = true;
            pendingRedraw.start();
        }
    }

    /** Draws every edge and then every neuron's thumbnail into the graph image (nothing before the first layout). */
    private void drawGraphImage() {
        if (raster == null) {
            return;
        }
        raster.clear();
        double k = edgeScale;
        double dash = DASHES[0] * k;
        double gap = DASHES[1] * k;
        for (Edge[] layer : edges) {
            for (Edge e : layer) {
                raster.curve((e.x1 - edgeOriginX) * k, (e.y1 - edgeOriginY) * k, (e.mx - edgeOriginX) * k,
                        (e.x2 - edgeOriginX) * k, (e.y2 - edgeOriginY) * k, e.width * k, e.argb,
                        e.dashed ? dash : 0, gap);
            }
        }
        for (Neuron[] layer : neurons) {
            for (Neuron n : layer) {
                raster.copy(n.thumb, n.thumbSize, n.pixelX, n.pixelY);
            }
        }
        edgeBuffer.updateBuffer(b -> null);
        edgeDraws++;
        runningRedraws.mark(System.nanoTime());
        redrawPending = false;
    }

    /** Colour of an edge or bias: its sign, at least a third saturated so thin edges keep their sign. */
    private static Color edgeColor(DivergingColorMap map, double v, double t) {
        if (v == 0) {
            return map.color(0);
        }
        return map.color(Math.signum(v) * (0.35 + 0.65 * Math.min(t, 1)));
    }

    /**
     * Paints a neuron's thumbnail (its field over the input square) at its drawn size; false when
     * the picture it has is still right (the same field: snapshots come faster than fields).
     */
    private boolean paintNeuron(Neuron n, LayerSnapshot ls, FieldSnapshot field, int fieldLayer) {
        if (n.thumbSize == 0) {
            return false; // not laid out yet
        }
        float[] values = null;
        int grid = 0;
        if (field != null && fieldLayer < field.values().length && n.index < field.values()[fieldLayer].length) {
            values = field.node(fieldLayer, n.index);
            grid = field.grid();
        }
        if (values == null && n.painted) {
            return false; // keep the last picture while fields are off
        }
        long revision = palette.revisionProperty().get();
        if (n.paintedRevision == revision && n.paintedValues == values && n.paintedActivation == ls.activation()) {
            return false;
        }
        FieldRange range = FieldRange.forActivation(ls.activation(), values);
        painter.paint(values, grid, range, palette.classMap(), n.thumb, n.thumbSize);
        n.painted = values != null;
        n.paintedValues = values;
        n.paintedActivation = ls.activation();
        n.paintedRevision = revision;
        thumbnailPaints++;
        return true;
    }

    static double[] weightValues(LayerSnapshot ls, EdgeMode mode) {
        return switch (mode) {
            case WEIGHT -> ls.weights();
            case GRADIENT -> ls.weightGradients();
            case UPDATE -> ls.weightUpdates();
        };
    }

    static double[] biasValues(LayerSnapshot ls, EdgeMode mode) {
        return switch (mode) {
            case WEIGHT -> ls.biases();
            case GRADIENT -> ls.biasGradients();
            case UPDATE -> ls.biasUpdates();
        };
    }

    /** Largest finite |value| the mode shows anywhere in the snapshot (weights and biases). */
    static double maxAbs(TrainingSnapshot s, EdgeMode mode) {
        double m = 0;
        for (LayerSnapshot ls : s.layers()) {
            m = Math.max(m, maxAbs(weightValues(ls, mode)));
            m = Math.max(m, maxAbs(biasValues(ls, mode)));
        }
        return m;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        if (a != null) {
            for (double v : a) {
                double x = Math.abs(v);
                if (x > m && x != Double.POSITIVE_INFINITY) {
                    m = x;
                }
            }
        }
        return m;
    }

    private static boolean neuronFrozen(LayerSnapshot ls, int o) {
        if (ls.frozenBiases() == null || !ls.frozenBiases()[o] || ls.frozenWeights() == null) {
            return false;
        }
        for (int i = 0; i < ls.inputs(); i++) {
            if (!ls.frozenWeights()[o * ls.inputs() + i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean layerFrozen(LayerSnapshot ls) {
        for (int o = 0; o < ls.outputs(); o++) {
            if (!neuronFrozen(ls, o)) {
                return false;
            }
        }
        return true;
    }

    private static void setStyleClass(Node n, String styleClass, boolean on) {
        boolean has = n.getStyleClass().contains(styleClass);
        if (on && !has) {
            n.getStyleClass().add(styleClass);
        } else if (!on && has) {
            n.getStyleClass().remove(styleClass);
        }
    }

    // ---- commands ---------------------------------------------------------------------------

    private interface Edit {
        RunConfig apply(RunConfig c);
    }

    /** Applies a topology edit to the current config, or says why it cannot be done. */
    private void edit(Edit edit) {
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

    private static boolean freezeGesture(MouseEvent e) {
        return e.isAltDown() || e.isControlDown() || e.isShortcutDown();
    }

    private LayerSnapshot layer(int l) {
        return snapshot.layers().get(l);
    }

    private void toggleWeight(EdgeRef r) {
        control.freezeWeight(r.layer(), r.out(), r.in(), !layer(r.layer()).frozen(r.out(), r.in()));
    }

    private void toggleBias(int l, int o) {
        control.freezeBias(l, o, !layer(l).frozenBiases()[o]);
    }

    private void toggleNeuron(int l, int o) {
        control.freezeNeuron(l, o, !neuronFrozen(layer(l), o));
    }

    private void toggleLayer(int l) {
        control.freezeLayer(l, !layerFrozen(layer(l)));
    }

    private void editWeight(EdgeRef r, Point2D at) {
        selectedEdge.set(r);
        double current = layer(r.layer()).weight(r.out(), r.in());
        editor.open("Weight " + inputName(r.layer(), r.in()) + " \u2192 " + neuronName(r.layer(), r.out()), current,
                at.getX(), at.getY(), v -> control.setWeight(r.layer(), r.out(), r.in(), v));
    }

    private void editBias(int l, int o, Point2D at) {
        editor.open("Bias of " + neuronName(l, o), layer(l).biases()[o], at.getX(), at.getY(),
                v -> control.setBias(l, o, v));
    }

    private Point2D editorSpot(MouseEvent e) {
        Point2D p = graph.sceneToLocal(e.getSceneX(), e.getSceneY());
        double x = Math.min(p.getX() + 8, Math.max(0, graph.getWidth() - 230));
        double y = Math.min(p.getY() + 8, Math.max(0, graph.getHeight() - 110));
        return new Point2D(x, y);
    }

    private void showMenu(Node anchor, ContextMenuEvent e, MenuItem... items) {
        menu.getItems().setAll(items);
        menu.show(anchor, e.getScreenX(), e.getScreenY());
        e.consume();
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setOnAction((ActionEvent e) -> action.run());
        return m;
    }

    // ---- hover text ---------------------------------------------------------------------------

    private void hover(Supplier<String> source) {
        tipSource = source;
        refreshTip();
    }

    private void refreshTip() {
        if (tipSource != null && snapshot != null) {
            tip.setText(tipSource.get());
        }
    }

    private String neuronName(int l, int o) {
        boolean output = l == snapshot.layers().size() - 1;
        if (output) {
            return layer(l).outputs() == 1 ? "output" : "output " + (o + 1);
        }
        return "layer " + (l + 1) + " neuron " + (o + 1);
    }

    private String inputName(int l, int i) {
        return l == 0 ? snapshot.features().get(i).id() : neuronName(l - 1, i);
    }

    String describeEdge(EdgeRef r) {
        LayerSnapshot ls = layer(r.layer());
        int k = r.out() * ls.inputs() + r.in();
        return "Weight " + inputName(r.layer(), r.in()) + " \u2192 " + neuronName(r.layer(), r.out())
                + "\nvalue: " + ValueFormat.precise(ls.weights()[k])
                + "\ngradient: " + valueAt(ls.weightGradients(), k)
                + "\nlast update: " + valueAt(ls.weightUpdates(), k)
                + "\nfrozen: " + (ls.frozenWeights()[k] ? "yes" : "no")
                + "\nClick to edit, Alt+click to freeze";
    }

    String describeNeuron(int l, int o) {
        LayerSnapshot ls = layer(l);
        String name = neuronName(l, o);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1) + " (" + ls.activation().id() + ")"
                + "\nbias: " + ValueFormat.precise(ls.biases()[o])
                + "\nbias gradient: " + valueAt(ls.biasGradients(), o)
                + "\nbias last update: " + valueAt(ls.biasUpdates(), o)
                + "\nfrozen: " + (neuronFrozen(ls, o) ? "yes" : ls.frozenBiases()[o] ? "bias only" : "no")
                + "\nAlt+click to freeze the neuron";
    }

    String describeBias(int l, int o) {
        LayerSnapshot ls = layer(l);
        return "Bias of " + neuronName(l, o)
                + "\nvalue: " + ValueFormat.precise(ls.biases()[o])
                + "\ngradient: " + valueAt(ls.biasGradients(), o)
                + "\nlast update: " + valueAt(ls.biasUpdates(), o)
                + "\nfrozen: " + (ls.frozenBiases()[o] ? "yes" : "no")
                + "\nClick to edit, Alt+click to freeze";
    }

    private static String valueAt(double[] a, int k) {
        return a == null ? "none yet" : ValueFormat.precise(a[k]);
    }

    // ---- the drawn parts ------------------------------------------------------------------------

    private final class InputNode {
        final Feature feature;
        final StackPane box = new StackPane();
        final WritableImage image = new WritableImage(THUMB, THUMB);
        final Rectangle frame = new Rectangle();
        final Label label;
        int activeIndex = -1;

        InputNode(Feature f) {
            feature = f;
            label = new Label(f.id());
            label.getStyleClass().add(INPUT_LABEL_CLASS);
            label.setMouseTransparent(true);
            ImageView view = new ImageView(image);
            view.setSmooth(true);
            frame.getStyleClass().add(NEURON_FRAME_CLASS);
            frame.setFill(null);
            box.getChildren().addAll(view, frame);
            box.getStyleClass().add(INPUT_CLASS);
            box.setId("input-" + f.id());
            Tooltip.install(box, tip);
            box.setOnMouseEntered(e -> {
                hovered.set(activeIndex >= 0 ? new NodeRef(0, activeIndex) : null);
                hover(() -> "Input " + feature.id() + (activeIndex >= 0 ? " (on)" : " (off)")
                        + "\nClick to switch it " + (activeIndex >= 0 ? "off" : "on"));
            });
            box.setOnMouseExited(e -> hovered.set(null));
            box.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY) {
                    edit(c -> ConfigEdits.toggleFeature(c, feature));
                }
            });
        }
    }

    private final class Neuron {
        final int layer;
        final int index;
        /** The neuron's place: its thumbnail is drawn into the graph image underneath. */
        final StackPane box = new StackPane();
        /** The thumbnail: thumbSize x thumbSize premultiplied ARGB pixels, drawn at (pixelX, pixelY) of the graph image. */
        int[] thumb = new int[0];
        int thumbSize;
        int pixelX;
        int pixelY;
        final Rectangle frame = new Rectangle();
        final FontIcon lock = new FontIcon(LOCK_ICON);
        final StackPane lockBox = new StackPane(lock);
        final Rectangle bias = new Rectangle();
        boolean painted;
        /** What the thumbnail shows: the field values, activation and palette it was painted with. */
        float[] paintedValues;
        ActivationKind paintedActivation;
        long paintedRevision = -1;

        Neuron(int layer, int index) {
            this.layer = layer;
            this.index = index;
            frame.getStyleClass().add(NEURON_FRAME_CLASS);
            frame.setFill(null);
            lock.getStyleClass().add(LOCK_CLASS);
            lockBox.getStyleClass().add("wl-lock-box");
            lockBox.setVisible(false);
            lockBox.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
            StackPane.setAlignment(lockBox, Pos.TOP_RIGHT);
            box.getChildren().addAll(frame, lockBox);
            box.setPickOnBounds(true); // no background of its own: the thumbnail is in the graph image
            box.getStyleClass().add(NEURON_CLASS);
            box.setId("neuron-" + layer + "-" + index);
            Tooltip.install(box, tip);
            box.setOnMouseEntered(e -> {
                hovered.set(new NodeRef(layer + 1, index));
                hover(() -> describeNeuron(layer, index));
            });
            box.setOnMouseExited(e -> hovered.set(null));
            box.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && freezeGesture(e)) {
                    toggleNeuron(layer, index);
                }
            });
            box.setOnContextMenuRequested(e -> {
                boolean frozen = neuronFrozen(layer(layer), index);
                boolean biasFrozen = layer(layer).frozenBiases()[index];
                showMenu(box, e,
                        item(frozen ? "Unfreeze neuron" : "Freeze neuron", () -> toggleNeuron(layer, index)),
                        item(biasFrozen ? "Unfreeze bias" : "Freeze bias", () -> toggleBias(layer, index)),
                        item("Edit bias\u2026", () -> editBias(layer, index,
                                new Point2D(box.getLayoutX() + box.getWidth(), box.getLayoutY()))));
            });

            bias.getStyleClass().add(BIAS_CLASS);
            bias.setId("bias-" + layer + "-" + index);
            bias.setStrokeWidth(1);
            Tooltip.install(bias, tip);
            bias.setOnMouseEntered(e -> hover(() -> describeBias(layer, index)));
            bias.setOnMouseClicked(e -> {
                if (e.getButton() != MouseButton.PRIMARY) {
                    return;
                }
                if (freezeGesture(e)) {
                    toggleBias(layer, index);
                } else {
                    editBias(layer, index, editorSpot(e));
                }
                e.consume();
            });
            bias.setOnContextMenuRequested(e -> {
                boolean biasFrozen = layer(layer).frozenBiases()[index];
                showMenu(bias, e, item(biasFrozen ? "Unfreeze bias" : "Freeze bias", () -> toggleBias(layer, index)),
                        item("Edit bias\u2026", () -> editBias(layer, index,
                                new Point2D(bias.getX() + 12, bias.getY()))));
            });
        }
    }

    private final class Edge {
        final EdgeRef ref;
        /** A wide transparent twin of the drawn edge, so thin edges are easy to hover and click. */
        final CubicCurve hit = new CubicCurve();
        // The drawn curve, in the graph's coordinates: from (x1, y1) to (x2, y2), controls at x mx.
        double x1;
        double y1;
        double mx;
        double x2;
        double y2;
        Color color = Color.TRANSPARENT;
        int argb;
        double width = MIN_EDGE_WIDTH;
        boolean dashed;
        boolean selected;

        Edge(EdgeRef ref) {
            this.ref = ref;
            hit.getStyleClass().add(EDGE_CLASS);
            hit.setFill(null);
            hit.setStroke(Color.TRANSPARENT);
            hit.setStrokeWidth(9);
            // Drawn only while it shows a halo: a transparent 9 px curve still costs rasterizing on
            // every frame the edges change. Opacity 0 keeps it pickable.
            hit.setOpacity(0);
            hit.setId("edge-" + ref.layer() + "-" + ref.out() + "-" + ref.in());
            Tooltip.install(hit, tip);
            hit.setOnMouseEntered(e -> {
                if (!selected) {
                    hit.setStroke(HOVER_HALO);
                    hit.setOpacity(1);
                }
                hover(() -> describeEdge(ref));
            });
            hit.setOnMouseExited(e -> {
                if (!selected) {
                    hit.setStroke(Color.TRANSPARENT);
                    hit.setOpacity(0);
                }
            });
            hit.setOnMouseClicked(e -> {
                if (e.getButton() != MouseButton.PRIMARY) {
                    return;
                }
                if (freezeGesture(e)) {
                    toggleWeight(ref);
                } else {
                    editWeight(ref, editorSpot(e));
                }
                e.consume();
            });
            hit.setOnContextMenuRequested(e -> {
                Point2D at = graph.sceneToLocal(e.getSceneX(), e.getSceneY());
                boolean frozen = layer(ref.layer()).frozen(ref.out(), ref.in());
                showMenu(hit, e, item(frozen ? "Unfreeze weight" : "Freeze weight", () -> toggleWeight(ref)),
                        item("Edit weight\u2026", () -> editWeight(ref, at)));
            });
        }

        /** Takes a new look; true when it differs from the one drawn. */
        boolean restyle(Color c, double w, boolean frozen) {
            if (c.equals(color) && w == width && frozen == dashed) {
                return false;
            }
            color = c;
            argb = DivergingColorMap.argb(c);
            width = w;
            if (frozen != dashed) {
                dashed = frozen;
                setStyleClass(hit, FROZEN_CLASS, frozen);
            }
            return true;
        }

        /** Moves the curve; true when it moved. */
        boolean place(double ax, double ay, double cx, double bx, double by) {
            if (ax == x1 && ay == y1 && cx == mx && bx == x2 && by == y2) {
                return false;
            }
            x1 = ax;
            y1 = ay;
            mx = cx;
            x2 = bx;
            y2 = by;
            curve(hit, ax, ay, cx, bx, by);
            return true;
        }
    }

    private final class Header {
        final boolean output;
        final VBox box = new VBox(2);
        final Label title = new Label();
        final FontIcon lock = new FontIcon(LOCK_ICON);
        final Label count = new Label();
        final Button minus = new Button("\u2212");
        final Button plus = new Button("+");
        final ComboBox<ActivationKind> activation = new ComboBox<>();
        int neurons;

        Header(int layer, boolean output) {
            this.output = output;
            box.getStyleClass().add(HEADER_CLASS);
            box.setId("header-" + layer);
            box.setAlignment(Pos.TOP_CENTER);
            title.setText(output ? "Output" : "Layer " + (layer + 1));
            title.getStyleClass().add(HEADER_TITLE_CLASS);
            lock.getStyleClass().add(LOCK_CLASS);
            lock.setVisible(false);
            lock.setManaged(false);
            HBox titleRow = new HBox(4, title, lock);
            titleRow.setAlignment(Pos.CENTER);
            box.getChildren().add(titleRow);
            if (!output) {
                minus.setId("removeNeuron-" + layer);
                plus.setId("addNeuron-" + layer);
                minus.getStyleClass().addAll("wl-small-button");
                plus.getStyleClass().addAll("wl-small-button");
                minus.setOnAction(e -> edit(c -> ConfigEdits.changeNeurons(c, layer, -1)));
                plus.setOnAction(e -> edit(c -> ConfigEdits.changeNeurons(c, layer, 1)));
                count.getStyleClass().add("wl-neuron-count");
                count.setMinWidth(Region.USE_PREF_SIZE);
                count.setTooltip(new Tooltip("Neurons in this layer"));
                HBox row = new HBox(3, minus, count, plus);
                row.setAlignment(Pos.CENTER);
                box.getChildren().add(row);
            }
            activation.setId(output ? "outputActivation" : "activation-" + layer);
            activation.getItems().setAll(output ? List.of(ActivationKind.values()) : ConfigEdits.hiddenChoices());
            StringConverter<ActivationKind> names = new StringConverter<>() {
                @Override
                public String toString(ActivationKind a) {
                    return a == null ? "" : a.id();
                }

                @Override
                public ActivationKind fromString(String s) {
                    return ActivationKind.fromId(s);
                }
            };
            activation.setConverter(names);
            activation.setButtonCell(new ListCell<>() {
                @Override
                protected void updateItem(ActivationKind a, boolean empty) {
                    super.updateItem(a, empty);
                    setText(empty || a == null ? "" : a.id());
                }
            });
            activation.setTooltip(new Tooltip(output ? "Output activation (the loss follows)" : "Activation"));
            activation.setMaxWidth(Double.MAX_VALUE);
            activation.valueProperty().addListener((obs, old, now) -> {
                if (updatingControls || now == null || old == null) {
                    return;
                }
                edit(c -> output ? ConfigEdits.setOutputActivation(c, now)
                        : ConfigEdits.setHiddenActivation(c, layer, now));
            });
            box.getChildren().add(activation);
            Tooltip.install(title, new Tooltip("Alt+click or right-click to freeze the whole layer"));
            box.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && freezeGesture(e)) {
                    toggleLayer(layer);
                }
            });
            box.setOnContextMenuRequested(e -> {
                boolean frozen = layerFrozen(layer(layer));
                showMenu(box, e, item(frozen ? "Unfreeze layer" : "Freeze layer", () -> toggleLayer(layer)));
            });
        }
    }

    /** Lays the columns out to fit its size; the nodes stay, only positions change. */
    private final class GraphPane extends Pane {
        Label inputTitle;

        @Override
        protected void layoutChildren() {
            TrainingSnapshot s = snapshot;
            if (s == null || topology == null) {
                editorLayout();
                return;
            }
            double w = getWidth();
            double h = getHeight();
            int layerCount = s.layers().size();
            int columns = layerCount + 1;
            int tallest = inputs.length;
            for (LayerSnapshot ls : s.layers()) {
                tallest = Math.max(tallest, ls.outputs());
            }
            double top = HEADER_HEIGHT;
            double availH = Math.max(h - top - PAD, 40);
            double size = Math.max(12, Math.min(MAX_NODE, availH / (tallest * 1.3)));
            double gap = Math.min(size * 0.3, (availH - tallest * size) / Math.max(tallest - 1, 1));
            gap = Math.max(gap, 2);
            double firstX = PAD + LABEL_WIDTH + size / 2;
            double headerW = Math.min(140, Math.max(76, (w - firstX) / columns - 6));
            double lastX = Math.max(firstX + 1, w - PAD - headerW / 2);
            boolean compact = headerW < 130;
            if (compact != compactHeaders) {
                compactHeaders = compact;
                for (Header hd : headers) {
                    hd.count.setText(countText(hd.neurons));
                }
            }
            double step = (lastX - firstX) / Math.max(columns - 1, 1);
            double edgeWidth = Math.max(2, Math.min(7, size / 6));
            if (edgeWidth != maxEdgeWidth) {
                maxEdgeWidth = edgeWidth;
                restyle();
            }

            // Nodes sit on whole device pixels, so each thumbnail is copied into the graph image
            // pixel for pixel and the edges end exactly at the nodes' sides.
            double k = renderScale();
            size = Math.max(1, Math.floor(size * k)) / k;
            double[] left = new double[columns];
            for (int c = 0; c < columns; c++) {
                left[c] = snap(firstX + step * c - size / 2, k);
            }
            double[] inY = columnYs(inputs.length, size, gap, top, availH, k);
            for (InputNode in : inputs) {
                double y = inY[in.feature.ordinal()];
                place(in.box, in.frame, left[0], y, size);
                in.label.autosize();
                in.label.relocate(left[0] - 6 - in.label.getWidth(), y + (size - in.label.getHeight()) / 2);
            }
            inputTitle.autosize();
            inputTitle.relocate(Math.max(2, firstX - inputTitle.getWidth() / 2 - LABEL_WIDTH / 2), PAD);

            double[][] ys = new double[layerCount][];
            double bias = Math.max(7, size * 0.26);
            int thumbSize = (int) Math.round(size * k);
            double minY = Double.POSITIVE_INFINITY;
            double maxY = Double.NEGATIVE_INFINITY;
            for (int l = 0; l < layerCount; l++) {
                double x = left[l + 1];
                double cx = x + size / 2;
                ys[l] = columnYs(neurons[l].length, size, gap, top, availH, k);
                for (Neuron n : neurons[l]) {
                    double y = ys[l][n.index];
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y + size);
                    place(n.box, n.frame, x, y, size);
                    n.bias.setWidth(bias);
                    n.bias.setHeight(bias);
                    n.bias.setX(x - bias * 0.6);
                    n.bias.setY(y + size - bias * 0.4);
                    n.lock.setIconSize((int) Math.max(10, Math.round(size * 0.42)));
                    if (n.thumbSize != thumbSize) {
                        n.thumb = resized(n.thumb, n.thumbSize, thumbSize);
                        n.thumbSize = thumbSize;
                        n.paintedValues = null; // paint again at the new size
                        n.paintedRevision = -1;
                    }
                }
                Header hd = headers[l];
                double hh = hd.box.prefHeight(headerW);
                hd.box.resizeRelocate(Math.min(cx - headerW / 2, w - headerW - 2), PAD, headerW, hh);
            }

            boolean moved = false;
            for (int l = 0; l < layerCount; l++) {
                LayerSnapshot ls = s.layers().get(l);
                double x1 = left[l] + size;
                double x2 = left[l + 1];
                double mx = (x1 + x2) / 2;
                for (int o = 0; o < ls.outputs(); o++) {
                    double y2 = ys[l][o] + size / 2;
                    for (int i = 0; i < ls.inputs(); i++) {
                        double y1 = (l == 0 ? inY[s.features().get(i).ordinal()] : ys[l - 1][i]) + size / 2;
                        minY = Math.min(minY, y1);
                        maxY = Math.max(maxY, y1);
                        moved |= edges[l][o * ls.inputs() + i].place(x1, y1, mx, x2, y2);
                    }
                }
            }
            // The image spans the edges and the neurons, with room for the widest stroke (the
            // selection glow stays a node of its own).
            double margin = maxEdgeWidth / 2 + 2;
            boolean placed = placeEdgeImage(left[0] + size - 1, minY - margin, left[columns - 1] + size + 1,
                    maxY + margin, k);
            for (Neuron[] layer : neurons) {
                for (Neuron n : layer) {
                    n.pixelX = (int) Math.round((n.box.getLayoutX() - edgeOriginX) * k);
                    n.pixelY = (int) Math.round((n.box.getLayoutY() - edgeOriginY) * k);
                }
            }
            boolean repainted = false;
            for (int l = 0; l < layerCount; l++) {
                for (Neuron n : neurons[l]) {
                    repainted |= paintNeuron(n, s.layers().get(l), s.field(), l + 1);
                }
            }
            if (placed || moved || repainted) {
                drawGraphImage();
            }
            editorLayout();
        }

        private double renderScale() {
            Window window = getScene() == null ? null : getScene().getWindow();
            return window == null ? 1 : Math.max(1, window.getRenderScaleX());
        }

        /** Sizes the graph image to cover [x0, x1] x [y0, y1], k pixels a unit; true when it changed. */
        private boolean placeEdgeImage(double x0, double y0, double x1, double y1, double k) {
            double ox = Math.floor(x0 * k) / k;
            double oy = Math.floor(y0 * k) / k;
            int pw = Math.max(1, (int) Math.ceil((x1 - ox) * k));
            int ph = Math.max(1, (int) Math.ceil((y1 - oy) * k));
            boolean same = raster != null && raster.width() == pw && raster.height() == ph && k == edgeScale;
            if (same && ox == edgeOriginX && oy == edgeOriginY) {
                return false;
            }
            if (!same) {
                raster = new EdgeRaster(pw, ph);
                edgeBuffer = new PixelBuffer<>(pw, ph, IntBuffer.wrap(raster.pixels()),
                        PixelFormat.getIntArgbPreInstance());
                edgeView.setImage(new WritableImage(edgeBuffer));
                edgeView.setFitWidth(pw / k);
                edgeView.setFitHeight(ph / k);
                edgeScale = k;
            }
            edgeOriginX = ox;
            edgeOriginY = oy;
            edgeView.setLayoutX(ox);
            edgeView.setLayoutY(oy);
            return true;
        }

        private void editorLayout() {
            if (editor.isVisible()) {
                editor.autosize();
            }
        }

        private double[] columnYs(int n, double size, double gap, double top, double availH, double k) {
            double height = n * size + (n - 1) * gap;
            double y0 = top + Math.max(0, (availH - height) / 2);
            double[] ys = new double[n];
            for (int i = 0; i < n; i++) {
                ys[i] = snap(y0 + i * (size + gap), k);
            }
            return ys;
        }

        private void place(StackPane box, Rectangle frame, double x, double y, double size) {
            frame.setWidth(size);
            frame.setHeight(size);
            for (Node c : box.getChildren()) {
                if (c instanceof ImageView v) {
                    v.setFitWidth(size);
                    v.setFitHeight(size);
                }
            }
            box.resizeRelocate(x, y, size, size);
        }
    }

    /** {@code v} rounded to a whole device pixel at {@code k} pixels a unit. */
    private static double snap(double v, double k) {
        return Math.round(v * k) / k;
    }

    /** A thumbnail's pixels at a new size, nearest sample (kept while fields are off; repainted otherwise). */
    private static int[] resized(int[] src, int from, int to) {
        int[] dst = new int[to * to];
        if (from == 0) {
            return dst;
        }
        for (int y = 0; y < to; y++) {
            int sy = y * from / to;
            for (int x = 0; x < to; x++) {
                dst[y * to + x] = src[sy * from + x * from / to];
            }
        }
        return dst;
    }

    private static void curve(CubicCurve c, double x1, double y1, double mx, double x2, double y2) {
        c.setStartX(x1);
        c.setStartY(y1);
        c.setControlX1(mx);
        c.setControlY1(y1);
        c.setControlX2(mx);
        c.setControlY2(y2);
        c.setEndX(x2);
        c.setEndY(y2);
    }
}
