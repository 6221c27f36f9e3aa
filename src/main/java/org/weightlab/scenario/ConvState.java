package org.weightlab.scenario;

import java.util.Arrays;
import org.weightlab.engine.ConvLayer;
import org.weightlab.engine.config.ActivationKind;

/**
 * The parameters of one convolution as files store them (see {@link ConvLayer}): an input of
 * {@code channelsIn x height x width}, {@code channels} kernels of {@code kernel x kernel}, the
 * activation after it, the weights [channels][channelsIn][kernel][kernel] and biases [channels]
 * flat and row-major as PyTorch's {@code Conv2d} holds them, and the frozen masks of the same
 * shapes. Immutable: arrays are copied in and out. Equality compares values bit for bit.
 */
public record ConvState(int channelsIn, int height, int width, int channels, int kernel, ActivationKind activation,
                        double[] weights, double[] biases, boolean[] frozenWeights, boolean[] frozenBiases) {

    public ConvState {
        if (activation == null || weights == null || biases == null) {
            throw new IllegalArgumentException("convolution is incomplete");
        }
        if (channelsIn < 1 || channels < 1 || kernel < 1 || kernel > height || kernel > width) {
            throw new IllegalArgumentException("convolution of " + channels + " kernels of " + kernel + " over "
                    + channelsIn + " x " + height + " x " + width + " does not fit");
        }
        int size = channels * channelsIn * kernel * kernel;
        frozenWeights = frozenWeights == null ? new boolean[size] : frozenWeights.clone();
        frozenBiases = frozenBiases == null ? new boolean[channels] : frozenBiases.clone();
        if (weights.length != size || frozenWeights.length != size || biases.length != channels
                || frozenBiases.length != channels) {
            throw new IllegalArgumentException("convolution weights must hold " + size + " values and biases "
                    + channels);
        }
        weights = weights.clone();
        biases = biases.clone();
    }

    static ConvState of(ConvLayer c) {
        return new ConvState(c.channelsIn(), c.height(), c.width(), c.channels(), c.kernel(), c.activation(),
                c.weightsCopy(), c.biasesCopy(), c.frozenWeightsCopy(), c.frozenBiasesCopy());
    }

    ConvLayer toLayer() {
        return ConvLayer.of(channelsIn, height, width, channels, kernel, activation, weights, biases, frozenWeights,
                frozenBiases);
    }

    /** The number of values of the flattened feature maps: channels * (height - kernel + 1) * (width - kernel + 1). */
    public int outputs() {
        return channels * (height - kernel + 1) * (width - kernel + 1);
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public double[] biases() {
        return biases.clone();
    }

    @Override
    public boolean[] frozenWeights() {
        return frozenWeights.clone();
    }

    @Override
    public boolean[] frozenBiases() {
        return frozenBiases.clone();
    }

    boolean isFinite() {
        return Arrays.stream(weights).allMatch(Double::isFinite) && Arrays.stream(biases).allMatch(Double::isFinite);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ConvState s)) {
            return false;
        }
        return channelsIn == s.channelsIn && height == s.height && width == s.width && channels == s.channels
                && kernel == s.kernel && activation == s.activation && Arrays.equals(weights, s.weights)
                && Arrays.equals(biases, s.biases) && Arrays.equals(frozenWeights, s.frozenWeights)
                && Arrays.equals(frozenBiases, s.frozenBiases);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(weights) * 31 + Arrays.hashCode(biases);
    }

    @Override
    public String toString() {
        return "ConvState[" + channelsIn + "x" + height + "x" + width + " -> " + channels + " of " + kernel + "x"
                + kernel + " " + activation.id() + "]";
    }
}
