package org.weightlab.engine;

import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.LossKind;

/**
 * Per-example losses (DESIGN 3) with their gradients. The batch loss is the mean of these.
 * <ul>
 * <li>{@code mse}: 0.5 * sum_k (a_k - t)^2 with t = the label; dL/da = a - t, dL/dz = (a - t) f'(z).</li>
 * <li>{@code bce}: sigmoid output p, t = (label + 1) / 2: -(t log p + (1 - t) log(1 - p)), computed from
 *     z as max(z, 0) - z t + log(1 + e^-|z|) (PyTorch's BCEWithLogits form: finite even when p rounds
 *     to 0 or 1); dL/dz = p - t.</li>
 * <li>{@code cross_entropy}: softmax over K outputs, label = class index c: log(sum_k e^z_k) - z_c;
 *     dL/dz_k = p_k - [k = c].</li>
 * </ul>
 */
public final class Loss {

    private Loss() {
    }

    /**
     * The summed loss of the first {@code n} examples of a unit-major output buffer ({@code k} rows
     * of stride {@code cap}), example by example in order; writes dL/da and dL/dz of each.
     * {@code softmaxSums}: for cross_entropy, the sums the softmax of this forward pass kept
     * ({@link Activation#softmax(double[], double[], int, int, int, double[])}), so that the
     * exponentials are not computed twice; null computes them again (the same values).
     */
    static double batch(LossKind loss, ActivationKind outAct, double[] z, double[] a, int k, int cap, int n,
                        double[] labels, double[] da, double[] dz, double[] softmaxSums) {
        double total = 0;
        switch (loss) {
            case MSE -> {
                for (int b = 0; b < n; b++) {
                    double sum = 0;
                    for (int j = 0; j < k; j++) {
                        int idx = j * cap + b;
                        double d = a[idx] - labels[b];
                        sum += d * d;
                        da[idx] = d;
                    }
                    total += 0.5 * sum;
                }
                Activation.backward(outAct, z, a, da, dz, k, cap, n);
            }
            case BCE -> {
                for (int b = 0; b < n; b++) {
                    double t = (labels[b] + 1) / 2;
                    double zz = z[b];
                    double p = a[b];
                    da[b] = -(t / p - (1 - t) / (1 - p));
                    dz[b] = p - t;
                    total += Math.max(zz, 0) - zz * t + Math.log1p(Math.exp(-Math.abs(zz)));
                }
            }
            case CROSS_ENTROPY -> {
                for (int b = 0; b < n; b++) {
                    int c = (int) labels[b];
                    for (int j = 0; j < k; j++) {
                        int idx = j * cap + b;
                        double p = a[idx];
                        da[idx] = j == c ? -1.0 / p : 0.0;
                        dz[idx] = j == c ? p - 1.0 : p;
                    }
                    total += softmaxSums == null ? value(loss, z, a, b, cap, k, labels[b])
                            : crossEntropy(z, b, cap, k, c, softmaxSums[b]);
                }
            }
        }
        return total;
    }

    /**
     * log(sum_k e^z_k) - z_c of example b, from {@code sum}, the sum of e^(z_k - m) in k order with m
     * the largest z (what the softmax computed), as m + log(sum) - z_c.
     */
    private static double crossEntropy(double[] z, int b, int cap, int k, int c, double sum) {
        double m = z[b];
        for (int j = 1; j < k; j++) {
            m = Math.max(m, z[j * cap + b]);
        }
        return m + Math.log(sum) - z[c * cap + b];
    }

    /** The loss of example {@code b} of a unit-major output buffer, without gradients. */
    static double value(LossKind loss, double[] z, double[] a, int b, int cap, int k, double label) {
        switch (loss) {
            case MSE -> {
                double sum = 0;
                for (int j = 0; j < k; j++) {
                    double d = a[j * cap + b] - label;
                    sum += d * d;
                }
                return 0.5 * sum;
            }
            case BCE -> {
                double t = (label + 1) / 2;
                double zz = z[b];
                return Math.max(zz, 0) - zz * t + Math.log1p(Math.exp(-Math.abs(zz)));
            }
            case CROSS_ENTROPY -> {
                int c = (int) label;
                double m = z[b];
                for (int j = 1; j < k; j++) {
                    m = Math.max(m, z[j * cap + b]);
                }
                double sum = 0;
                for (int j = 0; j < k; j++) {
                    sum += Math.exp(z[j * cap + b] - m);
                }
                return crossEntropy(z, b, cap, k, c, sum);
            }
            default -> throw new IllegalStateException("unknown loss " + loss);
        }
    }

    /**
     * Whether example {@code b} is classified correctly: argmax for softmax, p > 0.5 for a sigmoid
     * output, and the sign otherwise (labels -1/+1).
     */
    static boolean correct(LossKind loss, ActivationKind outAct, double[] a, int b, int cap, int k, double label) {
        if (loss == LossKind.CROSS_ENTROPY) {
            int best = 0;
            for (int j = 1; j < k; j++) {
                if (a[j * cap + b] > a[best * cap + b]) {
                    best = j;
                }
            }
            return best == (int) label;
        }
        double threshold = outAct == ActivationKind.SIGMOID ? 0.5 : 0.0;
        return (a[b] > threshold) == (label > 0);
    }
}
