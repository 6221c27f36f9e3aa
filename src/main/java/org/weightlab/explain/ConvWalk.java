package org.weightlab.explain;

import java.util.ArrayList;
import java.util.List;
import org.weightlab.engine.ConvLayer;
import org.weightlab.engine.Network;

/**
 * One convolution walked one output value at a time: where kernel {@code o} sits on the input for
 * output (r, s), the k x k patch under it, the same k x k weights at every position (weight
 * sharing), and the sum with the bias and the activation. The sum runs in the module's own order
 * (the bias, then input channel, kernel row, kernel column), so each z equals the engine's bit for
 * bit; the activation is the module's own forward pass.
 */
public final class ConvWalk {

    /**
     * One output value.
     *
     * @param kernel  which kernel (output channel)
     * @param row     the output row r: the kernel's top row on the input
     * @param column  the output column s: the kernel's left column on the input
     * @param patch   the input values under the kernel, [inC][k][k] row-major
     * @param weights the kernel's weights, [inC][k][k] row-major: the same at every position
     * @param bias    the kernel's bias
     * @param z       bias + sum of weight x input over the patch
     * @param a       the activation of z: the feature map's value at (r, s)
     */
    public record Position(int kernel, int row, int column, double[] patch, double[] weights, double bias,
                           double z, double a) {
    }

    private final ConvLayer conv;
    private final double[] input;
    private final ConvLayer.FeatureMaps maps;

    /** A walk of {@code conv} over {@code input} (its inC * H * W values, row-major); copies nothing live. */
    public ConvWalk(ConvLayer conv, double[] input) {
        this.conv = conv.copy();
        this.input = input.clone();
        this.maps = this.conv.featureMaps(this.input);
    }

    /** A walk of convolution {@code c} of {@code net} for the example {@code x} (the network's inputs). */
    public static ConvWalk of(Network net, int c, double[] x) {
        double[] in = x;
        for (int k = 0; k < c; k++) {
            in = net.conv(k).featureMaps(in).a();
        }
        return new ConvWalk(net.conv(c), in);
    }

    public ConvLayer conv() {
        return conv;
    }

    /** The input the kernels slide over, inC * H * W values (a copy). */
    public double[] input() {
        return input.clone();
    }

    /** The module's own feature maps for the input. */
    public ConvLayer.FeatureMaps maps() {
        return maps;
    }

    /** Positions of one kernel: OH * OW. */
    public int positions() {
        return conv.outHeight() * conv.outWidth();
    }

    /** Output value (kernel, row, column). */
    public Position at(int kernel, int row, int column) {
        int k = conv.kernel();
        int inC = conv.channelsIn();
        if (row < 0 || row >= conv.outHeight() || column < 0 || column >= conv.outWidth()) {
            throw new IllegalArgumentException("position (" + row + ", " + column + ") is outside the "
                    + conv.outHeight() + "x" + conv.outWidth() + " map");
        }
        double[] patch = new double[inC * k * k];
        double[] w = new double[inC * k * k];
        double bias = conv.biasesCopy()[kernel];
        double z = bias;
        for (int i = 0; i < inC; i++) {
            double[] kernelW = conv.kernel(kernel, i);
            for (int u = 0; u < k; u++) {
                for (int v = 0; v < k; v++) {
                    int j = (i * k + u) * k + v;
                    w[j] = kernelW[u * k + v];
                    patch[j] = input[(i * conv.height() + row + u) * conv.width() + column + v];
                    z += w[j] * patch[j];
                }
            }
        }
        int unit = (kernel * conv.outHeight() + row) * conv.outWidth() + column;
        return new Position(kernel, row, column, patch, w, bias, z, maps.a()[unit]);
    }

    /** Position {@code p} (0 .. positions() - 1, row by row) of {@code kernel}. */
    public Position at(int kernel, int p) {
        return at(kernel, p / conv.outWidth(), p % conv.outWidth());
    }

    /**
     * The sum written out: "z = b + w1 x1 + ... = value", then "a = f(z) = value", with numbers as
     * a student reads them.
     */
    public List<String> lines(Position p) {
        StringBuilder sum = new StringBuilder("z = ").append(NumberText.format(p.bias()));
        for (int j = 0; j < p.weights().length; j++) {
            double w = p.weights()[j];
            sum.append(w < 0 ? " \u2212 " : " + ").append(NumberText.format(Math.abs(w))).append(" \u00d7 ")
                    .append(NumberText.format(p.patch()[j]));
        }
        sum.append(" = ").append(NumberText.format(p.z()));
        List<String> out = new ArrayList<>();
        out.add(sum.toString());
        out.add("a = " + conv.activation().id() + "(z) = " + NumberText.format(p.a()));
        return out;
    }
}
