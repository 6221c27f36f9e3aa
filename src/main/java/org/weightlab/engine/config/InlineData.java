package org.weightlab.engine.config;

import java.util.Arrays;
import java.util.List;

/**
 * Data carried inside a scenario or run export instead of generated from the seed: an imported
 * CSV or points clicked in the output view (data set {@code custom}). The rows are stored as
 * read, in file order; the config's seed and train fraction split them as they split a built-in
 * set (see {@code DataGenerator}), so a scenario file is self-contained.
 *
 * <p>Labels are the engine's: for two classes -1 names {@code classes.get(0)} and +1
 * {@code classes.get(1)}; for three or more classes label c names {@code classes.get(c)}; for
 * regression (no class names) any finite value.
 *
 * @param columns     the input columns' names, one per input (clicked points: x1, x2)
 * @param classes     class names for classification, empty for regression
 * @param rows        the input values, row-major [n][columns]
 * @param labels      one label per row
 * @param standardize whether each input column is standardized (x - mean) / std with the mean
 *                    and standard deviation of the training part (imported files: yes; clicked
 *                    points, which live in the plane's own coordinates: no)
 * @param inTest      null when the seed and train fraction split the rows (imported files); else
 *                    one flag per row, true for a test row: the split is fixed row by row, so
 *                    adding or removing a clicked point moves no other point between the sides
 *                    (the training rows train in row order, the test rows follow in row order)
 */
public record InlineData(List<String> columns, List<String> classes, double[] rows, double[] labels,
                         boolean standardize, boolean[] inTest) {

    /** Data split by the seed and train fraction (no fixed split). */
    public InlineData(List<String> columns, List<String> classes, double[] rows, double[] labels,
                      boolean standardize) {
        this(columns, classes, rows, labels, standardize, null);
    }

    /** Most rows a file may carry (as many as a generated set may have). */
    public static final int MAX_ROWS = RunConfig.MAX_SAMPLES;
    /** Most input columns. */
    public static final int MAX_COLUMNS = 256;

    public InlineData {
        columns = List.copyOf(columns);
        classes = List.copyOf(classes);
        rows = rows.clone();
        labels = labels.clone();
        inTest = inTest == null ? null : inTest.clone();
        if (columns.isEmpty() || columns.size() > MAX_COLUMNS) {
            throw new IllegalArgumentException("data needs 1 to " + MAX_COLUMNS + " input columns, got "
                    + columns.size());
        }
        if (classes.size() == 1) {
            throw new IllegalArgumentException("data has only one class (" + classes.get(0)
                    + "): a classifier needs at least two");
        }
        if (rows.length != (long) columns.size() * labels.length) {
            throw new IllegalArgumentException("data holds " + rows.length + " values for " + labels.length
                    + " rows of " + columns.size() + " columns");
        }
        if (labels.length < 2 || labels.length > MAX_ROWS) {
            throw new IllegalArgumentException("data needs 2 to " + MAX_ROWS + " rows, got " + labels.length);
        }
        for (int i = 0; i < rows.length; i++) {
            if (!Double.isFinite(rows[i])) {
                throw new IllegalArgumentException("data row " + i / columns.size() + ", column "
                        + columns.get(i % columns.size()) + " is not a finite number");
            }
        }
        if (inTest != null) {
            if (inTest.length != labels.length) {
                throw new IllegalArgumentException("data marks " + inTest.length + " rows train or test, it has "
                        + labels.length);
            }
            int tests = 0;
            for (boolean t : inTest) {
                tests += t ? 1 : 0;
            }
            if (tests == 0 || tests == inTest.length) {
                throw new IllegalArgumentException("data with a fixed split needs at least one training and one "
                        + "test row");
            }
        }
        int k = classes.size();
        for (int i = 0; i < labels.length; i++) {
            double y = labels[i];
            boolean ok = k == 0 ? Double.isFinite(y) : k == 2 ? (y == -1 || y == 1)
                    : (y == Math.rint(y) && y >= 0 && y < k);
            if (!ok) {
                throw new IllegalArgumentException("data label " + i + " is " + y + ", expected "
                        + (k == 0 ? "a finite number" : k == 2 ? "-1 or +1" : "a class index 0.." + (k - 1)));
            }
        }
    }

    /** Number of rows. */
    public int size() {
        return labels.length;
    }

    /** Number of input columns. */
    public int dims() {
        return columns.size();
    }

    /** The kind of problem: classification when the data names classes. */
    public ProblemKind problem() {
        return classes.isEmpty() ? ProblemKind.REGRESSION : ProblemKind.CLASSIFICATION;
    }

    /** The stored rows (a copy). */
    @Override
    public double[] rows() {
        return rows.clone();
    }

    /** The fixed split (a copy): true for a test row; null when the seed splits the rows. */
    @Override
    public boolean[] inTest() {
        return inTest == null ? null : inTest.clone();
    }

    /** Whether the rows carry their own split (see {@link #inTest()}). */
    public boolean fixedSplit() {
        return inTest != null;
    }

    /** Whether row {@code i} is a test row of the fixed split. */
    public boolean isTest(int i) {
        return inTest[i];
    }

    /** This data with the fixed split {@code flags} (null: split by the seed again). */
    public InlineData withSplit(boolean[] flags) {
        return new InlineData(columns, classes, rows, labels, standardize, flags);
    }

    /** The stored labels (a copy). */
    @Override
    public double[] labels() {
        return labels.clone();
    }

    /** Value of column {@code j} in row {@code i}. */
    public double value(int i, int j) {
        return rows[i * columns.size() + j];
    }

    public double label(int i) {
        return labels[i];
    }

    /** Class index (0..K-1) of label {@code y}: two-class -1/+1 map to 0/1. */
    public static int classIndex(double y, int classes) {
        return classes == 2 ? (y > 0 ? 1 : 0) : (int) y;
    }

    /** This data with one more row (with a fixed split: a training row). */
    public InlineData withRow(double[] row, double label) {
        double[] r = Arrays.copyOf(rows, rows.length + row.length);
        System.arraycopy(row, 0, r, rows.length, row.length);
        double[] l = Arrays.copyOf(labels, labels.length + 1);
        l[labels.length] = label;
        return new InlineData(columns, classes, r, l, standardize,
                inTest == null ? null : Arrays.copyOf(inTest, inTest.length + 1));
    }

    /** This data without row {@code index}. */
    public InlineData withoutRow(int index) {
        int d = dims();
        double[] r = new double[rows.length - d];
        System.arraycopy(rows, 0, r, 0, index * d);
        System.arraycopy(rows, (index + 1) * d, r, index * d, rows.length - (index + 1) * d);
        double[] l = new double[labels.length - 1];
        System.arraycopy(labels, 0, l, 0, index);
        System.arraycopy(labels, index + 1, l, index, labels.length - index - 1);
        boolean[] t = null;
        if (inTest != null) {
            t = new boolean[inTest.length - 1];
            System.arraycopy(inTest, 0, t, 0, index);
            System.arraycopy(inTest, index + 1, t, index, inTest.length - index - 1);
        }
        return new InlineData(columns, classes, r, l, standardize, t);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InlineData d && columns.equals(d.columns) && classes.equals(d.classes)
                && Arrays.equals(rows, d.rows) && Arrays.equals(labels, d.labels) && standardize == d.standardize
                && Arrays.equals(inTest, d.inTest);
    }

    @Override
    public int hashCode() {
        return (columns.hashCode() * 31 + classes.hashCode()) * 31 + Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return "InlineData[" + size() + " rows of " + columns + ", classes " + classes
                + (inTest != null ? ", fixed split" : "") + "]";
    }
}
