package org.weightlab.ui.heatmap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.weightlab.engine.config.ProblemKind;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.engine.data.Dataset;
import org.weightlab.session.FieldSnapshot;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.fx.Redraw;
import org.weightlab.ui.theme.FieldRange;
import org.weightlab.ui.theme.Palette;

/**
 * The output, as in TF Playground. For 2-D data: a smooth square picture of the output's field
 * over the input plane with the data on top (training points filled, test points outlined), axes
 * and a colour legend ({@link OutputScale} says how values become colours); {@link #showNodeField}
 * shows one neuron instead. For 1-D data (x2 is 0): y against x, the data and the model's curve,
 * with the equation of a network without hidden layers ({@link CurvePlot}). Data of other than two
 * inputs has no plane: {@link PlaneStandIn} says what takes the plot's place (the test digits, a matrix).
 *
 * <p>Three canvases: the picture ({@link FieldPicture}, repainted when the field or the way it is
 * shown changed), the overlay (axes, data, legend, or the whole 1-D plot) and the mark of the
 * example being walked in the step-through. All drawing goes through one {@link Redraw}: new
 * snapshots mark their bits, paced at {@value #SNAPSHOTS_PER_SECOND} a second while training runs.
 */
public final class DecisionHeatmapView extends BorderPane {

    public static final String STYLE_CLASS = "wl-heatmap";
    public static final String STYLESHEET = DecisionHeatmapView.class.getResource("heatmap.css").toExternalForm();
    public static final String TITLE_CLASS = "wl-heatmap-title";
    /** The picture is RESOLUTION x RESOLUTION pixels before scaling. */
    public static final int RESOLUTION = FieldPicture.RESOLUTION;

    static final double LEFT = 40;
    static final double RIGHT = 14;
    static final double TOP = 8;
    /** Room under the plot: x tick labels, then the legend bar and its labels. */
    static final double BOTTOM = 74;

    /** Redraw bits: the picture, the overlay, the highlight ring; new snapshots are paced. */
    static final int PICTURE = 1;
    static final int OVERLAY = 2;
    static final int HIGHLIGHT = 4;
    static final int SNAPSHOT = 8;
    static final double SNAPSHOTS_PER_SECOND = 30;
    /** Points along x at which the 1-D curve is computed. */
    static final int CURVE_POINTS = 241;

    private final Palette palette = new Palette();
    private final Canvas picture = new Canvas();
    private final Canvas overlay = new Canvas();
    private final Canvas marks = new Canvas();
    private final PlotPane plot = new PlotPane();
    private final Label title = new Label("Output");
    private final CheckBox showTest = new CheckBox("Show test data");
    private final VBox below = new VBox(2); // the toggles and what a click adds; a race tile takes it away
    private final CheckBox discretize = new CheckBox("Discretize output");
    private final FieldPicture field = new FieldPicture(palette);
    private final Redraw redraw = new Redraw(this, this::draw).pace(SNAPSHOT, SNAPSHOTS_PER_SECOND);
    /** The views shown instead of the plot for data without a plane. */
    private final PlaneStandIn standIn = new PlaneStandIn(palette);

    private TrainingSnapshot snapshot;
    private DataSplit data;
    /** Label of each data point by its x1 (1-D data: where a point given as (x1, 0) is drawn). */
    private final Map<Double, Double> labelsByX = new HashMap<>();
    /** Largest |label| of the data (regression's colour range). */
    private double labelRange = 1;
    private double labelLo = -1;
    private double labelHi = 1;
    private double dataXLo = Double.NaN;
    private double dataXHi = Double.NaN;
    private int nodeLayer = -1;
    private int nodeIndex = -1;
    private Point2D highlight;
    private double[] curve = new double[CURVE_POINTS];
    private boolean pictureValid;
    /** Pictures painted so far (tests read it). */
    private long picturesPainted;

    // the plot inside the canvases: a square for 2-D data, a rectangle for 1-D data
    private double plotX;
    private double plotY;
    private double plotSize;

    public DecisionHeatmapView() {
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add(STYLESHEET);
        setId("decisionHeatmap");
        getChildren().add(palette);
        title.getStyleClass().add(TITLE_CLASS);
        title.setId("heatmapTitle");
        BorderPane.setMargin(title, new Insets(2, 4, 4, 4));
        setTop(title);
        marks.setMouseTransparent(true);
        plot.getChildren().addAll(picture, overlay, marks);
        plot.setMinSize(120, 120 + BOTTOM);
        setCenter(plot);
        showTest.setId("showTestData");
        discretize.setId("discretizeOutput");
        HBox toggles = new HBox(16, showTest, discretize);
        toggles.setAlignment(Pos.CENTER_LEFT);
        toggles.setPadding(new Insets(4));
        toggles.managedProperty().bind(toggles.visibleProperty());
        below.getChildren().add(toggles);
        setBottom(below);
    }

