package org.weightlab.engine.config;

import java.util.List;

/**
 * One convolution layer of the config's "conv" list: {@code channels} kernels of
 * {@code kernel x kernel} (valid padding, stride 1), then the run's hidden activation; the layers
 * apply in list order to the image, before the hidden dense layers, and their last output is
 * flattened (channel, row, column) into the first dense layer, as PyTorch's
 * {@code Conv2d ... Flatten, Linear}. Only image data has them (digits: 1 channel of 8 x 8).
 *
 * @param channels output channels, 1 to {@value #MAX_CHANNELS}
 * @param kernel   the side of each square kernel, 1 to the side of the image it reads
 */
public record ConvSpec(int channels, int kernel) {

    public static final int MAX_CHANNELS = 16;
    public static final int MAX_LAYERS = 3;
    /** The most values the flattened feature maps may hold (the dense layer after them reads them all). */
    public static final int MAX_FLAT = 1024;

    public ConvSpec {
        if (channels < 1 || channels > MAX_CHANNELS) {
            throw new IllegalArgumentException("conv channels must be 1.." + MAX_CHANNELS + ", got " + channels);
        }
        if (kernel < 1) {
            throw new IllegalArgumentException("conv kernel must be at least 1, got " + kernel);
        }
    }

    /**
     * Refuses a list of convolutions that does not fit {@code image} ({channels, height, width}, or
     * null for data that is not an image): too many layers, a kernel larger than what it reads, or
     * feature maps too large to flatten.
     */
    static void check(List<ConvSpec> conv, int[] image, String dataset) {
        if (conv.isEmpty()) {
            return;
        }
        if (image == null) {
            throw new IllegalArgumentException("conv applies to image data (digits); " + dataset
                    + " is not an image");
        }
        if (conv.size() > MAX_LAYERS) {
            throw new IllegalArgumentException("at most " + MAX_LAYERS + " conv layers, got " + conv.size());
        }
        int h = image[1];
        int w = image[2];
        for (int l = 0; l < conv.size(); l++) {
            ConvSpec s = conv.get(l);
            if (s.kernel() > h || s.kernel() > w) {
                throw new IllegalArgumentException("conv layer " + l + "'s kernel of " + s.kernel() + "x" + s.kernel()
                        + " does not fit its " + h + "x" + w + " input");
            }
            h -= s.kernel() - 1;
            w -= s.kernel() - 1;
            int flat = s.channels() * h * w;
            if (flat > MAX_FLAT) {
                throw new IllegalArgumentException("conv layer " + l + " gives " + s.channels() + " x " + h + " x " + w
                        + " = " + flat + " values, more than " + MAX_FLAT);
            }
        }
    }
}
