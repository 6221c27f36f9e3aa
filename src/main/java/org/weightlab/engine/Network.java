package org.weightlab.engine;

import java.util.ArrayList;
import java.util.List;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.LossKind;
import org.weightlab.engine.config.RegularizationConfig;
import org.weightlab.engine.config.RunConfig;

/**
 * A stack of dense layers fed by input features, with a loss. The forward and backward passes
 * work on a whole minibatch held in a {@link Workspace}. Layer 0 is the first hidden layer;
 * the last layer is the output.
 */
public final class Network {

    private final List<Feature> features;
    private final LossKind loss;
    private final Layer[] layers;

    public Network(List<Feature> features, LossKind loss, List<Layer> layers) {
        if (features == null || features.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one input feature");
        }
        if (loss == null || layers == null || layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs a loss and at least one layer");
        }
        this.features = List.copyOf(features);
        this.loss = loss;
        this.layers = layers.toArray(new Layer[0]);
        int width = features.size();
        for (int l = 0; l < this.layers.length; l++) {
            Layer layer = this.layers[l];
            if (layer.inputs() != width) {
                throw new IllegalArgumentException("layer " + l + " takes " + layer.inputs() + " inputs but gets "
                        + width);
            }
            boolean last = l == this.layers.length - 1;
            if (!last && layer.activation() == ActivationKind.SOFTMAX) {
                throw new IllegalArgumentException("softmax is for the output layer only (layer " + l + ")");
            }
            width = layer.outputs();
        }
        ActivationKind out = output().activation();
        if ((out == ActivationKind.SOFTMAX) != (loss == LossKind.CROSS_ENTROPY)) {
            throw new IllegalArgumentException("cross_entropy goes with a softmax output, and softmax with cross_entropy");
        }
        if (loss == LossKind.BCE && (out != ActivationKind.SIGMOID || output().outputs() != 1)) {
            throw new IllegalArgumentException("bce needs one sigmoid output");
        }
    }

    /** A new network shaped by {@code config}, weights then biases of each layer drawn from {@code rng}. */
    public static Network create(RunConfig config, Rng rng) {
        List<Layer> layers = new ArrayList<>();
        int in = config.features().size();
        int hidden = config.hidden().size();
        for (int l = 0; l <= hidden; l++) {
            boolean last = l == hidden;
            int out = last ? config.outputs() : config.hidden().get(l);
            Layer layer = new Layer(in, out, last ? config.outputActivation() : config.hiddenActivation(l));
            Init.fill(config.init(), in, out, layer.weights, rng);
            Init.fill(config.biasInit(), in, out, layer.biases, rng);
            layers.add(layer);
            in = out;
        }
        return new Network(config.features(), config.loss(), layers);
    }

    /** A new network shaped by {@code config}, initialized from the config's seed. */
    public static Network create(RunConfig config) {
        return create(config, Rng.stream(config.seed(), 1));
    }

    /** A deep copy (weights, biases, frozen masks, last gradients and updates). */
    public Network copy() {
        List<Layer> copies = new ArrayList<>(layers.length);
        for (Layer l : layers) {
            copies.add(l.copy());
        }
        return new Network(features, loss, copies);
    }

    void copyInto(Network target) {
        for (int l = 0; l < layers.length; l++) {
            layers[l].copyInto(target.layers[l]);
        }
    }

    /** True when {@code o} has the same features, loss and layer shapes and activations. */
    public boolean sameTopology(Network o) {
        if (!features.equals(o.features) || loss != o.loss || layers.length != o.layers.length) {
            return false;
        }
        for (int l = 0; l < layers.length; l++) {
            if (!layers[l].sameShape(o.layers[l])) {
                return false;
            }
        }
        return true;
    }

    public List<Feature> features() {
        return features;
    }

    public LossKind loss() {
        return loss;
    }

    public int inputs() {
        return features.size();
    }

    public int outputs() {
        return output().outputs();
    }

    public int layerCount() {
        return layers.length;
    }

    public Layer layer(int l) {
        if (l < 0 || l >= layers.length) {
            throw new IllegalArgumentException("layer " + l + " is outside 0.." + (layers.length - 1));
        }
        return layers[l];
    }

    public Layer output() {
        return layers[layers.length - 1];
    }

    public int parameterCount() {
        int n = 0;
        for (Layer l : layers) {
            n += l.weights.length + l.biases.length;
        }
        return n;
    }

    /** The network's outputs at the raw point (x1, x2), without dropout. */
    public double[] predict(double x1, double x2) {
        Workspace ws = new Workspace(this, 1);
        for (int f = 0; f < features.size(); f++) {
            ws.x[f] = features.get(f).apply(x1, x2);
        }
        forward(ws, 1, 0, null);
        return java.util.Arrays.copyOf(ws.a[layers.length - 1], outputs());
    }

