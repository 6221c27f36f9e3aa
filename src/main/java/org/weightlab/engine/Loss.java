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
     * The loss of one example whose output row is {@code z[off .. off + k)}, {@code a[...]}; writes
     * dL/dz of the row into {@code dz} and dL/da into {@code da}.
     */
    static double example(LossKind loss, ActivationKind outAct, double[] z, double[] a, int off, int k,
                          double label, double[] da, double[] dz) {
        switch (loss) {
            case MSE -> {
                double sum = 0;
                for (int j = 0; j < k; j++) {
                    double d = a[off + j] - label;
                    sum += d * d;
                    da[off + j] = d;
                    dz[off + j] = d * Activation.derivative(outAct, z[off + j], a[off + j]);
                }
                return 0.5 * sum;
            }
            case BCE -> {
                double t = (label + 1) / 2;
                double zz = z[off];
                double p = a[off];
                da[off] = -(t / p - (1 - t) / (1 - p));
                dz[off] = p - t;
                return Math.max(zz, 0) - zz * t + Math.log1p(Math.exp(-Math.abs(zz)));
            }
            case CROSS_ENTROPY -> {
                int c = (int) label;
                double m = z[off];
                for (int j = 1; j < k; j++) {
                    m = Math.max(m, z[off + j]);
                }
                double sum = 0;
                for (int j = 0; j < k; j++) {
                    sum += Math.exp(z[off + j] - m);
                }
                for (int j = 0; j < k; j++) {
                    double p = a[off + j];
                    da[off + j] = j == c ? -1.0 / p : 0.0;
                    dz[off + j] = j == c ? p - 1.0 : p;
                }
                return m + Math.log(sum) - z[off + c];
            }
            default -> throw new IllegalStateException("unknown loss " + loss);
        }
    }

    /** The loss of one example without gradients (evaluation). */
    static double value(LossKind loss, double[] z, double[] a, int off, int k, double label) {
        switch (loss) {
            case MSE -> {
                double sum = 0;
                for (int j = 0; j < k; j++) {
                    double d = a[off + j] - label;
                    sum += d * d;
                }
                return 0.5 * sum;
            }
            case BCE -> {
                double t = (label + 1) / 2;
                double zz = z[off];
                return Math.max(zz, 0) - zz * t + Math.log1p(Math.exp(-Math.abs(zz)));
            }
            case CROSS_ENTROPY -> {
                int c = (int) label;
                double m = z[off];
                for (int j = 1; j < k; j++) {
                    m = Math.max(m, z[off + j]);
                }
                double sum = 0;
                for (int j = 0; j < k; j++) {
                    sum += Math.exp(z[off + j] - m);
                }
                return m + Math.log(sum) - z[off + c];
            }
            default -> throw new IllegalStateException("unknown loss " + loss);
        }
    }

    /**
     * Whether the output row classifies the example correctly: argmax for softmax, p > 0.5 for a
     * sigmoid output, and the sign otherwise (labels -1/+1).
     */
    static boolean correct(LossKind loss, ActivationKind outAct, double[] a, int off, int k, double label) {
        if (loss == LossKind.CROSS_ENTROPY) {
            int best = 0;
            for (int j = 1; j < k; j++) {
                if (a[off + j] > a[off + best]) {
                    best = j;
                }
            }
            return best == (int) label;
        }
        double threshold = outAct == ActivationKind.SIGMOID ? 0.5 : 0.0;
        boolean positive = a[off] > threshold;
        return positive == (label > 0);
    }
}