    private void initListeners() {
        showTest.selectedProperty().addListener((obs, old, now) -> redraw.mark(OVERLAY));
        discretize.selectedProperty().addListener((obs, old, now) -> redraw.mark(PICTURE));
        palette.revisionProperty().addListener((obs, old, now) -> redraw.mark(PICTURE | OVERLAY | HIGHLIGHT));
    }

    // ---- public API --------------------------------------------------------------------------

    /** Draws the output of {@code s} (or the chosen neuron's field) on a coming frame. */
    public void show(TrainingSnapshot s) {
        TrainingSnapshot before = snapshot;
        snapshot = s;
        if (showNoPlane(s)) {
            return;
        }
        boolean sameModel = before != null && s.config().equals(before.config());
        if (sameModel && s.field() == before.field() && (!oneDimensional() || s.layers() == before.layers())) {
            return; // snapshots come faster than fields: the picture is still right
        }
        title.setText(describe(scale()));
        redraw.mark(sameModel ? SNAPSHOT : PICTURE | OVERLAY);
    }

    /** The data drawn over the picture. */
    public void setData(DataSplit split) {
        data = split;
        labelsByX.clear();
        labelLo = Double.POSITIVE_INFINITY;
        labelHi = Double.NEGATIVE_INFINITY;
        dataXLo = Double.POSITIVE_INFINITY;
        dataXHi = Double.NEGATIVE_INFINITY;
        boolean planar = split == null || split.dims() == 2;
        for (Dataset d : !planar ? List.<Dataset>of() : java.util.Arrays.asList(split.train(), split.test())) {
            for (int i = 0; d != null && i < d.size(); i++) {
                double y = d.label(i);
                labelsByX.put(d.x1(i), y);
                if (Double.isFinite(y)) {
                    labelLo = Math.min(labelLo, y);
                    labelHi = Math.max(labelHi, y);
                }
                dataXLo = Math.min(dataXLo, d.x1(i));
                dataXHi = Math.max(dataXHi, d.x1(i));
            }
        }
        labelRange = Math.max(Math.abs(labelLo), Math.abs(labelHi));
        if (!(labelRange > 0) || Double.isInfinite(labelRange)) {
            labelRange = 1;
        }
        redraw.mark(PICTURE | OVERLAY | HIGHLIGHT);
    }

    /** Shows the field of one node instead of the output; layers are numbered as in {@link FieldSnapshot}. */
    public void showNodeField(int layer, int node) {
        nodeLayer = layer;
        nodeIndex = node;
        title.setText(describe(scale()));
        redraw.mark(PICTURE | OVERLAY);
    }

    /** Back to the output. */
    public void clearNodeField() {
        nodeLayer = -1;
        nodeIndex = -1;
        title.setText(describe(scale()));
        redraw.mark(PICTURE | OVERLAY);
    }

    /**
     * Marks one example in the plot with a ring, e.g. the example the step-through is walking,
     * until {@link #clearHighlight()} or the next call. {@code x1} and {@code x2} are the raw input
     * point as stored in the data set (not the features). For 2-D data the ring sits at (x1, x2);
     * for 1-D data (x2 is 0) at x1 and that example's label, as the data is drawn there (at the
     * model's output when no example of the data has that x1). FX thread only.
     */
    public void highlightExample(double x1, double x2) {
        highlight = new Point2D(x1, x2);
        redraw.mark(HIGHLIGHT);
    }

    /** Removes the ring of {@link #highlightExample}. */
    public void clearHighlight() {
        highlight = null;
        redraw.mark(HIGHLIGHT);
    }

    /** Puts {@code node} (e.g. what a click adds) in a row under the view's toggles. */
    public void addBelowToggles(javafx.scene.Node node) {
        below.getChildren().add(node);
    }

    public BooleanProperty showTestDataProperty() {
        return showTest.selectedProperty();
    }

    public BooleanProperty discretizeProperty() {
        return discretize.selectedProperty();
    }

    public Palette palette() {
        return palette;
    }

    /** Draws whatever waits to be drawn now (exports, tests). */
    public void drawNow() {
        layout();
        redraw.drawNow();
    }

    /** The picture before scaling (RESOLUTION x RESOLUTION), for tests and exports; made when asked for. */
    public WritableImage image() {
        FieldPicture.Request r = pictureRequest();
        return r == null ? field.image() : field.image(r);
    }

