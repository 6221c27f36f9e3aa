package org.weightlab.engine.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.weightlab.engine.config.ConfigEdits;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.InlineData;
import org.weightlab.engine.config.ProblemKind;
import org.weightlab.engine.config.RunConfig;

/**
 * Points a person adds or removes by clicking in the output view: the data becomes "custom",
 * carried in the config as two columns x1, x2 in the plane's own coordinates (not standardized).
 * The first click on a built-in set starts from its points (training then test, as shown) with their
 * labels; later clicks add to or remove from those rows.
 *
 * <p>The split stays put: clicked rows carry a fixed split ({@link InlineData#inTest()}), each row
 * keeping the side it was shown on, so a click moves no other point between train and test. A new
 * point trains (it was added to teach the network something). Clicked data saved before rows carried
 * their side is split by the seed as before; its first edit fixes the split the seed gave.
 *
 * <p>Classification takes a point of a chosen class; regression (2-D) a point of a chosen target value.
 */
public final class ClickedPoints {

    private ClickedPoints() {
    }

    /** Whether points can be clicked into the data of {@code c}: data of the plane (not 1-D curves). */
    public static boolean accepts(RunConfig c) {
        return c.planar() && !c.dataset().oneDimensional();
    }

    /** The label a click gives: the first class, or with {@code other} the second (-1/+1 data: +1, then -1). */
    public static double label(RunConfig c, boolean other) {
        if (c.classes() == 2) {
            return other ? -1 : 1;
        }
        return other ? 1 : 0;
    }

    /** The engine's label of class {@code k} (0..K-1): -1/+1 for two classes, else {@code k}. */
    public static double classLabel(int k, int classes) {
        if (k < 0 || k >= classes) {
            throw new IllegalArgumentException("class " + k + " of " + classes);
        }
        return classes == 2 ? (k == 0 ? -1 : 1) : k;
    }

    /** {@code c} with the point (x1, x2) of label {@code label} added, as a training point, to the data {@code shown} shows. */
    public static RunConfig add(RunConfig c, DataSplit shown, double x1, double x2, double label) {
        InlineData rows = rows(c, shown);
        return ConfigEdits.withInlineData(c, rows.withRow(new double[] {x1, x2}, label));
    }

    /**
     * {@code c} without the point of {@code shown} nearest to (x1, x2), when one lies within
     * {@code radius}; null when none does, or when removing it would leave no training or no test point.
     */
    public static RunConfig removeNearest(RunConfig c, DataSplit shown, double x1, double x2, double radius) {
        InlineData rows = rows(c, shown);
        int best = -1;
        double bestDistance = radius * radius;
        for (int i = 0; i < rows.size(); i++) {
            double dx = rows.value(i, 0) - x1;
            double dy = rows.value(i, 1) - x2;
            double d = dx * dx + dy * dy;
            if (d <= bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        if (best < 0 || rows.size() <= 2 || lastOfItsSide(rows, best)) {
            return null;
        }
        return ConfigEdits.withInlineData(c, rows.withoutRow(best));
    }

    private static boolean lastOfItsSide(InlineData rows, int row) {
        for (int i = 0; i < rows.size(); i++) {
            if (i != row && rows.isTest(i) == rows.isTest(row)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The rows clicks edit, with a fixed split: the carried clicked rows (split by the seed, for a file
     * saved before rows carried their side: that split, fixed), or the points shown (training then test).
     */
    static InlineData rows(RunConfig c, DataSplit shown) {
        if (!accepts(c)) {
            throw new IllegalArgumentException("points can be clicked into data of the plane only");
        }
        InlineData d = c.inlineData();
        if (d != null && !d.standardize()) {
            return d.fixedSplit() ? d : d.withSplit(DataGenerator.seededTestRows(d.size(), c.seed(), c.trainFraction()));
        }
        List<String> classes = new ArrayList<>();
        if (d != null) {
            classes.addAll(d.classes());
        } else if (c.problem() == ProblemKind.REGRESSION) {
            classes.clear();
        } else if (c.classes() == 2) {
            classes.addAll(List.of("-1", "+1"));
        } else {
            for (int k = 0; k < c.classes(); k++) {
                classes.add(Integer.toString(k));
            }
        }
        int trainSize = shown.train().size();
        int n = trainSize + shown.test().size();
        double[] points = new double[2 * n];
        double[] labels = new double[n];
        boolean[] inTest = new boolean[n];
        System.arraycopy(shown.train().points(), 0, points, 0, shown.train().points().length);
        System.arraycopy(shown.test().points(), 0, points, shown.train().points().length,
                shown.test().points().length);
        System.arraycopy(shown.train().labels(), 0, labels, 0, trainSize);
        System.arraycopy(shown.test().labels(), 0, labels, trainSize, shown.test().size());
        Arrays.fill(inTest, trainSize, n, true);
        List<String> columns = d != null ? d.columns() : List.of("x1", "x2");
        return new InlineData(columns, classes, points, labels, false, inTest);
    }

    /** Whether {@code c}'s data is clicked points (custom, in the plane's coordinates). */
    public static boolean isClicked(RunConfig c) {
        return c.dataset() == DatasetKind.CUSTOM && c.inlineData() != null && !c.inlineData().standardize();
    }
}
