package org.weightlab.ui.loss;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.text.Font;
import org.controlsfx.control.SegmentedButton;
import org.weightlab.session.LossHistory;
import org.weightlab.session.LossPoint;
import org.weightlab.session.LossSeries;
import org.weightlab.session.SessionEvent.SettingChanged;
import org.weightlab.ui.fx.Redraw;

/**
 * Train and test loss against steps or epochs, drawn on one Canvas from a {@link LossHistory}
 * (the chart holds no copy of the points). Each frame draws at most four points per pixel column
 * ({@link MinMaxDecimator}), so 100,000 or 1,000,000 points cost the same to draw. Any number of
 * changes to the history, and of mouse moves, within one frame cause one redraw, on the next
 * pulse ({@link Redraw}); new points alone redraw at most {@link #DATA_REDRAWS_PER_SECOND} times a second (the
 * curves move by a pixel or so between two redraws, and each costs the render thread a few
 * milliseconds that the network's edges need on every frame).
 *
 * <p>The parts: {@link PlotScale} maps data to pixels and holds the zoom, {@link AxisPainter}
 * the ticks and axes, {@link CurvePainter} the curves, {@link MarkerPainter} the changed
 * settings, {@link HoverReadout} the exact values under the pointer, {@link ChartMouse} zooming.
 *
 * <p>Mouse: hover shows the nearest point's exact values; drag a rectangle to zoom; scroll zooms
 * the step axis around the pointer; double-click returns to the whole run.
 */
public final class LossChartView extends BorderPane {

    public static final String STYLESHEET = "/org/weightlab/ui/loss/loss-chart.css";

    /** The curves, in drawing order (task A's only once the run has moved to a second task). */
    public enum Curve {
        /** The loss of each minibatch (per-step points); noisy, drawn thin. */
        BATCH("train (batch)"),
        /** The loss over the whole training set at each epoch's end. */
        TRAIN("train"),
        /** The loss over the test set at each epoch's end. */
        TEST("test"),
        /** After a move to task B: the loss over task A's test set at each epoch's end (forgetting). */
        TASK_A("task A test");

        private final String label;

