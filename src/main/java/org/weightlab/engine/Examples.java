package org.weightlab.engine;

import java.util.List;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.LossKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.Dataset;

/** A data set as the Trainer reads it: input features computed once from the raw points, and checked labels. */
final class Examples {

    private Examples() {
    }

    /**
     * The features of every point of {@code d}, row-major [n][features]; with no features (data of
     * other than two columns) the rows themselves.
     */
    static double[] features(List<Feature> features, Dataset d) {
        if (features.isEmpty()) {
            return d.points().clone();
        }
        int f = features.size();
        double[] x = new double[d.size() * f];
        for (int i = 0; i < d.size(); i++) {
            for (int j = 0; j < f; j++) {
                x[i * f + j] = features.get(j).apply(d.x1(i), d.x2(i));
            }
        }
        return x;
    }

    /**
     * The labels of {@code d}, checked: finite, and a class index 0..K-1 for cross_entropy. Two
     * classes are stored as -1/+1; cross_entropy reads them as class 0 (-1) and class 1 (+1).
     */
    static double[] labels(RunConfig c, Dataset d, String which) {
        double[] y = d.labels().clone();
        int classes = c.outputs();
        boolean signed = c.loss() == LossKind.CROSS_ENTROPY && c.classes() == 2;
        for (int i = 0; i < y.length; i++) {
            if (signed && (y[i] == -1 || y[i] == 1)) {
                y[i] = y[i] > 0 ? 1 : 0;
            }
            double v = y[i];
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(which + " label " + i + " is not finite: " + v);
            }
            if (c.loss() == LossKind.CROSS_ENTROPY && (v != Math.rint(v) || v < 0 || v >= classes)) {
                throw new IllegalArgumentException(which + " label " + i + " is " + v + ", expected a class index 0.."
                        + (classes - 1));
            }
        }
        return y;
    }
}
