package org.weightlab.ui.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.weightlab.engine.ConvLayer;
import org.weightlab.explain.ConvSharing;
import org.weightlab.session.ConvSnapshot;
import org.weightlab.session.TrainingControl;
import org.weightlab.ui.digits.PixelPicture;
import org.weightlab.ui.digits.WeightPictures;
import org.weightlab.ui.theme.Palette;

/**
 * The convolutions in image mode, between the input picture and the dense layers: for each kernel
 * its k x k weights as a picture on the diverging palette (live) and, beside it, its feature map
 * for the picked example (after the activation, by the module's own forward pass); a line sets
 * the kernels' parameter count beside a dense layer's of the same outputs. Hovering a picture
 * names the value under the pointer; Alt+click (or the context menu) on a kernel freezes it.
 */
final class ConvColumn extends VBox {

    /** Side of a kernel picture, in pixels. */
    static final double KERNEL_SIDE = 48;
    /** Side of a feature-map picture, in pixels. */
    static final double MAP_SIDE = 72;
    /** Width of one kernel's tile: its picture, the arrow, its map and the frame. */
    private static final double TILE_WIDTH = KERNEL_SIDE + MAP_SIDE + 40;

    private final Palette palette;
    private final TrainingControl control;
    private final Label title = new Label();
    private final FlowPane tiles = new FlowPane(10, 8);
    private final Label parameters = new Label();
    private final Label hover = new Label(" ");
    private final List<Kernel> kernels = new ArrayList<>();
    private final ContextMenu menu = new ContextMenu();
    private List<ConvSnapshot> conv = List.of();

    /** One kernel's tile: its picture per input channel, its feature map, the caption with the lock. */
    private record Kernel(int conv, int index, VBox tile, List<PixelPicture> weights, PixelPicture map,
                          Label caption) {
    }

    ConvColumn(Palette palette, TrainingControl control) {
        this.palette = palette;
        this.control = control;
        setId("imageConv");
        setSpacing(6);
        title.getStyleClass().add(StyleClasses.HEADER_TITLE_CLASS);
        title.setWrapText(true);
        title.setId("imageConvTitle");
        tiles.setId("imageConvTiles");
        parameters.setId("imageConvParameters");
        parameters.setWrapText(true);
        parameters.getStyleClass().add("wl-image-legend");
        hover.setId("imageConvHover");
        hover.getStyleClass().add("wl-image-output");
        Label legend = new Label("Left, each kernel's weights: the same few numbers slide over every position "
                + "of the picture. Right, its feature map for the input: blue where the kernel finds its "
                + "pattern. Alt+click a kernel to freeze it (dashed: frozen).");
        legend.setWrapText(true);
        legend.getStyleClass().add("wl-image-legend");
        getChildren().addAll(title, tiles, hover, parameters, legend);
        setMinWidth(TILE_WIDTH);
    }

    /**
     * Shows the convolutions with {@code x} (the network's inputs) as the example; returns the
     * last one's flattened feature maps, which the first dense layer reads.
     */
    double[] show(List<ConvSnapshot> conv, double[] x, int inputSide) {
        this.conv = conv;
        if (kernels.size() != kernelCount(conv) || kernels.isEmpty()
                || kernels.get(0).weights().size() != conv.get(0).channelsIn()) {
            build(conv);
        }
        ConvSnapshot first = conv.get(0);
        title.setText(conv.size() == 1
                ? String.format(Locale.ROOT, "Convolution: %d kernels of %dx%d slide over the %dx%d picture",
                        first.channels(), first.kernel(), first.kernel(), inputSide, inputSide)
                : String.format(Locale.ROOT, "%d convolutions, then the dense layers", conv.size()));
        StringBuilder counts = new StringBuilder();
        double[] in = x;
        int t = 0;
        for (int c = 0; c < conv.size(); c++) {
            ConvSnapshot cs = conv.get(c);
            ConvLayer.FeatureMaps maps = cs.featureMaps(in);
            double mapRange = WeightPictures.range(maps.a());
            double kernelRange = WeightPictures.range(cs.weights());
            for (int o = 0; o < cs.channels(); o++, t++) {
                Kernel k = kernels.get(t);
                for (int i = 0; i < cs.channelsIn(); i++) {
                    k.weights().get(i).show(cs.kernelPicture(o, i), kernelRange);
                }
                k.map().show(maps.map(o), mapRange);
                boolean frozen = cs.kernelFrozen(o);
                StyleClasses.set(k.tile(), ImageNetworkView.FROZEN_CLASS, frozen);
                k.caption().getGraphic().setVisible(frozen);
            }
            counts.append(c == 0 ? "" : "\n").append(conv.size() > 1 ? (c + 1) + ". " : "")
                    .append(ConvSharing.line(cs.channels(), cs.channelsIn(), cs.kernel(), in.length, cs.outputs()));
            in = maps.a();
        }
        parameters.setText(counts.toString());
        return in;
    }

    private static int kernelCount(List<ConvSnapshot> conv) {
        return conv.stream().mapToInt(ConvSnapshot::channels).sum();
    }