        Curve(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Most redraws a second caused by new points alone (the mouse and settings redraw at once). */
    static final double DATA_REDRAWS_PER_SECOND = 30;

    private final LossHistory history;
    /**
     * Log by default: at full speed a loss falls from about 0.5 to 1e-6 within seconds, and on a
     * linear axis the whole run then lies flat on the axis line.
     */
    private final BooleanProperty logScale = new SimpleBooleanProperty(this, "logScale", true);
    private final BooleanProperty epochAxis = new SimpleBooleanProperty(this, "epochAxis", false);
    /** True once the history holds task A's loss (the run moved to a second task): its legend entry shows. */
    private final BooleanProperty taskAShown = new SimpleBooleanProperty(this, "taskAShown", false);

    private final Canvas canvas = new Canvas();
    private final PlotPane plot = new PlotPane();
    private final PlotScale scale = new PlotScale();
    private final ChartPalette palette = new ChartPalette();
    private final AxisPainter axes = new AxisPainter(scale, palette);
    private final CurvePainter curves;
    private final MarkerPainter markerPainter;
    private final HoverReadout hover;
    private final ChartMouse mouse;

    /** New points at the end of the history: drawn at {@link #DATA_REDRAWS_PER_SECOND}. */
    private static final int POINTS = 1;
    /** Anything else (size, zoom, mouse, theme, markers, the cursor): drawn on the next pulse. */
    private static final int VIEW = 2;
    private final Redraw redraw;
    /** The step of the past moment the window shows, or -1 while it shows the live run. */
    private long cursorStep = -1;
    private final CursorPainter cursorPainter;

    /** A chart with a history of its own (for a chart fed directly). */
    public LossChartView() {
        this(new LossHistory());
    }

    /** A chart that draws {@code history}; it redraws whenever the history changes. */
    public LossChartView(LossHistory history) {
        this.history = history;
        curves = new CurvePainter(history, scale, palette);
        markerPainter = new MarkerPainter(history, scale, palette);
        hover = new HoverReadout(curves, scale, palette);
        mouse = new ChartMouse(plot, scale, this::requestRedraw);
        cursorPainter = new CursorPainter(scale, palette, markerPainter::epochAt);
        redraw = new Redraw(canvas, bits -> draw()).pace(POINTS, DATA_REDRAWS_PER_SECOND);
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("wl-loss-chart");
        getStylesheets().add(LossChartView.class.getResource(STYLESHEET).toExternalForm());

        Label title = new Label("Loss");
        title.getStyleClass().add("wl-loss-title");
        // The legend's entries wrap among themselves in a narrow column rather than run off its edge.
        FlowPane legend = new FlowPane(14, 2);
        legend.setAlignment(Pos.CENTER_LEFT);
        legend.prefWrapLengthProperty().bind(widthProperty().subtract(40));
        for (Curve c : Curve.values()) {
            Label item = new Label(c.label(), palette.swatch(c));
            item.getStyleClass().add("wl-loss-legend-item");
            item.setId("legend-" + c.name().toLowerCase(Locale.ROOT));
            if (c == Curve.BATCH) {
                item.visibleProperty().bind(epochAxis.not());
                item.managedProperty().bind(item.visibleProperty());
            } else if (c == Curve.TASK_A) {
                item.visibleProperty().bind(taskAShown);
                item.managedProperty().bind(taskAShown);
            }
            legend.getChildren().add(item);
        }

        ToggleButton steps = toggle("lossSteps", "Steps", "Horizontal axis in optimizer steps (one per minibatch)");
        ToggleButton epochs = toggle("lossEpochs", "Epochs", "Horizontal axis in epochs (full passes over the training set)");
        SegmentedButton xMode = segmented(steps, epochs, epochAxis);

        ToggleButton linear = toggle("lossLinear", "Linear", "Linear loss axis");
        ToggleButton log = toggle("lossLog", "Log", "Logarithmic loss axis: shows small losses and slow progress late in training");
        SegmentedButton yMode = segmented(linear, log, logScale);

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
        plot.getChildren().addAll(canvas, mouse.zoomBox(), hover.label());
        plot.getChildren().addAll(palette.styleNodes());
        plot.getStyleClass().add("wl-loss-plot");
        plot.setId("lossPlot");
        plot.setMinWidth(200); // its least height is in the stylesheet, in em: three labelled ticks at any type size
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

    /** A segmented pair whose second button is selected while {@code second} is true, and the first otherwise. */
    private static SegmentedButton segmented(ToggleButton first, ToggleButton second, BooleanProperty secondOn) {
        SegmentedButton pair = new SegmentedButton(first, second);
        first.setSelected(!secondOn.get());
        second.setSelected(secondOn.get());
        keepOneSelected(first, second);
        second.selectedProperty().bindBidirectional(secondOn);
        return pair;
    }

    /** A segmented pair where clicking the selected button does not leave both unselected. */
    private static void keepOneSelected(ToggleButton a, ToggleButton b) {
        a.selectedProperty().addListener((o, was, is) -> b.setSelected(!is));
        b.selectedProperty().addListener((o, was, is) -> a.setSelected(!is));
    }

    private void initListeners() {
        logScale.addListener((o, was, is) -> {
            scale.resetZoomY();
            requestRedraw();
        });
        epochAxis.addListener((o, was, is) -> resetZoom());
        canvas.widthProperty().addListener(o -> requestRedraw());
        canvas.heightProperty().addListener(o -> requestRedraw());
        // a theme switch or a new interface size repaints at once, even a chart without points
        palette.palette.revisionProperty().addListener(o -> requestRedraw());
        palette.tickStyle.fontProperty().addListener(o -> requestRedraw());
        palette.tickStyle.textFillProperty().addListener(o -> requestRedraw());
        palette.gridStyle.textFillProperty().addListener(o -> requestRedraw());
        palette.markerStyle.textFillProperty().addListener(o -> requestRedraw());
        palette.markerStyle.backgroundProperty().addListener(o -> requestRedraw());
        history.onChange(change -> {
            if (change != LossHistory.Change.POINTS || !taskAShown.get()) {
                taskAShown.set(holdsTaskA());
            }
            switch (change) {
                case POINTS -> requestDataRedraw();
                case EDITED -> requestRedraw();
                case CLEARED -> resetZoom();
            }
        });
    }

    /** True when some epoch end holds a task A loss. */
    private boolean holdsTaskA() {
        LossSeries ends = history.epochEnds();
        double[] taskA = ends.values(LossHistory.TASK_A_LOSS);
        for (int i = ends.size() - 1; i >= 0; i--) {
            if (Double.isFinite(taskA[i])) {
                return true;
            }
        }
        return false;
    }

    /** True while the legend shows the task A entry (the history holds task A's loss). */
    public boolean showsTaskA() {
        return taskAShown.get();
    }

    // ---------------------------------------------------------------- inputs (kept in the history)

    /** The history this chart draws. */
    public LossHistory history() {
        return history;
    }

    /** Adds loss points to the history, in order (see {@link LossHistory#append}). */
    public void append(List<LossPoint> points) {
        history.append(points);
    }

    /** Marks a changed setting with a labelled vertical line at its step. */
    public void mark(SettingChanged e) {
        history.mark(e);
    }

    /** Forgets all points and markers (a rebuilt run starts a new curve). */
    public void clear() {
        history.clear();
    }

    /** Drops everything after {@code step}: the run went back there (time travel) and forks. */
    public void cutAfter(long step) {
        history.cutAfter(step);
    }

    /**
     * Marks {@code step} with a labelled vertical line ("step N"): the window shows that moment of
     * the past (time travel).
     */
    public void showCursor(long step) {
        if (step != cursorStep) {
            cursorStep = step;
            requestRedraw();
        }
    }

    /** Removes the cursor: the window shows the live run again. */
    public void clearCursor() {
        showCursor(-1);
    }

    /** The step the cursor marks, or -1 when there is none. */
    public long cursorStep() {
        return cursorStep;
    }

    /** The cursor's label as drawn in the last frame, or null when none was drawn. */
    public String drawnCursorLabel() {
        return cursorPainter.drawnLabel();
    }

    /** Where the tick labels were drawn in the last frame, in canvas pixels (none cut, none overlapping). */
    public List<javafx.geometry.Rectangle2D> tickLabelBoxes() {
        return Collections.unmodifiableList(axes.labelBoxes());
    }

    /** Gaps left in curve {@code c} in the last frame: missing evaluations, not joined by a line. */
    public int drawnGaps(Curve c) {
        return curves.gaps(c);
    }

    /** The tick labels' type size as CSS gives it (the interface size scales it), before fitting a low chart. */
    public double tickFontSize() {
        return palette.tickStyle.getFont().getSize();
    }

    /** The canvas the chart draws on (exports and tests read its size). */
    public Canvas canvas() {
        return canvas;
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
        scale.resetZoom();
        requestRedraw();
    }

    /** Shows only [from, to] on the horizontal axis (steps or epochs, as the axis shows). */
    public void zoomTo(double from, double to) {
        if (scale.zoomX(from, to)) {
            requestRedraw();
        }
    }

    // ---------------------------------------------------------------- read-outs for tests and benchmarks

    /** The points of curve {@code c}: the batch losses, or the epoch ends (train and test side by side). */
    public LossSeries series(Curve c) {
        return curves.series(c);
    }

    /** The vertices drawn for {@code c} in the last frame (data coordinates and point indices). */
    public MinMaxDecimator drawnLine(Curve c) {
        return curves.line(c);
    }

    public List<AxisTicks.Tick> yTicks() {
        return Collections.unmodifiableList(axes.yTicks());
    }

    public List<AxisTicks.Tick> xTicks() {
        return Collections.unmodifiableList(axes.xTicks());
    }

    public List<LossHistory.Marker> markers() {
        return history.markers();
    }

    /** Labels of the markers inside the last frame's range. */
    public List<String> drawnMarkerLabels() {
        return Collections.unmodifiableList(markerPainter.drawnLabels());
    }

    /** The visible horizontal range of the last frame. */
    public double[] xRange() {
        return new double[] {scale.x0, scale.x1};
    }

    public String readoutText() {
        return hover.text();
    }

    /** Frames drawn so far. */
    public long framesDrawn() {
        return redraw.draws();
    }

    /** Pixel position of data point (x, value) in the last frame, relative to the plot. */
    public double[] toPixels(double x, double value) {
        return new double[] {scale.px(x), scale.py(value)};
    }

    // ---------------------------------------------------------------- drawing

    private void requestRedraw() {
        redraw.mark(VIEW);
    }

    private void requestDataRedraw() {
        redraw.mark(POINTS);
    }

    /** Draws the frame now, whatever the pace (exports and tests; the pulse draws after a change). */
    public void redrawNow() {
        redraw.mark(VIEW);
        redraw.drawNow();
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (w < 40 || h < 40) {
            return;
        }
        boolean inEpochs = epochAxis.get();
        scale.log = logScale.get();
        Font tickFont = fittedTickFont(h);
        double fontSize = tickFont.getSize();

        if (inEpochs) {
            scale.computeXRange(true, history.epochEnds());
        } else {
            scale.computeXRange(false, history.batches(), history.epochEnds());
        }
        scale.left = AxisPainter.PAD + 4.2 * fontSize; // first guess, corrected after measuring the y labels
        double bottomMargin = 2.6 * fontSize + AxisPainter.PAD;
        scale.top = AxisPainter.PAD;
        scale.plotH = Math.max(10, h - scale.top - bottomMargin);
        int columns = (int) Math.max(1, w - scale.left - AxisPainter.PAD);
        double[] span = curves.decimate(inEpochs, columns);
        scale.computeYRange(span[0], span[1]);
        axes.layout(w, tickFont);

        axes.drawGridLines(g);
        for (Curve c : Curve.values()) {
            curves.draw(g, c, inEpochs);
        }
        markerPainter.draw(g, inEpochs);
        cursorPainter.draw(g, cursorStep, inEpochs);
        // Clips what was drawn so far to the plot. Clearing the margins gives the same picture as a
        // canvas clip, which the software renderer does by blending a mask over the whole canvas.
        double right = scale.left + scale.plotW;
        double bottom = scale.top + scale.plotH;
        g.clearRect(0, 0, w, scale.top);
        g.clearRect(0, bottom, w, h - bottom);
        g.clearRect(0, scale.top, scale.left, scale.plotH);
        g.clearRect(right, scale.top, w - right, scale.plotH);
        axes.drawAxes(g, w, h, inEpochs, tickFont);
        hover.draw(g, mouse.hoverX(), mouse.hoverY(), inEpochs);
    }

    /**
     * The tick labels' font from CSS, made smaller (down to 10 px) on a canvas too low for three
     * loss labels above the step labels, so that none has to be left out or overlap another.
     */
    private Font fittedTickFont(double canvasHeight) {
        Font css = palette.tickStyle.getFont();
        double fits = (canvasHeight - 2 * AxisPainter.PAD) / 10;
        if (css.getSize() <= fits) {
            return css;
        }
        return Font.font(css.getFamily(), Math.max(10, fits));
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
