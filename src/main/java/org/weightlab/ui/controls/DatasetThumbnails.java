package org.weightlab.ui.controls;

import java.util.Random;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import org.weightlab.engine.config.DatasetKind;

/**
 * Small pictures of the built-in data sets: coloured dots, one picture per {@link DatasetKind}.
 * The points come from a tiny sketch of each data set's shape made here (the real generators
 * live in the engine); a picture only has to show the shape, not the exact points.
 */
final class DatasetThumbnails {

    /** Class colours: label -1 (or class 0), +1 (or class 1), class 2; regression runs from low to high. */
    record Palette(Paint negative, Paint positive, Paint third) {
    }

    private static final int POINTS = 90;

    private DatasetThumbnails() {
    }

    /** Draws {@code kind} on {@code canvas}, points in [-6, 6]^2 filling the canvas. */
    static void draw(Canvas canvas, DatasetKind kind, Palette palette) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
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

    /** x, y, label triples sketching the data set's shape (fixed seed: the same picture every time). */
    static double[] sketch(DatasetKind kind) {
        Random rnd = new Random(7 + kind.ordinal());
        double[] out = new double[3 * POINTS];
        for (int i = 0; i < POINTS; i++) {
            double x;
            double y;
            double label;
            switch (kind) {
                case CIRCLE -> {
                    boolean inner = i % 2 == 0;
                    double radius = inner ? rnd.nextDouble() * 2.5 : 3.5 + rnd.nextDouble() * 1.5;
                    double angle = rnd.nextDouble() * 2 * Math.PI;
                    x = radius * Math.cos(angle);
                    y = radius * Math.sin(angle);
                    label = inner ? 1 : -1;
                }
                case XOR -> {
                    x = (rnd.nextDouble() - 0.5) * 10;
                    y = (rnd.nextDouble() - 0.5) * 10;
                    x += Math.signum(x) * 0.3;
                    y += Math.signum(y) * 0.3;
                    label = x * y >= 0 ? 1 : -1;
                }
                case GAUSS -> {
                    label = i % 2 == 0 ? 1 : -1;
                    x = label * 2 + rnd.nextGaussian();
                    y = label * 2 + rnd.nextGaussian();
                }
                case SPIRAL, SPIRAL3 -> {
                    int arms = kind == DatasetKind.SPIRAL ? 2 : 3;
                    int arm = i % arms;
                    double t = (double) (i / arms) / (POINTS / arms) * 1.75 * Math.PI;
                    double radius = t / (1.75 * Math.PI) * 5;
                    double angle = t + 2 * Math.PI * arm / arms;
                    x = radius * Math.sin(angle) + rnd.nextGaussian() * 0.15;
                    y = radius * Math.cos(angle) + rnd.nextGaussian() * 0.15;
                    label = arms == 2 ? (arm == 0 ? 1 : -1) : arm;
                }
                case MOONS -> {
                    boolean upper = i % 2 == 0;
                    double t = rnd.nextDouble() * Math.PI;
                    x = upper ? 3 * Math.cos(t) - 1.5 : 3 * Math.cos(t) * -1 + 1.5;
                    y = upper ? 3 * Math.sin(t) - 0.8 : -3 * Math.sin(t) + 0.8;
                    x += rnd.nextGaussian() * 0.2;
                    y += rnd.nextGaussian() * 0.2;
                    label = upper ? 1 : -1;
                }
                case GAUSS3 -> {
                    int c = i % 3;
                    double angle = Math.PI / 2 + c * 2 * Math.PI / 3;
                    x = 3 * Math.cos(angle) + rnd.nextGaussian() * 0.9;
                    y = 3 * Math.sin(angle) + rnd.nextGaussian() * 0.9;
                    label = c;
                }
                case PLANE -> {
                    x = (rnd.nextDouble() - 0.5) * 10;
                    y = (rnd.nextDouble() - 0.5) * 10;
                    label = (x + y) / 10;
                }
                case MULTIGAUSS -> {
                    x = (rnd.nextDouble() - 0.5) * 10;
                    y = (rnd.nextDouble() - 0.5) * 10;
                    label = bump(x, y, 2.5, 2.5) - bump(x, y, -2.5, -2.5) + bump(x, y, -2.5, 2.5)
                            - bump(x, y, 2.5, -2.5);
                }
                case LINE, SINE -> {
                    // 1-D data: draw the target against x (x2 is always 0)
                    x = (rnd.nextDouble() - 0.5) * 10;
                    double target = kind == DatasetKind.LINE ? 0.8 * x / 5 : Math.sin(x * 1.2);
                    y = target * 4 + rnd.nextGaussian() * 0.2;
                    label = target;
                }
                default -> throw new IllegalStateException("no sketch for " + kind);
            }
            out[3 * i] = x;
            out[3 * i + 1] = y;
            out[3 * i + 2] = label;
        }
        return out;
    }

    private static double bump(double x, double y, double cx, double cy) {
        return Math.exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / 4);
    }
}
