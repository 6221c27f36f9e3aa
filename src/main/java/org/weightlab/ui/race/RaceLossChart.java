package org.weightlab.ui.race;

import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.weightlab.session.LossPoint;
import org.weightlab.session.race.RaceSnapshot;
import org.weightlab.ui.fx.Redraw;
import org.weightlab.ui.theme.Palette;
import org.weightlab.ui.theme.PaletteColor;
import org.weightlab.ui.fx.CanvasFit;

/**
 * The train losses of a race's runs over epochs, overlaid in one chart on a log axis, one colour
 * per run (the palette's series colours, in the runs' order) with a legend naming each run's
 * setting. A run that diverged ends in a cross at its last finite epoch; no value that is not
 * finite is ever drawn.
 */
final class RaceLossChart extends Region {

    static final int DATA = 1;
    static final int LOOKS = 2;
    static final double PER_SECOND = 30;
    private static final double LEFT = 56;
    private static final double RIGHT = 12;
    private static final double TOP = 10;
    private static final double BOTTOM = 42;

    private final Canvas canvas = new Canvas();
    private final Palette palette = new Palette();
    private final Redraw redraw = new Redraw(this, bits -> draw()).pace(DATA, PER_SECOND);
    private RaceSnapshot race;
    /** Curves drawn so far (tests read it). */
    private int curvesDrawn;

    RaceLossChart() {
        getStyleClass().add("wl-race-chart");
        getChildren().addAll(canvas, palette);
        setMinSize(200, 140);
        setPrefSize(520, 220);
        palette.revisionProperty().addListener((o, was, now) -> redraw.mark(LOOKS));
    }

    void show(RaceSnapshot s) {
        race = s;
        redraw.mark(DATA);
    }

    Palette palette() {
        return palette;
    }

    int curvesDrawn() {
        return curvesDrawn;
    }

    void drawNow() {
        redraw.mark(LOOKS);
        redraw.drawNow();
    }

    @Override
    protected void layoutChildren() {
        if (CanvasFit.fit(canvas, this)) {
            redraw.mark(LOOKS);
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        curvesDrawn = 0;
        if (race == null || w < LEFT + RIGHT + 20 || h < TOP + BOTTOM + 20) {
            return;
        }
        Color ink = palette.inkColor();
        Color guide = palette.color(PaletteColor.GUIDE);
        double plotW = w - LEFT - RIGHT;
        double plotH = h - TOP - BOTTOM;
        // ranges over the finite losses of every run
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int maxEpoch = 1;
        double start = 0;
        for (RaceSnapshot.Run r : race.runs()) {
            if (!r.curve().isEmpty() && Double.isFinite(r.curve().get(0).trainLoss())) {
                start = Math.max(start, r.curve().get(0).trainLoss());
            }
            for (LossPoint p : r.curve()) {
                if (Double.isFinite(p.trainLoss()) && p.trainLoss() > 0) {
                    lo = Math.min(lo, p.trainLoss());
                    hi = Math.max(hi, p.trainLoss());
                }
            }
            maxEpoch = Math.max(maxEpoch, r.epochs());
        }
        if (!(lo <= hi)) {
            lo = 0.01;
            hi = 1;
        }
        // a run that blows up leaves through the top: the others keep a readable scale
        if (start > 0 && hi > 100 * start) {
            hi = Math.max(lo * 10, 100 * start);
        }
        double t0 = Math.floor(Math.log10(lo));
        double t1 = Math.max(t0 + 1, Math.ceil(Math.log10(hi)));
        g.setFont(Font.font(12));
        g.setLineWidth(1);
        g.setStroke(guide);
        g.strokeRect(LEFT, TOP, plotW, plotH);
        g.setFill(ink);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        int step = (int) Math.max(1, Math.ceil((t1 - t0) / 6));
        for (double t = t0; t <= t1; t += step) {
            double y = TOP + plotH - (t - t0) / (t1 - t0) * plotH;
            g.strokeLine(LEFT, y, LEFT + plotW, y);
            g.fillText(decade(t), LEFT - 6, y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText("0", LEFT, TOP + plotH + 4);
        g.fillText(Integer.toString(maxEpoch), LEFT + plotW, TOP + plotH + 4);
        g.fillText("epochs of the race (train loss, log scale)", LEFT + plotW / 2, TOP + plotH + 22);
        g.save();
        g.beginPath();
        g.rect(LEFT, TOP - 8, plotW, plotH + 8);
        g.clip();
        for (int k = 0; k < race.runs().size(); k++) {
            RaceSnapshot.Run r = race.runs().get(k);
            List<LossPoint> curve = r.curve();
            if (curve.isEmpty()) {
                continue;
            }
            long firstEpoch = curve.get(0).epoch();
            g.setStroke(palette.seriesColor(k));
            g.setLineWidth(2.5);
            g.beginPath();
            boolean started = false;
            double lastX = Double.NaN;
            double lastY = Double.NaN;
            for (LossPoint p : curve) {
                if (!(Double.isFinite(p.trainLoss()) && p.trainLoss() > 0)) {
                    continue;
                }
                double x = LEFT + (p.epoch() - firstEpoch) / (double) maxEpoch * plotW;
                double y = Math.max(TOP - 6, TOP + plotH - (Math.log10(p.trainLoss()) - t0) / (t1 - t0) * plotH);
                if (started) {
                    g.lineTo(x, y);
                } else {
                    g.moveTo(x, y);
                    started = true;
                }
                lastX = x;
                lastY = y;
            }
            g.stroke();
            curvesDrawn++;
            if (r.diverged() && started) {
                double s = 6;
                g.strokeLine(lastX - s, lastY - s, lastX + s, lastY + s);
                g.strokeLine(lastX - s, lastY + s, lastX + s, lastY - s);
            }
        }
        g.restore();
    }

    private static String decade(double t) {
        double v = Math.pow(10, t);
        return t >= 0 && t < 4 ? String.format(Locale.ROOT, "%.0f", v)
                : t < 0 && t > -4 ? String.format(Locale.ROOT, "%." + (int) -t + "f", v)
                : "1e" + (int) t;
    }
}
