package org.weightlab.scenario;

import java.util.Arrays;
import org.weightlab.engine.config.ActivationKind;

/**
 * The parameters of one dense layer as files store them: {@code weights[o][i]} is the weight from
 * input {@code i} to neuron {@code o}, {@code biases[o]} the bias of neuron {@code o}, and the
 * frozen masks say which of them training leaves alone. Immutable: arrays are copied in and out.
 * Equality compares values bit for bit. {@code lora} is the layer's LoRA adapter, or null;
 * {@code norm} its batch normalization, or null.
 */
public record LayerState(double[][] weights, double[] biases, ActivationKind activation,
                         boolean[][] frozenWeights, boolean[] frozenBiases, LoraState lora, NormState norm) {

    /** A layer without batch normalization. */
    public LayerState(double[][] weights, double[] biases, ActivationKind activation, boolean[][] frozenWeights,
                      boolean[] frozenBiases, LoraState lora) {
        this(weights, biases, activation, frozenWeights, frozenBiases, lora, null);
    }

    /** A layer without an adapter. */
    public LayerState(double[][] weights, double[] biases, ActivationKind activation, boolean[][] frozenWeights,
                      boolean[] frozenBiases) {
        this(weights, biases, activation, frozenWeights, frozenBiases, null, null);
    }

    public LayerState {
        if (weights == null || biases == null || activation == null || frozenWeights == null
                || frozenBiases == null) {
            throw new IllegalArgumentException("layer is incomplete");
        }
        if (weights.length == 0) {
            throw new IllegalArgumentException("layer has no neurons");
        }
        int in = weights[0] == null ? 0 : weights[0].length;
        if (in == 0) {
            throw new IllegalArgumentException("layer has no inputs");
        }
        if (biases.length != weights.length) {
            throw new IllegalArgumentException(
                    "layer has " + weights.length + " weight rows but " + biases.length + " biases");
        }
        if (frozenWeights.length != weights.length || frozenBiases.length != weights.length) {
            throw new IllegalArgumentException("frozen masks do not match the layer's " + weights.length + " neurons");
        }
        double[][] w = new double[weights.length][];
        boolean[][] f = new boolean[weights.length][];
        for (int o = 0; o < weights.length; o++) {
            if (weights[o] == null || weights[o].length != in) {
                throw new IllegalArgumentException("weight rows differ in length");
            }
            if (frozenWeights[o] == null || frozenWeights[o].length != in) {
                throw new IllegalArgumentException("frozen mask row " + o + " does not match the weights");
            }
            w[o] = weights[o].clone();
            f[o] = frozenWeights[o].clone();
        }
        if (lora != null && (lora.a()[0].length != in || lora.b().length != weights.length)) {
            throw new IllegalArgumentException("lora A must have " + in + " columns and B " + weights.length
                    + " rows to fit the layer");
        }
        if (norm != null && norm.units() != weights.length) {
            throw new IllegalArgumentException("batchNorm must hold one value per neuron (" + weights.length + ")");
        }
        weights = w;
        frozenWeights = f;
        biases = biases.clone();
        frozenBiases = frozenBiases.clone();
    }

    /** A layer with nothing frozen. */
    public static LayerState of(double[][] weights, double[] biases, ActivationKind activation) {
        boolean[][] fw = new boolean[weights.length][weights.length == 0 ? 0 : weights[0].length];
        return new LayerState(weights, biases, activation, fw, new boolean[biases.length]);
    }

    /**
     * A layer from the engine's flat row-major buffers: {@code w[o * in + i]} and the frozen mask
     * in the same layout.
     */
    public static LayerState fromFlat(int in, int out, double[] w, double[] b, ActivationKind activation,
                                      boolean[] frozenW, boolean[] frozenB) {
        if (w.length != in * out || frozenW.length != in * out) {
            throw new IllegalArgumentException("flat weights hold " + w.length + " values for " + out + " x " + in);
        }
        double[][] weights = new double[out][in];
        boolean[][] frozen = new boolean[out][in];
        for (int o = 0; o < out; o++) {
            System.arraycopy(w, o * in, weights[o], 0, in);
            System.arraycopy(frozenW, o * in, frozen[o], 0, in);
        }
        return new LayerState(weights, b, activation, frozen, frozenB);
    }

    public int outputs() {
        return weights.length;
    }

    public int inputs() {
        return weights[0].length;
    }

    public double weight(int o, int i) {
        return weights[o][i];
    }

    public double bias(int o) {
        return biases[o];
    }

    @Override
    public double[][] weights() {
        double[][] copy = new double[weights.length][];
        for (int o = 0; o < weights.length; o++) {
            copy[o] = weights[o].clone();
        }
        return copy;
    }

    @Override
    public double[] biases() {
        return biases.clone();
    }

    @Override
    public boolean[][] frozenWeights() {
        boolean[][] copy = new boolean[frozenWeights.length][];
        for (int o = 0; o < frozenWeights.length; o++) {
            copy[o] = frozenWeights[o].clone();
        }
        return copy;
    }

    @Override
    public boolean[] frozenBiases() {
        return frozenBiases.clone();
    }

    /** This layer with {@code adapter} (null: none). */
    public LayerState withLora(LoraState adapter) {
        return new LayerState(weights, biases, activation, frozenWeights, frozenBiases, adapter, norm);
    }

    /** This layer with batch normalization {@code n} (null: none). */
    public LayerState withNorm(NormState n) {
        return new LayerState(weights, biases, activation, frozenWeights, frozenBiases, lora, n);
    }

    /** Weights in the engine's layout, {@code w[o * in + i]}. */
    public double[] flatWeights() {
        int in = inputs();
        double[] w = new double[outputs() * in];
        for (int o = 0; o < outputs(); o++) {
            System.arraycopy(weights[o], 0, w, o * in, in);
        }
        return w;
    }

    /**
     * The weights the layer computes with, in the engine's layout: W, or with an adapter W + s B A
     * (s = alpha / r), formed in the engine's order (s times the sum over k, then added to W).
     */
    public double[] effectiveFlatWeights() {
        double[] w = flatWeights();
        if (lora == null) {
            return w;
        }
        int in = inputs();
        int r = lora.rank();
        double s = lora.alpha() / r;
        double[][] a = lora.a();
        double[][] b = lora.b();
        for (int o = 0; o < outputs(); o++) {
            for (int i = 0; i < in; i++) {
                double sum = 0;
                for (int k = 0; k < r; k++) {
                    sum += b[o][k] * a[k][i];
                }
                w[o * in + i] += s * sum;
            }
        }
        return w;
    }

    /** Frozen weight mask in the engine's layout, {@code f[o * in + i]}. */
    public boolean[] flatFrozenWeights() {
        int in = inputs();
        boolean[] f = new boolean[outputs() * in];
        for (int o = 0; o < outputs(); o++) {
            System.arraycopy(frozenWeights[o], 0, f, o * in, in);
        }
        return f;
    }

    /** True when every weight and bias is a finite number. */
    public boolean isFinite() {
        for (double[] row : weights) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
        }
        return Arrays.stream(biases).allMatch(Double::isFinite);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LayerState l && activation == l.activation && Arrays.deepEquals(weights, l.weights)
                && Arrays.equals(biases, l.biases) && Arrays.deepEquals(frozenWeights, l.frozenWeights)
                && Arrays.equals(frozenBiases, l.frozenBiases) && java.util.Objects.equals(lora, l.lora)
                && java.util.Objects.equals(norm, l.norm);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.deepHashCode(weights) + Arrays.hashCode(biases)) + activation.hashCode();
    }

    @Override
    public String toString() {
        return "LayerState[" + inputs() + " -> " + outputs() + " " + activation.id() + "]";
    }
}
