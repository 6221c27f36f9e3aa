package org.weightlab.ui.heatmap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.LossKind;
import org.weightlab.engine.config.ProblemKind;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.engine.data.Dataset;
import org.weightlab.session.FieldSnapshot;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.theme.DivergingColorMap;
import org.weightlab.ui.theme.FieldPainter;
import org.weightlab.ui.theme.FieldRange;
import org.weightlab.ui.theme.Palette;

/**
 * The output over the input plane, as in TF Playground: a smooth square picture of the output's
 * field with the data on top (training points filled, test points outlined), axes, and a colour
 * legend. Classification with tanh (or another unbounded) output colours -1..+1, a sigmoid output
 * 0..1, softmax the most likely class faded by its confidence; regression uses a range symmetric
 * around 0 that covers the data's labels. {@link #showNodeField} shows one neuron instead.
 *
 * <p>Two canvases: the picture (repainted when the field or the way it is shown changed, not for
 * every snapshot: resampled smoothly from the field to the plot's size in pixels and drawn
 * unscaled, since a scaled, smoothed image is what costs the software renderer most) and the overlay of data, axes and legend (repainted only
 * when the data, the size, a toggle or the colour scale change).
 */
public final class DecisionHeatmapView extends BorderPane {

    public static final String STYLE_CLASS = "wl-heatmap";
    public static final String STYLESHEET = DecisionHeatmapView.class.getResource("heatmap.css").toExternalForm();
    public static final String TITLE_CLASS = "wl-heatmap-title";
    /** The picture is RESOLUTION x RESOLUTION pixels before scaling. */
    public static final int RESOLUTION = 100;

    static final double LEFT = 40;
    static final double RIGHT = 14;
    static final double TOP = 8;
    /** Room under the plot: x tick labels, then the legend bar and its labels. */
    static final double BOTTOM = 74;
    private static final double LEGEND_BAR = 14;

    /** How the picture's values become colours. */
    enum Scale { SIGNED, PROBABILITY, CLASSES, REGRESSION, NODE }

    private final Palette palette = new Palette();
    private final Canvas picture = new Canvas();
    private final Canvas overlay = new Canvas();
    private final PlotPane plot = new PlotPane();
    private final Label title = new Label("Output");
    private final CheckBox showTest = new CheckBox("Show test data");
    private final CheckBox discretize = new CheckBox("Discretize output");

    private final WritableImage image = new WritableImage(RESOLUTION, RESOLUTION);
    /** ARGB pixels of {@link #image}, row 0 at the top. */
    private final int[] pixels = new int[RESOLUTION * RESOLUTION];
    /** Whether {@link #image} lags behind the field shown. */
    private boolean imageStale;
    /** Resampled values of each output (softmax needs all of them at once). */
    private float[][] values = new float[1][RESOLUTION * RESOLUTION];
    /** The picture as drawn: plot-sized (screenSize x screenSize), its pixels and values. */
    private WritableImage screenImage;
    private int screenSize;
    private int[] screenPixels = new int[0];
    private float[][] screenValues = new float[1][0];
    private final FieldPainter painter = new FieldPainter();

    private TrainingSnapshot snapshot;
    private DataSplit data;
    /** Largest |label| of the data (regression's colour range). */
    private double labelRange = 1;
    private int nodeLayer = -1;
    private int nodeIndex = -1;
    /** What the overlay was last drawn for; a change redraws it. */
    private Object overlayKey;
    private boolean pictureValid;
    /** Pictures painted so far (tests read it). */
    private long picturesPainted;

