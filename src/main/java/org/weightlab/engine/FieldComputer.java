package org.weightlab.engine;

import org.weightlab.engine.config.ActivationKind;

/**
 * Computes every node's output over a raster of the input plane, a row of the raster at a time.
 * Only for pixels: tanh and sigmoid use {@link #fastTanh} / {@link #fastSigmoid} (absolute error
 * below 1e-9) instead of the exact functions training uses.
 */
final class FieldComputer {

    private final Network net;
    /** One raster row, unit-major: features [inputs][grid], then each layer's activations [out][grid]. */
    private double[] x = new double[0];
    private double[][] act;

    FieldComputer(Network net) {
        this.net = net;
        act = new double[net.layerCount()][];
    }

    float[][][] compute(int grid, double min, double max, float[][][] out) {
        int layers = net.layerCount();
        int inputs = net.inputs();
        int cells = grid * grid;
        if (!fits(out, grid)) {
            out = new float[layers + 1][][];
            out[0] = new float[inputs][cells];
            for (int l = 0; l < layers; l++) {
                out[l + 1] = new float[net.layer(l).outputs()][cells];
            }
        }
        if (x.length < grid * inputs) {
            x = new double[grid * inputs];
            for (int l = 0; l < layers; l++) {
                act[l] = new double[grid * net.layer(l).outputs()];
            }
        }
        double step = (max - min) / (grid - 1);
        var features = net.features();
        for (int row = 0; row < grid; row++) {
            double x2 = max - row * step;
            int base = row * grid;
            for (int col = 0; col < grid; col++) {
                double x1 = min + col * step;
                for (int f = 0; f < inputs; f++) {
                    double v = features.get(f).apply(x1, x2);
                    x[f * grid + col] = v;
                    out[0][f][base + col] = (float) v;
                }
            }
            double[] in = x;
            for (int l = 0; l < layers; l++) {
                Layer layer = net.layer(l);
                layerRow(layer, in, act[l], grid);
                int width = layer.outputs();
                float[][] target = out[l + 1];
                double[] a = act[l];
                for (int o = 0; o < width; o++) {
                    float[] t = target[o];
                    int row0 = o * grid;
                    for (int col = 0; col < grid; col++) {
                        t[base + col] = (float) a[row0 + col];
                    }
                }
                in = a;
            }
        }
        return out;
    }

    private boolean fits(float[][][] out, int grid) {
        if (out == null || out.length != net.layerCount() + 1 || out[0].length != net.inputs()) {
            return false;
        }
        for (int l = 0; l <= net.layerCount(); l++) {
            int width = l == 0 ? net.inputs() : net.layer(l - 1).outputs();
            if (out[l].length != width) {
                return false;
            }
            for (float[] node : out[l]) {
                if (node == null || node.length != grid * grid) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void layerRow(Layer layer, double[] x, double[] a, int n) {
        int in = layer.inputs();
        int out = layer.outputs();
        double[] w = layer.weights;
        double[] bias = layer.biases;
        for (int o = 0; o < out; o++) {
            int ao = o * n;
            double bo = bias[o];
            for (int b = 0; b < n; b++) {
                a[ao + b] = bo;
            }
            for (int i = 0; i < in; i++) {
                double wv = w[o * in + i];
                int xo = i * n;
                for (int b = 0; b < n; b++) {
                    a[ao + b] += wv * x[xo + b];
                }
            }
        }
        int count = n * out;
        switch (layer.activation()) {
            case LINEAR -> {
            }
            case RELU -> {
                for (int j = 0; j < count; j++) {
                    a[j] = Math.max(a[j], 0.0);
                }
            }
            case LEAKY_RELU -> {
                for (int j = 0; j < count; j++) {
                    a[j] = a[j] > 0 ? a[j] : Activation.LEAKY_SLOPE * a[j];
                }
            }
            case TANH -> {
                for (int j = 0; j < count; j++) {
                    a[j] = fastTanh(a[j]);
                }
            }
            case SIGMOID -> {
                for (int j = 0; j < count; j++) {
                    a[j] = fastSigmoid(a[j]);
                }
            }
            case SOFTMAX -> {
                for (int b = 0; b < n; b++) {
                    Activation.softmax(a, a, b, n, out);
                }
            }
        }
    }

    /** tanh to about 1e-16 absolute (not relative: fine for pixels), branch-free: 1 - 2 / (e^2x + 1). */
    static double fastTanh(double x) {
        return 1.0 - 2.0 / (Math.exp(2.0 * x) + 1.0);
    }

    static double fastSigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }
}
