package org.weightlab.ui.controls;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.ProblemKind;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.engine.data.Dataset;
import org.weightlab.engine.data.Digits;

/**
 * Small pictures of the built-in data sets: coloured dots, one picture per {@link DatasetKind}.
 * The points come from the engine's own {@link DataGenerator}, so a picture shows exactly the
 * shape that choosing it gives. These are pictures of a kind, not of the run: the run's data comes
 * with its snapshots, and no other view generates data.
 */
final class DatasetThumbnails {

    /** Class colours: label -1 (or class 0), +1 (or class 1), class 2; regression runs from low to high. */
    record Palette(Paint negative, Paint positive, Paint third) {
    }

    private static final int POINTS = 100;

    private DatasetThumbnails() {
    }

    /** Draws {@code kind} on {@code canvas}, points in [-6, 6]^2 filling the canvas. */
    static void draw(Canvas canvas, DatasetKind kind, Palette palette) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (kind == DatasetKind.DIGITS) {
            drawDigit(g, w, h, palette);
            return;
        }
        if (kind == DatasetKind.CUSTOM) {
            drawCustom(g, w, h, palette);
            return;
        }
        double[] pts = sketch(kind);
        double r = Math.max(1.5, w / 26);
        for (int i = 0; i < pts.length / 3; i++) {
            double x = pts[3 * i];
            double y = pts[3 * i + 1];
            double label = pts[3 * i + 2];
            g.setFill(colour(kind, label, palette));
            double px = (x + 6) / 12 * w;
            double py = (6 - y) / 12 * h;
            g.fillOval(px - r, py - r, 2 * r, 2 * r);
        }
    }

    /** The first image of the digits set (a 0), its 8x8 pixels shaded by ink. */
    private static void drawDigit(GraphicsContext g, double w, double h, Palette palette) {
        double[] pixels = Digits.first();
        int side = DatasetKind.DIGITS_SIDE;
        double cw = w / side;
        double ch = h / side;
        g.setFill(palette.positive());
        for (int p = 0; p < Digits.PIXELS; p++) {
            g.setGlobalAlpha(pixels[p]);
            g.fillRect(p % side * cw, p / side * ch, cw, ch);
        }
        g.setGlobalAlpha(1);
    }

    /** Own data: a few points of both classes and a plus, standing for points clicked or imported. */
    private static void drawCustom(GraphicsContext g, double w, double h, Palette palette) {
        double r = Math.max(1.5, w / 26);
        double[][] dots = {{0.2, 0.3, 1}, {0.3, 0.7, -1}, {0.75, 0.25, -1}, {0.7, 0.75, 1}, {0.45, 0.5, 1}};
        for (double[] d : dots) {
            g.setFill(d[2] > 0 ? palette.positive() : palette.negative());
            g.fillOval(d[0] * w - r, d[1] * h - r, 2 * r, 2 * r);
        }
        g.setStroke(palette.positive());
        g.setLineWidth(Math.max(1.5, w / 24));
        g.strokeLine(0.8 * w, 0.5 * h, 0.8 * w, 0.9 * h);
        g.strokeLine(0.6 * w, 0.7 * h, w, 0.7 * h);
    }

    private static Paint colour(DatasetKind kind, double label, Palette p) {
        if (kind.classes() == 3) {
            return label == 0 ? p.negative() : label == 1 ? p.positive() : p.third();
        }
        if (kind.classes() == 2) {
            return label > 0 ? p.positive() : p.negative();
        }
        // regression: blend from the negative to the positive colour by value in [-1, 1]
        Color a = p.negative() instanceof Color c ? c : Color.ORANGE;
        Color b = p.positive() instanceof Color c ? c : Color.BLUE;
        return a.interpolate(b, Math.max(0, Math.min(1, (label + 1) / 2)));
    }

    /**
     * x, y, label triples of {@code kind} as the engine generates it (fixed seed, no noise: the same
     * picture every time). 1-D sets (x2 always 0) are drawn as the target against x1, and
     * regression labels are scaled to [-1, 1] for the colour ramp.
     */
    static double[] sketch(DatasetKind kind) {
        DataSplit split = DataGenerator.generate(kind, POINTS, 0.0, 0.5, 1);
        int n = split.train().size() + split.test().size();
        double[] out = new double[3 * n];
        double maxLabel = 1e-12;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double xMax = 1e-12;
        for (Dataset d : new Dataset[] {split.train(), split.test()}) {
            for (int i = 0; i < d.size(); i++) {
                xMax = Math.max(xMax, Math.abs(d.x1(i)));
                maxLabel = Math.max(maxLabel, Math.abs(d.label(i)));
                lo = Math.min(lo, d.label(i));
                hi = Math.max(hi, d.label(i));
            }
        }
        int k = 0;
        for (Dataset d : new Dataset[] {split.train(), split.test()}) {
            for (int i = 0; i < d.size(); i++, k++) {
                double label = d.label(i);
                double y = d.x2(i);
                if (kind.oneDimensional()) {
                    y = hi > lo ? -5 + 10 * (label - lo) / (hi - lo) : 0;
                }
                // 1-D sets use their own x range (line: -1..1), stretched to the picture's width
                out[3 * k] = kind.oneDimensional() ? d.x1(i) / xMax * 5 : d.x1(i);
                out[3 * k + 1] = y;
                out[3 * k + 2] = kind.problem() == ProblemKind.REGRESSION ? label / maxLabel : label;
            }
        }
        return out;
    }
}
