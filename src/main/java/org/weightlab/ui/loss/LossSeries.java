package org.weightlab.ui.loss;

import java.util.Arrays;

/**
 * One curve of the loss chart in growable primitive arrays: point {@code i} was recorded at
 * {@code step(i)} during {@code epoch(i)} with value {@code value(i)}. Steps never decrease, so
 * ranges are found by binary search. Values may be NaN or infinite (a diverged run); they are
 * stored as given and skipped when drawn.
 */
public final class LossSeries {

    private double[] steps = new double[1024];
    private double[] epochs = new double[1024];
    private double[] values = new double[1024];
    private int size;

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
        return values[i];
    }

    /** The x coordinates in steps or in epochs; the live array, valid up to {@link #size()}. */
    double[] xs(boolean inEpochs) {
        return inEpochs ? epochs : steps;
    }

    double[] values() {
        return values;
    }

    public void add(double step, double epoch, double value) {
        if (size == steps.length) {
            int n = size * 2;
            steps = Arrays.copyOf(steps, n);
            epochs = Arrays.copyOf(epochs, n);
            values = Arrays.copyOf(values, n);
        }
        steps[size] = step;
        epochs[size] = epoch;
        values[size] = value;
        size++;
    }

    public double lastStep() {
        return size == 0 ? Double.NEGATIVE_INFINITY : steps[size - 1];
    }

    /** Drops every point at {@code step} or later (the run went back in time and forked). */
    public void truncateFrom(double step) {
        size = lowerBound(steps, size, step);
    }

    public void clear() {
        size = 0;
    }

    /** The first index in {@code xs[0, n)} whose value is {@code >= x} ({@code n} if none). */
    static int lowerBound(double[] xs, int n, double x) {
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
