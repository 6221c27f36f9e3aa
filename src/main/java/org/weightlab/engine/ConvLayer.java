package org.weightlab.engine;

import java.util.List;
import org.weightlab.engine.config.ActivationKind;

/**
 * A 2-D convolution followed by its activation, the network's convolution module: exactly
 * PyTorch's {@code nn.Conv2d(inC, c, k)} (valid padding, stride 1, no dilation, one group), then the
 * activation, then {@code nn.Flatten()}. For an input of {@code inC} channels of {@code H x W}
 * pixels it computes {@code c} feature maps of {@code OH x OW}, OH = H - k + 1, OW = W - k + 1:
 *
 * <pre>
 *   z[o][r][s] = bias[o] + sum over i &lt; inC, u &lt; k, v &lt; k of weight[o][i][u][v] * x[i][r + u][s + v]
 *   a[o][r][s] = f(z[o][r][s])
 * </pre>
 *
 * summed in that order (i, then u, then v) after the bias. Every tensor is flat and row-major:
 * the input unit (i, y, x) is {@code i * H * W + y * W + x} (the digits' 64 columns p00 .. p77 are
 * {@code x.view(-1, 1, 8, 8)}), the weight (o, i, u, v) is {@code ((o * inC + i) * k + u) * k + v}
 * as PyTorch stores {@code Conv2d.weight} [c][inC][k][k], and the output unit (o, r, s) is
 * {@code o * OH * OW + r * OW + s}: the order {@code nn.Flatten} gives, so the dense layer after it
 * reads the feature maps as PyTorch's {@code Linear} does.
 *
 * <p>Backward, with dz = dL/dz (batch means like the dense layer's):
 * <pre>
 *   dL/dweight[o][i][u][v] = mean over the batch of sum over r, s of dz[o][r][s] * x[i][r + u][s + v]
 *   dL/dbias[o]            = mean over the batch of sum over r, s of dz[o][r][s]
 *   dL/dx[i][y][x]         = sum over o, u, v (r = y - u, s = x - v inside the map) of weight[o][i][u][v] * dz[o][r][s]
 * </pre>
 *
 * Its parameters are "weight" [c][inC][k][k] (decayable: l1 / l2 apply, as to dense weights) and
 * "bias" [c]. The fans PyTorch uses for a convolution are fan_in = inC * k * k and fan_out =
 * c * k * k; {@link Network#create} initializes with the run's {@code init} and {@code biasInit}
 * at those fans. Frozen masks, optimizer state and checkpoints follow {@link Parameter} as for
 * every module. Only the engine thread touches a live module; copies are safe to read anywhere.
 */
public final class ConvLayer implements NetModule {

    private final int channelsIn;
    private final int height;
    private final int width;
    private final int channels;
    private final int kernel;
    private final int outHeight;
    private final int outWidth;
    private final ActivationKind activation;
    private final Parameter weight;
    private final Parameter bias;
    private final List<Parameter> parameters;

    /**
     * A convolution of {@code channels} kernels of {@code kernel x kernel} over inputs of
     * {@code channelsIn x height x width}, then {@code activation}; parameters zero.
     */
    public ConvLayer(int channelsIn, int height, int width, int channels, int kernel, ActivationKind activation) {
        if (channelsIn < 1 || height < 1 || width < 1 || channels < 1 || kernel < 1) {
            throw new IllegalArgumentException("a convolution needs positive sizes, got " + channelsIn + " x "
                    + height + " x " + width + " in, " + channels + " kernels of " + kernel);
        }
        if (kernel > height || kernel > width) {
            throw new IllegalArgumentException("a " + kernel + "x" + kernel + " kernel does not fit a " + height
                    + "x" + width + " image");
        }
        if (activation == null || activation == ActivationKind.SOFTMAX) {
            throw new IllegalArgumentException("a convolution needs an activation other than softmax, got "
                    + activation);
        }
        this.channelsIn = channelsIn;
        this.height = height;
        this.width = width;
        this.channels = channels;
        this.kernel = kernel;
        this.outHeight = height - kernel + 1;
        this.outWidth = width - kernel + 1;
        this.activation = activation;
        weight = new Parameter("weight", true, channels, channelsIn, kernel, kernel);
        bias = new Parameter("bias", false, channels);
        parameters = List.of(weight, bias);
    }

    /**
     * A convolution with given parameters (e.g. from a file): {@code weights} [c][inC][k][k] and
     * {@code biases} [c], copied; the frozen masks may be null for "nothing frozen".
     */
    public static ConvLayer of(int channelsIn, int height, int width, int channels, int kernel,
                               ActivationKind activation, double[] weights, double[] biases, boolean[] frozenWeights,
                               boolean[] frozenBiases) {
        ConvLayer c = new ConvLayer(channelsIn, height, width, channels, kernel, activation);
        fill("weights", c.weight.values, weights);
        fill("biases", c.bias.values, biases);
        for (int j = 0; j < weights.length; j++) {
            if (!Double.isFinite(weights[j]) || j < biases.length && !Double.isFinite(biases[j])) {
                throw new IllegalArgumentException("convolution parameter " + j + " is not finite");
            }
        }
        if (frozenWeights != null) {
            check("frozenWeights", frozenWeights.length, c.weight.size());
            System.arraycopy(frozenWeights, 0, c.weight.frozen, 0, frozenWeights.length);
        }
        if (frozenBiases != null) {
            check("frozenBiases", frozenBiases.length, channels);
            System.arraycopy(frozenBiases, 0, c.bias.frozen, 0, frozenBiases.length);
        }
        return c;
    }

