package org.weightlab.ui.loss;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.controlsfx.control.SegmentedButton;
import org.weightlab.session.LossPoint;
import org.weightlab.session.SessionEvent.SettingChanged;
import org.weightlab.ui.fx.RedrawGate;

/**
 * Train and test loss against steps or epochs, drawn on one Canvas. Points are kept in primitive
 * arrays ({@link LossSeries}); each frame draws at most four points per pixel column
 * ({@link MinMaxDecimator}), so 100,000 or 1,000,000 points cost the same to draw. Any number of
 * appends, marks and mouse moves within one frame cause one redraw, on the next pulse; new points
 * alone redraw at most {@link #DATA_REDRAWS_PER_SECOND} times a second (the curves move by a
 * pixel or so between two redraws, and each costs the render thread a few milliseconds that the
 * network's edges need on every frame).
 *
 * <p>Mouse: hover shows the nearest point's exact values; drag a rectangle to zoom; scroll zooms
 * the step axis around the pointer; double-click returns to the whole run.
 */
public final class LossChartView extends BorderPane {

    public static final String STYLESHEET = "/org/weightlab/ui/loss/loss-chart.css";

    /** The three curves, in drawing order. */
    public enum Curve {
        /** The loss of each minibatch (per-step points); noisy, drawn thin. */
        BATCH("train (batch)"),
        /** The loss over the whole training set at each epoch's end. */
        TRAIN("train"),
        /** The loss over the test set at each epoch's end. */
        TEST("test");

        private final String label;

        Curve(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A vertical line where a setting changed. */
    public record Marker(long step, String label) {
    }

    /** Most redraws a second caused by new points alone (the mouse and settings redraw at once). */
    static final double DATA_REDRAWS_PER_SECOND = 30;
    private static final double PAD = 12;
    private static final double HOVER_RADIUS = 14;

    private final LossSeries[] series = {new LossSeries(), new LossSeries(), new LossSeries()};
    private final MinMaxDecimator[] lines = {new MinMaxDecimator(), new MinMaxDecimator(), new MinMaxDecimator()};
    private final List<Marker> markers = new ArrayList<>();

    /**
     * Log by default: at full speed a loss falls from about 0.5 to 1e-6 within seconds, and on a
     * linear axis the whole run then lies flat on the axis line.
     */
    private final BooleanProperty logScale = new SimpleBooleanProperty(this, "logScale", true);
    private final BooleanProperty epochAxis = new SimpleBooleanProperty(this, "epochAxis", false);

    private final Canvas canvas = new Canvas();
    private final PlotPane plot = new PlotPane();
    private final Label readout = new Label();
    private final Rectangle zoomBox = new Rectangle();
    // invisible nodes whose CSS-resolved colours and fonts the canvas draws with (the palette lives in CSS)
    private final Region[] swatches = {new Region(), new Region(), new Region()};
    private final Label tickStyle = new Label("0");
    private final Label markerStyle = new Label("m");
    private final Label gridStyle = new Label("g");
    private final Text measure = new Text();

    // zoom: NaN means "follow the data"
    private double zoomX0 = Double.NaN;
    private double zoomX1 = Double.NaN;
    private double zoomY0 = Double.NaN;
    private double zoomY1 = Double.NaN;

    // the last frame's mapping, for the mouse
    private double left;
    private double top;
    private double plotW;
    private double plotH;
    private double x0 = 0;
    private double x1 = 1;
    private double ty0 = 0;
    private double ty1 = 1;
    private List<AxisTicks.Tick> xTicks = List.of();
    private List<AxisTicks.Tick> yTicks = List.of();
    private final List<String> drawnMarkers = new ArrayList<>();

    private double hoverX = Double.NaN;
    private double hoverY = Double.NaN;
    private double dragX = Double.NaN;
    private double dragY = Double.NaN;

    /** The dense batch band: premultiplied ARGB pixels of the plot area, reused between frames. */
    private WritableImage band;
    private int[] bandPixels;

    private boolean dirty = true;
    /** Something besides new points changed: redraw on the next pulse, whatever the pace. */
    private boolean urgent = true;
    private boolean scheduled;
    private long frames;
    private final RedrawGate dataRedraws = new RedrawGate(DATA_REDRAWS_PER_SECOND);
    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (dirty && !urgent && !dataRedraws.isDue(now)) {
                return; // only new points: wait for a later pulse
            }
            stop();
            scheduled = false;
            if (dirty) {
                dataRedraws.mark(now);
                redrawNow();
            }
        }
    };

