package org.weightlab.engine.reference;

import java.util.List;
import org.weightlab.engine.Layer;
import org.weightlab.engine.LoraAdapter;
import org.weightlab.engine.Network;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.LossKind;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.RegularizationConfig;
import org.weightlab.engine.config.RegularizationKind;

/**
 * The whole of training a dense network, written to be read in one sitting: forward, backward,
 * loss and update, one example at a time, in plain loops (after TF Playground's {@code nn.ts} and
 * micrograd). It is slow on purpose and shares no arithmetic with the engine's batch kernels, so
 * the tests can hold the fast path against it. Dropout is left out (the gradient tests check it).
 *
 * <p>Layer l computes, for each neuron o: z[o] = b[o] + sum_i w[o][i] x[i], then a[o] = f(z[o]).
 * Layer 0 reads the input features; the last layer is the output. A layer with a LoRA adapter
 * adds peft's low-rank path: u[k] = sum_i A[k][i] x[i], z[o] += s sum_k B[o][k] u[k], s = alpha / r.
 */
public final class ReferenceNetwork {

    private final List<Feature> features;
    private final LossKind loss;
    private final ActivationKind[] activation;
    /** w[l][o][i]: the weight from input i of layer l to its neuron o. */
    private final ReferenceParameter[][][] w;
    /** b[l][o]: the bias of neuron o of layer l. */
    private final ReferenceParameter[][] b;
    /** Of the example being processed: z[l][o] and a[l][o] of every neuron, and dL/dz[l][o]. */
    private final double[][] z;
    private final double[][] a;
    private final double[][] dz;
    /** Per layer with a LoRA adapter (else null): A[l][k][i], B[l][o][k], s = alpha / r, and u = A x of the example. */
    private final ReferenceParameter[][][] loraA;
    private final ReferenceParameter[][][] loraB;
    private final double[] scale;
    private final double[][] u;

    /** A reference copy of {@code net}: its weights, biases and frozen masks as they are now. */
    public ReferenceNetwork(Network net) {
        features = net.features();
        loss = net.loss();
        int layers = net.layerCount();
        activation = new ActivationKind[layers];
        w = new ReferenceParameter[layers][][];
        b = new ReferenceParameter[layers][];
        z = new double[layers][];
        a = new double[layers][];
        dz = new double[layers][];
        loraA = new ReferenceParameter[layers][][];
        loraB = new ReferenceParameter[layers][][];
        scale = new double[layers];
        u = new double[layers][];
        for (int l = 0; l < layers; l++) {
            Layer layer = net.layer(l);
            LoraAdapter adapter = layer.adapter();
            if (adapter != null) {
                int r = adapter.rank();
                int in = layer.inputs();
                double[] av = adapter.aCopy();
                double[] bv = adapter.bCopy();
                boolean[] af = adapter.parameterA().frozenCopy();
                boolean[] bf = adapter.parameterB().frozenCopy();
                loraA[l] = new ReferenceParameter[r][in];
                loraB[l] = new ReferenceParameter[layer.outputs()][r];
                for (int k = 0; k < r; k++) {
                    for (int i = 0; i < in; i++) {
                        loraA[l][k][i] = new ReferenceParameter(av[k * in + i], af[k * in + i], true);
                    }
                }
                for (int o = 0; o < layer.outputs(); o++) {
                    for (int k = 0; k < r; k++) {
                        loraB[l][o][k] = new ReferenceParameter(bv[o * r + k], bf[o * r + k], true);
                    }
                }
                scale[l] = adapter.scale();
                u[l] = new double[r];
            }
            activation[l] = layer.activation();
            w[l] = new ReferenceParameter[layer.outputs()][layer.inputs()];
            b[l] = new ReferenceParameter[layer.outputs()];
            for (int o = 0; o < layer.outputs(); o++) {
                for (int i = 0; i < layer.inputs(); i++) {
                    w[l][o][i] = new ReferenceParameter(layer.weight(o, i), layer.weightFrozen(o, i), true);
                }
                b[l][o] = new ReferenceParameter(layer.bias(o), layer.biasFrozen(o), false);
            }
            z[l] = new double[layer.outputs()];
            a[l] = new double[layer.outputs()];
            dz[l] = new double[layer.outputs()];
        }
    }

    public double weight(int layer, int out, int in) {
        return w[layer][out][in].value;
    }

