package org.weightlab.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.weightlab.engine.config.RegularizationConfig;

/**
 * The convolutions' numbers of one forward and backward pass for one example, beside the dense
 * layers' {@link Trace}: what the step-through shows while a kernel slides. Taken on the network
 * given (a copy is fine) without changing it; the gradients are of this example's data loss
 * alone (no regularization), so that a step on a batch of this one example with plain SGD moves
 * each kernel weight by -lr times them.
 *
 * @param layers one entry per convolution, first to last
 * @param loss   the example's data loss
 */
public record ConvTrace(List<Values> layers, double loss) {

    public ConvTrace {
        layers = List.copyOf(layers);
    }

    /**
     * One convolution's values; every array is flat and row-major as {@link ConvLayer} documents:
     * input [inC][H][W], z, a, dLda and dLdz [c][OH][OW], weightGradients [c][inC][k][k],
     * biasGradients [c]. Accessors return copies.
     */
    public record Values(double[] input, double[] z, double[] a, double[] dLda, double[] dLdz, double[] weightGradients,
                        double[] biasGradients) {

        @Override
        public double[] input() {
            return input.clone();
        }

        @Override
        public double[] z() {
            return z.clone();
        }

        @Override
        public double[] a() {
            return a.clone();
        }

        @Override
        public double[] dLda() {
            return dLda.clone();
        }

        @Override
        public double[] dLdz() {
            return dLdz.clone();
        }

        @Override
        public double[] weightGradients() {
            return weightGradients.clone();
        }

        @Override
        public double[] biasGradients() {
            return biasGradients.clone();
        }
    }

    /** The trace of the input values {@code x} (one per network input) with the given label, on {@code net}. */
    public static ConvTrace of(Network net, double[] x, double label) {
        if (x.length != net.inputs()) {
            throw new IllegalArgumentException(x.length + " values for " + net.inputs() + " inputs");
        }
        Workspace ws = new Workspace(net, 1);
        System.arraycopy(x, 0, ws.x, 0, x.length);
        ws.labels[0] = label;
        net.forward(ws, 1, 0, null);
        double[][] g = net.newParameterBuffers();
        double loss = net.backward(ws, 1, RegularizationConfig.NONE, g);
        List<Values> out = new ArrayList<>(net.convCount());
        for (int c = 0; c < net.convCount(); c++) {
            ConvLayer conv = net.conv(c);
            int w = net.firstParameter(c);
            int width = conv.outputs();
            out.add(new Values(Arrays.copyOf(ws.in[c], conv.inputs()), Arrays.copyOf(ws.z[c], width),
                    Arrays.copyOf(ws.a[c], width), Arrays.copyOf(ws.da[c], width), Arrays.copyOf(ws.dz[c], width),
                    g[w], g[w + 1]));
        }
        return new ConvTrace(out, loss);
    }
}
