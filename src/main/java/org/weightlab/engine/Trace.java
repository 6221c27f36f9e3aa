package org.weightlab.engine;

import java.util.List;

/**
 * Every number of one forward and backward pass for one example, and the update each parameter
 * would get from the optimizer as it stands (nothing is changed by taking a trace). A real step
 * on a minibatch holding only this example changes the weights by exactly these updates.
 *
 * @param x1            the example's raw point (x1, x2); NaN for data of other than two columns
 * @param features      the input features of the example (for N-D data: its input columns)
 * @param loss          its data loss
 * @param penalty       the regularization penalty of the current weights
 * @param learningRate  the scheduled learning rate the update uses
 * @param step          steps taken before this trace
 */
public record Trace(double x1, double x2, double label, double[] features, List<TraceLayer> layers, double loss,
                    double penalty, double learningRate, long step) {

    public Trace {
        features = features.clone();
        layers = List.copyOf(layers);
    }

    @Override
    public double[] features() {
        return features.clone();
    }

    public TraceLayer layer(int l) {
        return layers.get(l);
    }

    public TraceLayer output() {
        return layers.get(layers.size() - 1);
    }
}
