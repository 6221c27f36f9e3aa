package org.weightlab.ui.stepper;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
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
    private static final double PAD_RIGHT = 30;
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
        setMinSize(170, 250); // narrower, the columns take short names and two rows of headings
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
        // The left margin holds the feature names, no more: the columns get the rest.
        double names = 0;
        for (Text t : featureLabels) {
            names = Math.max(names, t.getLayoutBounds().getWidth());
        }
        double padLeft = Math.min(PAD_LEFT, names + 40);
        double spanX = Math.max(1, w - padLeft - PAD_RIGHT);
        double spanY = Math.max(1, h - PAD_TOP - PAD_BOTTOM);
        double spacing = Math.min(110, spanY / widest);
        double columnGap = cols == 1 ? spanX : spanX / (cols - 1);
        // Circles never touch their neighbours, across or down.
        double radius = Math.max(5, Math.min(24, Math.min(spacing * 0.3, columnGap * 0.3)));
        double[][] xs = new double[cols][];
        double[][] ys = new double[cols][];
        List<Bounds> taken = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
            double x = cols == 1 ? padLeft + spanX / 2 : padLeft + spanX * c / (cols - 1);
            xs[c] = new double[widths[c]];
            ys[c] = new double[widths[c]];
            for (int o = 0; o < widths[c]; o++) {
                xs[c][o] = x;
                ys[c][o] = PAD_TOP + spanY / 2 + (o - (widths[c] - 1) / 2.0) * spacing;
                Circle circle = circles[c][o];
                circle.setCenterX(x);
                circle.setCenterY(ys[c][o]);
                circle.setRadius(radius);
                taken.add(new BoundingBox(x - radius, ys[c][o] - radius, 2 * radius, 2 * radius));
            }
        }
        placeHeadings(xs, columnGap, taken);
        for (int i = 0; i < featureLabels.size() && i < widths[0]; i++) {
            Text t = featureLabels.get(i);
            t.setX(xs[0][i] - radius - 8 - t.getLayoutBounds().getWidth());
            t.setY(ys[0][i] + 6);
            // Many inputs (a picture's 64 pixels) stand closer than a line of text: a name that
            // would cover another is left out.
            Bounds b = boxOf(t);
            t.setVisible(isFree(b, taken));
            if (t.isVisible()) {
                taken.add(b);
            }
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
        // Badges go where they cover no circle and no other badge: the active neuron's value first,
        // then the values on its edges, then the other values; one that finds no free place is hidden.
        int ac = marks == null ? -1 : marks.column();
        int an = marks == null ? -1 : marks.neuron();
        if (ac >= 0 && ac < cols && an < widths[ac]) {
            placeNodeLabel(ac, an, xs, ys, radius, taken);
        }
        if (marks != null && ac > 0 && ac < cols) {
            for (int k = 0; k < edgeLabels.size(); k++) {
                Label l = edgeLabels.get(k);
                if (k >= widths[ac - 1] || marks.edgeValues() == null || k >= marks.edgeValues().length) {
                    continue;
                }
                l.setVisible(true);
                l.autosize();
                boolean placed = false;
                for (double f : EDGE_LABEL_FRACTIONS) {
                    double x = xs[ac - 1][k] + f * (xs[ac][an] - xs[ac - 1][k]);
                    double y = ys[ac - 1][k] + f * (ys[ac][an] - ys[ac - 1][k]);
                    Bounds b = new BoundingBox(x - l.getWidth() / 2, y - l.getHeight() / 2, l.getWidth(), l.getHeight());
                    if (isFree(b, taken)) {
                        l.relocate(b.getMinX(), b.getMinY());
                        taken.add(b);
                        placed = true;
                        break;
                    }
                }
                l.setVisible(placed);
            }
        }
        for (int c = 0; c < cols; c++) {
            for (int o = 0; o < widths[c]; o++) {
                if (c != ac || o != an) {
                    placeNodeLabel(c, o, xs, ys, radius, taken);
                }
            }
        }
        caption.setX(PAD_LEFT / 2);
        caption.setWrappingWidth(Math.max(40, w - PAD_LEFT / 2 - 4));
        caption.setY(h - 16 - (caption.getLayoutBounds().getHeight() > 30 ? caption.getLayoutBounds().getHeight()
                - 16 : 0));
        // In a narrow diagram (a projector, a lesson beside it) the caption would wrap over the nodes:
        // more than two lines, and it makes way (the formula beside says the same).
        caption.setVisible(caption.getLayoutBounds().getHeight() <= 2.6 * caption.getFont().getSize() * 1.2 + 1);
    }

    /** Where along an edge its badge may sit, tried in this order (0 at the source, 1 at the target). */
    private static final double[] EDGE_LABEL_FRACTIONS = {0.5, 0.35, 0.65, 0.25, 0.75, 0.15, 0.85};

    /** Column headings: full names when they fit between columns, else short ones, else on two rows. */
    private void placeHeadings(double[][] xs, double columnGap, List<Bounds> taken) {
        int cols = headings.size();
        boolean shortNames = false;
        for (Text t : headings) {
            t.setText(headingText(headings.indexOf(t), cols, false));
            shortNames |= t.getLayoutBounds().getWidth() + 8 > columnGap;
        }
        boolean twoRows = false;
        for (int c = 0; c < cols; c++) {
            Text t = headings.get(c);
            t.setText(headingText(c, cols, shortNames));
            twoRows |= cols > 1 && t.getLayoutBounds().getWidth() + 6 > columnGap;
        }
        double line = headings.isEmpty() ? 20 : headings.get(0).getLayoutBounds().getHeight();
        for (int c = 0; c < cols; c++) {
            Text t = headings.get(c);
            t.setX(xs[c][0] - t.getLayoutBounds().getWidth() / 2);
            t.setY(PAD_TOP - 10 - (twoRows && c % 2 == 0 ? line + 2 : 0));
            taken.add(boxOf(t));
        }
    }

    private static String headingText(int c, int cols, boolean shortNames) {
        if (c == 0) {
            return shortNames ? "in" : "inputs";
        }
        if (c == cols - 1) {
            return shortNames ? "out" : "output";
        }
        return shortNames ? "h" + c : "hidden " + c;
    }

    /** The value under a circle, else to its right, else above; hidden when all three are taken. */
    private void placeNodeLabel(int c, int o, double[][] xs, double[][] ys, double radius, List<Bounds> taken) {
        Text label = nodeLabels[c][o];
        if (marks == null || !marks.shown(c, o)) {
            label.setVisible(false);
            return;
        }
        // A Text's layout bounds include its x and y: keep only the offsets from its origin.
        Bounds size = label.getLayoutBounds();
        double dx = size.getMinX() - label.getX();
        double dy = size.getMinY() - label.getY();
        double lw = size.getWidth();
        double lh = size.getHeight();
        double x = xs[c][o];
        double y = ys[c][o];
        double[][] tries = {
            {x - lw / 2, y + radius + 2},
            {x + radius + 3, y - lh / 2},
            {x - lw / 2, y - radius - 2 - lh},
        };
        for (double[] t : tries) {
            Bounds b = new BoundingBox(t[0], t[1], lw, lh);
            if (isFree(b, taken)) {
                // Text is placed by its baseline: move it so its box lands on b.
                label.setX(t[0] - dx);
                label.setY(t[1] - dy);
                taken.add(b);
                label.setVisible(true);
                return;
            }
        }
        label.setVisible(false);
    }

    private static boolean isFree(Bounds b, List<Bounds> taken) {
        for (Bounds t : taken) {
            if (t.intersects(b)) {
                return false;
            }
        }
        return true;
    }

    /** Where a text sits in the diagram (its layout bounds already include its x and y). */
    private static Bounds boxOf(Text t) {
        return t.getLayoutBounds();
    }

    /** The boxes of every badge, heading and name on show, and of every circle (tests check none overlap). */
    List<Bounds> shownBoxes() {
        List<Bounds> out = new ArrayList<>();
        for (Circle[] column : circles) {
            for (Circle c : column) {
                out.add(c.getBoundsInParent());
            }
        }
        for (javafx.scene.Node n : labelLayer.getChildren()) {
            if (n.isVisible() && n != caption && !(n instanceof Text t && t.getText().isEmpty())) {
                Bounds b = n.getBoundsInParent();
                String what = n instanceof Text t ? t.getText() : ((Label) n).getText();
                out.add(new BoundingBox(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight()) {
                    @Override
                    public String toString() {
                        return "'" + what + "'@" + Math.round(getMinX()) + "," + Math.round(getMinY()) + " "
                                + Math.round(getWidth()) + "x" + Math.round(getHeight());
                    }
                });
            }
        }
        return out;
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

    /** Where the caption is drawn, or null when it made way for the nodes. */
    Bounds captionBounds() {
        return caption.isVisible() && !caption.getText().isEmpty() ? caption.getBoundsInParent() : null;
    }

    boolean isActive(int column, int neuron) {
        return circles[column][neuron].getStyleClass().contains(ACTIVE);
    }
}
