package org.weightlab.compress;

import java.util.ArrayList;
import java.util.List;
import org.weightlab.engine.Network;

/**
 * How big a network is: weights and biases per layer and in total, how many of them are not zero,
 * and the bytes they take in each {@link StorageFormat}.
 *
 * @param layers first hidden layer to output layer
 */
public record ModelSize(List<LayerSize> layers) {

    /** The parameter count the issue uses to make the scale felt: a 7-billion-parameter model. */
    public static final long SEVEN_BILLION = 7_000_000_000L;

    /** One layer's counts; {@code nonzero} counts weights and biases that are not 0 (nor -0). */
    public record LayerSize(long weights, long biases, long nonzeroWeights, long nonzeroBiases) {

        public long parameters() {
            return weights + biases;
        }

        public long nonzero() {
            return nonzeroWeights + nonzeroBiases;
        }
    }

    public ModelSize {
        layers = List.copyOf(layers);
    }

    /** The sizes of {@code network}'s layers, read through copies. */
    public static ModelSize of(Network network) {
        return of(WeightSet.of(network));
    }

    public static ModelSize of(WeightSet w) {
        List<LayerSize> sizes = new ArrayList<>();
        for (int l = 0; l < w.layerCount(); l++) {
            sizes.add(new LayerSize(w.weights[l].length, w.biases[l].length, nonzero(w.weights[l]),
                    nonzero(w.biases[l])));
        }
        return new ModelSize(sizes);
    }

    static long nonzero(double[] values) {
        long n = 0;
        for (double v : values) {
            if (v != 0) {
                n++;
            }
        }
        return n;
    }

    public long weights() {
        return layers.stream().mapToLong(LayerSize::weights).sum();
    }

    public long biases() {
        return layers.stream().mapToLong(LayerSize::biases).sum();
    }

    /** Weights and biases. */
    public long parameters() {
        return weights() + biases();
    }

    public long nonzero() {
        return layers.stream().mapToLong(LayerSize::nonzero).sum();
    }

    public long nonzeroWeights() {
        return layers.stream().mapToLong(LayerSize::nonzeroWeights).sum();
    }

    /** Every parameter stored at {@code format}'s width. */
    public long bytes(StorageFormat format) {
        return format.bytes(parameters());
    }
}
