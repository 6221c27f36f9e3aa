package org.weightlab.engine.reference;

import org.weightlab.engine.BatchNorm;
import org.weightlab.engine.Layer;
import org.weightlab.engine.Network;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.LossKind;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.RegularizationConfig;
import org.weightlab.engine.config.RegularizationKind;

/**
 * Training with batch normalization in plain loops, for networks with mse loss and no LoRA
 * adapters. Batch normalization couples the examples of a batch, so unlike
 * {@link ReferenceNetwork} this runs the batch layer by layer: z[e][o] of every example, then the
 * batch's mean and biased variance of each unit, zhat = (z - mean) / sqrt(var + 1e-5),
 * y = gamma zhat + beta, a = f(y). Backward, per unit over the batch of n (g = dL/dy of each example):
 * dgamma = sum g zhat, dbeta = sum g, dL/dz = gamma / (n sigma) (n g - sum g - zhat sum g zhat);
 * the gradient of a bias before a batch norm is exactly 0. Running statistics move after the step
 * with momentum 0.1 and the unbiased variance. Evaluation uses the running statistics.
 */
public final class ReferenceNormNetwork {

    private final ActivationKind[] activation;
    private final ReferenceParameter[][][] w;
    private final ReferenceParameter[][] b;
    /** Per normalized layer (else null): gamma[l][o], beta[l][o], and the running mean and variance. */
    private final ReferenceParameter[][] gamma;
    private final ReferenceParameter[][] beta;
    private final double[][] runningMean;
    private final double[][] runningVar;

