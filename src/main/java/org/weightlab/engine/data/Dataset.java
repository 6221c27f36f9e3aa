package org.weightlab.engine.data;

/**
 * A set of raw 2-D points with labels. {@code points} holds x1, x2 interleaved:
 * point {@code i} is {@code (points[2 * i], points[2 * i + 1])}. Labels are -1/+1 for two
 * classes, 0/1/2 for three, and real values for regression. The arrays are never modified
 * after construction; treat them as read-only.
 */
public record Dataset(double[] points, double[] labels) {

    public Dataset {
        if (points.length != 2 * labels.length) {
            throw new IllegalArgumentException("points holds " + points.length / 2 + " points for "
                    + labels.length + " labels");
        }
    }

    public int size() {
        return labels.length;
    }

    public double x1(int i) {
        return points[2 * i];
    }

    public double x2(int i) {
        return points[2 * i + 1];
    }

    public double label(int i) {
        return labels[i];
    }
}
