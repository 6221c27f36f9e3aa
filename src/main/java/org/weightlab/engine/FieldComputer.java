package org.weightlab.engine;

import org.weightlab.engine.config.Feature;

/**
 * Computes every node's output over a raster of the input plane, a row of the raster at a time.
 * Only for pixels: tanh and sigmoid use {@link #fastTanh} / {@link #fastSigmoid} (branch-free,
 * absolute error below 1e-15) instead of the exact functions training uses. Features that depend
 * on x1 alone are computed once per column, those on x2 alone once per row.
 */
final class FieldComputer {

    private final Network net;
    /** One raster row, unit-major: features [inputs][grid], then each layer's activations [out][grid]. */
    private double[] x = new double[0];
    private double[][] act;
    /** Per feature, its value in each column when it depends on x1 alone (else unused). */
    private double[][] columnValues = new double[0][];

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
        if (columnValues.length != inputs || columnValues[0].length != grid) {
            columnValues = new double[inputs][grid];
        }
        for (int f = 0; f < inputs; f++) {
            Feature feature = features.get(f);
            if (dependsOnX1Only(feature)) {
                for (int col = 0; col < grid; col++) {
                    columnValues[f][col] = feature.apply(min + col * step, 0);
                }
            }
        }
        for (int row = 0; row < grid; row++) {
            double x2 = max - row * step;
            int base = row * grid;
            for (int f = 0; f < inputs; f++) {
                Feature feature = features.get(f);
                int xo = f * grid;
                if (dependsOnX1Only(feature)) {
                    System.arraycopy(columnValues[f], 0, x, xo, grid);
                } else if (feature == Feature.X1_TIMES_X2) {
                    for (int col = 0; col < grid; col++) {
                        x[xo + col] = (min + col * step) * x2;
                    }
                } else {
                    java.util.Arrays.fill(x, xo, xo + grid, feature.apply(0, x2));
                }
                float[] target = out[0][f];
                for (int col = 0; col < grid; col++) {
                    target[base + col] = (float) x[xo + col];
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

    private static boolean dependsOnX1Only(Feature f) {
        return f == Feature.X1 || f == Feature.X1_SQUARED || f == Feature.SIN_X1;
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
            Network.affine(w, o * in, in, bias[o], x, n, n, a, o * n);
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

    /** tanh to about 1e-16 absolute (not relative: fine for pixels): 1 - 2 / (e^2x + 1), x clamped to +-20. */
    static double fastTanh(double x) {
        double c = Math.max(-20.0, Math.min(20.0, x));
        return 1.0 - 2.0 / (Activation.expTanh(2.0 * c) + 1.0);
    }

    /** 1 / (1 + e^-x) to about 1e-16 absolute, x clamped to +-40. */
    static double fastSigmoid(double x) {
        double c = Math.max(-40.0, Math.min(40.0, x));
        return 1.0 / (1.0 + Activation.expTanh(-c));
    }
}