    public LossChartView() {
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("wl-loss-chart");
        getStylesheets().add(LossChartView.class.getResource(STYLESHEET).toExternalForm());

        Label title = new Label("Loss");
        title.getStyleClass().add("wl-loss-title");
        HBox legend = new HBox(14);
        legend.setAlignment(Pos.CENTER_LEFT);
        for (Curve c : Curve.values()) {
            Region swatch = swatches[c.ordinal()];
            swatch.getStyleClass().addAll("wl-loss-swatch", "wl-loss-swatch-" + c.name().toLowerCase(Locale.ROOT));
            Label item = new Label(c.label(), swatch);
            item.getStyleClass().add("wl-loss-legend-item");
            item.setId("legend-" + c.name().toLowerCase(Locale.ROOT));
            if (c == Curve.BATCH) {
                item.visibleProperty().bind(epochAxis.not());
                item.managedProperty().bind(item.visibleProperty());
            }
            legend.getChildren().add(item);
        }

        ToggleButton steps = toggle("lossSteps", "Steps", "Horizontal axis in optimizer steps (one per minibatch)");
        ToggleButton epochs = toggle("lossEpochs", "Epochs", "Horizontal axis in epochs (full passes over the training set)");
        SegmentedButton xMode = new SegmentedButton(steps, epochs);
        steps.setSelected(true);
        keepOneSelected(steps, epochs);
        epochs.selectedProperty().bindBidirectional(epochAxis);

        ToggleButton linear = toggle("lossLinear", "Linear", "Linear loss axis");
        ToggleButton log = toggle("lossLog", "Log", "Logarithmic loss axis: shows small losses and slow progress late in training");
        SegmentedButton yMode = new SegmentedButton(linear, log);
        log.setSelected(true);
        keepOneSelected(linear, log);
        log.selectedProperty().bindBidirectional(logScale);

        HBox toggles = new HBox(8, xMode, yMode);
        toggles.setAlignment(Pos.CENTER_LEFT);
        // wraps the toggles under the legend when the chart is narrow, instead of widening the window
        FlowPane header = new FlowPane(16, 4, title, legend, toggles);
        header.getStyleClass().add("wl-loss-header");
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(4, 8, 4, 8));
        header.setMinWidth(0);
        header.prefWrapLengthProperty().bind(widthProperty().subtract(20));
        setTop(header);

