package org.weightlab.explain;

import java.util.Locale;

/**
 * The point of weight sharing in one line: a convolution's parameter count beside that of a dense
 * layer giving the same number of outputs from the same inputs.
 */
public final class ConvSharing {

    private ConvSharing() {
    }

    /** c * inC * k * k weights and c biases. */
    public static long convParameters(int channels, int channelsIn, int kernel) {
        return (long) channels * channelsIn * kernel * kernel + channels;
    }

    /** A dense layer from {@code inputs} to {@code outputs}: a weight per pair and a bias per output. */
    public static long denseParameters(int inputs, int outputs) {
        return (long) inputs * outputs + outputs;
    }

    /**
     * "conv: 4x(3x3)+4 = 40 parameters; a dense layer to the same 144 outputs: 64x144+144 = 9,360"
     * for 4 kernels of 3x3 on one channel of 8x8 (the kernel reads "2x3x3" for two input channels).
     */
    public static String line(int channels, int channelsIn, int kernel, int inputs, int outputs) {
        String k = (channelsIn > 1 ? channelsIn + "x" : "") + kernel + "x" + kernel;
        return String.format(Locale.ROOT, "conv: %dx(%s)+%d = %,d parameters; a dense layer to the same %,d outputs: "
                        + "%dx%d+%d = %,d", channels, k, channels, convParameters(channels, channelsIn, kernel),
                outputs, inputs, outputs, outputs, denseParameters(inputs, outputs));
    }
}
