package org.weightlab.ui.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.weightlab.analysis.ClassRule;
import org.weightlab.analysis.SnapshotForward;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.data.Dataset;
import org.weightlab.session.LayerSnapshot;
import org.weightlab.session.SessionState;
import org.weightlab.session.TrainingControl;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.digits.InkReduction;
import org.weightlab.ui.digits.PixelPicture;
import org.weightlab.ui.digits.WeightPictures;
import org.weightlab.ui.fx.Redraw;
import org.weightlab.ui.theme.Palette;

/**
 * The network in image mode, for digits: the input as the 8x8 picture of a test example (arrows
 * pick another), each first-layer neuron's 64 incoming weights as an 8x8 picture on the diverging
 * palette (what the neuron looks for) with its output for the example, and the deeper layers as
 * columns of neurons ({@link DeepLayersCanvas}). Follows the run live, at most
 * {@link #RUNNING_PER_SECOND} times a second while it trains.
 */
public final class ImageNetworkView extends ScrollPane {

    /** Redraws a second, at most, while the run trains. */
    static final double RUNNING_PER_SECOND = 10;
    /** Style class of a frozen neuron's tile. */
    static final String FROZEN_CLASS = "wl-frozen";
    /** Side of a weight picture, in pixels. */
    static final double TILE = 56;

    private static final int SNAPSHOT = 1;
    private static final int EXAMPLE = 2;

    private final Palette palette;
    private final PixelPicture input;
    private final Label exampleText = new Label();
    private final Button previous = new Button(null, new FontIcon("mdi2c-chevron-left"));
    private final Button next = new Button(null, new FontIcon("mdi2c-chevron-right"));
    private final Label layerTitle = new Label();
    private final FlowPane tiles = new FlowPane(6, 6);
    private final List<PixelPicture> weightPictures = new ArrayList<>();
    private final List<Label> neuronOutputs = new ArrayList<>();
    private final DeepLayersCanvas deep;
    private final Redraw redraw;
    private final ImageFreezing freezing;
    /** The convolutions, shown in place of the first layer's pictures when the network has some. */
    private final ConvColumn convColumn;
    private VBox layerBox;
    /** Each first-layer neuron's tile (picture, output, lock), styled {@value #FROZEN_CLASS} when frozen. */
    private final List<VBox> neuronTiles = new ArrayList<>();
    private TrainingSnapshot snapshot;
    private int example;

    public ImageNetworkView(Palette palette, TrainingControl control) {
        this.palette = palette;
        this.input = new PixelPicture(palette, InkReduction.CELLS, PixelPicture.Scale.INK, 144);
        this.deep = new DeepLayersCanvas(palette);
        this.freezing = new ImageFreezing(control, () -> snapshot);
        this.convColumn = new ConvColumn(palette, control);
        createView();
        redraw = new Redraw(tiles, this::draw).pace(SNAPSHOT, RUNNING_PER_SECOND);
        palette.revisionProperty().addListener((o, was, now) -> redraw.mark(EXAMPLE));
    }

    /** Whether {@code s} is drawn in image mode: its data are the 8x8 digits. */
    public static boolean applies(TrainingSnapshot s) {
        return s != null && s.config().dataset() == DatasetKind.DIGITS
                && (s.layers().get(0).inputs() == InkReduction.CELLS * InkReduction.CELLS || !s.conv().isEmpty());
    }

    private void createView() {
        setId("imageNetwork");
        getStyleClass().add("wl-image-network");
        setFitToWidth(true);
        input.setId("imageInput");
        exampleText.setId("imageExample");
        exampleText.setWrapText(true);
        exampleText.setMaxWidth(170);
        previous.setId("imagePrevious");
        next.setId("imageNext");
        previous.setTooltip(new Tooltip("The test example before"));
        next.setTooltip(new Tooltip("The next test example"));
        previous.setOnAction(e -> pick(example - 1));
        next.setOnAction(e -> pick(example + 1));
        Label inputTitle = title("Input");
        HBox arrows = new HBox(6, previous, next);
        VBox inputBox = new VBox(6, inputTitle, input, arrows, exampleText);
        inputBox.setMinWidth(160);

        layerTitle.getStyleClass().add(StyleClasses.HEADER_TITLE_CLASS);
        layerTitle.setWrapText(true);
        tiles.setId("imageWeightTiles");
        tiles.setAlignment(Pos.TOP_LEFT);
        Label legend = new Label("Each picture is a neuron's 64 incoming weights. Blue: ink there raises "
                + "its sum; orange: ink there lowers it. The number is its output for the input. Alt+click a "
                + "picture, a neuron or a layer's title to freeze it (dashed: frozen).");
        legend.setWrapText(true);
        legend.getStyleClass().add("wl-image-legend");
        layerBox = new VBox(6, layerTitle, tiles, legend);
        // room for six pictures a row; on a narrow (projector) screen the parts wrap below each other
        layerBox.setPrefWidth(6 * (TILE + 6) + 8);
        layerBox.setMinWidth(3 * (TILE + 6));
        tiles.setPrefWrapLength(6 * (TILE + 6));

        layerTitle.setId("imageLayerTitle");
        freezing.attachLayer(layerTitle, 0);
        deep.setId("imageDeepLayers");
        freezing.attachColumns(deep);
        showConv(false);
        FlowPane row = new FlowPane(16, 12, inputBox, convColumn, layerBox, deep);
        row.setAlignment(Pos.TOP_LEFT);
        row.setPadding(new Insets(8));
        setContent(row);
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(StyleClasses.HEADER_TITLE_CLASS);
        return l;
    }

