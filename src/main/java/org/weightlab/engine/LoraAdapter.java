package org.weightlab.engine;

import org.weightlab.engine.config.LoraSpec;

/**
 * A LoRA adapter on one dense layer (Hu et al. 2021, as peft's {@code lora.Linear}): the layer
 * computes with the effective weights
 *
 * <pre>
 *   W' = W + s B A,   s = alpha / r,   A [r][in] ("A"),   B [out][r] ("B")
 *   z  = W' x + b     (peft: W x + b + s B (A x); the same function)
 * </pre>
 *
 * and only A and B learn (W and b are frozen by {@link Layer#withAdapter}). With G = dL/dW' (the
 * dense layer's weight gradient, batch mean), the chain rule through W' gives
 *
 * <pre>
 *   dL/dA = s B^T G      [r][in]
 *   dL/dB = s G A^T      [out][r]
 *   dL/dx = W'^T dz      (the dense layer's input gradient, with W')
 * </pre>
 *
 * Initialization as peft: A from {@code kaiming_uniform_(a=sqrt(5))}, which for fan_in = in is
 * U(-1/sqrt(in), 1/sqrt(in)), B zeros, so that W' = W at the start. Both are "decayable": l1 / l2
 * apply to them as PyTorch's weight decay applies to every parameter it trains.
 */
public final class LoraAdapter {

    private final int inputs;
    private final int outputs;
    private final int rank;
    private final double alpha;
    /** s = alpha / r. */
    private final double scale;
    final Parameter a;
    final Parameter b;
    /** W' = W + s B A as of the last {@link #effective} call, [out][in]. */
    private final double[] effective;

    LoraAdapter(int inputs, int outputs, int rank, double alpha) {
        new LoraSpec(0, rank, alpha); // the same checks as the config: rank >= 1, alpha finite and positive
        if (rank > Math.min(inputs, outputs)) {
            throw new IllegalArgumentException("lora rank must be 1.." + Math.min(inputs, outputs) + " for a "
                    + inputs + " -> " + outputs + " layer, got " + rank);
        }
        this.inputs = inputs;
        this.outputs = outputs;
        this.rank = rank;
        this.alpha = alpha;
        this.scale = alpha / rank;
        a = new Parameter("A", true, rank, inputs);
        b = new Parameter("B", true, outputs, rank);
        effective = new double[outputs * inputs];
    }

    /** A from U(-1/sqrt(in), 1/sqrt(in)) in storage order (k * in + i), B zeros. */
    void initialize(Rng rng) {
        double bound = 1.0 / Math.sqrt(inputs);
        for (int j = 0; j < a.values.length; j++) {
            a.values[j] = -bound + 2 * bound * rng.nextDouble();
        }
        java.util.Arrays.fill(b.values, 0.0);
    }

    LoraAdapter copy() {
        LoraAdapter c = new LoraAdapter(inputs, outputs, rank, alpha);
        a.copyInto(c.a);
        b.copyInto(c.b);
        return c;
    }

    void copyInto(LoraAdapter target) {
        a.copyInto(target.a);
        b.copyInto(target.b);
    }

    boolean sameShape(LoraAdapter o) {
        return o != null && rank == o.rank && alpha == o.alpha && inputs == o.inputs && outputs == o.outputs;
    }

    /** Computes and returns W' = W + s B A (the returned buffer is the adapter's own). */
    double[] effective(double[] w) {
        delta(effective);
        for (int j = 0; j < effective.length; j++) {
            effective[j] += w[j];
        }
        return effective;
    }

    /** The buffer {@link #effective} last filled. */
    double[] lastEffective() {
        return effective;
    }

    /** target = s B A, each entry s (B[o][0] A[0][i] + B[o][1] A[1][i] + ...). */
    private void delta(double[] target) {
        double[] av = a.values;
        double[] bv = b.values;
        for (int o = 0; o < outputs; o++) {
            for (int i = 0; i < inputs; i++) {
                double sum = 0;
                for (int k = 0; k < rank; k++) {
                    sum += bv[o * rank + k] * av[k * inputs + i];
                }
                target[o * inputs + i] = scale * sum;
            }
        }
    }

    /** dL/dA = s B^T G and dL/dB = s G A^T from G = dL/dW' ([out][in]). */
    void gradients(double[] g, double[] gradA, double[] gradB) {
        double[] av = a.values;
        double[] bv = b.values;
        for (int k = 0; k < rank; k++) {
            for (int i = 0; i < inputs; i++) {
                double sum = 0;
                for (int o = 0; o < outputs; o++) {
                    sum += bv[o * rank + k] * g[o * inputs + i];
                }
                gradA[k * inputs + i] = scale * sum;
            }
        }
        for (int o = 0; o < outputs; o++) {
            for (int k = 0; k < rank; k++) {
                double sum = 0;
                for (int i = 0; i < inputs; i++) {
                    sum += g[o * inputs + i] * av[k * inputs + i];
                }
                gradB[o * rank + k] = scale * sum;
            }
        }
    }

    public int rank() {
        return rank;
    }

    public double alpha() {
        return alpha;
    }

    /** s = alpha / r. */
    public double scale() {
        return scale;
    }

    /** A, [r][in] row-major. */
    public double[] aCopy() {
        return a.values.clone();
    }

    /** B, [out][r] row-major. */
    public double[] bCopy() {
        return b.values.clone();
    }

    /** The low-rank update s B A, [out][in] row-major. */
    public double[] deltaCopy() {
        double[] d = new double[outputs * inputs];
        delta(d);
        return d;
    }

    public Parameter parameterA() {
        return a;
    }

    public Parameter parameterB() {
        return b;
    }
}
