package org.weightlab.ui.network;

import java.util.List;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;
import javafx.stage.Window;
import org.weightlab.session.LayerSnapshot;
import org.weightlab.session.TrainingSnapshot;

/**
 * Lays the graph's columns out to fit its size: the input column, one column per layer, the
 * headers above them, the edges between them and the graph image under them. The nodes stay;
 * only positions and sizes change.
 */
final class GraphPane extends Pane {
    /** Largest drawn node, in pixels: big enough to read from the back of a lecture hall. */
    static final double MAX_NODE = 52;
    static final double HEADER_HEIGHT = 92;
    static final double LABEL_WIDTH = 66;
    static final double PAD = 10;
    /** The most of a column's width a node takes; the rest is for the edges. */
    static final double NODE_SHARE = 0.5;
    /** Narrowest header: a short title and the neuron count. */
    static final double MIN_HEADER = 34;
    /** Headers narrower than this drop their buttons and activation menu (eight layers on a projector). */
    static final double FULL_HEADER = 76;
    /** A layer title's type size at 100% (network.css): the header widths above are for it. */
    static final double TITLE_PX = 15;

    private final GraphImage image;
    private final NeuronThumbnails thumbnails;
    private final ValueEditor editor;
    /** Restyles the edges when their widest width changed with the node size. */
    private final Runnable restyle;
    /** The invisible (pickable) twins of the edges, for hovering and clicking. */
    private final Group edgeLayer = new Group();
    private TrainingSnapshot snapshot;
    private GraphParts parts;
    private double maxEdgeWidth = 5;
    /** How much of the columns' width the headers have: {@link LayerHeader#FULL} and narrower. */
    private int headerMode = LayerHeader.FULL;

    GraphPane(GraphImage image, NeuronThumbnails thumbnails, ValueEditor editor, Runnable restyle) {
        this.image = image;
        this.thumbnails = thumbnails;
        this.editor = editor;
        this.restyle = restyle;
        getChildren().addAll(image.view(), edgeLayer, editor);
    }

    /** Widest edge at the current node size, in units. */
    double maxEdgeWidth() {
        return maxEdgeWidth;
    }

    /** How many nodes the drawing holds (a rebuild replaces them all). */
    int drawnNodeCount() {
        return getChildren().size() + edgeLayer.getChildren().size();
    }

    /** The snapshot the next layout places. */
    void setSnapshot(TrainingSnapshot s) {
        snapshot = s;
    }

    /** Takes a new topology's parts in place of the old ones. */
    void setParts(GraphParts p) {
        parts = p;
        List<Node> nodes = p.placedNodes();
        // GraphPane places every node itself; unmanaged nodes are layout roots, so a thumbnail's new
        // pixels or an edge's new width do not make the whole graph lay out again each frame
        for (Node n : nodes) {
            n.setManaged(false);
        }
        for (LayerHeader h : p.headers) {
            h.setMode(headerMode);
        }
        edgeLayer.getChildren().setAll(p.edgeHits());
        nodes.add(0, edgeLayer);
        nodes.add(0, image.view());
        nodes.add(editor);
        getChildren().setAll(nodes);
    }