    // the plot square inside the canvases
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
        plot.getChildren().addAll(picture, overlay);
        plot.setMinSize(120, 120 + BOTTOM);
        setCenter(plot);
        showTest.setId("showTestData");
        discretize.setId("discretizeOutput");
        HBox toggles = new HBox(16, showTest, discretize);
        toggles.setAlignment(Pos.CENTER_LEFT);
        toggles.setPadding(new Insets(4));
        setBottom(toggles);
    }

    private void initListeners() {
        showTest.selectedProperty().addListener((obs, old, now) -> redrawOverlay(true));
        discretize.selectedProperty().addListener((obs, old, now) -> repaint());
        palette.revisionProperty().addListener((obs, old, now) -> {
            repaint();
            redrawOverlay(true);
        });
    }

    // ---- public API --------------------------------------------------------------------------

    /** Draws the output field of {@code s} (or the chosen neuron's field). */
    public void show(TrainingSnapshot s) {
        TrainingSnapshot before = snapshot;
        snapshot = s;
        if (before != null && s.field() == before.field() && s.config().equals(before.config())) {
            return; // snapshots come faster than fields: the picture is still right
        }
        repaint();
    }

    /** The data drawn over the picture. */
    public void setData(DataSplit split) {
        data = split;
        labelRange = Math.max(maxAbsLabel(split == null ? null : split.train()),
                maxAbsLabel(split == null ? null : split.test()));
        if (!(labelRange > 0)) {
            labelRange = 1;
        }
        redrawOverlay(true);
        repaint();
    }

    /** Shows the field of one node instead of the output; layers are numbered as in {@link FieldSnapshot}. */
    public void showNodeField(int layer, int node) {
        nodeLayer = layer;
        nodeIndex = node;
        repaint();
    }

    /** Back to the output. */
    public void clearNodeField() {
        nodeLayer = -1;
        nodeIndex = -1;
        repaint();
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

    /** The picture before scaling (RESOLUTION x RESOLUTION), for tests and exports; made when asked for. */
    public WritableImage image() {
        FieldSnapshot f = snapshot == null ? null : snapshot.field();
        if (imageStale && f != null) {
            values = fillPixels(f, scale(), RESOLUTION, pixels, values);
            image.getPixelWriter().setPixels(0, 0, RESOLUTION, RESOLUTION, PixelFormat.getIntArgbPreInstance(), pixels, 0,
                    RESOLUTION);
            imageStale = false;
        }
        return image;
    }

    long picturesPainted() {
        return picturesPainted;
    }

    String titleText() {
        return title.getText();
    }

    /** The plot square in the canvas's coordinates: x, y, size. */
    double[] plotBounds() {
        return new double[] {plotX, plotY, plotSize};
    }

    /** Where the input point (x1, x2) is drawn, in this view's coordinates. */
    public Point2D plotPoint(double x1, double x2) {
        double lo = fieldMin();
        double hi = fieldMax();
        double px = plotX + (x1 - lo) / (hi - lo) * plotSize;
        double py = plotY + (hi - x2) / (hi - lo) * plotSize;
        return sceneToLocal(plot.localToScene(px, py));
    }

    /** Where a canvas point is, in this view's coordinates. */
    Point2D canvasToView(double x, double y) {
        return sceneToLocal(plot.localToScene(x, y));
    }

    // ---- the picture --------------------------------------------------------------------------

    private boolean showingNode() {
        return nodeLayer >= 0 && snapshot != null && snapshot.field() != null
                && nodeLayer < snapshot.field().values().length
                && nodeIndex >= 0 && nodeIndex < snapshot.field().values()[nodeLayer].length;
    }

    private Scale scale() {
        if (showingNode()) {
            return Scale.NODE;
        }
        if (snapshot == null) {
            return Scale.SIGNED;
        }
        var c = snapshot.config();
        if (c.loss() == LossKind.CROSS_ENTROPY || c.outputActivation() == ActivationKind.SOFTMAX) {
            return Scale.CLASSES;
        }
        if (c.problem() == ProblemKind.REGRESSION) {
            return Scale.REGRESSION;
        }
        return c.outputActivation() == ActivationKind.SIGMOID ? Scale.PROBABILITY : Scale.SIGNED;
    }

    /** The value range of the picture (for every scale but CLASSES). */
    private FieldRange range(Scale scale) {
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

    private String describe(Scale scale) {
        if (scale == Scale.NODE) {
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
        return "Output (" + snapshot.config().outputActivation().id() + ")";
    }

    /** Refills the picture's pixels from the snapshot and draws it. */
    private void repaint() {
        Scale scale = scale();
        title.setText(describe(scale));
        FieldSnapshot f = snapshot == null ? null : snapshot.field();
        pictureValid = f != null;
        if (f != null) {
            imageStale = true; // the screen-sized picture is what is drawn; image() makes this one when needed
            int size = (int) plotSize;
            if (size > 0) {
                if (size != screenSize) {
                    screenSize = size;
                    screenImage = new WritableImage(size, size);
                    screenPixels = new int[size * size];
                    screenValues = new float[1][size * size];
                }
                screenValues = fillPixels(f, scale, size, screenPixels, screenValues);
                screenImage.getPixelWriter().setPixels(0, 0, size, size, PixelFormat.getIntArgbPreInstance(),
                        screenPixels, 0, size);
            }
        }
        drawPicture();
        redrawOverlay(false);
        picturesPainted++;
    }

    /**
     * Fills {@code pixels} with the picture at {@code size x size}; {@code values} is scratch
     * space for the resampled outputs, returned (grown when softmax needs more rows).
     */
    private float[][] fillPixels(FieldSnapshot f, Scale scale, int size, int[] pixels, float[][] values) {
        int n = size * size;
        boolean flat = discretize.isSelected();
        DivergingColorMap map = palette.classMap();
        if (scale == Scale.CLASSES) {
            int out = f.values().length - 1;
            int k = f.values()[out].length;
            if (values.length < k || values[0].length < n) {
                values = new float[k][n];
            }
            for (int c = 0; c < k; c++) {
                painter.resample(f.node(out, c), f.grid(), values[c], size);
            }
            int[][] shades = classShades(k);
            for (int p = 0; p < n; p++) {
                int best = 0;
                float top = values[0][p];
                boolean finite = Float.isFinite(top);
                for (int c = 1; c < k; c++) {
                    float v = values[c][p];
                    finite &= Float.isFinite(v);
                    if (v > top) {
                        top = v;
                        best = c;
                    }
                }
                if (!finite) {
                    pixels[p] = map.notANumberArgb();
                    continue;
                }
                // confidence: 0 at the uniform guess 1/k, 1 at certainty
                double conf = flat ? 1 : Math.max(0, Math.min(1, (top - 1.0 / k) / (1 - 1.0 / k)));
                pixels[p] = shades[best][(int) Math.round(conf * (SHADES - 1))];
            }
            return values;
        }
        float[] field = scale == Scale.NODE ? f.node(nodeLayer, nodeIndex) : f.node(f.values().length - 1, 0);
        painter.resample(field, f.grid(), values[0], size);
        FieldRange r = range(scale);
        double lo = r.lo();
        double s = 2 / (r.hi() - lo);
        float[] v = values[0];
        for (int p = 0; p < n; p++) {
            double u = (v[p] - lo) * s - 1;
            if (flat && Double.isFinite(u)) {
                u = u >= 0 ? 1 : -1;
            }
            pixels[p] = map.argb(u);
        }
        return values;
    }

    private static final int SHADES = 64;
    private int[][] shadeCache;
    private long shadeRevision = -1;

    /** For each class, SHADES colours from the neutral colour (no confidence) to the class colour. */
    private int[][] classShades(int k) {
        if (shadeCache == null || shadeCache.length < k || shadeRevision != palette.revisionProperty().get()) {
            shadeCache = new int[Math.max(k, 3)][SHADES];
            for (int c = 0; c < shadeCache.length; c++) {
                Color to = palette.classColor(c);
                for (int i = 0; i < SHADES; i++) {
                    shadeCache[c][i] = DivergingColorMap.argb(palette.zeroColor().interpolate(to, (double) i / (SHADES - 1)));
                }
            }
            shadeRevision = palette.revisionProperty().get();
        }
        return shadeCache;
    }

    private void drawPicture() {
        GraphicsContext g = picture.getGraphicsContext2D();
        g.clearRect(0, 0, picture.getWidth(), picture.getHeight());
        if (plotSize <= 0) {
            return;
        }
        if (pictureValid && screenImage != null && screenSize == (int) plotSize) {
            g.drawImage(screenImage, plotX, plotY);
        } else if (pictureValid) {
            g.setImageSmoothing(true);
            g.drawImage(image(), plotX, plotY, plotSize, plotSize);
        } else {
            g.setFill(palette.zeroColor());
            g.fillRect(plotX, plotY, plotSize, plotSize);
            g.setFill(palette.inkColor());
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.setFont(Font.font(14));
            g.fillText("No field yet", plotX + plotSize / 2, plotY + plotSize / 2);
        }
    }

    // ---- the overlay: data, axes, legend ------------------------------------------------------

    private double fieldMin() {
        return snapshot != null && snapshot.field() != null ? snapshot.field().min() : -6;
    }

    private double fieldMax() {
        return snapshot != null && snapshot.field() != null ? snapshot.field().max() : 6;
    }

    private void redrawOverlay(boolean force) {
        Scale scale = scale();
        Object key = List.of(scale, scale == Scale.NODE || scale == Scale.CLASSES ? legendLabels(scale)
                : range(scale), fieldMin(), fieldMax(), plotX, plotY, plotSize, showTest.isSelected(),
                classesOf());
        if (!force && key.equals(overlayKey)) {
            return;
        }
        overlayKey = key;
        GraphicsContext g = overlay.getGraphicsContext2D();
        g.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
        if (plotSize <= 0) {
            return;
        }
        Color ink = palette.inkColor();
        g.setStroke(ink);
        g.setLineWidth(1);
        g.strokeRect(plotX + 0.5, plotY + 0.5, plotSize - 1, plotSize - 1);
        drawAxes(g, ink);
        drawPoints(g, scale);
        drawLegend(g, scale, ink);
    }

    private void drawAxes(GraphicsContext g, Color ink) {
        double lo = fieldMin();
        double hi = fieldMax();
        double step = niceStep((hi - lo) / 6);
        g.setFill(ink);
        g.setFont(Font.font(13));
        for (double t = Math.ceil(lo / step) * step; t <= hi + 1e-9; t += step) {
            double x = plotX + (t - lo) / (hi - lo) * plotSize;
            double y = plotY + (hi - t) / (hi - lo) * plotSize;
            g.strokeLine(x, plotY + plotSize, x, plotY + plotSize + 5);
            g.strokeLine(plotX - 5, y, plotX, y);
            String label = tick(t);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            g.fillText(label, x, plotY + plotSize + 6);
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(label, plotX - 7, y);
        }
    }

    /** Class count for the data's colours: 3 for three classes, 2 for -1/+1, 0 for regression. */
    private int classesOf() {
        if (snapshot != null) {
            var c = snapshot.config();
            return c.problem() == ProblemKind.REGRESSION ? 0 : c.dataset().classes();
        }
        return 2;
    }

    private void drawPoints(GraphicsContext g, Scale scale) {
        if (data == null) {
            return;
        }
        double r = Math.max(2.5, plotSize / 110);
        int classes = classesOf();
        g.save();
        g.beginPath();
        g.rect(plotX, plotY, plotSize, plotSize);
        g.clip();
        if (showTest.isSelected() && data.test() != null) {
            g.setLineWidth(Math.max(1.5, r * 0.6));
            drawSet(g, data.test(), r, classes, false);
        }
        g.setLineWidth(1);
        drawSet(g, data.train(), r, classes, true);
        g.restore();
    }

    private void drawSet(GraphicsContext g, Dataset set, double r, int classes, boolean filled) {
        if (set == null) {
            return;
        }
        double lo = fieldMin();
        double hi = fieldMax();
        double k = plotSize / (hi - lo);
        Color outline = Color.WHITE;
        Color dark = palette.inkColor();
        for (int i = 0; i < set.size(); i++) {
            double x = plotX + (set.x1(i) - lo) * k;
            double y = plotY + (hi - set.x2(i)) * k;
            Color c = pointColor(set.label(i), classes);
            if (filled) {
                g.setFill(c);
                g.fillOval(x - r, y - r, 2 * r, 2 * r);
                g.setStroke(outline);
                g.strokeOval(x - r, y - r, 2 * r, 2 * r);
            } else {
                double lw = g.getLineWidth();
                g.setStroke(dark);
                g.setLineWidth(lw + 2);
                g.strokeOval(x - r, y - r, 2 * r, 2 * r);
                g.setStroke(c);
                g.setLineWidth(lw);
                g.strokeOval(x - r, y - r, 2 * r, 2 * r);
            }
        }
    }

    private Color pointColor(double label, int classes) {
        if (!Double.isFinite(label)) {
            return palette.notANumberColor();
        }
        if (classes == 0) {
            return palette.classMap().color(label / labelRange);
        }
        if (classes == 3) {
            return palette.classColor((int) Math.round(label));
        }
        return palette.classColor(label > 0 ? 1 : -1);
    }

    private List<String> legendLabels(Scale scale) {
        if (scale == Scale.CLASSES) {
            int k = snapshot == null ? 2 : snapshot.output().outputs();
            List<String> names = new ArrayList<>();
            for (int c = 0; c < k; c++) {
                names.add("class " + c);
            }
            return names;
        }
        FieldRange r = range(scale);
        return List.of(tick(r.lo()), tick((r.lo() + r.hi()) / 2), tick(r.hi()));
    }

    private void drawLegend(GraphicsContext g, Scale scale, Color ink) {
        double y = plotY + plotSize + 28;
        double w = plotSize;
        g.setFont(Font.font(Font.getDefault().getFamily(), FontWeight.NORMAL, 13));
        g.setFill(ink);
        if (scale == Scale.CLASSES) {
            List<String> names = legendLabels(scale);
            double cell = w / names.size();
            for (int c = 0; c < names.size(); c++) {
                double x = plotX + c * cell;
                g.setFill(palette.classColor(c));
                g.fillRect(x + 2, y, LEGEND_BAR, LEGEND_BAR);
                g.setStroke(ink);
                g.strokeRect(x + 2.5, y + 0.5, LEGEND_BAR - 1, LEGEND_BAR - 1);
                g.setFill(ink);
                g.setTextAlign(TextAlignment.LEFT);
                g.setTextBaseline(VPos.CENTER);
                g.fillText(names.get(c), x + LEGEND_BAR + 8, y + LEGEND_BAR / 2);
            }
            return;
        }
        DivergingColorMap map = palette.classMap();
        int steps = (int) Math.max(2, Math.ceil(w));
        for (int i = 0; i < steps; i++) {
            double u = -1 + 2.0 * i / (steps - 1);
            g.setFill(map.color(u));
            g.fillRect(plotX + w * i / steps, y, w / steps + 1, LEGEND_BAR);
        }
        g.setStroke(ink);
        g.strokeRect(plotX + 0.5, y + 0.5, w - 1, LEGEND_BAR - 1);
        List<String> labels = legendLabels(scale);
        g.setFill(ink);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i < labels.size(); i++) {
            double x = plotX + w * i / (labels.size() - 1);
            g.strokeLine(x, y + LEGEND_BAR, x, y + LEGEND_BAR + 4);
            g.setTextAlign(i == 0 ? TextAlignment.LEFT : i == labels.size() - 1 ? TextAlignment.RIGHT
                    : TextAlignment.CENTER);
            g.fillText(labels.get(i), x, y + LEGEND_BAR + 5);
        }
    }

    private static String tick(double v) {
        if (Math.abs(v - Math.rint(v)) < 1e-9) {
            return Long.toString(Math.round(v));
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        if (!(raw > 0)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / p;
        return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
    }

    private static double maxAbsLabel(Dataset d) {
        double m = 0;
        if (d != null) {
            for (double v : d.labels()) {
                if (Double.isFinite(v)) {
                    m = Math.max(m, Math.abs(v));
                }
            }
        }
        return m;
    }

    /** Sizes both canvases to the pane and keeps the plot square. */
    private final class PlotPane extends Pane {
        @Override
        protected void layoutChildren() {
            double w = Math.floor(getWidth());
            double h = Math.floor(getHeight());
            boolean resized = picture.getWidth() != w || picture.getHeight() != h;
            picture.setWidth(w);
            picture.setHeight(h);
            overlay.setWidth(w);
            overlay.setHeight(h);
            double size = Math.floor(Math.max(0, Math.min(w - LEFT - RIGHT, h - TOP - BOTTOM)));
            double x = Math.floor(LEFT + (w - LEFT - RIGHT - size) / 2);
            if (resized || size != plotSize || x != plotX) {
                plotSize = size;
                plotX = x;
                plotY = TOP;
                if (size != screenSize && snapshot != null && snapshot.field() != null) {
                    repaint(); // the picture is made at the plot's size
                } else {
                    drawPicture();
                }
                redrawOverlay(true);
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
