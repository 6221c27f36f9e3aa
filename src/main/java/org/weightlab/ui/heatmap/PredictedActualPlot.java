package org.weightlab.ui.heatmap;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.weightlab.analysis.SnapshotForward;
import org.weightlab.engine.data.Dataset;
import org.weightlab.session.SessionState;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.fx.CanvasFit;
import org.weightlab.ui.fx.Redraw;
import org.weightlab.ui.theme.Palette;
import org.weightlab.ui.theme.PaletteColor;

/**
 * A regression on data the plane cannot show: each test example as a point at its actual target
 * (x) and the network's prediction (y), with the diagonal where a perfect model puts every point.
 * Predictions come from the moment's published weights, at most {@value #RUNNING_PER_SECOND} times a
 * second while the run trains.
 */
final class PredictedActualPlot extends Region {

    static final double RUNNING_PER_SECOND = 4;
    private static final int SNAPSHOT = 1;
    private static final int NOW = 2;
    private static final double MARGIN = 44;

    private final Palette palette;
    private final Canvas canvas = new Canvas();
    private final Redraw redraw;
    private TrainingSnapshot snapshot;
    /** The predictions of the last drawing, one per test example (tests read them). */
    private double[] predicted = new double[0];

    PredictedActualPlot(Palette palette) {
        this.palette = palette;
        getChildren().add(canvas);
        setId("predictedActual");
        setMinSize(160, 160);
        setPrefSize(320, 320);
        redraw = new Redraw(canvas, bits -> paint()).pace(SNAPSHOT, RUNNING_PER_SECOND);
        palette.revisionProperty().addListener((o, was, now) -> redraw.mark(NOW));
    }

    void show(TrainingSnapshot s) {
        snapshot = s;
        redraw.mark(s.state() == SessionState.RUNNING ? SNAPSHOT : NOW);
    }

    void drawNow() {
        layout();
        redraw.mark(NOW);
        redraw.drawNow();
    }

    double[] predicted() {
        return predicted.clone();
    }

    @Override
    protected void layoutChildren() {
        if (CanvasFit.fit(canvas, this)) {
            redraw.mark(NOW);
        }
    }

    private void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        TrainingSnapshot s = snapshot;
        if (s == null || s.data() == null || w < 2 * MARGIN || h < 2 * MARGIN) {
            return;
        }
        Dataset test = s.data().test();
        SnapshotForward net = SnapshotForward.of(s);
        predicted = new double[test.size()];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < test.size(); i++) {
            predicted[i] = net.forward(test.points(), i * test.dims())[0];
            lo = Math.min(lo, test.label(i));
            hi = Math.max(hi, test.label(i));
        }
        if (!(hi > lo)) {
            lo -= 1;
            hi += 1;
        }
        double pad = (hi - lo) * 0.08;
        lo -= pad;
        hi += pad;
        double size = Math.min(w - MARGIN - 12, h - MARGIN - 12);
        double x0 = MARGIN;
        double y0 = 8;
        Color ink = palette.inkColor();
        Color guide = palette.color(PaletteColor.GUIDE);
        g.setStroke(guide);
        g.setLineWidth(1);
        g.strokeRect(x0, y0, size, size);
        g.setLineDashes(5, 4);
        g.strokeLine(x0, y0 + size, x0 + size, y0);
        g.setLineDashes();
        double r = Math.max(2.5, size / 110);
        for (int i = 0; i < test.size(); i++) {
            double px = x0 + (test.label(i) - lo) / (hi - lo) * size;
            double clamped = Math.max(lo, Math.min(hi, predicted[i]));
            double py = y0 + (hi - clamped) / (hi - lo) * size;
            g.setFill(DataPoints.color(palette, predicted[i] - test.label(i), 0, Math.max(1e-9, (hi - lo) / 4)));
            g.fillOval(px - r, py - r, 2 * r, 2 * r);
            g.setStroke(ink);
            g.strokeOval(px - r, py - r, 2 * r, 2 * r);
        }
        g.setFill(ink);
        g.setFont(Font.font(12));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText(PlotTicks.tick(lo + pad), x0 + pad / (hi - lo) * size, y0 + size + 4);
        g.fillText(PlotTicks.tick(hi - pad), x0 + (1 - pad / (hi - lo)) * size, y0 + size + 4);
        g.fillText("actual target (test examples)", x0 + size / 2, y0 + size + 20);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(PlotTicks.tick(hi - pad), x0 - 4, y0 + pad / (hi - lo) * size);
        g.fillText(PlotTicks.tick(lo + pad), x0 - 4, y0 + (1 - pad / (hi - lo)) * size);
        g.save();
        g.translate(12, y0 + size / 2);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("predicted", 0, 0);
        g.restore();
    }
}