    /** Draws {@code s} (on a coming pulse; paced while the run trains). */
    public void show(TrainingSnapshot s) {
        boolean first = snapshot == null || snapshot.data() != s.data();
        snapshot = s;
        if (first) {
            example = 0;
        }
        redraw.mark(s.state() == SessionState.RUNNING && !first ? SNAPSHOT : EXAMPLE);
    }

    /** The test example shown as the input. */
    public int example() {
        return example;
    }

    /** Shows test example {@code i} (wrapping around) as the input. */
    public void pick(int i) {
        Dataset test = testSet();
        if (test == null || test.size() == 0) {
            return;
        }
        example = Math.floorMod(i, test.size());
        redraw.mark(EXAMPLE);
    }

    /** Draws what is waiting now (tests, pictures taken off screen). */
    public void drawNow() {
        redraw.mark(EXAMPLE);
        redraw.drawNow();
        deep.drawNow();
    }

    PixelPicture inputPicture() {
        return input;
    }

    List<PixelPicture> weightPictures() {
        return weightPictures;
    }

    List<Label> neuronOutputs() {
        return neuronOutputs;
    }

    private Dataset testSet() {
        return snapshot == null || snapshot.data() == null ? null : snapshot.data().test();
    }

    private void draw(int bits) {
        TrainingSnapshot s = snapshot;
        if (s == null) {
            return;
        }
        LayerSnapshot first = s.layers().get(0);
        boolean conv = !s.conv().isEmpty();
        showConv(conv);
        if (weightPictures.size() != first.outputs()) {
            build(first.outputs());
        }
        layerTitle.setText(String.format(Locale.ROOT, "Layer 1: what each of its %d neurons looks for",
                first.outputs()));
        for (int o = 0; o < first.outputs() && !conv; o++) {
            double[] w = WeightPictures.incoming(first, o);
            weightPictures.get(o).show(w, WeightPictures.range(w));
        }
        Dataset test = testSet();
        int pixels = InkReduction.CELLS * InkReduction.CELLS;
        double[] x = test == null || test.size() == 0 ? new double[pixels] : test.row(example);
        input.show(x);
        // with convolutions, the first dense layer reads their feature maps
        double[] denseIn = conv ? convColumn.show(s.conv(), x, InkReduction.CELLS) : x;
        SnapshotForward net = new SnapshotForward(s.layers());
        net.forward(denseIn, 0);
        double[][] outputs = new double[net.layerCount()][];
        for (int l = 0; l < outputs.length; l++) {
            outputs[l] = net.layerOutputs(l).clone();
        }
        for (int o = 0; o < first.outputs(); o++) {
            neuronOutputs.get(o).setText(String.format(Locale.ROOT, "%+.2f", outputs[0][o]));
            markFrozen(neuronTiles.get(o), GraphValues.neuronFrozen(first, o));
        }
        ClassRule rule = ClassRule.of(s.config());
        if (test != null && test.size() > 0) {
            String label = rule == null ? Double.toString(test.label(example))
                    : rule.names().get(rule.ofLabel(test.label(example)));
            String predicted = rule == null ? "" : rule.names().get(rule.ofOutputs(outputs[outputs.length - 1]));
            exampleText.setText(String.format(Locale.ROOT, "Test example %d of %d: a %s; the network says %s",
                    example + 1, test.size(), label, predicted));
        } else {
            exampleText.setText("No test examples.");
        }
        deep.setFont(exampleText.getFont());
        deep.show(s.layers(), outputs, rule == null ? null : rule.names());
    }

    /** The convolution column in place of the first layer's pictures, or the pictures. */
    private void showConv(boolean conv) {
        convColumn.setVisible(conv);
        convColumn.setManaged(conv);
        layerBox.setVisible(!conv);
        layerBox.setManaged(!conv);
    }

    private void build(int neurons) {
        tiles.getChildren().clear();
        weightPictures.clear();
        neuronOutputs.clear();
        neuronTiles.clear();
        for (int o = 0; o < neurons; o++) {
            PixelPicture p = new PixelPicture(palette, InkReduction.CELLS, PixelPicture.Scale.DIVERGING, TILE);
            Tooltip.install(p, new Tooltip("Neuron " + (o + 1) + ": its weights from the 64 pixels, "
                    + "scaled to its largest. Alt+click or right-click: freeze or unfreeze it"));
            Label out = new Label();
            out.getStyleClass().add("wl-image-output");
            FontIcon lock = new FontIcon("mdi2l-lock");
            lock.getStyleClass().add("wl-image-lock");
            lock.setVisible(false);
            out.setGraphic(lock);
            VBox tile = new VBox(2, p, out);
            tile.setId("imageNeuron" + o);
            tile.getStyleClass().add("wl-image-tile");
            tile.setAlignment(Pos.CENTER);
            freezing.attachNeuron(tile, 0, o);
            weightPictures.add(p);
            neuronOutputs.add(out);
            neuronTiles.add(tile);
            tiles.getChildren().add(tile);
        }
    }

    private static void markFrozen(VBox tile, boolean frozen) {
        if (frozen != tile.getStyleClass().contains(FROZEN_CLASS)) {
            if (frozen) {
                tile.getStyleClass().add(FROZEN_CLASS);
            } else {
                tile.getStyleClass().remove(FROZEN_CLASS);
            }
        }
        ((Label) tile.getChildren().get(1)).getGraphic().setVisible(frozen);
    }

    /** Whether first-layer neuron {@code o}'s tile shows it frozen. */
    boolean tileShowsFrozen(int o) {
        return neuronTiles.get(o).getStyleClass().contains(FROZEN_CLASS);
    }

    VBox neuronTile(int o) {
        return neuronTiles.get(o);
    }

    DeepLayersCanvas deepLayers() {
        return deep;
    }

    ConvColumn convColumn() {
        return convColumn;
    }

    Label layerTitle() {
        return layerTitle;
    }
}