    public double bias(int layer, int out) {
        return b[layer][out].value;
    }

    /** LoRA A[k][i] of layer {@code layer}. */
    public double loraA(int layer, int k, int in) {
        return loraA[layer][k][in].value;
    }

    /** LoRA B[o][k] of layer {@code layer}. */
    public double loraB(int layer, int out, int k) {
        return loraB[layer][out][k].value;
    }

    /** The input features of the raw point (x1, x2). */
    public double[] features(double x1, double x2) {
        double[] x = new double[features.size()];
        for (int f = 0; f < x.length; f++) {
            x[f] = features.get(f).apply(x1, x2);
        }
        return x;
    }

    /**
     * One optimizer step on a batch: x[e] are the features and labels[e] the label of example e.
     * Returns the batch's mean data loss (before the step).
     */
    public double step(double[][] x, double[] labels, OptimizerConfig optimizer, double learningRate,
                       RegularizationConfig regularization) {
        forEachParameter(p -> p.grad = 0);
        double total = 0;
        for (int e = 0; e < x.length; e++) {
            forward(x[e]);
            total += lossValue(labels[e]);
            backward(x[e], labels[e]);
        }
        int n = x.length;
        forEachParameter(p -> {
            p.grad = p.grad / n; // the batch mean
            if (p.decayable && regularization.kind() == RegularizationKind.L2) {
                p.grad = p.grad + regularization.rate() * p.value; // d/dw of rate/2 w^2
            } else if (p.decayable && regularization.kind() == RegularizationKind.L1) {
                p.grad = p.grad + regularization.rate() * Math.signum(p.value); // d/dw of rate |w|, sign(0) = 0
            }
        });
        forEachParameter(p -> ReferenceOptimizer.update(optimizer, learningRate, p));
        return total / n;
    }

    /** The outputs for the features {@code x}. */
    public double[] predict(double[] x) {
        forward(x);
        return a[a.length - 1].clone();
    }

    /** Fills z and a of every layer for the example x. */
    private void forward(double[] x) {
        double[] input = x;
        for (int l = 0; l < w.length; l++) {
            if (loraA[l] != null) {
                for (int k = 0; k < u[l].length; k++) {
                    double sum = 0;
                    for (int i = 0; i < input.length; i++) {
                        sum += loraA[l][k][i].value * input[i];
                    }
                    u[l][k] = sum;
                }
            }
            for (int o = 0; o < z[l].length; o++) {
                double sum = b[l][o].value;
                for (int i = 0; i < input.length; i++) {
                    sum += w[l][o][i].value * input[i];
                }
                if (loraA[l] != null) {
                    double low = 0;
                    for (int k = 0; k < u[l].length; k++) {
                        low += loraB[l][o][k].value * u[l][k];
                    }
                    sum += scale[l] * low;
                }
                z[l][o] = sum;
            }
            if (activation[l] == ActivationKind.SOFTMAX) {
                softmax(z[l], a[l]);
            } else {
                for (int o = 0; o < z[l].length; o++) {
                    a[l][o] = f(activation[l], z[l][o]);
                }
            }
            input = a[l];
        }
    }

    /**
     * The loss of the example just run forward:
     * mse 0.5 sum_k (a_k - label)^2; bce -(t log p + (1 - t) log(1 - p)) with p the sigmoid output
     * and t = (label + 1) / 2;
     * cross_entropy -log p_c with c = label.
     */
    private double lossValue(double label) {
        double[] out = a[a.length - 1];
        return switch (loss) {
            case MSE -> {
                double sum = 0;
                for (double ak : out) {
                    sum += (ak - label) * (ak - label);
                }
                yield 0.5 * sum;
            }
            case BCE -> {
                // -(t log p + (1 - t) log(1 - p)) with p = sigmoid(z), written in z as
                // max(z, 0) - z t + log(1 + e^-|z|): the same value, without log(1 - p) losing every
                // digit when p rounds to 1 (PyTorch's BCEWithLogitsLoss does the same).
                double t = (label + 1) / 2;
                double zOut = z[z.length - 1][0];
                yield Math.max(zOut, 0) - zOut * t + Math.log1p(Math.exp(-Math.abs(zOut)));
            }
            case CROSS_ENTROPY -> -Math.log(out[(int) label]);
        };
    }

