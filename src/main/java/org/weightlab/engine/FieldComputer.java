package org.weightlab.engine;

import org.weightlab.engine.config.Feature;

/**
 * Computes every node's output over a raster of the input plane, a row of the raster at a time.
 * Only for pixels: tanh and sigmoid use {@link #fastTanh} / {@link #fastSigmoid} (branch-free,
 * absolute error below 3e-7) instead of the exact functions training uses. Features that depend
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

    /**
     * z[zo + b] = bias + sum_i w[wo + i] x[i * n + b] for b < n, eight points at a time with fused
     * multiply-adds: eight independent chains keep both FMA units busy (pixels only, so the
     * rounding of fma is fine here).
     */
    private static void affine8(double[] w, int wo, int in, double bias, double[] x, int n, double[] z, int zo) {
        int b = 0;
        for (; b + 7 < n; b += 8) {
            double s0 = bias;
            double s1 = bias;
            double s2 = bias;
            double s3 = bias;
            double s4 = bias;
            double s5 = bias;
            double s6 = bias;
            double s7 = bias;
            for (int i = 0; i < in; i++) {
                double wv = w[wo + i];
                int xo = i * n + b;
                s0 = Math.fma(wv, x[xo], s0);
                s1 = Math.fma(wv, x[xo + 1], s1);
                s2 = Math.fma(wv, x[xo + 2], s2);
                s3 = Math.fma(wv, x[xo + 3], s3);
                s4 = Math.fma(wv, x[xo + 4], s4);
                s5 = Math.fma(wv, x[xo + 5], s5);
                s6 = Math.fma(wv, x[xo + 6], s6);
                s7 = Math.fma(wv, x[xo + 7], s7);
            }
            z[zo + b] = s0;
            z[zo + b + 1] = s1;
            z[zo + b + 2] = s2;
            z[zo + b + 3] = s3;
            z[zo + b + 4] = s4;
            z[zo + b + 5] = s5;
            z[zo + b + 6] = s6;
            z[zo + b + 7] = s7;
        }
        for (; b < n; b++) {
            double s = bias;
            for (int i = 0; i < in; i++) {
                s = Math.fma(w[wo + i], x[i * n + b], s);
            }
            z[zo + b] = s;
        }
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
        double[] w = layer.forwardWeights();
        double[] bias = layer.biases;
        for (int o = 0; o < out; o++) {
            affine8(w, o * in, in, bias[o], x, n, a, o * n);
        }
        BatchNorm norm = layer.norm();
        if (norm != null) { // evaluation: the running statistics, y = s z + t per unit
            for (int o = 0; o < out; o++) {
                double s = norm.evalScale(o);
                double t = norm.evalShift(o);
                for (int j = o * n; j < (o + 1) * n; j++) {
                    a[j] = s * a[j] + t;
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

    /**
     * tanh to 3e-7 absolute, for pixels only: Eigen's float rational approximation (odd degree-13
     * numerator over even degree-6 denominator) with x clamped to +-7.905. Branch-free, no table:
     * the JIT can keep whole rows of it in flight.
     */
    static double fastTanh(double x) {
        double c = Math.max(-7.90531110763549805, Math.min(7.90531110763549805, x));
        double x2 = c * c;
        double p = -2.76076847742355e-16;
        p = p * x2 + 2.00018790482477e-13;
        p = p * x2 + -8.60467152213735e-11;
        p = p * x2 + 5.12229709037114e-08;
        p = p * x2 + 1.48572235717979e-05;
        p = p * x2 + 6.37261928875436e-04;
        p = p * x2 + 4.89352455891786e-03;
        double q = 1.19825839466702e-06;
        q = q * x2 + 1.18534705686654e-04;
        q = q * x2 + 2.26843463243900e-03;
        q = q * x2 + 4.89352518554385e-03;
        return p * c / q;
    }

    /** sigmoid(x) = (1 + tanh(x / 2)) / 2, to 2e-7 absolute. */
    static double fastSigmoid(double x) {
        return 0.5 + 0.5 * fastTanh(0.5 * x);
    }
}
