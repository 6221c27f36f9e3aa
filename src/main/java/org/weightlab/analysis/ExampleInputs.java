package org.weightlab.analysis;

import java.util.List;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.data.Dataset;

/** The network inputs of a data set's examples, as the engine computes them from the raw data. */
public final class ExampleInputs {

    private ExampleInputs() {
    }

    /** Row-major {@code [examples][features]}: the input features of every point of {@code d}. */
    public static double[] of(List<Feature> features, Dataset d) {
        int f = features.size();
        double[] x = new double[d.size() * f];
        for (int i = 0; i < d.size(); i++) {
            for (int j = 0; j < f; j++) {
                x[i * f + j] = features.get(j).apply(d.x1(i), d.x2(i));
            }
        }
        return x;
    }
}