    long picturesPainted() {
        return picturesPainted;
    }

    String titleText() {
        return title.getText();
    }

    /** The plot square (2-D) in the canvas's coordinates: x, y, size. */
    double[] plotBounds() {
        return new double[] {plotX, plotY, plotSize};
    }

    /** True when the view draws y against x (1-D data). */
    public boolean oneDimensional() {
        return snapshot != null && snapshot.config().dataset().oneDimensional();
    }

    /** Where the input point (x1, x2) is drawn, in this view's coordinates (1-D data: see {@link #highlightExample}). */
    public Point2D plotPoint(double x1, double x2) {
        Point2D p = canvasPoint(x1, x2);
        return sceneToLocal(plot.localToScene(p.getX(), p.getY()));
    }

    /**
     * The input point (x1, x2) drawn at ({@code x}, {@code y}) of this view, or null outside the
     * plot square and for data the plane does not show (1-D curves, N-D data).
     */
    public Point2D inputAt(double x, double y) {
        if (oneDimensional() || !planarData() || plotSize <= 0) {
            return null;
        }
        Point2D c = plot.sceneToLocal(localToScene(x, y));
        double u = (c.getX() - plotX) / plotSize;
        double v = (c.getY() - plotY) / plotSize;
        if (u < 0 || u > 1 || v < 0 || v > 1) {
            return null;
        }
        double lo = fieldMin();
        double hi = fieldMax();
        return new Point2D(lo + u * (hi - lo), hi - v * (hi - lo));
    }

    /** The input distance one pixel of the 2-D plot spans. */
    public double inputPerPixel() {
        return plotSize > 0 ? (fieldMax() - fieldMin()) / plotSize : 0;
    }

    /** Where the value y at x is drawn in the 1-D plot, in this view's coordinates. */
    Point2D curvePoint(double x, double y) {
        CurvePlot.Frame f = curveFrame();
        return sceneToLocal(plot.localToScene(f.px(x), f.py(y)));
    }

    /** The equation written in the 1-D plot, or null. */
    String equationText() {
        return oneDimensional() && snapshot != null ? ModelCurve.equation(snapshot) : null;
    }

    /** Where a canvas point is, in this view's coordinates. */
    Point2D canvasToView(double x, double y) {
        return sceneToLocal(plot.localToScene(x, y));
    }

    private Point2D canvasPoint(double x1, double x2) {
        if (oneDimensional()) {
            CurvePlot.Frame f = curveFrame();
            Double label = labelsByX.get(x1);
            double y = label != null ? label : ModelCurve.output(snapshot.features(), snapshot.layers(), x1,
                    new double[64], new double[64]);
            return new Point2D(f.px(x1), f.py(y));
        }
        double lo = fieldMin();
        double hi = fieldMax();
        return new Point2D(plotX + (x1 - lo) / (hi - lo) * plotSize, plotY + (hi - x2) / (hi - lo) * plotSize);
    }

    // ---- drawing ------------------------------------------------------------------------------

    private void draw(int bits) {
        if (getCenter() != plot) {
            return; // a stand-in shows: the plot is drawn when it comes back
        }
        if ((bits & (PICTURE | SNAPSHOT)) != 0) {
            repaint();
        }
        if ((bits & (PICTURE | OVERLAY | SNAPSHOT)) != 0) {
            drawOverlay();
        }
        drawHighlight();
    }

    private boolean showingNode() {
        return nodeLayer >= 0 && snapshot != null && snapshot.field() != null
                && nodeLayer < snapshot.field().values().length
                && nodeIndex >= 0 && nodeIndex < snapshot.field().values()[nodeLayer].length;
    }

    private OutputScale scale() {
        return showingNode() ? OutputScale.NODE : OutputScale.ofOutput(snapshot);
    }

    /** The value range of the picture (for every scale but CLASSES). */
    private FieldRange range(OutputScale scale) {
        return switch (scale) {
            case SIGNED, CLASSES -> FieldRange.SIGNED_UNIT;
            case PROBABILITY -> FieldRange.PROBABILITY;
            case REGRESSION -> new FieldRange(-labelRange, labelRange);
            case NODE -> nodeRange();
        };
    }

    private FieldRange nodeRange() {
        float[] v = snapshot.field().node(nodeLayer, nodeIndex);
        if (nodeLayer == 0) {
            double m = FieldRange.maxAbs(v);
            return m > 0 ? new FieldRange(-m, m) : FieldRange.SIGNED_UNIT;
        }
        return FieldRange.forActivation(snapshot.layers().get(nodeLayer - 1).activation(), v);
    }

