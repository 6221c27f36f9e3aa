package org.weightlab.analysis;

import java.util.List;
import org.weightlab.engine.Activation;
import org.weightlab.engine.BatchNorm;
import org.weightlab.engine.ConvLayer;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.session.ConvSnapshot;
import org.weightlab.session.LayerSnapshot;
import org.weightlab.session.NormSnapshot;
import org.weightlab.session.TrainingSnapshot;

/**
 * A forward pass over the weights of one published moment, for views that predict away from the
 * engine (a confusion matrix, a drawn digit, the test digits): it reads only the snapshot's
 * immutable arrays, so any thread may run it. Not itself thread-safe: it reuses one buffer per
 * layer; give each thread its own.
 *
 * <p>It computes as the engine evaluates: each layer with the weights it computes with (W plus a
 * LoRA adapter's (alpha/r) B A, quantized under quantization-aware training:
 * {@link LayerSnapshot#effectiveWeights}), z = W x + b, then, in a layer with batch
 * normalization, y = gamma (z - runningMean) / sqrt(runningVar + eps) + beta with eps = 1e-5
 * ({@link BatchNorm#EPS}), then the activation.
 */
public final class SnapshotForward {

    private final LayerSnapshot[] layers;
    /** The convolutions before the dense layers (their own forward pass), none for most networks. */
    private final ConvLayer[] conv;
    /** {@code out[l]}: the outputs of layer l for the last example passed forward. */
    private final double[][] out;

    public SnapshotForward(List<LayerSnapshot> layers) {
        this(List.of(), layers);
    }

    /** The whole network of a moment: its convolutions, then its dense layers. */
    public static SnapshotForward of(TrainingSnapshot s) {
        return new SnapshotForward(s.conv(), s.layers());
    }

    /** Convolutions (each run by the module's own forward pass), then dense layers. */
    public SnapshotForward(List<ConvSnapshot> conv, List<LayerSnapshot> layers) {
        this.conv = conv.stream().map(ConvSnapshot::module).toArray(ConvLayer[]::new);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network has at least one layer");
        }
        this.layers = layers.toArray(new LayerSnapshot[0]);
        this.out = new double[this.layers.length][];
        for (int l = 0; l < this.layers.length; l++) {
            if (l > 0 && this.layers[l].inputs() != this.layers[l - 1].outputs()) {
                throw new IllegalArgumentException("layer " + l + " takes " + this.layers[l].inputs()
                        + " inputs, but layer " + (l - 1) + " gives " + this.layers[l - 1].outputs());
            }
            out[l] = new double[this.layers[l].outputs()];
        }
    }

    public int inputs() {
        return conv.length > 0 ? conv[0].inputs() : layers[0].inputs();
    }

    public int outputs() {
        return layers[layers.length - 1].outputs();
    }

    /**
     * The network's outputs (after the output activation; probabilities for softmax) for the example
     * {@code x[offset .. offset + inputs())}. The array is reused by the next call: copy it to keep it.
     */
    public double[] forward(double[] x, int offset) {
        double[] in = x;
        int at = offset;
        if (conv.length > 0) {
            in = java.util.Arrays.copyOfRange(x, offset, offset + conv[0].inputs());
            for (ConvLayer c : conv) {
                in = c.featureMaps(in).a();
            }
            at = 0;
        }
        for (int l = 0; l < layers.length; l++) {
            LayerSnapshot layer = layers[l];
            int n = layer.inputs();
            double[] w = layer.effectiveWeights();
            double[] a = out[l];
            for (int o = 0; o < a.length; o++) {
                double z = layer.biases()[o];
                int row = o * n;
                for (int i = 0; i < n; i++) {
                    z += w[row + i] * in[at + i];
                }
                a[o] = z;
            }
            if (layer.norm() != null) {
                normalize(layer.norm(), a);
            }
            activate(layer.activation(), a);
            in = a;
            at = 0;
        }
        return out[layers.length - 1];
    }

    /** The outputs of layer {@code l} for the last example passed forward (reused: copy to keep). */
    public double[] layerOutputs(int l) {
        return out[l];
    }

    public int layerCount() {
        return layers.length;
    }

    /** Batch normalization at evaluation, in the engine's order of operations. */
    private static void normalize(NormSnapshot norm, double[] z) {
        for (int j = 0; j < z.length; j++) {
            double is = 1.0 / Math.sqrt(norm.runningVar()[j] + BatchNorm.EPS);
            z[j] = norm.gamma()[j] * ((z[j] - norm.runningMean()[j]) * is) + norm.beta()[j];
        }
    }

    private static void activate(ActivationKind kind, double[] z) {
        if (kind == ActivationKind.SOFTMAX) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (int k = 0; k < z.length; k++) {
                z[k] = Math.exp(z[k] - max);
                sum += z[k];
            }
            for (int k = 0; k < z.length; k++) {
                z[k] /= sum;
            }
            return;
        }
        for (int k = 0; k < z.length; k++) {
            z[k] = Activation.value(kind, z[k]);
        }
    }
}
