package org.weightlab.session;

import java.util.Arrays;

/**
 * One curve of the loss chart in growable primitive arrays: point {@code i} was recorded at
 * {@code step(i)} during {@code epoch(i)} with value {@code value(i)}. Steps never decrease, so
 * ranges are found by binary search. Values may be NaN or infinite (a diverged run); they are
 * stored as given and skipped when drawn.
 *
 * <p>The series holds at most {@link #capacity} points, however long training runs (at full
 * speed a small network adds a million batch losses a second). When it is full, it is thinned:
 * each group of four points keeps only its lowest and its highest value (and a non-finite one),
 * so the min/max band the chart draws keeps its shape. From then on, new points are taken in
 * groups of as many as a kept pair now stands for, each group shown by its lowest and highest
 * value (updated as the group fills), so the whole run stays evenly covered. Which points are kept
 * is decided by the first column alone; the extra columns follow it.
 */
public final class LossSeries {

    /** The default most points held. */
    static final int DEFAULT_CAPACITY = 1 << 18;

    private final int capacity;
    private double[] steps = new double[1024];
    private double[] epochs = new double[1024];
    /** columns[0] is the value that decides thinning; columns[1..] travel with it. */
    private final double[][] columns;
    private int size;
    /** Raw points a group of new points holds: 2 before any thinning, doubled by each. */
    private long groupSize = 2;
    /** Raw points in the group being filled, and where its kept points start. */
    private long inGroup;
    private int groupStart;
    /**
     * The group's lowest, highest and first non-finite point so far: step, epoch, then one value
     * per column (NaN step: none).
     */
    private final double[] low;
    private final double[] high;
    private final double[] bad;
    private final double[][] kept;

    public LossSeries() {
        this(DEFAULT_CAPACITY);
    }

    /** A series that holds at most {@code capacity} points (at least 64). */
    public LossSeries(int capacity) {
        this(capacity, 0);
    }

    /** A series with {@code extraColumns} values beside the first, holding at most {@code capacity} points. */
    public LossSeries(int capacity, int extraColumns) {
        if (capacity < 64) {
            throw new IllegalArgumentException("a loss series holds at least 64 points, not " + capacity);
        }
        this.capacity = capacity;
        columns = new double[1 + extraColumns][1024];
        low = new double[3 + extraColumns];
        high = new double[3 + extraColumns];
        bad = new double[3 + extraColumns];
        kept = new double[][] {low, high, bad};
    }

    public int size() {
        return size;
    }

    public double step(int i) {
        return steps[i];
    }

    public double epoch(int i) {
        return epochs[i];
    }

    public double value(int i) {
        return columns[0][i];
    }

    /** The value of column {@code column} (0: the first) at point {@code i}. */
    public double value(int column, int i) {
        return columns[column][i];
    }

    /** The x coordinates in steps or in epochs; the live array, valid up to {@link #size()}. */
    public double[] xs(boolean inEpochs) {
        return inEpochs ? epochs : steps;
    }

    /** The first column's values; the live array, valid up to {@link #size()}. */
    public double[] values() {
        return columns[0];
    }

    /** The values of {@code column}; the live array, valid up to {@link #size()}. */
    public double[] values(int column) {
        return columns[column];
    }

    public void add(double step, double epoch, double value) {
        add(step, epoch, value, NO_EXTRAS);
    }

    private static final double[] NO_EXTRAS = {};

    /** Adds a point with values for the extra columns (as many as the series has). */
    public void add(double step, double epoch, double value, double[] extras) {
        if (inGroup == 0) {
            if (size + 3 > capacity) {
                thin();
                groupSize *= 2;
            }
            groupStart = size;
            low[0] = Double.NaN;
            high[0] = Double.NaN;
            bad[0] = Double.NaN;
        }
        if (!Double.isFinite(value)) {
            if (Double.isNaN(bad[0])) {
                set(bad, step, epoch, value, extras);
            }
        } else {
            if (Double.isNaN(low[0]) || value < low[2]) {
                set(low, step, epoch, value, extras);
            }
            if (Double.isNaN(high[0]) || value >= high[2]) {
                set(high, step, epoch, value, extras);
            }
        }
        size = groupStart; // the group's kept points, in step order, each once
        double next = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < 3; k++) {
            double[] first = earliestAfter(next);
            if (first == null) {
                break;
            }
            append(first);
            next = first[0];
        }
        if (++inGroup == groupSize) {
            inGroup = 0;
        }
    }

    /** Of the group's kept points, the one with the smallest step above {@code after} (null if none). */
    private double[] earliestAfter(double after) {
        double[] best = null;
        for (double[] p : kept) {
            if (!Double.isNaN(p[0]) && p[0] > after && (best == null || p[0] < best[0])) {
                best = p;
            }
        }
        return best;
    }

    private void set(double[] p, double step, double epoch, double value, double[] extras) {
        if (extras.length != columns.length - 1) {
            throw new IllegalArgumentException("this series has " + (columns.length - 1) + " extra columns, not "
                    + extras.length);
        }
        p[0] = step;
        p[1] = epoch;
        p[2] = value;
        System.arraycopy(extras, 0, p, 3, extras.length);
    }

    /** Appends a kept point: step, epoch, then one value per column. */
    private void append(double[] p) {
        if (size == steps.length) {
            int n = Math.min(size * 2, capacity);
            steps = Arrays.copyOf(steps, n);
            epochs = Arrays.copyOf(epochs, n);
            for (int c = 0; c < columns.length; c++) {
                columns[c] = Arrays.copyOf(columns[c], n);
            }
        }
        steps[size] = p[0];
        epochs[size] = p[1];
        for (int c = 0; c < columns.length; c++) {
            columns[c][size] = p[2 + c];
        }
        size++;
    }

    public double lastStep() {
        return size == 0 ? Double.NEGATIVE_INFINITY : steps[size - 1];
    }

    /** Keeps of each group of four points their lowest and highest (and a non-finite) value. */
    private void thin() {
        double[] values = columns[0];
        int end = size & ~3;
        int out = 0;
        for (int g = 0; g < end; g += 4) {
            int lo = -1;
            int hi = -1;
            int bad = -1;
            for (int i = g; i < g + 4; i++) {
                double v = values[i];
                if (!Double.isFinite(v)) {
                    bad = bad < 0 ? i : bad;
                } else {
                    lo = lo < 0 || v < values[lo] ? i : lo;
                    hi = hi < 0 || v > values[hi] ? i : hi;
                }
            }
            for (int i = g; i < g + 4; i++) { // in step order, each once
                if (i == lo || i == hi || i == bad) {
                    move(i, out++);
                }
            }
        }
        for (int i = end; i < size; i++) {
            move(i, out++);
        }
        size = out;
    }

    private void move(int from, int to) {
        steps[to] = steps[from];
        epochs[to] = epochs[from];
        for (double[] c : columns) {
            c[to] = c[from];
        }
    }

    /** The index of the point recorded at {@code step}, or -1 when there is none. */
    public int indexOfStep(double step) {
        int i = lowerBound(steps, size, step);
        return i < size && steps[i] == step ? i : -1;
    }

    /** Drops every point at {@code step} or later (the run went back in time and forked). */
    public void truncateFrom(double step) {
        size = lowerBound(steps, size, step);
        inGroup = 0; // the group being filled is closed where it was cut
    }

    public void clear() {
        size = 0;
        inGroup = 0;
        groupSize = 2;
    }

    /** The first index in {@code xs[0, n)} whose value is {@code >= x} ({@code n} if none). */
    public static int lowerBound(double[] xs, int n, double x) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (xs[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