    private static void fill(String what, double[] target, double[] source) {
        check(what, source.length, target.length);
        System.arraycopy(source, 0, target, 0, source.length);
    }

    private static void check(String what, int got, int expected) {
        if (got != expected) {
            throw new IllegalArgumentException("convolution " + what + " holds " + got + " values, expected "
                    + expected);
        }
    }

    // ---- shape ----

    /** Input channels (1 for the digits). */
    public int channelsIn() {
        return channelsIn;
    }

    /** Input height in pixels. */
    public int height() {
        return height;
    }

    /** Input width in pixels. */
    public int width() {
        return width;
    }

    /** Output channels: the number of kernels, one feature map each. */
    public int channels() {
        return channels;
    }

    /** The side k of each k x k kernel. */
    public int kernel() {
        return kernel;
    }

    /** Height of each feature map, H - k + 1. */
    public int outHeight() {
        return outHeight;
    }

    /** Width of each feature map, W - k + 1. */
    public int outWidth() {
        return outWidth;
    }

    /** inC * H * W. */
    @Override
    public int inputs() {
        return channelsIn * height * width;
    }

    /** c * OH * OW: the flattened feature maps. */
    @Override
    public int outputs() {
        return channels * outHeight * outWidth;
    }

    @Override
    public ActivationKind activation() {
        return activation;
    }

    /** fan_in as PyTorch computes it for a convolution: inC * k * k. */
    public int fanIn() {
        return channelsIn * kernel * kernel;
    }

    /** fan_out as PyTorch computes it for a convolution: c * k * k. */
    public int fanOut() {
        return channels * kernel * kernel;
    }

    /** Number of trainable values: c * inC * k * k weights and c biases. */
    public int parameterCount() {
        return weight.size() + bias.size();
    }

    // ---- values (copies) ----

    /** The kernels, [c][inC][k][k] row-major: kernel o's picture for input channel i starts at (o * inC + i) * k * k. */
    public double[] weightsCopy() {
        return weight.valuesCopy();
    }

    /** One bias per kernel. */
    public double[] biasesCopy() {
        return bias.valuesCopy();
    }

    public boolean[] frozenWeightsCopy() {
        return weight.frozenCopy();
    }

    public boolean[] frozenBiasesCopy() {
        return bias.frozenCopy();
    }

    /** dL/dweight of the last step, [c][inC][k][k]. */
    public double[] weightGradientsCopy() {
        return weight.gradsCopy();
    }

    public double[] biasGradientsCopy() {
        return bias.gradsCopy();
    }

    /** The k x k kernel of output channel {@code o} for input channel {@code i}, row-major (a copy). */
    public double[] kernel(int o, int i) {
        if (o < 0 || o >= channels || i < 0 || i >= channelsIn) {
            throw new IllegalArgumentException("kernel (" + o + ", " + i + ") is outside " + channels + " x "
                    + channelsIn);
        }
        double[] k = new double[kernel * kernel];
        System.arraycopy(weight.values, (o * channelsIn + i) * kernel * kernel, k, 0, k.length);
        return k;
    }

    /** Freezes (or frees) kernel {@code o}: its weights for every input channel and its bias. */
    void freezeKernel(int o, boolean frozen) {
        kernel(o, 0); // checks o
        int size = channelsIn * kernel * kernel;
        java.util.Arrays.fill(weight.frozen, o * size, (o + 1) * size, frozen);
        bias.frozen[o] = frozen;
    }

    /**
     * The feature maps of one example, computed from {@code input} (inC * H * W values, row-major)
     * with the current parameters; changes nothing. z and a are [c][OH][OW] row-major (the
     * flattened order the next layer reads).
     */
    public FeatureMaps featureMaps(double[] input) {
        if (input.length != inputs()) {
            throw new IllegalArgumentException(input.length + " values for a " + channelsIn + " x " + height + " x "
                    + width + " input");
        }
        double[] z = new double[outputs()];
        double[] a = new double[outputs()];
        forwardKernel(weight.values, bias.values, input, 1, 1, z);
        Activation.forward(activation, z, a, outputs(), 1, 1);
        return new FeatureMaps(channels, outHeight, outWidth, z, a);
    }

    /**
     * One example's feature maps: {@code z} before the activation and {@code a} after, each
     * [channels][height][width] row-major.
     */
    public record FeatureMaps(int channels, int height, int width, double[] z, double[] a) {

