package org.weightlab.session;

import org.weightlab.engine.ConvLayer;
import org.weightlab.engine.config.ActivationKind;

/**
 * One convolution ({@link ConvLayer}) at one step: {@code channels} kernels of
 * {@code kernel x kernel} over an input of {@code channelsIn x height x width}. Arrays are private
 * copies in the module's own order: the weight (o, i, u, v) is
 * {@code weights[((o * channelsIn + i) * kernel + u) * kernel + v]}, one bias per kernel.
 *
 * @param weightGradients dL/dweight of the last step, same order as {@code weights}
 * @param biasGradients   dL/dbias of the last step
 * @param frozenWeights   true where a weight is frozen, same order as {@code weights}
 * @param frozenBiases    true where a kernel's bias is frozen
 */
public record ConvSnapshot(int channelsIn, int height, int width, int channels, int kernel,
                           ActivationKind activation, double[] weights, double[] biases,
                           double[] weightGradients, double[] biasGradients,
                           boolean[] frozenWeights, boolean[] frozenBiases) {

    /** Copies of {@code conv}'s parameters, gradients and frozen masks (read on its own thread). */
    public static ConvSnapshot of(ConvLayer conv) {
        return new ConvSnapshot(conv.channelsIn(), conv.height(), conv.width(), conv.channels(), conv.kernel(),
                conv.activation(), conv.weightsCopy(), conv.biasesCopy(), conv.weightGradientsCopy(),
                conv.biasGradientsCopy(), conv.frozenWeightsCopy(), conv.frozenBiasesCopy());
    }

    /** Height of each feature map, H - k + 1. */
    public int outHeight() {
        return height - kernel + 1;
    }

    /** Width of each feature map, W - k + 1. */
    public int outWidth() {
        return width - kernel + 1;
    }

    /** The flattened feature maps' size, channels * OH * OW: the first dense layer's inputs. */
    public int outputs() {
        return channels * outHeight() * outWidth();
    }

    /** The trainable values: the kernels' weights and one bias each. */
    public int parameterCount() {
        return weights.length + biases.length;
    }

    /** Weight (o, i, u, v): kernel o, input channel i, kernel row u, kernel column v. */
    public double weight(int o, int i, int u, int v) {
        return weights[((o * channelsIn + i) * kernel + u) * kernel + v];
    }

    /** The k x k kernel of output channel {@code o} for input channel {@code i}, row-major (a copy). */
    public double[] kernelPicture(int o, int i) {
        double[] k = new double[kernel * kernel];
        System.arraycopy(weights, (o * channelsIn + i) * k.length, k, 0, k.length);
        return k;
    }

    /** dL/dweight of kernel {@code o} for input channel {@code i}, row-major (a copy). */
    public double[] gradientPicture(int o, int i) {
        double[] k = new double[kernel * kernel];
        System.arraycopy(weightGradients, (o * channelsIn + i) * k.length, k, 0, k.length);
        return k;
    }

    /** Whether kernel {@code o} is frozen whole: every weight of it and its bias. */
    public boolean kernelFrozen(int o) {
        int size = channelsIn * kernel * kernel;
        for (int j = o * size; j < (o + 1) * size; j++) {
            if (!frozenWeights[j]) {
                return false;
            }
        }
        return frozenBiases[o];
    }

    /** A module with these parameters, to run the engine's own forward pass on. */
    public ConvLayer module() {
        return ConvLayer.of(channelsIn, height, width, channels, kernel, activation, weights, biases, frozenWeights,
                frozenBiases);
    }

    /** The feature maps of one input (channelsIn * height * width values), by the module's own forward pass. */
    public ConvLayer.FeatureMaps featureMaps(double[] input) {
        return module().featureMaps(input);
    }
}