    private void build(List<ConvSnapshot> conv) {
        // up to four kernels in one column; more in two, so that sixteen stay on a screen
        int across = kernelCount(conv) <= 4 ? 1 : 2;
        tiles.setPrefWrapLength(across * (TILE_WIDTH + tiles.getHgap()));
        setPrefWidth(Math.max(240, across * (TILE_WIDTH + tiles.getHgap())));
        tiles.getChildren().clear();
        kernels.clear();
        for (int c = 0; c < conv.size(); c++) {
            ConvSnapshot cs = conv.get(c);
            double side = cs.channelsIn() == 1 ? KERNEL_SIDE : Math.max(14, KERNEL_SIDE / Math.ceil(Math.sqrt(
                    cs.channelsIn())));
            for (int o = 0; o < cs.channels(); o++) {
                FlowPane channelPictures = new FlowPane(2, 2);
                channelPictures.setPrefWrapLength(KERNEL_SIDE);
                channelPictures.setMaxWidth(KERNEL_SIDE);
                List<PixelPicture> pictures = new ArrayList<>();
                for (int i = 0; i < cs.channelsIn(); i++) {
                    PixelPicture p = new PixelPicture(palette, cs.kernel(), PixelPicture.Scale.DIVERGING, side);
                    p.setId("imageKernel" + c + "_" + o + "_" + i);
                    hoverValues(p, c, o, i, true);
                    pictures.add(p);
                    channelPictures.getChildren().add(p);
                }
                PixelPicture map = new PixelPicture(palette, cs.outHeight(), PixelPicture.Scale.DIVERGING, MAP_SIDE);
                map.setId("imageMap" + c + "_" + o);
                hoverValues(map, c, o, 0, false);
                Label caption = new Label((conv.size() > 1 ? (c + 1) + "." : "") + "kernel " + (o + 1));
                caption.getStyleClass().add("wl-image-output");
                FontIcon lock = new FontIcon(StyleClasses.LOCK_ICON);
                lock.getStyleClass().add("wl-image-lock");
                lock.setVisible(false);
                caption.setGraphic(lock);
                Label arrow = new Label("\u2192");
                HBox pair = new HBox(6, channelPictures, arrow, map);
                pair.setAlignment(Pos.CENTER_LEFT);
                VBox tile = new VBox(2, pair, caption);
                tile.setId("imageKernelTile" + c + "_" + o);
                tile.getStyleClass().add("wl-image-tile");
                Tooltip.install(channelPictures, new Tooltip("Kernel " + (o + 1) + ": its " + cs.kernel() + "x"
                        + cs.kernel() + " weights, the same at every position. Alt+click or right-click: freeze or "
                        + "unfreeze it"));
                attachFreezing(channelPictures, c, o);
                kernels.add(new Kernel(c, o, tile, pictures, map, caption));
                tiles.getChildren().add(tile);
            }
        }
    }

    /** Names the value under the pointer on the hover line. */
    private void hoverValues(PixelPicture p, int c, int o, int channel, boolean kernel) {
        p.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            double[] v = p.values();
            if (v == null) {
                return;
            }
            int side = (int) Math.round(Math.sqrt(v.length));
            int col = Math.min(side - 1, Math.max(0, (int) (e.getX() / p.getWidth() * side)));
            int row = Math.min(side - 1, Math.max(0, (int) (e.getY() / p.getHeight() * side)));
            String what = kernel ? "Kernel " + (o + 1) + (conv.get(c).channelsIn() > 1 ? ", input channel "
                    + (channel + 1) : "") + ", weight at row " + (row + 1) + ", column " + (col + 1)
                    : "Feature map " + (o + 1) + " at row " + (row + 1) + ", column " + (col + 1);
            hover.setText(String.format(Locale.ROOT, "%s: %+.3f", what, v[row * side + col]));
        });
        p.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover.setText(" "));
    }

    private void attachFreezing(Node node, int c, int o) {
        node.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && ImageFreezing.gesture(e) && toggle(c, o)) {
                e.consume();
            }
        });
        node.setOnContextMenuRequested(e -> {
            if (c < conv.size()) {
                MenuItem item = new MenuItem(conv.get(c).kernelFrozen(o) ? "Unfreeze kernel" : "Freeze kernel");
                item.setOnAction(a -> toggle(c, o));
                menu.getItems().setAll(item);
                menu.show(node, e.getScreenX(), e.getScreenY());
                e.consume();
            }
        });
    }

    private boolean toggle(int c, int o) {
        if (c >= conv.size() || o >= conv.get(c).channels()) {
            return false;
        }
        control.freezeKernel(c, o, !conv.get(c).kernelFrozen(o));
        return true;
    }

    // ---- for tests ----

    List<PixelPicture> kernelPictures() {
        return kernels.stream().map(k -> k.weights().get(0)).toList();
    }

    List<PixelPicture> mapPictures() {
        return kernels.stream().map(Kernel::map).toList();
    }

    VBox kernelTile(int t) {
        return kernels.get(t).tile();
    }

    Label parametersLine() {
        return parameters;
    }

    Label hoverLine() {
        return hover;
    }
}
