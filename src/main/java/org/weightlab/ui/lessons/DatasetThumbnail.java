package org.weightlab.ui.lessons;

import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.ProblemKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.Dataset;

/**
 * A small picture of a lesson's training data: a dot per point, coloured by class through CSS
 * ({@code -wl-class-positive}, {@code -wl-class-negative}). 1-D regressions are drawn as y over
 * x1. Built once; a few hundred dots at most. A picture of a lesson's data-set kind for the
 * gallery, not of a run: it generates its own points, the one view allowed to (a run's data comes
 * with its snapshots).
 */
final class DatasetThumbnail extends Pane {

    static final String STYLE_CLASS = "wl-lesson-thumbnail";
    static final String POSITIVE = "wl-lesson-point-positive";
    static final String NEGATIVE = "wl-lesson-point-negative";
    static final String VALUE = "wl-lesson-point-value";

    /** Enough dots to show the shape without crowding a small picture. */
    private static final int MAX_POINTS = 160;

    DatasetThumbnail(RunConfig config, double size) {
        getStyleClass().add(STYLE_CLASS);
        setMinSize(size, size);
        setPrefSize(size, size);
        setMaxSize(size, size);
        Rectangle clip = new Rectangle(size, size);
        setClip(clip);
        Dataset train = DataGenerator.generate(config).train();
        if (!train.planar()) {
            drawImage(train, size, config.dataset() == DatasetKind.DIGITS);
            return;
        }
        boolean oneD = config.dataset() == DatasetKind.LINE || config.dataset() == DatasetKind.SINE;
        double[] yRange = oneD ? range(train) : null;
        int n = train.size();
        int stride = Math.max(1, (n + MAX_POINTS - 1) / MAX_POINTS);
        double r = Math.max(1.5, size / 45);
        for (int i = 0; i < n; i += stride) {
            double x = train.x1(i);
            double y = train.x2(i);
            double px;
            double py;
            if (oneD) {
                double xMax = config.dataset() == DatasetKind.LINE ? 1 : DataGenerator.RADIUS;
                px = (x + xMax) / (2 * xMax) * size;
                py = size - (train.label(i) - yRange[0]) / (yRange[1] - yRange[0]) * size;
            } else {
                px = (x + DataGenerator.RADIUS) / (2 * DataGenerator.RADIUS) * size;
                py = size - (y + DataGenerator.RADIUS) / (2 * DataGenerator.RADIUS) * size;
            }
            Circle dot = new Circle(px, py, r);
            dot.getStyleClass().add(styleOf(config, train.label(i)));
            getChildren().add(dot);
        }
    }

    /** Data of other than two columns: the first digit as its 8x8 pixels; other data has no picture. */
    private void drawImage(Dataset train, double size, boolean digits) {
        if (!digits || train.size() == 0) {
            return;
        }
        int side = DatasetKind.DIGITS_SIDE;
        double cell = size / side;
        for (int p = 0; p < side * side; p++) {
            Rectangle r = new Rectangle(p % side * cell, p / side * cell, cell, cell);
            r.getStyleClass().add(POSITIVE);
            r.setOpacity(train.value(0, p));
            getChildren().add(r);
        }
    }

    private static String styleOf(RunConfig config, double label) {
        if (config.problem() == ProblemKind.REGRESSION && (config.dataset() == DatasetKind.LINE
                || config.dataset() == DatasetKind.SINE)) {
            return VALUE;
        }
        // Classes: +1 (or class 0) blue, the others orange; 2-D regressions by sign.
        boolean positive = config.classes() >= 3 ? label == 0 : label > 0;
        return positive ? POSITIVE : NEGATIVE;
    }

    /** Label range with a margin, so dots at the ends stay inside. */
    private static double[] range(Dataset d) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < d.size(); i++) {
            lo = Math.min(lo, d.label(i));
            hi = Math.max(hi, d.label(i));
        }
        double pad = Math.max(1e-9, (hi - lo) * 0.08);
        return new double[]{lo - pad, hi + pad};
    }
}