        public FeatureMaps {
            z = z.clone();
            a = a.clone();
        }

        @Override
        public double[] z() {
            return z.clone();
        }

        @Override
        public double[] a() {
            return a.clone();
        }

        /** Map {@code o} after the activation, [height][width] row-major. */
        public double[] map(int o) {
            double[] m = new double[height * width];
            System.arraycopy(a, o * m.length, m, 0, m.length);
            return m;
        }
    }

    // ---- module ----

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public ConvLayer copy() {
        ConvLayer c = new ConvLayer(channelsIn, height, width, channels, kernel, activation);
        copyInto(c);
        return c;
    }

    @Override
    public void copyInto(NetModule target) {
        ConvLayer c = (ConvLayer) target;
        weight.copyInto(c.weight);
        bias.copyInto(c.bias);
    }

    @Override
    public boolean sameShape(NetModule other) {
        return other instanceof ConvLayer o && channelsIn == o.channelsIn && height == o.height
                && width == o.width && channels == o.channels && kernel == o.kernel && activation == o.activation;
    }

    @Override
    public void forward(Workspace ws, int index, int n) {
        forwardKernel(weight.values, bias.values, ws.in[index], ws.capacity, n, ws.z[index]);
        Activation.forward(activation, ws.z[index], ws.a[index], outputs(), ws.capacity, n);
    }

    /** z of the first n examples of x ([inputs][cap]) into z ([outputs][cap]); see the class comment. */
    private void forwardKernel(double[] w, double[] b, double[] x, int cap, int n, double[] z) {
        int k = kernel;
        for (int o = 0; o < channels; o++) {
            for (int r = 0; r < outHeight; r++) {
                for (int s = 0; s < outWidth; s++) {
                    int zRow = ((o * outHeight + r) * outWidth + s) * cap;
                    java.util.Arrays.fill(z, zRow, zRow + n, b[o]);
                    for (int i = 0; i < channelsIn; i++) {
                        for (int u = 0; u < k; u++) {
                            int wRow = ((o * channelsIn + i) * k + u) * k;
                            int xRow = (i * height + r + u) * width + s;
                            ConvKernels.addKernelRow(z, zRow, w, wRow, k, x, xRow * cap, cap, n);
                        }
                    }
                }
            }
        }
    }

    @Override
    public void backward(Workspace ws, int index, int n, boolean dzReady, double[][] grads, int first,
                         double[] inputGrad) {
        int cap = ws.capacity;
        double[] dz = ws.dz[index];
        if (!dzReady) {
            Activation.backward(activation, ws.z[index], ws.a[index], ws.da[index], dz, outputs(), cap, n);
        }
        double[] x = ws.in[index];
        double[] gw = grads[first];
        double[] gb = grads[first + 1];
        int k = kernel;
        int maps = outHeight * outWidth;
        for (int o = 0; o < channels; o++) {
            double sum = 0;
            for (int p = 0; p < maps; p++) {
                sum += ConvKernels.sum(dz, (o * maps + p) * cap, n);
            }
            gb[o] = sum / n;
            for (int i = 0; i < channelsIn; i++) {
                for (int u = 0; u < k; u++) {
                    for (int v = 0; v < k; v++) {
                        double g = 0;
                        for (int r = 0; r < outHeight; r++) {
                            for (int s = 0; s < outWidth; s++) {
                                g += ConvKernels.dot(dz, ((o * outHeight + r) * outWidth + s) * cap, x,
                                        ((i * height + r + u) * width + s + v) * cap, n);
                            }
                        }
                        gw[((o * channelsIn + i) * k + u) * k + v] = g / n;
                    }
                }
            }
        }
        if (inputGrad != null) {
            backwardInput(weight.values, dz, cap, n, inputGrad);
        }
    }

    /** dL/dx = the transposed convolution of dz with the kernels, into dx ([inputs][cap]). */
    private void backwardInput(double[] w, double[] dz, int cap, int n, double[] dx) {
        for (int j = 0; j < inputs(); j++) {
            java.util.Arrays.fill(dx, j * cap, j * cap + n, 0.0);
        }
        int k = kernel;
        for (int o = 0; o < channels; o++) {
            for (int r = 0; r < outHeight; r++) {
                for (int s = 0; s < outWidth; s++) {
                    int dzRow = ((o * outHeight + r) * outWidth + s) * cap;
                    for (int i = 0; i < channelsIn; i++) {
                        for (int u = 0; u < k; u++) {
                            int wRow = ((o * channelsIn + i) * k + u) * k;
                            int xRow = (i * height + r + u) * width + s;
                            for (int v = 0; v < k; v++) {
                                ConvKernels.addScaled(dx, (xRow + v) * cap, w[wRow + v], dz, dzRow, n);
                            }
                        }
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        return "ConvLayer[" + channelsIn + "x" + height + "x" + width + " -> " + channels + "x" + outHeight + "x"
                + outWidth + " (k " + kernel + ") " + activation.id() + "]";
    }
}
