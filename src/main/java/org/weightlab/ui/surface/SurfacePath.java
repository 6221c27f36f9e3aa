package org.weightlab.ui.surface;

import java.util.Arrays;

/**
 * The last steps of the two chosen parameters, oldest first: (a, b) and the step each was seen at.
 * A ring of {@link #CAPACITY} points; a run that went back in time (reset, timeline) starts a new path.
 */
final class SurfacePath {

    static final int CAPACITY = 2000;

    private final double[] a = new double[CAPACITY];
    private final double[] b = new double[CAPACITY];
    private final long[] steps = new long[CAPACITY];
    private int start;
    private int size;

    /** Adds the point of {@code step}; a step at or before the last one starts the path again. */
    void add(long step, double va, double vb) {
        if (size > 0 && step <= step(size - 1)) {
            if (step == step(size - 1) && va == a(size - 1) && vb == b(size - 1)) {
                return; // the same moment again
            }
            clear();
        }
        int i = (start + size) % CAPACITY;
        if (size == CAPACITY) {
            start = (start + 1) % CAPACITY;
        } else {
            size++;
        }
        a[i] = va;
        b[i] = vb;
        steps[i] = step;
    }

    void clear() {
        start = 0;
        size = 0;
    }

    int size() {
        return size;
    }

    double a(int k) {
        return a[(start + k) % CAPACITY];
    }

    double b(int k) {
        return b[(start + k) % CAPACITY];
    }

    long step(int k) {
        return steps[(start + k) % CAPACITY];
    }

    /** {minA, maxA, minB, maxB} over the finite points; null when there are none. */
    double[] bounds() {
        double[] r = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        for (int k = 0; k < size; k++) {
            if (Double.isFinite(a(k)) && Double.isFinite(b(k))) {
                r[0] = Math.min(r[0], a(k));
                r[1] = Math.max(r[1], a(k));
                r[2] = Math.min(r[2], b(k));
                r[3] = Math.max(r[3], b(k));
            }
        }
        return r[0] <= r[1] ? r : null;
    }

    @Override
    public String toString() {
        return "SurfacePath" + Arrays.toString(Arrays.copyOf(steps, Math.min(size, 8)));
    }
}