    @Override
    protected void layoutChildren() {
        TrainingSnapshot s = snapshot;
        GraphParts p = parts;
        if (s == null || p == null) {
            editorLayout();
            return;
        }
        double w = getWidth();
        double h = getHeight();
        int layerCount = s.layers().size();
        int columns = layerCount + 1;
        int tallest = p.inputs.length;
        for (LayerSnapshot ls : s.layers()) {
            tallest = Math.max(tallest, ls.outputs());
        }
        // Each column gets an equal share of the width; a node takes at most half of it, so that
        // the edges between two columns always have room, however many layers there are.
        // The input labels' column is as wide as the widest label in the type in use (larger on a projector).
        double labelW = LABEL_WIDTH;
        for (InputNode in : p.inputs) {
            labelW = Math.max(labelW, Math.ceil(in.label.prefWidth(-1)) + 6);
        }
        double columnW = Math.max(1, (w - PAD - labelW - PAD) / columns);
        // the headers' share: the distance between two columns' centres, less a small gap (taken
        // with the largest node the columns allow, so never wider than the columns' spacing)
        double largest = Math.max(12, Math.min(MAX_NODE, columnW * NODE_SHARE));
        double headerW = Math.min(140, Math.max(MIN_HEADER, (w - PAD - labelW - largest / 2 - PAD) / (columns - 0.5) - 4));
        // The thresholds are for the desk's type (titles of 15 px); a projector's larger type needs wider headers.
        double em = p.headers.length == 0 ? 1 : Math.max(1, p.headers[0].title.getFont().getSize() / TITLE_PX);
        int mode = headerW < FULL_HEADER * em ? LayerHeader.TINY
                : headerW < 130 * em ? LayerHeader.COMPACT : LayerHeader.FULL;
        if (mode != headerMode) {
            headerMode = mode;
            for (LayerHeader hd : p.headers) {
                hd.setMode(mode);
            }
        }
        // The neurons start below the tallest header (taller in a projector's type), never under it.
        double headersH = 0;
        for (LayerHeader hd : p.headers) {
            headersH = Math.max(headersH, hd.box.prefHeight(headerW));
        }
        double top = Math.max(HEADER_HEIGHT, PAD + headersH + 8);
        double availH = Math.max(h - top - PAD, 40);
        double size = Math.max(12, Math.min(MAX_NODE, Math.min(availH / (tallest * 1.3), columnW * NODE_SHARE)));
        double gap = Math.min(size * 0.3, (availH - tallest * size) / Math.max(tallest - 1, 1));
        gap = Math.max(gap, 2);
        double firstX = PAD + labelW + size / 2;
        double lastX = Math.max(firstX + 1, w - PAD - headerW / 2);
        double step = (lastX - firstX) / Math.max(columns - 1, 1);
        double edgeWidth = Math.max(2, Math.min(7, size / 6));
        if (edgeWidth != maxEdgeWidth) {
            maxEdgeWidth = edgeWidth;
            restyle.run();
        }

        // Nodes sit on whole device pixels, so each thumbnail is copied into the graph image
        // pixel for pixel and the edges end exactly at the nodes' sides.
        double k = renderScale();
        size = Math.max(1, Math.floor(size * k)) / k;
        double[] left = new double[columns];
        for (int c = 0; c < columns; c++) {
            left[c] = snap(firstX + step * c - size / 2, k);
        }
        double[] inY = columnYs(p.inputs.length, size, gap, top, availH, k);
        for (InputNode in : p.inputs) {
            double y = inY[in.slot];
            place(in.box, in.frame, left[0], y, size);
            in.label.autosize();
            in.label.relocate(left[0] - 6 - in.label.getWidth(), y + (size - in.label.getHeight()) / 2);
        }
        p.inputTitle.autosize();
        p.inputTitle.relocate(Math.max(2, firstX - p.inputTitle.getWidth() / 2 - LABEL_WIDTH / 2), PAD);

        double[][] ys = new double[layerCount][];
        double bias = Math.max(7, size * 0.26);
        int thumbSize = (int) Math.round(size * k);
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int l = 0; l < layerCount; l++) {
            double x = left[l + 1];
            double cx = x + size / 2;
            ys[l] = columnYs(p.neurons[l].length, size, gap, top, availH, k);
            for (NeuronNode n : p.neurons[l]) {
                double y = ys[l][n.index];
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y + size);
                place(n.box, n.frame, x, y, size);
                n.bias.setWidth(bias);
                n.bias.setHeight(bias);
                n.bias.setX(x - bias * 0.6);
                n.bias.setY(y + size - bias * 0.4);
                n.lock.setIconSize((int) Math.max(10, Math.round(size * 0.42)));
                n.resizeThumb(thumbSize);
            }
            LayerHeader hd = p.headers[l];
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
                    double y1 = (l == 0 ? inY[inputSlot(s, i)] : ys[l - 1][i]) + size / 2;
                    minY = Math.min(minY, y1);
                    maxY = Math.max(maxY, y1);
                    moved |= p.edges[l][o * ls.inputs() + i].place(x1, y1, mx, x2, y2);
                }
            }
        }
        // The image spans the edges and the neurons, with room for the widest stroke (the
        // selection glow stays a node of its own).
        double margin = maxEdgeWidth / 2 + 2;
        boolean placed = image.place(left[0] + size - 1, minY - margin, left[columns - 1] + size + 1,
                maxY + margin, k);
        for (NeuronNode[] layer : p.neurons) {
            for (NeuronNode n : layer) {
                n.pixelX = (int) Math.round((n.box.getLayoutX() - image.originX()) * k);
                n.pixelY = (int) Math.round((n.box.getLayoutY() - image.originY()) * k);
            }
        }
        boolean repainted = false;
        for (int l = 0; l < layerCount; l++) {
            for (NeuronNode n : p.neurons[l]) {
                repainted |= thumbnails.paintNeuron(n, s.layers().get(l), s.field(), l + 1);
            }
        }
        if (placed || moved || repainted) {
            image.draw();
        }
        editorLayout();
    }

    private double renderScale() {
        Window window = getScene() == null ? null : getScene().getWindow();
        return window == null ? 1 : Math.max(1, window.getRenderScaleX());
    }

    private void editorLayout() {
        if (editor.isVisible()) {
            editor.autosize();
        }
    }

    private static double[] columnYs(int n, double size, double gap, double top, double availH, double k) {
        double height = n * size + (n - 1) * gap;
        double y0 = top + Math.max(0, (availH - height) / 2);
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            ys[i] = snap(y0 + i * (size + gap), k);
        }
        return ys;
    }

    private static void place(StackPane box, Rectangle frame, double x, double y, double size) {
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

    /** {@code v} rounded to a whole device pixel at {@code k} pixels a unit. */
    private static double snap(double v, double k) {
        return Math.round(v * k) / k;
    }

    /** The slot in the input column of the network's input {@code i}: its feature's place, or the data column. */
    private static int inputSlot(TrainingSnapshot s, int i) {
        return s.features().isEmpty() ? i : s.features().get(i).ordinal();
    }

}