    private String describe(OutputScale scale) {
        if (scale == OutputScale.NODE) {
            if (nodeLayer == 0) {
                return "Input " + snapshot.features().get(nodeIndex).id();
            }
            boolean output = nodeLayer == snapshot.layers().size();
            int outputs = snapshot.layers().get(nodeLayer - 1).outputs();
            return output ? (outputs == 1 ? "Output" : "Output " + (nodeIndex + 1))
                    : "Layer " + nodeLayer + ", neuron " + (nodeIndex + 1);
        }
        if (snapshot == null) {
            return "Output";
        }
        String act = snapshot.config().outputActivation().id();
        return oneDimensional() ? "Output y over x (" + act + ")" : "Output (" + act + ")";
    }

    /** Refills the picture (2-D) or the curve (1-D) from the snapshot and draws it. */
    private void repaint() {
        OutputScale scale = scale();
        title.setText(describe(scale));
        if (oneDimensional() && scale != OutputScale.NODE) {
            CurvePlot.Frame f = curveFrame();
            curve = ModelCurve.sample(snapshot, f.xLo(), f.xHi(), CURVE_POINTS, curve);
            pictureValid = false;
            picture.getGraphicsContext2D().clearRect(0, 0, picture.getWidth(), picture.getHeight());
            picturesPainted++;
            return;
        }
        FieldPicture.Request r = pictureRequest();
        pictureValid = r != null;
        if (r != null) {
            field.paint(r, (int) plotSize);
        }
        drawPicture();
        picturesPainted++;
    }

    /** What the picture shows now, or null before the first field. */
    private FieldPicture.Request pictureRequest() {
        FieldSnapshot f = snapshot == null ? null : snapshot.field();
        if (f == null) {
            return null;
        }
        OutputScale scale = scale();
        return new FieldPicture.Request(f, scale, scale == OutputScale.CLASSES ? null : range(scale), nodeLayer,
                nodeIndex, discretize.isSelected(), labelRange);
    }

    /** Whether the data are points of the plane; other data (digits, an imported file) has no picture here. */
    private boolean planarData() {
        return data == null || data.dims() == 2;
    }

    /** Data of other than two inputs has no plane: a {@link PlaneStandIn} view takes the plot's place. */
    private boolean showNoPlane(TrainingSnapshot s) {
        below.getChildren().get(0).setVisible(!PlaneStandIn.flat(s)); // no plane: no test points or discretizing
        javafx.scene.Node view = standIn.show(s);
        if (getCenter() != (view == null ? plot : view)) {
            setCenter(view == null ? plot : view);
            redraw.mark(PICTURE | OVERLAY | HIGHLIGHT);
        }
        if (view != null) {
            title.setText(PlaneStandIn.title(s));
        }
        return view != null;
    }

    /** What stands in the plot's place for data of other than two inputs, or null before it was needed. */
    NoPlaneView noPlaneView() {
        return standIn.noPlaneView();
    }

    /** The test digits standing in the plot's place for digits, or null before they were needed. */
    org.weightlab.ui.digits.TestDigitsView testDigitsView() {
        return standIn.testDigits();
    }

    /** The message shown instead of the plane for data of other than two columns. */
    static String noPlaneMessage(int dims) {
        return dims + " inputs: no 2-D plane";
    }

    private void drawPicture() {
        GraphicsContext g = picture.getGraphicsContext2D();
        g.clearRect(0, 0, picture.getWidth(), picture.getHeight());
        if (plotSize <= 0) {
            return;
        }
        if (!planarData() || !pictureValid) {
            g.setFill(palette.zeroColor());
            g.fillRect(plotX, plotY, plotSize, plotSize);
            g.setFill(palette.inkColor());
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.setFont(Font.font(14));
            g.fillText(!planarData() ? noPlaneMessage(data.dims()) : "No field yet", plotX + plotSize / 2,
                    plotY + plotSize / 2);
        } else if (field.screenImage() != null && field.screenSize() == (int) plotSize) {
            g.drawImage(field.screenImage(), plotX, plotY);
        } else {
            g.setImageSmoothing(true);
            g.drawImage(field.image(), plotX, plotY, plotSize, plotSize);
        }
    }

    private double fieldMin() {
        return snapshot != null && snapshot.field() != null ? snapshot.field().min() : -6;
    }

    private double fieldMax() {
        return snapshot != null && snapshot.field() != null ? snapshot.field().max() : 6;
    }

    /** Class count for the data's colours: 3 for three classes, 2 for -1/+1, 0 for regression. */
    private int classesOf() {
        if (snapshot != null) {
            var c = snapshot.config();
            return c.problem() == ProblemKind.REGRESSION ? 0 : c.classes();
        }
        return 2;
    }