    /**
     * Forward pass over the first {@code n} examples of {@code ws.x}. With {@code dropout > 0} and
     * a generator, each hidden unit of each example is kept with probability 1 - dropout and
     * scaled by 1 / (1 - dropout) (inverted dropout, drawn example by example, unit by unit).
     */
    void forward(Workspace ws, int n, double dropout, Rng rng) {
        double[] x = ws.x;
        int last = layers.length - 1;
        for (int l = 0; l <= last; l++) {
            Layer layer = layers[l];
            int in = layer.inputs();
            int out = layer.outputs();
            double[] w = layer.weights;
            double[] bias = layer.biases;
            double[] z = ws.z[l];
            ws.in[l] = x;
            for (int b = 0; b < n; b++) {
                int xo = b * in;
                int zo = b * out;
                for (int o = 0; o < out; o++) {
                    double s = bias[o];
                    int wo = o * in;
                    for (int i = 0; i < in; i++) {
                        s += w[wo + i] * x[xo + i];
                    }
                    z[zo + o] = s;
                }
            }
            double[] a = ws.a[l];
            Activation.forward(layer.activation(), z, a, n, out);
            if (l < last && dropout > 0 && rng != null) {
                double keepScale = 1.0 / (1.0 - dropout);
                double[] mask = ws.mask[l];
                double[] d = ws.dropped[l];
                for (int j = 0; j < n * out; j++) {
                    mask[j] = rng.nextDouble() >= dropout ? keepScale : 0.0;
                    d[j] = a[j] * mask[j];
                }
                x = d;
            } else {
                if (l < last) {
                    java.util.Arrays.fill(ws.mask[l], 0, n * out, 1.0);
                }
                x = a;
            }
        }
    }

    /**
     * Backward pass after {@link #forward}: the mean data loss over the {@code n} examples, and its
     * gradient (batch mean, no regularization) written into {@code gW[l]} and {@code gB[l]}.
     */
    double backward(Workspace ws, int n, double[][] gW, double[][] gB) {
        int last = layers.length - 1;
        Layer outLayer = layers[last];
        int k = outLayer.outputs();
        double total = 0;
        for (int b = 0; b < n; b++) {
            total += Loss.example(loss, outLayer.activation(), ws.z[last], ws.a[last], b * k, k, ws.labels[b],
                    ws.da[last], ws.dz[last]);
        }
        for (int l = last; l >= 0; l--) {
            Layer layer = layers[l];
            int in = layer.inputs();
            int out = layer.outputs();
            double[] x = ws.in[l];
            double[] dz = ws.dz[l];
            double[] gw = gW[l];
            double[] gb = gB[l];
            for (int o = 0; o < out; o++) {
                for (int i = 0; i < in; i++) {
                    double s = 0;
                    for (int b = 0; b < n; b++) {
                        s += dz[b * out + o] * x[b * in + i];
                    }
                    gw[o * in + i] = s / n;
                }
                double s = 0;
                for (int b = 0; b < n; b++) {
                    s += dz[b * out + o];
                }
                gb[o] = s / n;
            }
            if (l > 0) {
                double[] w = layer.weights;
                double[] daPrev = ws.da[l - 1];
                double[] mask = ws.mask[l - 1];
                for (int b = 0; b < n; b++) {
                    for (int i = 0; i < in; i++) {
                        double s = 0;
                        for (int o = 0; o < out; o++) {
                            s += w[o * in + i] * dz[b * out + o];
                        }
                        daPrev[b * in + i] = s * mask[b * in + i];
                    }
                }
                Activation.backward(layers[l - 1].activation(), ws.z[l - 1], ws.a[l - 1], daPrev, ws.dz[l - 1],
                        n * in);
            }
        }
        return total / n;
    }

    /** Adds the regularization gradient (rate w for l2, rate sign(w) for l1) of every weight to gW. */
    void addRegularization(RegularizationConfig reg, double[][] gW) {
        if (reg.kind() == org.weightlab.engine.config.RegularizationKind.NONE) {
            return;
        }
        double rate = reg.rate();
        boolean l1 = reg.kind() == org.weightlab.engine.config.RegularizationKind.L1;
        for (int l = 0; l < layers.length; l++) {
            double[] w = layers[l].weights;
            double[] g = gW[l];
            for (int j = 0; j < w.length; j++) {
                g[j] += l1 ? rate * Math.signum(w[j]) : rate * w[j];
            }
        }
    }

    /** The penalty whose gradient {@link #addRegularization} adds: rate/2 sum w^2 (l2), rate sum |w| (l1). */
    public double penalty(RegularizationConfig reg) {
        if (reg.kind() == org.weightlab.engine.config.RegularizationKind.NONE) {
            return 0;
        }
        boolean l1 = reg.kind() == org.weightlab.engine.config.RegularizationKind.L1;
        double sum = 0;
        for (Layer layer : layers) {
            for (double w : layer.weights) {
                sum += l1 ? Math.abs(w) : w * w;
            }
        }
        return l1 ? reg.rate() * sum : 0.5 * reg.rate() * sum;
    }
}