        canvas.setId("lossCanvas");
        readout.getStyleClass().add("wl-loss-readout");
        readout.setId("lossReadout");
        readout.setVisible(false);
        readout.setMouseTransparent(true);
        readout.setManaged(false);
        zoomBox.getStyleClass().add("wl-loss-zoom-box");
        zoomBox.setVisible(false);
        zoomBox.setManaged(false);
        zoomBox.setMouseTransparent(true);
        tickStyle.getStyleClass().add("wl-loss-tick");
        markerStyle.getStyleClass().add("wl-loss-marker");
        gridStyle.getStyleClass().add("wl-loss-grid");
        for (Node n : new Node[] {tickStyle, markerStyle, gridStyle}) {
            // kept "visible" so CSS resolves them, but never seen or hit
            n.setOpacity(0);
            n.setManaged(false);
            n.setMouseTransparent(true);
        }
        plot.getChildren().addAll(canvas, zoomBox, readout, tickStyle, markerStyle, gridStyle);
        plot.getStyleClass().add("wl-loss-plot");
        plot.setId("lossPlot");
        plot.setMinSize(200, 150);
        plot.setPrefSize(480, 300);
        Tooltip.install(plot, new Tooltip("Hover: exact values of the nearest point. Drag: zoom to a rectangle. "
                + "Scroll: zoom the horizontal axis. Double-click: show the whole run."));
        setCenter(plot);
    }

    private static ToggleButton toggle(String id, String text, String tip) {
        ToggleButton b = new ToggleButton(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        return b;
    }

    /** A segmented pair where clicking the selected button does not leave both unselected. */
    private static void keepOneSelected(ToggleButton a, ToggleButton b) {
        a.selectedProperty().addListener((o, was, is) -> b.setSelected(!is));
        b.selectedProperty().addListener((o, was, is) -> a.setSelected(!is));
    }

    private void initListeners() {
        logScale.addListener((o, was, is) -> {
            zoomY0 = Double.NaN;
            zoomY1 = Double.NaN;
            requestRedraw();
        });
        epochAxis.addListener((o, was, is) -> resetZoom());
        canvas.widthProperty().addListener(o -> requestRedraw());
        canvas.heightProperty().addListener(o -> requestRedraw());
        plot.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            hoverX = e.getX();
            hoverY = e.getY();
            requestRedraw();
        });
        plot.addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            hoverX = Double.NaN;
            requestRedraw();
        });
        plot.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                dragX = e.getX();
                dragY = e.getY();
            }
        });
        plot.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (Double.isNaN(dragX)) {
                return;
            }
            zoomBox.setX(Math.min(dragX, e.getX()));
            zoomBox.setY(Math.min(dragY, e.getY()));
            zoomBox.setWidth(Math.abs(e.getX() - dragX));
            zoomBox.setHeight(Math.abs(e.getY() - dragY));
            zoomBox.setVisible(true);
        });
        plot.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (!Double.isNaN(dragX) && Math.abs(e.getX() - dragX) > 6 && Math.abs(e.getY() - dragY) > 6) {
                zoomToPixels(dragX, dragY, e.getX(), e.getY());
            }
            dragX = Double.NaN;
            zoomBox.setVisible(false);
        });
        plot.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                resetZoom();
            }
        });
        plot.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0 && plotW > 0) {
                zoomX(xAt(e.getX()), e.getDeltaY() > 0 ? 0.8 : 1.25);
                e.consume();
            }
        });
    }

    // ---------------------------------------------------------------- inputs

    /** Adds loss points in order. A point at a step the chart already holds starts a fork: later points are dropped. */
    public void append(List<LossPoint> points) {
        for (LossPoint p : points) {
            double step = p.step();
            if (p.epochEnd()) {
                if (step < series[Curve.TRAIN.ordinal()].lastStep()) {
                    forkAt(step);
                }
                series[Curve.TRAIN.ordinal()].add(step, p.epoch(), p.trainLoss());
                series[Curve.TEST.ordinal()].add(step, p.epoch(), p.testLoss());
            } else {
                if (step <= series[Curve.BATCH.ordinal()].lastStep()) {
                    forkAt(step);
                }
                series[Curve.BATCH.ordinal()].add(step, p.epoch(), p.trainLoss());
            }
        }
        if (!points.isEmpty()) {
            requestDataRedraw();
        }
    }

    /** Marks a changed setting with a labelled vertical line at its step. */
    public void mark(SettingChanged e) {
        markers.add(new Marker(e.step(), e.label()));
        requestRedraw();
    }

    /** Forgets all points and markers (a rebuilt run starts a new curve). */
    public void clear() {
        for (LossSeries s : series) {
            s.clear();
        }
        markers.clear();
        resetZoom();
    }

    /** Drops everything after {@code step}: the run went back there (time travel) and forks. */
    public void cutAfter(long step) {
        forkAt(step + 0.5);
        requestRedraw();
    }

    private void forkAt(double step) {
        for (LossSeries s : series) {
            s.truncateFrom(step);
        }
        markers.removeIf(m -> m.step() > step);
    }

    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    /** True: the horizontal axis counts epochs; false: steps. */
    public BooleanProperty epochAxisProperty() {
        return epochAxis;
    }

    /** Back to the whole run on both axes. */
    public void resetZoom() {
        zoomX0 = Double.NaN;
        zoomX1 = Double.NaN;
        zoomY0 = Double.NaN;
        zoomY1 = Double.NaN;
        requestRedraw();
    }

    /** Shows only [from, to] on the horizontal axis (steps or epochs, as the axis shows). */
    public void zoomTo(double from, double to) {
        if (to > from) {
            zoomX0 = from;
            zoomX1 = to;
            requestRedraw();
        }
    }

    // ---------------------------------------------------------------- read-outs for tests and benchmarks

    public LossSeries series(Curve c) {
        return series[c.ordinal()];
    }

    /** The vertices drawn for {@code c} in the last frame (data coordinates and point indices). */
    public MinMaxDecimator drawnLine(Curve c) {
        return lines[c.ordinal()];
    }

    public List<AxisTicks.Tick> yTicks() {
        return Collections.unmodifiableList(yTicks);
    }

    public List<AxisTicks.Tick> xTicks() {
        return Collections.unmodifiableList(xTicks);
    }

    public List<Marker> markers() {
        return Collections.unmodifiableList(markers);
    }

    /** Labels of the markers inside the last frame's range. */
    public List<String> drawnMarkerLabels() {
        return Collections.unmodifiableList(drawnMarkers);
    }

    /** The visible horizontal range of the last frame. */
    public double[] xRange() {
        return new double[] {x0, x1};
    }

    public String readoutText() {
        return readout.isVisible() ? readout.getText() : "";
    }

    /** Frames drawn so far. */
    public long framesDrawn() {
        return frames;
    }

    /** Pixel position of data point (x, value) in the last frame, relative to the plot. */
    public double[] toPixels(double x, double value) {
        return new double[] {px(x), py(value)};
    }

    // ---------------------------------------------------------------- drawing

    private void requestRedraw() {
        urgent = true;
        requestDataRedraw();
    }

    private void requestDataRedraw() {
        dirty = true;
        if (!scheduled) {
            scheduled = true;
            pulse.start();
        }
    }

    /** Draws the frame now (normally called on the pulse after a change). */
    public void redrawNow() {
        dirty = false;
        urgent = false;
        frames++;
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (w < 40 || h < 40) {
            return;
        }
        boolean inEpochs = epochAxis.get();
        boolean log = logScale.get();
        Font tickFont = tickStyle.getFont();
        Paint fg = tickStyle.getTextFill();
        double fontSize = tickFont.getSize();

        // horizontal range
        computeXRange(inEpochs);
        left = PAD + 4.2 * fontSize; // first guess, corrected after measuring the y labels
        double bottomMargin = 2.6 * fontSize + PAD;
        top = PAD;
        plotH = Math.max(10, h - top - bottomMargin);
        int columns = (int) Math.max(1, w - left - PAD);
        double yLo = Double.POSITIVE_INFINITY;
        double yHi = Double.NEGATIVE_INFINITY;
        for (Curve c : Curve.values()) {
            MinMaxDecimator line = lines[c.ordinal()];
            if (c == Curve.BATCH && inEpochs) {
                line.decimate(new double[0], new double[0], 0, 0, 1, 1, log);
                continue;
            }
            LossSeries s = series[c.ordinal()];
            line.decimate(s.xs(inEpochs), s.values(), s.size(), x0, x1, columns, log);
            for (int k = 0; k < line.count(); k++) {
                if (line.x(k) >= x0 && line.x(k) <= x1) {
                    yLo = Math.min(yLo, line.y(k));
                    yHi = Math.max(yHi, line.y(k));
                }
            }
        }
        computeYRange(yLo, yHi, log);
        yTicks = log ? AxisTicks.log(inverse(ty0), inverse(ty1))
                : AxisTicks.linear(ty0, ty1, (int) Math.max(2, plotH / (3.2 * fontSize)));
        measure.setFont(tickFont);
        double labelW = 0;
        for (AxisTicks.Tick t : yTicks) {
            measure.setText(t.label());
            labelW = Math.max(labelW, measure.getLayoutBounds().getWidth());
        }
        left = PAD + fontSize * 1.4 + labelW + 8; // room for the rotated axis title, the labels and a gap
        plotW = Math.max(10, w - left - 2 * PAD);
        xTicks = AxisTicks.linear(x0, x1, (int) Math.max(2, plotW / (7 * fontSize)));

        drawGridLines(g);
        for (Curve c : Curve.values()) {
            drawCurve(g, c);
        }
        drawMarkers(g, inEpochs);
        // Clips what was drawn so far to the plot. Clearing the margins gives the same picture as a
        // canvas clip, which the software renderer does by blending a mask over the whole canvas.
        double right = left + plotW;
        double bottom = top + plotH;
        g.clearRect(0, 0, w, top);
        g.clearRect(0, bottom, w, h - bottom);
        g.clearRect(0, top, left, plotH);
        g.clearRect(right, top, w - right, plotH);
        drawAxes(g, fg, tickFont, inEpochs, log);
        drawHover(g, inEpochs);
    }

    private void computeXRange(boolean inEpochs) {
        if (!Double.isNaN(zoomX0)) {
            x0 = zoomX0;
            x1 = zoomX1;
            return;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Curve c : Curve.values()) {
            LossSeries s = series[c.ordinal()];
            if (s.size() == 0 || (c == Curve.BATCH && inEpochs)) {
                continue;
            }
            double[] xs = s.xs(inEpochs);
            lo = Math.min(lo, xs[0]);
            hi = Math.max(hi, xs[s.size() - 1]);
        }
        if (!(hi > lo)) {
            lo = Double.isFinite(lo) ? lo : 0;
            hi = lo + (inEpochs ? 1 : 10);
        }
        x0 = Math.max(0, lo);
        x1 = hi;
    }

    private void computeYRange(double lo, double hi, boolean log) {
        if (!Double.isNaN(zoomY0)) {
            ty0 = forward(zoomY0, log);
            ty1 = forward(zoomY1, log);
            return;
        }
        if (!(hi >= lo)) {
            lo = log ? 0.01 : 0;
            hi = 1;
        }
        if (log) {
            double a = Math.log10(lo);
            double b = Math.log10(hi);
            double pad = Math.max(0.05 * (b - a), 0.1);
            ty0 = a - pad;
            ty1 = b + pad;
        } else {
            double span = hi - lo;
            double pad = span > 0 ? 0.05 * span : Math.max(0.1 * Math.abs(hi), 0.5);
            ty0 = lo - pad;
            if (lo >= 0 && ty0 < 0) {
                ty0 = 0;
            }
            ty1 = hi + pad;
        }
    }

    private boolean isLog() {
        return logScale.get();
    }

    private static double forward(double v, boolean log) {
        return log ? Math.log10(v) : v;
    }

    private double inverse(double t) {
        return isLog() ? Math.pow(10, t) : t;
    }

    private double px(double x) {
        return left + (x - x0) / (x1 - x0) * plotW;
    }

    private double py(double value) {
        return top + plotH - (forward(value, isLog()) - ty0) / (ty1 - ty0) * plotH;
    }

    private double xAt(double pixel) {
        return x0 + (pixel - left) / plotW * (x1 - x0);
    }

    private double valueAt(double pixel) {
        return inverse(ty0 + (top + plotH - pixel) / plotH * (ty1 - ty0));
    }

    /** The grid lines, inside the plot, under the curves. */
    private void drawGridLines(GraphicsContext g) {
        g.setLineWidth(1);
        g.setLineDashes();
        g.setStroke(gridStyle.getTextFill());
        for (AxisTicks.Tick t : yTicks) {
            double y = Math.round(py(t.value())) + 0.5;
            g.strokeLine(left, y, left + plotW, y);
        }
        for (AxisTicks.Tick t : xTicks) {
            double x = Math.round(px(t.value())) + 0.5;
            g.strokeLine(x, top, x, top + plotH);
        }
    }

    /** Tick labels and marks, the axis lines and the axis titles, around the plot. */
    private void drawAxes(GraphicsContext g, Paint fg, Font font, boolean inEpochs, boolean log) {
        g.setFont(font);
        g.setLineWidth(1);
        g.setLineDashes();
        g.setFill(fg);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        for (AxisTicks.Tick t : yTicks) {
            double y = Math.round(py(t.value())) + 0.5;
            g.fillText(t.label(), left - 8, y);
        }
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        double w = canvas.getWidth();
        for (AxisTicks.Tick t : xTicks) {
            double x = Math.round(px(t.value())) + 0.5;
            g.setStroke(fg);
            g.strokeLine(x, top + plotH, x, top + plotH + 5);
            // keep a label at the right edge whole instead of cutting it
            measure.setText(t.label());
            double half = measure.getLayoutBounds().getWidth() / 2;
            g.fillText(t.label(), Math.min(x, w - half - 2), top + plotH + 7);
        }
        g.setStroke(fg);
        g.setLineWidth(1.5);
        g.strokeLine(left, top, left, top + plotH);
        g.strokeLine(left, top + plotH, left + plotW, top + plotH);
        // axis titles
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(inEpochs ? "epoch" : "step", left + plotW / 2, canvas.getHeight() - 2);
        g.save();
        g.translate(PAD + font.getSize() * 0.6, top + plotH / 2);
        g.rotate(-90);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(log ? "loss (log)" : "loss", 0, 0);
        g.restore();
    }

    private void drawCurve(GraphicsContext g, Curve c) {
        MinMaxDecimator line = lines[c.ordinal()];
        int n = line.count();
        if (n == 0) {
            return;
        }
        Paint colour = swatchColour(c);
        if (c == Curve.BATCH && n > plotW) {
            // more than one vertex per pixel column: a raster band is exact and far cheaper to render
            drawBand(g, line, colour);
            return;
        }
        g.setStroke(colour);
        g.setFill(colour);
        g.setLineDashes();
        g.setGlobalAlpha(c == Curve.BATCH ? 0.5 : 1.0);
        g.beginPath();
        g.moveTo(px(line.x(0)), py(line.y(0)));
        for (int k = 1; k < n; k++) {
            g.lineTo(px(line.x(k)), py(line.y(k)));
        }
        if (c != Curve.BATCH) {
            // a halo in the background colour keeps the epoch curves readable on top of the batch band
            g.setStroke(markerBackground());
            g.setLineWidth(7);
            g.stroke();
            g.setStroke(colour);
        }
        g.setLineWidth(c == Curve.BATCH ? 1.5 : 3);
        g.stroke();
        g.setGlobalAlpha(1.0);
        // epoch-end curves have few points: show each as a dot while they are far apart
        if (c != Curve.BATCH && n > 0 && plotW / n >= 10) {
            double r = c == Curve.TEST ? 4.5 : 4;
            for (int k = 0; k < n; k++) {
                g.setFill(markerBackground());
                g.fillOval(px(line.x(k)) - r - 1.5, py(line.y(k)) - r - 1.5, 2 * r + 3, 2 * r + 3);
                g.setFill(colour);
                g.fillOval(px(line.x(k)) - r, py(line.y(k)) - r, 2 * r, 2 * r);
            }
        }
    }

    /**
     * Fills, per pixel column, the span from the column's lowest to highest vertex, joined to the
     * previous column's last vertex so the band has no gaps: what the polyline would cover, as
     * pixels. One setPixels call into a reused buffer; the render thread only copies an image.
     */
    private void drawBand(GraphicsContext g, MinMaxDecimator line, Paint colour) {
        int w = (int) Math.ceil(plotW);
        int h = (int) Math.ceil(plotH);
        if (band == null || band.getWidth() != w || band.getHeight() != h) {
            band = new WritableImage(w, h);
            bandPixels = new int[w * h];
        } else {
            java.util.Arrays.fill(bandPixels, 0);
        }
        Color c = colour instanceof Color col ? col : Color.web("#1b7837");
        double alpha = 0.55;
        // premultiplied ARGB
        int a = (int) Math.round(alpha * 255);
        int argb = a << 24 | (int) Math.round(c.getRed() * alpha * 255) << 16
                | (int) Math.round(c.getGreen() * alpha * 255) << 8 | (int) Math.round(c.getBlue() * alpha * 255);
        int n = line.count();
        int k = 0;
        double prevY = Double.NaN;
        while (k < n) {
            int col = (int) Math.floor(px(line.x(k)) - left);
            double lo = py(line.y(k));
            double hi = lo;
            double last = lo;
            int j = k;
            for (; j < n && (int) Math.floor(px(line.x(j)) - left) == col; j++) {
                double y = py(line.y(j));
                lo = Math.min(lo, y);
                hi = Math.max(hi, y);
                last = y;
            }
            if (!Double.isNaN(prevY)) {
                lo = Math.min(lo, prevY);
                hi = Math.max(hi, prevY);
            }
            prevY = last;
            k = j;
            if (col < 0 || col >= w) {
                continue;
            }
            int y0 = (int) Math.max(0, Math.floor(lo - top));
            int y1 = (int) Math.min(h - 1, Math.floor(hi - top));
            for (int y = y0; y <= y1; y++) {
                bandPixels[y * w + col] = argb;
            }
        }
        band.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), bandPixels, 0, w);
        g.drawImage(band, left, top);
    }

    /** The marker labels' background, from CSS (so a dark theme gets a dark box). */
    private Paint markerBackground() {
        if (markerStyle.getBackground() != null && !markerStyle.getBackground().getFills().isEmpty()) {
            return markerStyle.getBackground().getFills().get(0).getFill();
        }
        return Color.rgb(255, 255, 255, 0.85);
    }

    private Paint swatchColour(Curve c) {
        Region r = swatches[c.ordinal()];
        if (r.getBackground() != null && !r.getBackground().getFills().isEmpty()) {
            return r.getBackground().getFills().get(0).getFill();
        }
        return switch (c) {
            case BATCH, TRAIN -> Color.web("#1b7837");
            case TEST -> Color.web("#762a83");
        };
    }

    private void drawMarkers(GraphicsContext g, boolean inEpochs) {
        drawnMarkers.clear();
        if (markers.isEmpty()) {
            return;
        }
        Paint colour = markerStyle.getTextFill();
        Font font = markerStyle.getFont();
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        double lineH = font.getSize() * 1.35;
        double[] laneEnd = new double[3];
        java.util.Arrays.fill(laneEnd, Double.NEGATIVE_INFINITY);
        for (Marker m : markers) {
            double x = inEpochs ? epochAt(m.step()) : m.step();
            if (Double.isNaN(x) || x < x0 || x > x1) {
                continue;
            }
            double sx = Math.round(px(x)) + 0.5;
            g.setStroke(colour);
            g.setLineWidth(2);
            g.setLineDashes(8, 5);
            g.strokeLine(sx, top, sx, top + plotH);
            g.setLineDashes();
            measure.setFont(font);
            measure.setText(m.label());
            double tw = measure.getLayoutBounds().getWidth() + 8;
            double tx = sx + tw + 4 > left + plotW ? sx - tw - 4 : sx + 4;
            int lane = 0;
            while (lane < laneEnd.length && laneEnd[lane] > tx) {
                lane++;
            }
            drawnMarkers.add(m.label());
            if (lane == laneEnd.length) {
                continue; // too crowded for another label: the line alone still shows the change
            }
            laneEnd[lane] = tx + tw + 6;
            double ty = top + 4 + lane * (lineH + 4);
            g.setFill(markerBackground());
            g.fillRoundRect(tx, ty, tw, lineH, 6, 6);
            g.setStroke(colour);
            g.setLineWidth(1);
            g.strokeRoundRect(tx, ty, tw, lineH, 6, 6);
            g.setFill(colour);
            g.fillText(m.label(), tx + 4, ty + 2);
        }
    }

    /** The (fractional) epoch at {@code step}, from the epoch-end points around it. */
    private double epochAt(double step) {
        LossSeries s = series[Curve.TRAIN.ordinal()];
        int n = s.size();
        if (n == 0) {
            return Double.NaN;
        }
        int i = LossSeries.lowerBound(s.xs(false), n, step);
        double sa;
        double ea;
        double sb;
        double eb;
        if (i == 0) {
            sa = 0;
            ea = 0;
            sb = s.step(0);
            eb = s.epoch(0);
        } else if (i == n) {
            if (n == 1) {
                return s.epoch(0) * step / Math.max(1, s.step(0));
            }
            sa = s.step(n - 2);
            ea = s.epoch(n - 2);
            sb = s.step(n - 1);
            eb = s.epoch(n - 1);
        } else {
            sa = s.step(i - 1);
            ea = s.epoch(i - 1);
            sb = s.step(i);
            eb = s.epoch(i);
        }
        return sb == sa ? eb : ea + (step - sa) * (eb - ea) / (sb - sa);
    }

    private void drawHover(GraphicsContext g, boolean inEpochs) {
        if (Double.isNaN(hoverX) || hoverX < left || hoverX > left + plotW || hoverY < top || hoverY > top + plotH) {
            readout.setVisible(false);
            return;
        }
        Curve best = null;
        int bestIndex = -1;
        double bestD = Double.POSITIVE_INFINITY;
        double xa = xAt(hoverX - HOVER_RADIUS);
        double xb = xAt(hoverX + HOVER_RADIUS);
        for (Curve c : Curve.values()) {
            if (c == Curve.BATCH && inEpochs) {
                continue;
            }
            LossSeries s = series[c.ordinal()];
            double[] xs = s.xs(inEpochs);
            int n = s.size();
            if (n == 0) {
                continue;
            }
            int from = LossSeries.lowerBound(xs, n, xa);
            int to = LossSeries.lowerBound(xs, n, xb);
            // near-by points first; failing that, the nearest point in x on either side
            if (from == to) {
                from = Math.max(0, from - 1);
                to = Math.min(n, to + 1);
            }
            for (int i = from; i < to; i++) {
                double v = s.value(i);
                if (!Double.isFinite(v) || (isLog() && v <= 0)) {
                    continue;
                }
                double dx = px(xs[i]) - hoverX;
                double dy = py(v) - hoverY;
                // the batch band is dense: an epoch-end point within a few pixels wins over batch points
                double d = dx * dx + dy * dy + (c == Curve.BATCH ? 64 : 0);
                if (d < bestD) {
                    bestD = d;
                    best = c;
                    bestIndex = i;
                }
            }
        }
        if (best == null) {
            readout.setVisible(false);
            return;
        }
        LossSeries s = series[best.ordinal()];
        double sx = px(s.xs(inEpochs)[bestIndex]);
        double sy = py(s.value(bestIndex));
        g.setStroke(swatchColour(best));
        g.setLineWidth(3);
        g.strokeOval(sx - 7, sy - 7, 14, 14);
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "step %,d  \u00b7  epoch %d%n", (long) s.step(bestIndex),
                (long) s.epoch(bestIndex)));
        text.append(best.label()).append(": ").append(AxisTicks.exact(s.value(bestIndex)));
        if (best != Curve.BATCH) {
            Curve other = best == Curve.TRAIN ? Curve.TEST : Curve.TRAIN;
            text.append('\n').append(other.label()).append(": ")
                    .append(AxisTicks.exact(series[other.ordinal()].value(bestIndex)));
        }
        readout.setText(text.toString());
        readout.setVisible(true);
        readout.applyCss();
        readout.autosize();
        double rw = readout.getWidth();
        double rh = readout.getHeight();
        double rx = sx + 14 + rw > left + plotW ? sx - 14 - rw : sx + 14;
        double ry = Math.max(top, Math.min(sy - rh - 10, top + plotH - rh));
        readout.relocate(rx, ry);
    }

    private void zoomToPixels(double ax, double ay, double bx, double by) {
        double xa = xAt(Math.min(ax, bx));
        double xb = xAt(Math.max(ax, bx));
        double va = valueAt(Math.max(ay, by));
        double vb = valueAt(Math.min(ay, by));
        if (xb > xa && vb > va) {
            zoomX0 = xa;
            zoomX1 = xb;
            zoomY0 = va;
            zoomY1 = vb;
            requestRedraw();
        }
    }

    private void zoomX(double centre, double factor) {
        double a = centre - (centre - x0) * factor;
        double b = centre + (x1 - centre) * factor;
        if (b - a < 1e-9) {
            return;
        }
        zoomX0 = a;
        zoomX1 = b;
        requestRedraw();
    }

    /** Sizes the canvas to the pane; a size change schedules a redraw. */
    private final class PlotPane extends Pane {
        @Override
        protected void layoutChildren() {
            canvas.setWidth(Math.floor(getWidth()));
            canvas.setHeight(Math.floor(getHeight()));
        }
    }
}
