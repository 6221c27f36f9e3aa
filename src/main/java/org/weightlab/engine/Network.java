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
        return java.util.Arrays.copyOf(ws.a[layers.length - 1], outputs()); // capacity 1: [out][1]
    }

    /**
     * Forward pass over the first {@code n} examples of {@code ws.x}. With {@code dropout > 0} and
     * a generator, each hidden unit of each example is kept with probability 1 - dropout and
     * scaled by 1 / (1 - dropout) (inverted dropout, drawn example by example, unit by unit).
     * Each z is bias + w_0 x_0 + w_1 x_1 + ... summed in input order.
     */
    void forward(Workspace ws, int n, double dropout, Rng rng) {
        int cap = ws.capacity;
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
            forwardLayer(w, bias, in, out, x, cap, n, z);
            double[] a = ws.a[l];
            Activation.forward(layer.activation(), z, a, out, cap, n);
            if (l < last && dropout > 0 && rng != null) {
                double keepScale = 1.0 / (1.0 - dropout);
                double[] mask = ws.mask[l];
                double[] d = ws.dropped[l];
                for (int b = 0; b < n; b++) {
                    for (int o = 0; o < out; o++) {
                        int j = o * cap + b;
                        mask[j] = rng.nextDouble() >= dropout ? keepScale : 0.0;
                        d[j] = a[j] * mask[j];
                    }
                }
                ws.masked[l] = true;
                x = d;
            } else {
                if (l < last) {
                    ws.masked[l] = false;
                }
                x = a;
            }
        }
    }

    /**
     * Backward pass after {@link #forward}: the mean data loss over the {@code n} examples, and its
     * gradient (batch mean, no regularization) written into {@code gW[l]} and {@code gB[l]}.
     * Sums over the batch run in example order.
     */
    double backward(Workspace ws, int n, double[][] gW, double[][] gB) {
        int cap = ws.capacity;
        int last = layers.length - 1;
        Layer outLayer = layers[last];
        double total = Loss.batch(loss, outLayer.activation(), ws.z[last], ws.a[last], outLayer.outputs(), cap, n,
                ws.labels, ws.da[last], ws.dz[last]);
        for (int l = last; l >= 0; l--) {
            Layer layer = layers[l];
            int in = layer.inputs();
            int out = layer.outputs();
            double[] x = ws.in[l];
            double[] dz = ws.dz[l];
            double[] gw = gW[l];
            double[] gb = gB[l];
            gradientLayer(dz, x, in, out, cap, n, gw, gb);
            if (l > 0) {
                double[] w = layer.weights;
                double[] daPrev = ws.da[l - 1];
                backwardLayer(w, in, out, dz, cap, n, daPrev);
                if (ws.masked[l - 1]) {
                    double[] mask = ws.mask[l - 1];
                    for (int i = 0; i < in; i++) {
                        int row = i * cap;
                        for (int b = 0; b < n; b++) {
                            daPrev[row + b] *= mask[row + b];
                        }
                    }
                }
                Activation.backward(layers[l - 1].activation(), ws.z[l - 1], ws.a[l - 1], daPrev, ws.dz[l - 1],
                        in, cap, n);
            }
        }
        return total / n;
    }

    // The kernels below are each kept under the JIT's inlining limit (325 bytes of bytecode), so
    // that they inline into forward and backward where the width is a literal and the loops
    // over inputs or neurons unroll. Every sum keeps its order: bias (or 0) first, then inputs
    // or neurons in order; batch sums run in example order.

    /**
     * z = W x + b for the first n examples of a unit-major batch. Two neurons at a time share
     * each loaded input, four examples at a time in registers: eight independent sums.
     */
    private static void forwardLayer(double[] w, double[] bias, int in, int out, double[] x, int cap, int n,
                                     double[] z) {
        int o = 0;
        for (; o + 1 < out; o += 2) {
            int b = forwardPair(w, o * in, in, bias[o], bias[o + 1], x, cap, n, z, o * cap);
            forwardPairTail(w, o * in, in, bias[o], bias[o + 1], x, cap, b, n, z, o * cap);
        }
        if (o < out) {
            affine(w, o * in, in, bias[o], x, cap, n, z, o * cap);
        }
    }

    /** Neurons o and o + 1 (weights at w0 and w0 + in, rows z0 and z0 + cap) for examples in blocks of four; returns where the blocks end. */
    private static int forwardPair(double[] w, int w0, int in, double c0, double c1, double[] x, int cap, int n,
                                   double[] z, int z0) {
        int w1 = w0 + in;
        int z1 = z0 + cap;
        int b = 0;
        for (; b + 3 < n; b += 4) {
            double s0 = c0;
            double s1 = c0;
            double s2 = c0;
            double s3 = c0;
            double t0 = c1;
            double t1 = c1;
            double t2 = c1;
            double t3 = c1;
            for (int i = 0; i < in; i++) {
                double wa = w[w0 + i];
                double wb = w[w1 + i];
                int xo = i * cap + b;
                double x0 = x[xo];
                double x1 = x[xo + 1];
                double x2 = x[xo + 2];
                double x3 = x[xo + 3];
                s0 += wa * x0;
                s1 += wa * x1;
                s2 += wa * x2;
                s3 += wa * x3;
                t0 += wb * x0;
                t1 += wb * x1;
                t2 += wb * x2;
                t3 += wb * x3;
            }
            z[z0 + b] = s0;
            z[z0 + b + 1] = s1;
            z[z0 + b + 2] = s2;
            z[z0 + b + 3] = s3;
            z[z1 + b] = t0;
            z[z1 + b + 1] = t1;
            z[z1 + b + 2] = t2;
            z[z1 + b + 3] = t3;
        }
        return b;
    }

    /** {@link #forwardPair} for the examples from {@code b} to n: two at a time, then one. */
    private static void forwardPairTail(double[] w, int w0, int in, double c0, double c1, double[] x, int cap, int b,
                                        int n, double[] z, int z0) {
        int w1 = w0 + in;
        int z1 = z0 + cap;
        for (; b + 1 < n; b += 2) {
            double s0 = c0;
            double s1 = c0;
            double t0 = c1;
            double t1 = c1;
            for (int i = 0; i < in; i++) {
                double wa = w[w0 + i];
                double wb = w[w1 + i];
                double x0 = x[i * cap + b];
                double x1 = x[i * cap + b + 1];
                s0 += wa * x0;
                s1 += wa * x1;
                t0 += wb * x0;
                t1 += wb * x1;
            }
            z[z0 + b] = s0;
            z[z0 + b + 1] = s1;
            z[z1 + b] = t0;
            z[z1 + b + 1] = t1;
        }
        if (b < n) {
            double s = c0;
            double t = c1;
            for (int i = 0; i < in; i++) {
                double xv = x[i * cap + b];
                s += w[w0 + i] * xv;
                t += w[w1 + i] * xv;
            }
            z[z0 + b] = s;
            z[z1 + b] = t;
        }
    }

    /**
     * dL/dW = mean over the batch of dz x^T, and dL/db = mean of dz: each sum runs over the batch in
     * example order and is then divided by n, the divisions in one loop of their own that the JIT
     * vectorizes (a division per weight would otherwise cost as much as the sums).
     */
    private static void gradientLayer(double[] dz, double[] x, int in, int out, int cap, int n, double[] gw,
                                      double[] gb) {
        int o = 0;
        for (; o + 1 < out; o += 2) { // two neurons by four inputs: eight sums share each load
            int i = 0;
            for (; i + 3 < in; i += 4) {
                gradientQuad(dz, o * cap, x, i * cap, cap, n, gw, o * in + i, in);
            }
            for (; i < in; i++) {
                gradientPair(dz, o * cap, x, i * cap, cap, n, gw, o * in + i, in);
            }
            gradientPair(dz, o * cap, null, 0, cap, n, gb, o, 1);
        }
        if (o < out) {
            gradientRow(dz, x, in, o, cap, n, gw, gb);
        }
        divide(gw, in * out, n);
        divide(gb, out, n);
    }

    /** The batch sums of dz rows d0 and d0 + cap times x rows x0 .. x0 + 3 cap, into g[g0 ..] and g[g0 + stride ..]. */
    private static void gradientQuad(double[] dz, int d0, double[] x, int x0, int cap, int n, double[] g, int g0,
                                     int stride) {
        int d1 = d0 + cap;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double t0 = 0;
        double t1 = 0;
        double t2 = 0;
        double t3 = 0;
        for (int b = 0; b < n; b++) {
            double da = dz[d0 + b];
            double db = dz[d1 + b];
            double xa = x[x0 + b];
            double xb = x[x0 + cap + b];
            double xc = x[x0 + 2 * cap + b];
            double xd = x[x0 + 3 * cap + b];
            s0 += da * xa;
            s1 += da * xb;
            s2 += da * xc;
            s3 += da * xd;
            t0 += db * xa;
            t1 += db * xb;
            t2 += db * xc;
            t3 += db * xd;
        }
        int g1 = g0 + stride;
        g[g0] = s0;
        g[g0 + 1] = s1;
        g[g0 + 2] = s2;
        g[g0 + 3] = s3;
        g[g1] = t0;
        g[g1 + 1] = t1;
        g[g1 + 2] = t2;
        g[g1 + 3] = t3;
    }

    /** The batch sums of dz rows d0 and d0 + cap times x row x0 (times 1 when x is null), into g[g0] and g[g0 + stride]. */
    private static void gradientPair(double[] dz, int d0, double[] x, int x0, int cap, int n, double[] g, int g0,
                                     int stride) {
        int d1 = d0 + cap;
        double s = 0;
        double t = 0;
        if (x == null) {
            for (int b = 0; b < n; b++) {
                s += dz[d0 + b];
                t += dz[d1 + b];
            }
        } else {
            for (int b = 0; b < n; b++) {
                double xv = x[x0 + b];
                s += dz[d0 + b] * xv;
                t += dz[d1 + b] * xv;
            }
        }
        g[g0] = s;
        g[g0 + stride] = t;
    }

    /** The sums of {@link #gradientLayer} for neuron {@code o} alone. */
    private static void gradientRow(double[] dz, double[] x, int in, int o, int cap, int n, double[] gw,
                                    double[] gb) {
        int dzo = o * cap;
        int i = 0;
        for (; i + 3 < in; i += 4) {
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            int x0 = i * cap;
            for (int b = 0; b < n; b++) {
                double d = dz[dzo + b];
                s0 += d * x[x0 + b];
                s1 += d * x[x0 + cap + b];
                s2 += d * x[x0 + 2 * cap + b];
                s3 += d * x[x0 + 3 * cap + b];
            }
            gw[o * in + i] = s0;
            gw[o * in + i + 1] = s1;
            gw[o * in + i + 2] = s2;
            gw[o * in + i + 3] = s3;
        }
        for (; i < in; i++) {
            int xo = i * cap;
            double s = 0;
            for (int b = 0; b < n; b++) {
                s += dz[dzo + b] * x[xo + b];
            }
            gw[o * in + i] = s;
        }
        double s = 0;
        for (int b = 0; b < n; b++) {
            s += dz[dzo + b];
        }
        gb[o] = s;
    }

    private static void divide(double[] v, int length, double n) {
        for (int j = 0; j < length; j++) {
            v[j] /= n;
        }
    }

    /**
     * dL/d(input) = W^T dz for the first n examples: da[i][b] = 0 + w[0][i] dz[0][b] + w[1][i] dz[1][b]
     * + ... (neurons in order). Two inputs at a time share each loaded dz, four examples at a time.
     */
    private static void backwardLayer(double[] w, int in, int out, double[] dz, int cap, int n, double[] da) {
        int i = 0;
        for (; i + 1 < in; i += 2) {
            int b = backwardPair(w, i, in, out, dz, cap, n, da);
            backwardPairTail(w, i, in, out, dz, cap, b, n, da);
        }
        if (i < in) {
            backAffine(w, i, in, out, dz, cap, n, da, i * cap);
        }
    }

    /**
     * Inputs i and i + 1 for examples in blocks of four; returns where the blocks end. The same
     * shape as {@link #forwardPair} over W's columns instead of its rows. One kernel with a stride
     * could serve both, but measured 5% slower on network A: kept apart, each is compiled for its
     * own access pattern and trip counts.
     */
    private static int backwardPair(double[] w, int i, int in, int out, double[] dz, int cap, int n, double[] da) {
        int r0 = i * cap;
        int r1 = r0 + cap;
        int b = 0;
        for (; b + 3 < n; b += 4) {
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            double t0 = 0;
            double t1 = 0;
            double t2 = 0;
            double t3 = 0;
            for (int o = 0; o < out; o++) {
                double wa = w[o * in + i];
                double wb = w[o * in + i + 1];
                int d = o * cap + b;
                double d0 = dz[d];
                double d1 = dz[d + 1];
                double d2 = dz[d + 2];
                double d3 = dz[d + 3];
                s0 += wa * d0;
                s1 += wa * d1;
                s2 += wa * d2;
                s3 += wa * d3;
                t0 += wb * d0;
                t1 += wb * d1;
                t2 += wb * d2;
                t3 += wb * d3;
            }
            da[r0 + b] = s0;
            da[r0 + b + 1] = s1;
            da[r0 + b + 2] = s2;
            da[r0 + b + 3] = s3;
            da[r1 + b] = t0;
            da[r1 + b + 1] = t1;
            da[r1 + b + 2] = t2;
            da[r1 + b + 3] = t3;
        }
        return b;
    }

    /** {@link #backwardPair} for the examples from {@code b} to n: two at a time, then one. */
    private static void backwardPairTail(double[] w, int i, int in, int out, double[] dz, int cap, int b, int n,
                                         double[] da) {
        int r0 = i * cap;
        int r1 = r0 + cap;
        for (; b + 1 < n; b += 2) {
            double s0 = 0;
            double s1 = 0;
            double t0 = 0;
            double t1 = 0;
            for (int o = 0; o < out; o++) {
                double wa = w[o * in + i];
                double wb = w[o * in + i + 1];
                double d0 = dz[o * cap + b];
                double d1 = dz[o * cap + b + 1];
                s0 += wa * d0;
                s1 += wa * d1;
                t0 += wb * d0;
                t1 += wb * d1;
            }
            da[r0 + b] = s0;
            da[r0 + b + 1] = s1;
            da[r1 + b] = t0;
            da[r1 + b + 1] = t1;
        }
        if (b < n) {
            double s = 0;
            double t = 0;
            for (int o = 0; o < out; o++) {
                double d = dz[o * cap + b];
                s += w[o * in + i] * d;
                t += w[o * in + i + 1] * d;
            }
            da[r0 + b] = s;
            da[r1 + b] = t;
        }
    }

    /**
     * z[zo + b] = bias + w[wo] x[b] + w[wo + 1] x[cap + b] + ... (inputs in order) for b < n. Four
     * examples at a time in registers (then two, then one): independent chains, no store in the inner loop.
     */
    static void affine(double[] w, int wo, int in, double bias, double[] x, int cap, int n, double[] z, int zo) {
        int b = 0;
        for (; b + 3 < n; b += 4) {
            double s0 = bias;
            double s1 = bias;
            double s2 = bias;
            double s3 = bias;
            for (int i = 0; i < in; i++) {
                double wv = w[wo + i];
                int xo = i * cap + b;
                s0 += wv * x[xo];
                s1 += wv * x[xo + 1];
                s2 += wv * x[xo + 2];
                s3 += wv * x[xo + 3];
            }
            z[zo + b] = s0;
            z[zo + b + 1] = s1;
            z[zo + b + 2] = s2;
            z[zo + b + 3] = s3;
        }
        for (; b + 1 < n; b += 2) {
            double s0 = bias;
            double s1 = bias;
            for (int i = 0; i < in; i++) {
                double wv = w[wo + i];
                s0 += wv * x[i * cap + b];
                s1 += wv * x[i * cap + b + 1];
            }
            z[zo + b] = s0;
            z[zo + b + 1] = s1;
        }
        if (b < n) {
            double s = bias;
            for (int i = 0; i < in; i++) {
                s += w[wo + i] * x[i * cap + b];
            }
            z[zo + b] = s;
        }
    }

    /**
     * da[row + b] = 0 + w[0][i] dz[0][b] + w[1][i] dz[1][b] + ... (neurons in order): dL/d(input i)
     * for b < n, four examples at a time.
     */
    private static void backAffine(double[] w, int i, int in, int out, double[] dz, int cap, int n, double[] da,
                                   int row) {
        int b = 0;
        for (; b + 3 < n; b += 4) {
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int o = 0; o < out; o++) {
                double wv = w[o * in + i];
                int d = o * cap + b;
                s0 += wv * dz[d];
                s1 += wv * dz[d + 1];
                s2 += wv * dz[d + 2];
                s3 += wv * dz[d + 3];
            }
            da[row + b] = s0;
            da[row + b + 1] = s1;
            da[row + b + 2] = s2;
            da[row + b + 3] = s3;
        }
        for (; b < n; b++) {
            double s = 0;
            for (int o = 0; o < out; o++) {
                s += w[o * in + i] * dz[o * cap + b];
            }
            da[row + b] = s;
        }
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
