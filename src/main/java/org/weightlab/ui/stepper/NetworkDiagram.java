package org.weightlab.ui.stepper;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.text.Text;
import org.weightlab.engine.config.Feature;
import org.weightlab.explain.DiagramMarks;
import org.weightlab.explain.NumberText;
import org.weightlab.explain.Phase;

/**
 * A compact drawing of the network for the step-through: columns of circles (features, hidden
 * layers, output), every edge, the active neuron and its incoming edges lit, and the values that
 * ride on those edges. Nodes are built once per topology ({@link #setTopology}); each stage only
 * restyles them and rewrites their labels ({@link #show}). Colours come from stepper.css.
 */
final class NetworkDiagram extends Region {

    static final String STYLE = "wl-stepper-diagram";
    static final String NEURON = "wl-stepper-neuron";
    static final String EDGE = "wl-stepper-edge";
    static final String EDGE_LABEL = "wl-stepper-edge-label";
    static final String NODE_LABEL = "wl-stepper-node-label";
    static final String FEATURE_LABEL = "wl-stepper-feature-label";
    static final String HEADING = "wl-stepper-column-heading";
    static final String ACTIVE = "active";
    static final String KNOWN = "known";

    private static final double PAD_LEFT = 100;
    private static final double PAD_RIGHT = 50;
    private static final double PAD_TOP = 56;
    private static final double PAD_BOTTOM = 56;

    private int[] widths = new int[0];
    /** circles[column][neuron]. */
    private Circle[][] circles = new Circle[0][];
    /** edges[column][target * sources + source]: into column {@code column}, from column - 1. */
    private Line[][] edges = new Line[0][];
    private Text[][] nodeLabels = new Text[0][];
    private final List<Label> edgeLabels = new ArrayList<>();
    private final List<Text> headings = new ArrayList<>();
    private final List<Text> featureLabels = new ArrayList<>();
    private final Text caption = new Text();
    private final Group edgeLayer = new Group();
    private final Group nodeLayer = new Group();
    private final Group labelLayer = new Group();
    private DiagramMarks marks;

    NetworkDiagram() {
        getStyleClass().add(STYLE);
        caption.getStyleClass().add(HEADING);
        getChildren().addAll(edgeLayer, nodeLayer, labelLayer);
        setMinSize(300, 250);
        setPrefSize(640, 600);
    }

    /** Rebuilds the nodes for a network with {@code widths[c]} neurons in column c (features first). */
    void setTopology(int[] widths, List<Feature> features) {
        this.widths = widths.clone();
        int cols = widths.length;
        edgeLayer.getChildren().clear();
        nodeLayer.getChildren().clear();
        labelLayer.getChildren().clear();
        edgeLabels.clear();
        headings.clear();
        featureLabels.clear();
        circles = new Circle[cols][];
        edges = new Line[cols][];
        nodeLabels = new Text[cols][];
        int widest = 0;
        for (int c = 0; c < cols; c++) {
            widest = Math.max(widest, widths[c]);
            circles[c] = new Circle[widths[c]];
            nodeLabels[c] = new Text[widths[c]];
            for (int o = 0; o < widths[c]; o++) {
                Circle circle = new Circle();
                circle.getStyleClass().add(NEURON);
                circles[c][o] = circle;
                nodeLayer.getChildren().add(circle);
                Text label = new Text();
                label.getStyleClass().add(NODE_LABEL);
                nodeLabels[c][o] = label;
                labelLayer.getChildren().add(label);
            }
            if (c > 0) {
                edges[c] = new Line[widths[c] * widths[c - 1]];
                for (int j = 0; j < edges[c].length; j++) {
                    Line line = new Line();
                    line.getStyleClass().add(EDGE);
                    edges[c][j] = line;
                    edgeLayer.getChildren().add(line);
                }
            }
            Text heading = new Text(c == 0 ? "inputs" : c == cols - 1 ? "output" : "hidden " + c);
            heading.getStyleClass().add(HEADING);
            headings.add(heading);
            labelLayer.getChildren().add(heading);
        }
        for (int i = 0; i < widths[0]; i++) {
            Text name = new Text(i < features.size() ? featureName(features.get(i)) : "x" + (i + 1));
            name.getStyleClass().add(FEATURE_LABEL);
            featureLabels.add(name);
            labelLayer.getChildren().add(name);
        }
        for (int k = 0; k < widest; k++) {
            Label l = new Label();
            l.getStyleClass().add(EDGE_LABEL);
            l.setAlignment(Pos.CENTER);
            l.setVisible(false);
            edgeLabels.add(l);
            labelLayer.getChildren().add(l);
        }
        labelLayer.getChildren().add(caption);
        if (marks != null && marks.nodeValues().length == cols) {
            show(marks, null);
        }
        requestLayout();
    }