    /** Adds this example's dL/dw and dL/db to every parameter's grad. */
    private void backward(double[] x, double label) {
        int last = w.length - 1;
        // The output's dL/dz. For mse it is dL/da f'(z). For bce with a sigmoid and cross-entropy
        // with a softmax the derivatives combine into p - t.
        for (int k = 0; k < dz[last].length; k++) {
            double ak = a[last][k];
            dz[last][k] = switch (loss) {
                case MSE -> (ak - label) * fPrime(activation[last], z[last][k], ak);
                case BCE -> ak - (label + 1) / 2;
                case CROSS_ENTROPY -> ak - (k == (int) label ? 1 : 0);
            };
        }
        for (int l = last; l >= 0; l--) {
            double[] input = l == 0 ? x : a[l - 1];
            for (int o = 0; o < dz[l].length; o++) {
                b[l][o].grad += dz[l][o]; // dz/db = 1
                for (int i = 0; i < input.length; i++) {
                    w[l][o][i].grad += dz[l][o] * input[i]; // dz/dw = the input
                }
            }
            // The adapter: dz/dB[o][k] = s u[k]; dz[o]/dA[k][i] = s B[o][k] x[i], summed over o as v[k].
            double[] v = null;
            if (loraA[l] != null) {
                v = new double[u[l].length];
                for (int k = 0; k < v.length; k++) {
                    for (int o = 0; o < dz[l].length; o++) {
                        loraB[l][o][k].grad += scale[l] * dz[l][o] * u[l][k];
                        v[k] += loraB[l][o][k].value * dz[l][o];
                    }
                    for (int i = 0; i < input.length; i++) {
                        loraA[l][k][i].grad += scale[l] * v[k] * input[i];
                    }
                }
            }
            if (l > 0) {
                // dL/da of the layer below: each of its units feeds every neuron o of this layer.
                for (int i = 0; i < input.length; i++) {
                    double da = 0;
                    for (int o = 0; o < dz[l].length; o++) {
                        da += w[l][o][i].value * dz[l][o];
                    }
                    if (v != null) {
                        for (int k = 0; k < v.length; k++) {
                            da += scale[l] * loraA[l][k][i].value * v[k];
                        }
                    }
                    dz[l - 1][i] = da * fPrime(activation[l - 1], z[l - 1][i], a[l - 1][i]);
                }
            }
        }
    }

    /** The activation functions. */
    static double f(ActivationKind kind, double z) {
        return switch (kind) {
            case LINEAR -> z;
            case RELU -> Math.max(0, z);
            case LEAKY_RELU -> z > 0 ? z : 0.01 * z;
            case TANH -> Math.tanh(z);
            case SIGMOID -> 1 / (1 + Math.exp(-z));
            case SOFTMAX -> throw new IllegalArgumentException("softmax acts on a whole layer");
        };
    }

    /** Their derivatives; at the kinks PyTorch's choice: relu'(0) = 0, leaky_relu'(0) = 0.01. */
    static double fPrime(ActivationKind kind, double z, double a) {
        return switch (kind) {
            case LINEAR -> 1;
            case RELU -> z > 0 ? 1 : 0;
            case LEAKY_RELU -> z > 0 ? 1 : 0.01;
            case TANH -> 1 - a * a;
            case SIGMOID -> a * (1 - a);
            case SOFTMAX -> throw new IllegalArgumentException("softmax goes with cross_entropy, whose dL/dz is p - t");
        };
    }

    /** p_k = e^(z_k - max z) / sum_j e^(z_j - max z): the max keeps exp from overflowing. */
    private static void softmax(double[] z, double[] p) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int k = 0; k < z.length; k++) {
            p[k] = Math.exp(z[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < z.length; k++) {
            p[k] = p[k] / sum;
        }
    }

    private void forEachParameter(java.util.function.Consumer<ReferenceParameter> action) {
        for (int l = 0; l < w.length; l++) {
            for (int o = 0; o < w[l].length; o++) {
                for (ReferenceParameter p : w[l][o]) {
                    action.accept(p);
                }
                action.accept(b[l][o]);
            }
            if (loraA[l] != null) {
                for (ReferenceParameter[] row : loraA[l]) {
                    for (ReferenceParameter p : row) {
                        action.accept(p);
                    }
                }
                for (ReferenceParameter[] row : loraB[l]) {
                    for (ReferenceParameter p : row) {
                        action.accept(p);
                    }
                }
            }
        }
    }
}