    private List<String> legendLabels(OutputScale scale) {
        if (scale == OutputScale.CLASSES) {
            int k = snapshot == null ? 2 : snapshot.output().outputs();
            List<String> names = new ArrayList<>();
            for (int c = 0; c < k; c++) {
                names.add("class " + c);
            }
            return names;
        }
        FieldRange r = range(scale);
        return List.of(PlotTicks.tick(r.lo()), PlotTicks.tick((r.lo() + r.hi()) / 2), PlotTicks.tick(r.hi()));
    }

    private void drawOverlay() {
        GraphicsContext g = overlay.getGraphicsContext2D();
        g.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
        if (plotSize <= 0) {
            return;
        }
        if (!planarData()) {
            return; // no plane, no points on it
        }
        OutputScale scale = scale();
        if (oneDimensional() && scale != OutputScale.NODE) {
            CurvePlot.draw(g, palette, curveFrame(), new CurvePlot.Content(data, showTest.isSelected(), labelRange,
                    curve, CURVE_POINTS, ModelCurve.equation(snapshot)));
            return;
        }
        PlaneOverlay.draw(g, palette, new PlaneOverlay.Frame(plotX, plotY, plotSize, fieldMin(), fieldMax(), data,
                showTest.isSelected(), classesOf(), labelRange, scale == OutputScale.CLASSES, legendLabels(scale)));
    }

    private void drawHighlight() {
        GraphicsContext g = marks.getGraphicsContext2D();
        g.clearRect(0, 0, marks.getWidth(), marks.getHeight());
        if (highlight == null || plotSize <= 0 || !planarData()) {
            return;
        }
        Point2D p = canvasPoint(highlight.getX(), highlight.getY());
        double r = ringRadius();
        g.setLineWidth(5);
        g.setStroke(palette.zeroColor());
        g.strokeOval(p.getX() - r, p.getY() - r, 2 * r, 2 * r);
        g.setLineWidth(3);
        g.setStroke(palette.inkColor());
        g.strokeOval(p.getX() - r, p.getY() - r, 2 * r, 2 * r);
    }

    /** The radius of the highlight ring: well outside the point it marks. */
    double ringRadius() {
        return Math.max(9, DataPoints.radius(plotSize) * 3);
    }

    /** The 1-D plot: the canvas less room for tick labels, x over the data (with a margin), y over the labels. */
    private CurvePlot.Frame curveFrame() {
        double font = CurvePlot.tickFont(plot.getHeight());
        double left = Math.max(LEFT + 8, font * 3.6);
        double bottom = font * 2 + 16;
        double w = Math.max(1, plot.getWidth() - left - RIGHT);
        double h = Math.max(1, plot.getHeight() - TOP - bottom);
        double xLo = Double.isFinite(dataXLo) ? dataXLo : fieldMin();
        double xHi = Double.isFinite(dataXHi) && dataXHi > xLo ? dataXHi : fieldMax();
        double xPad = (xHi - xLo) * 0.05;
        double yLo = Double.isFinite(labelLo) ? labelLo : -1;
        double yHi = Double.isFinite(labelHi) && labelHi > yLo ? labelHi : yLo + 2;
        double yPad = (yHi - yLo) * 0.12;
        return new CurvePlot.Frame(left, TOP, w, h, xLo - xPad, xHi + xPad, yLo - yPad, yHi + yPad);
    }

    /** Sizes the canvases to the pane and keeps the 2-D plot square. */
    private final class PlotPane extends Pane {
        @Override
        protected void layoutChildren() {
            double w = Math.floor(getWidth());
            double h = Math.floor(getHeight());
            boolean resized = picture.getWidth() != w || picture.getHeight() != h;
            for (Canvas c : List.of(picture, overlay, marks)) {
                c.setWidth(w);
                c.setHeight(h);
            }
            double size = Math.floor(Math.max(0, Math.min(w - LEFT - RIGHT, h - TOP - BOTTOM)));
            double x = Math.floor(LEFT + (w - LEFT - RIGHT - size) / 2);
            if (resized || size != plotSize || x != plotX) {
                plotSize = size;
                plotX = x;
                plotY = TOP;
                // the picture is made at the plot's size; the overlay follows the size
                redraw.mark(PICTURE | OVERLAY | HIGHLIGHT);
            }
        }

        @Override
        protected double computePrefWidth(double height) {
            return 320;
        }

        @Override
        protected double computePrefHeight(double width) {
            return 320 + BOTTOM;
        }
    }
}