    /** Lights the stage's neuron and edges and writes its values. */
    void show(DiagramMarks m, Phase phase) {
        if (m.nodeValues().length != widths.length) {
            return;
        }
        marks = m;
        if (phase != null) {
            getStyleClass().removeIf(s -> s.startsWith("phase-"));
            getStyleClass().add("phase-" + phase.name().toLowerCase(java.util.Locale.ROOT));
        }
        double[][] values = m.nodeValues();
        boolean[][] shown = m.nodeShown();
        boolean notANumber = false;
        for (int c = 0; c < widths.length; c++) {
            for (int o = 0; o < widths[c]; o++) {
                boolean active = c == m.column() && o == m.neuron();
                setClass(circles[c][o], ACTIVE, active);
                setClass(circles[c][o], KNOWN, shown[c][o] && c > 0);
                Text label = nodeLabels[c][o];
                if (shown[c][o]) {
                    notANumber |= Double.isNaN(values[c][o]);
                    label.setText((c == 0 ? "" : m.nodeSymbol() + " ") + NumberText.format(values[c][o]));
                    label.setVisible(true);
                } else {
                    label.setVisible(false);
                }
            }
            if (c > 0) {
                int sources = widths[c - 1];
                for (int j = 0; j < edges[c].length; j++) {
                    setClass(edges[c][j], ACTIVE, c == m.column() && j / sources == m.neuron());
                }
            }
        }
        double[] ev = m.edgeValues();
        for (int k = 0; k < edgeLabels.size(); k++) {
            Label l = edgeLabels.get(k);
            boolean visible = ev != null && m.column() > 0 && k < ev.length;
            l.setVisible(visible);
            if (visible) {
                notANumber |= Double.isNaN(ev[k]);
                l.setText(NumberText.format(ev[k]));
            }
        }
        caption.setText(ev == null ? "" : "on the lit edges: " + switch (m.edgeKind()) {
            case INPUT -> "the inputs, each multiplied by its weight";
            case GRADIENT -> "\u2202L/\u2202w, the gradient of each weight";
            case NEW_WEIGHT -> "w\u2032, each weight after the update";
            case NONE -> "";
        } + (notANumber ? "\nNaN = not a number: an earlier value overflowed" : ""));
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        int cols = widths.length;
        if (cols == 0) {
            return;
        }
        double w = getWidth();
        double h = getHeight();
        int widest = 1;
        for (int n : widths) {
            widest = Math.max(widest, n);
        }
        double spanX = Math.max(1, w - PAD_LEFT - PAD_RIGHT);
        double spanY = Math.max(1, h - PAD_TOP - PAD_BOTTOM);
        double spacing = Math.min(110, spanY / widest);
        double radius = Math.max(7, Math.min(24, spacing * 0.3));
        double[][] xs = new double[cols][];
        double[][] ys = new double[cols][];
        for (int c = 0; c < cols; c++) {
            double x = cols == 1 ? PAD_LEFT + spanX / 2 : PAD_LEFT + spanX * c / (cols - 1);
            xs[c] = new double[widths[c]];
            ys[c] = new double[widths[c]];
            for (int o = 0; o < widths[c]; o++) {
                xs[c][o] = x;
                ys[c][o] = PAD_TOP + spanY / 2 + (o - (widths[c] - 1) / 2.0) * spacing;
                Circle circle = circles[c][o];
                circle.setCenterX(x);
                circle.setCenterY(ys[c][o]);
                circle.setRadius(radius);
                Text label = nodeLabels[c][o];
                double lw = label.getLayoutBounds().getWidth();
                label.setX(x - lw / 2);
                label.setY(ys[c][o] + radius + 18);
            }
            Text heading = headings.get(c);
            heading.setX(x - heading.getLayoutBounds().getWidth() / 2);
            heading.setY(PAD_TOP - 24);
        }
        for (int i = 0; i < featureLabels.size() && i < widths[0]; i++) {
            Text t = featureLabels.get(i);
            t.setX(xs[0][i] - radius - 8 - t.getLayoutBounds().getWidth());
            t.setY(ys[0][i] + 6);
        }
        for (int c = 1; c < cols; c++) {
            int sources = widths[c - 1];
            for (int j = 0; j < edges[c].length; j++) {
                int target = j / sources;
                int source = j % sources;
                Line line = edges[c][j];
                line.setStartX(xs[c - 1][source] + radius);
                line.setStartY(ys[c - 1][source]);
                line.setEndX(xs[c][target] - radius);
                line.setEndY(ys[c][target]);
            }
        }
        if (marks != null && marks.column() > 0 && marks.column() < cols) {
            int c = marks.column();
            int o = marks.neuron();
            for (int k = 0; k < edgeLabels.size(); k++) {
                Label l = edgeLabels.get(k);
                if (!l.isVisible() || k >= widths[c - 1]) {
                    continue;
                }
                l.autosize();
                // Half-way along the edge, clear of the node labels; nearer the sources when many
                // edges converge, where they are still spread out.
                double f = widths[c - 1] <= 8 ? 0.5 : 0.3;
                double x = xs[c - 1][k] + f * (xs[c][o] - xs[c - 1][k]);
                double y = ys[c - 1][k] + f * (ys[c][o] - ys[c - 1][k]);
                l.relocate(x - l.getWidth() / 2, y - l.getHeight() / 2);
            }
        }
        caption.setX(PAD_LEFT / 2);
        caption.setY(h - 16);
    }

    private static void setClass(javafx.scene.Node n, String style, boolean on) {
        if (on) {
            if (!n.getStyleClass().contains(style)) {
                n.getStyleClass().add(style);
            }
        } else {
            n.getStyleClass().remove(style);
        }
    }

    static String featureName(Feature f) {
        return switch (f) {
            case X1 -> "x\u2081";
            case X2 -> "x\u2082";
            case X1_SQUARED -> "x\u2081\u00b2";
            case X2_SQUARED -> "x\u2082\u00b2";
            case X1_TIMES_X2 -> "x\u2081x\u2082";
            case SIN_X1 -> "sin x\u2081";
            case SIN_X2 -> "sin x\u2082";
        };
    }

    /** Test access: the label of edge {@code k} into the active neuron, or null when hidden. */
    String edgeLabel(int k) {
        Label l = edgeLabels.get(k);
        return l.isVisible() ? l.getText() : null;
    }

    String captionText() {
        return caption.getText();
    }

    boolean isActive(int column, int neuron) {
        return circles[column][neuron].getStyleClass().contains(ACTIVE);
    }
}
