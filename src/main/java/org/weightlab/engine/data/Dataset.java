package org.weightlab.engine.data;

/**
 * A set of raw input rows with labels. {@code points} holds the rows one after another,
 * {@code dims} values each: value {@code j} of row {@code i} is {@code points[i * dims + j]}. The
 * built-in sets are 2-D ({@code dims = 2}: x1, x2 interleaved, as before N-D data came); digits
 * has 64 columns and imported data as many as the person picked. Labels are -1/+1 for two
 * classes, 0..K-1 for three or more, and real values for regression. The arrays are never
 * modified after construction; treat them as read-only.
 */
public record Dataset(double[] points, double[] labels, int dims) {

    public Dataset {
        if (dims < 1) {
            throw new IllegalArgumentException("a data set needs at least one input column, got " + dims);
        }
        if (points.length != (long) dims * labels.length) {
            throw new IllegalArgumentException("points holds " + points.length / dims + " rows of " + dims
                    + " for " + labels.length + " labels");
        }
    }

    /** A 2-D data set: x1, x2 interleaved. */
    public Dataset(double[] points, double[] labels) {
        this(points, labels, 2);
    }

    public int size() {
        return labels.length;
    }

    /** Whether the rows are points of the plane (x1, x2), which the 2-D views and features need. */
    public boolean planar() {
        return dims == 2;
    }

    /** x1 of point {@code i}; 2-D data only. */
    public double x1(int i) {
        requirePlanar();
        return points[2 * i];
    }

    /** x2 of point {@code i}; 2-D data only. */
    public double x2(int i) {
        requirePlanar();
        return points[2 * i + 1];
    }

    /** Value of column {@code j} in row {@code i}. */
    public double value(int i, int j) {
        return points[i * dims + j];
    }

    /** A copy of row {@code i}. */
    public double[] row(int i) {
        double[] r = new double[dims];
        System.arraycopy(points, i * dims, r, 0, dims);
        return r;
    }

    public double label(int i) {
        return labels[i];
    }

    private void requirePlanar() {
        if (dims != 2) {
            throw new IllegalStateException("this data set has " + dims + " input columns, not a 2-D point");
        }
    }
}