    public ReferenceNormNetwork(Network net) {
        if (net.loss() != LossKind.MSE) {
            throw new IllegalArgumentException("the reference for batch normalization takes mse");
        }
        int layers = net.layerCount();
        activation = new ActivationKind[layers];
        w = new ReferenceParameter[layers][][];
        b = new ReferenceParameter[layers][];
        gamma = new ReferenceParameter[layers][];
        beta = new ReferenceParameter[layers][];
        runningMean = new double[layers][];
        runningVar = new double[layers][];
        for (int l = 0; l < layers; l++) {
            Layer layer = net.layer(l);
            if (layer.adapter() != null) {
                throw new IllegalArgumentException("the reference for batch normalization takes no LoRA adapters");
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
            BatchNorm bn = layer.norm();
            if (bn != null) {
                double[] g = bn.gammaCopy();
                double[] be = bn.betaCopy();
                boolean[] fg = bn.frozenGammaCopy();
                boolean[] fb = bn.frozenBetaCopy();
                gamma[l] = new ReferenceParameter[g.length];
                beta[l] = new ReferenceParameter[g.length];
                for (int o = 0; o < g.length; o++) {
                    gamma[l][o] = new ReferenceParameter(g[o], fg[o], false);
                    beta[l][o] = new ReferenceParameter(be[o], fb[o], false);
                }
                runningMean[l] = bn.runningMeanCopy();
                runningVar[l] = bn.runningVarCopy();
            }
        }
    }

    public double weight(int l, int o, int i) {
        return w[l][o][i].value;
    }

    public double bias(int l, int o) {
        return b[l][o].value;
    }

    public double gamma(int l, int o) {
        return gamma[l][o].value;
    }

    public double beta(int l, int o) {
        return beta[l][o].value;
    }

    public double runningMean(int l, int o) {
        return runningMean[l][o];
    }

    public double runningVar(int l, int o) {
        return runningVar[l][o];
    }

    /** One optimizer step on the batch x[e] (features) with labels[e]; returns the batch's mean loss before it. */
    public double step(double[][] x, double[] labels, OptimizerConfig optimizer, double learningRate,
                       RegularizationConfig regularization) {
        int n = x.length;
        int layers = w.length;
        double[][][] input = new double[layers][][];
        double[][][] z = new double[layers][n][];
        double[][][] hat = new double[layers][n][];
        double[][][] y = new double[layers][n][];
        double[][][] a = new double[layers][n][];
        double[][] mean = new double[layers][];
        double[][] var = new double[layers][];
        double[][] current = x;
        for (int l = 0; l < layers; l++) {
            input[l] = current;
            int out = b[l].length;
            for (int e = 0; e < n; e++) {
                z[l][e] = new double[out];
                for (int o = 0; o < out; o++) {
                    double sum = b[l][o].value;
                    for (int i = 0; i < current[e].length; i++) {
                        sum += w[l][o][i].value * current[e][i];
                    }
                    z[l][e][o] = sum;
                }
                y[l][e] = z[l][e].clone();
            }
            if (gamma[l] != null) {
                mean[l] = new double[out];
                var[l] = new double[out];
                for (int o = 0; o < out; o++) {
                    double sum = 0;
                    for (int e = 0; e < n; e++) {
                        sum += z[l][e][o];
                    }
                    double mu = sum / n;
                    double sq = 0;
                    for (int e = 0; e < n; e++) {
                        sq += (z[l][e][o] - mu) * (z[l][e][o] - mu);
                    }
                    mean[l][o] = mu;
                    var[l][o] = sq / n;
                }
                for (int e = 0; e < n; e++) {
                    hat[l][e] = new double[out];
                    for (int o = 0; o < out; o++) {
                        hat[l][e][o] = (z[l][e][o] - mean[l][o]) / Math.sqrt(var[l][o] + BatchNorm.EPS);
                        y[l][e][o] = gamma[l][o].value * hat[l][e][o] + beta[l][o].value;
                    }
                }
            }
            for (int e = 0; e < n; e++) {
                a[l][e] = new double[out];
                for (int o = 0; o < out; o++) {
                    a[l][e][o] = ReferenceNetwork.f(activation[l], y[l][e][o]);
                }
            }
            current = a[l];
        }
        // Backward: g[e][o] = dL_e/dy, the per-example gradient (the batch mean is taken at the end).
        int last = layers - 1;
        double total = 0;
        double[][] g = new double[n][];
        for (int e = 0; e < n; e++) {
            double[] out = a[last][e];
            g[e] = new double[out.length];
            for (int k = 0; k < out.length; k++) {
                total += 0.5 * (out[k] - labels[e]) * (out[k] - labels[e]);
                g[e][k] = (out[k] - labels[e]) * ReferenceNetwork.fPrime(activation[last], y[last][e][k], out[k]);
            }
        }
        forEach(p -> p.grad = 0);
        for (int l = last; l >= 0; l--) {
            int out = b[l].length;
            double[][] dz = g;
            if (gamma[l] != null) {
                dz = new double[n][out];
                for (int o = 0; o < out; o++) {
                    double sumG = 0;
                    double sumGHat = 0;
                    for (int e = 0; e < n; e++) {
                        sumG += g[e][o];
                        sumGHat += g[e][o] * hat[l][e][o];
                    }
                    gamma[l][o].grad = sumGHat;
                    beta[l][o].grad = sumG;
                    double sigma = Math.sqrt(var[l][o] + BatchNorm.EPS);
                    for (int e = 0; e < n; e++) {
                        dz[e][o] = gamma[l][o].value / (n * sigma) * (n * g[e][o] - sumG - hat[l][e][o] * sumGHat);
                    }
                }
            }
            for (int o = 0; o < out; o++) {
                for (int e = 0; e < n; e++) {
                    b[l][o].grad += gamma[l] != null ? 0 : dz[e][o];
                    for (int i = 0; i < input[l][e].length; i++) {
                        w[l][o][i].grad += dz[e][o] * input[l][e][i];
                    }
                }
            }
            if (l > 0) {
                double[][] below = new double[n][b[l - 1].length];
                for (int e = 0; e < n; e++) {
                    for (int i = 0; i < below[e].length; i++) {
                        double da = 0;
                        for (int o = 0; o < out; o++) {
                            da += w[l][o][i].value * dz[e][o];
                        }
                        below[e][i] = da * ReferenceNetwork.fPrime(activation[l - 1], y[l - 1][e][i], a[l - 1][e][i]);
                    }
                }
                g = below;
            }
        }
        forEach(p -> {
            p.grad = p.grad / n;
            if (p.decayable && regularization.kind() == RegularizationKind.L2) {
                p.grad = p.grad + regularization.rate() * p.value;
            } else if (p.decayable && regularization.kind() == RegularizationKind.L1) {
                p.grad = p.grad + regularization.rate() * Math.signum(p.value);
            }
        });
        forEach(p -> ReferenceOptimizer.update(optimizer, learningRate, p));
        for (int l = 0; l < layers; l++) {
            if (gamma[l] != null) {
                for (int o = 0; o < b[l].length; o++) {
                    double sq = var[l][o] * n;
                    runningMean[l][o] = 0.1 * mean[l][o] + 0.9 * runningMean[l][o];
                    runningVar[l][o] = 0.1 * sq / (n - 1) + 0.9 * runningVar[l][o];
                }
            }
        }
        return total / n;
    }

    /** The outputs for the features {@code x}, normalized with the running statistics. */
    public double[] predict(double[] x) {
        double[] current = x;
        for (int l = 0; l < w.length; l++) {
            double[] next = new double[b[l].length];
            for (int o = 0; o < next.length; o++) {
                double z = b[l][o].value;
                for (int i = 0; i < current.length; i++) {
                    z += w[l][o][i].value * current[i];
                }
                if (gamma[l] != null) {
                    z = gamma[l][o].value * (z - runningMean[l][o]) / Math.sqrt(runningVar[l][o] + BatchNorm.EPS)
                            + beta[l][o].value;
                }
                next[o] = ReferenceNetwork.f(activation[l], z);
            }
            current = next;
        }
        return current;
    }

    private void forEach(java.util.function.Consumer<ReferenceParameter> action) {
        for (int l = 0; l < w.length; l++) {
            for (int o = 0; o < w[l].length; o++) {
                for (ReferenceParameter p : w[l][o]) {
                    action.accept(p);
                }
                action.accept(b[l][o]);
            }
            if (gamma[l] != null) {
                for (int o = 0; o < gamma[l].length; o++) {
                    action.accept(gamma[l][o]);
                    action.accept(beta[l][o]);
                }
            }
        }
    }
}
