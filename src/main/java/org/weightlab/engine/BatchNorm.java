package org.weightlab.engine;

import java.util.Arrays;

/**
 * Batch normalization of a dense layer's pre-activations, with PyTorch's {@code BatchNorm1d}
 * semantics exactly: the layer computes {@code a = f(BN(W x + b))}. For unit j over a training
 * batch of n examples:
 *
 * <pre>
 *   mu    = (1/n) sum_b z_b                  the batch mean
 *   var   = (1/n) sum_b (z_b - mu)^2         the biased batch variance
 *   zhat  = (z - mu) / sqrt(var + eps)       eps = 1e-5
 *   y     = gamma zhat + beta                gamma ("gamma", init 1), beta ("beta", init 0)
 *   runningMean = (1 - 0.1) runningMean + 0.1 mu
 *   runningVar  = (1 - 0.1) runningVar  + 0.1 sum_b (z_b - mu)^2 / (n - 1)     (unbiased)
 * </pre>
 *
 * In evaluation (test loss, fields, pictures, the trace of one example) the running statistics
 * stand in for the batch's: {@code y = gamma (z - runningMean) / sqrt(runningVar + eps) + beta},
 * an affine map per unit. The running statistics start at 0 and 1; they are not parameters (the
 * optimizer never sees them) but part of the layer's state, so checkpoints and run exports carry
 * them. gamma and beta are not "decayable": l1 / l2 apply to weights only (DESIGN 3), as in the
 * common PyTorch practice of leaving normalization parameters out of weight decay.
 *
 * <p>A training batch of one has no variance; it is refused (as PyTorch refuses it) rather than
 * turned into NaN. The buffers that depend on the batch (raw z, zhat, the batch's mean and
 * variance) are in the {@link Workspace}; the module keeps the running statistics and, for the
 * views, the mean and variance of the last training batch that moved them.
 */
public final class BatchNorm {

    public static final double EPS = 1e-5;
    public static final double MOMENTUM = 0.1;
    /** PyTorch's words for the same refusal. */
    public static final String ONE_EXAMPLE = "batch normalization needs more than one example per training batch"
            + " (PyTorch: \"Expected more than 1 value per channel when training\")";

    private final int units;
    final Parameter gamma;
    final Parameter beta;
    /** Running mean and (unbiased) variance of each unit's z. */
    final double[] runningMean;
    final double[] runningVar;
    /** The batch mean and biased variance of the last training step that moved the running ones (NaN before). */
    final double[] lastMean;
    final double[] lastVar;
    /** Training batches that moved the running statistics (PyTorch's num_batches_tracked). */
    long batchesTracked;

    BatchNorm(int units) {
        this.units = units;
        gamma = new Parameter("gamma", false, units);
        beta = new Parameter("beta", false, units);
        Arrays.fill(gamma.values, 1.0);
        runningMean = new double[units];
        runningVar = new double[units];
        Arrays.fill(runningVar, 1.0);
        lastMean = new double[units];
        lastVar = new double[units];
        Arrays.fill(lastMean, Double.NaN);
        Arrays.fill(lastVar, Double.NaN);
    }

    BatchNorm copy() {
        BatchNorm c = new BatchNorm(units);
        copyInto(c);
        return c;
    }

    void copyInto(BatchNorm c) {
        gamma.copyInto(c.gamma);
        beta.copyInto(c.beta);
        System.arraycopy(runningMean, 0, c.runningMean, 0, units);
        System.arraycopy(runningVar, 0, c.runningVar, 0, units);
        System.arraycopy(lastMean, 0, c.lastMean, 0, units);
        System.arraycopy(lastVar, 0, c.lastVar, 0, units);
        c.batchesTracked = batchesTracked;
    }

    public int units() {
        return units;
    }

    /** Gamma, beta, running mean and running variance, or the last batch's mean and variance, copied. */
    public double[] gammaCopy() {
        return gamma.values.clone();
    }

    public double[] betaCopy() {
        return beta.values.clone();
    }

    public double[] runningMeanCopy() {
        return runningMean.clone();
    }

    public double[] runningVarCopy() {
        return runningVar.clone();
    }

    public double[] lastBatchMeanCopy() {
        return lastMean.clone();
    }

    public double[] lastBatchVarCopy() {
        return lastVar.clone();
    }

    public double[] gammaGradientsCopy() {
        return gamma.grads.clone();
    }

    public double[] betaGradientsCopy() {
        return beta.grads.clone();
    }

    public boolean[] frozenGammaCopy() {
        return gamma.frozen.clone();
    }

    public boolean[] frozenBetaCopy() {
        return beta.frozen.clone();
    }

    public long batchesTracked() {
        return batchesTracked;
    }

    /** Sets the state read from a file; the arrays are checked and copied. */
    void set(double[] g, double[] b, double[] mean, double[] var, long tracked) {
        fill("gamma", g, gamma.values);
        fill("beta", b, beta.values);
        fill("runningMean", mean, runningMean);
        fill("runningVar", var, runningVar);
        for (double v : runningVar) {
            if (v < 0) {
                throw new IllegalArgumentException("runningVar holds a negative variance: " + v);
            }
        }
        if (tracked < 0) {
            throw new IllegalArgumentException("numBatchesTracked must not be negative, got " + tracked);
        }
        batchesTracked = tracked;
    }

    private void fill(String what, double[] from, double[] to) {
        if (from.length != units) {
            throw new IllegalArgumentException("batch norm " + what + " holds " + from.length + " values, expected "
                    + units);
        }
        for (double v : from) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("batch norm " + what + " holds a value that is not finite: " + v);
            }
        }
        System.arraycopy(from, 0, to, 0, units);
    }

    /**
     * y (into {@code y}) from the raw z of the first n examples; in training the batch's mean and
     * variance go into the workspace (and zhat beside them), in evaluation the running ones are used.
     */
    void forward(Workspace ws, int index, int n, double[] y) {
        int cap = ws.capacity;
        double[] z = ws.normRaw[index];
        double[] hat = ws.normHat[index];
        double[] mean = ws.normMean[index];
        double[] var = ws.normVar[index];
        double[] inv = ws.normInvStd[index];
        boolean training = ws.training;
        if (training && n < 2) {
            throw new IllegalArgumentException(ONE_EXAMPLE);
        }
        for (int j = 0; j < units; j++) {
            int row = j * cap;
            double mu;
            double v;
            if (training) {
                double sum = 0;
                for (int b = 0; b < n; b++) {
                    sum += z[row + b];
                }
                mu = sum / n;
                double squares = 0;
                for (int b = 0; b < n; b++) {
                    double d = z[row + b] - mu;
                    squares += d * d;
                }
                v = squares / n;
                ws.normSquares[index][j] = squares;
            } else {
                mu = runningMean[j];
                v = runningVar[j];
            }
            double is = 1.0 / Math.sqrt(v + EPS);
            mean[j] = mu;
            var[j] = v;
            inv[j] = is;
            double g = gamma.values[j];
            double be = beta.values[j];
            for (int b = 0; b < n; b++) {
                double h = (z[row + b] - mu) * is;
                hat[row + b] = h;
                y[row + b] = g * h + be;
            }
        }
    }

    /**
     * From dy = dL/dy of each example (in {@code dy}, scaled per example like every dz of the
     * engine: the batch mean of it is the gradient), the gradients of gamma and beta (batch
     * means) and dL/dz of each example into {@code dz}. In training the batch is coupled:
     *
     * <pre>
     *   dgamma = (1/n) sum_b dy_b zhat_b        dbeta = (1/n) sum_b dy_b
     *   dz_b   = gamma / (n sigma) (n dy_b - sum_c dy_c - zhat_b sum_c dy_c zhat_c),  sigma = sqrt(var + eps)
     * </pre>
     *
     * In evaluation mu and sigma are constants: dz_b = gamma dy_b / sigma.
     */
    void backward(Workspace ws, int index, int n, double[] dy, double[] dz, double[] gGamma, double[] gBeta) {
        int cap = ws.capacity;
        double[] hat = ws.normHat[index];
        double[] inv = ws.normInvStd[index];
        boolean training = ws.training;
        for (int j = 0; j < units; j++) {
            int row = j * cap;
            double sumDy = 0;
            double sumDyHat = 0;
            for (int b = 0; b < n; b++) {
                sumDy += dy[row + b];
                sumDyHat += dy[row + b] * hat[row + b];
            }
            gGamma[j] = sumDyHat / n;
            gBeta[j] = sumDy / n;
            double g = gamma.values[j];
            if (training) {
                double k = g * inv[j] / n;
                for (int b = 0; b < n; b++) {
                    dz[row + b] = k * (n * dy[row + b] - sumDy - hat[row + b] * sumDyHat);
                }
            } else {
                double k = g * inv[j];
                for (int b = 0; b < n; b++) {
                    dz[row + b] = k * dy[row + b];
                }
            }
        }
    }

    /** Moves the running statistics by the last training forward's batch of n (n >= 2), as PyTorch does. */
    void commit(Workspace ws, int index, int n) {
        double[] mean = ws.normMean[index];
        double[] squares = ws.normSquares[index];
        for (int j = 0; j < units; j++) {
            runningMean[j] = MOMENTUM * mean[j] + (1 - MOMENTUM) * runningMean[j];
            runningVar[j] = MOMENTUM * (squares[j] / (n - 1)) + (1 - MOMENTUM) * runningVar[j];
            lastMean[j] = mean[j];
            lastVar[j] = ws.normVar[index][j];
        }
        batchesTracked++;
    }

    /** The evaluation map y = s z + t of unit j: s = gamma / sqrt(runningVar + eps), t = beta - s runningMean. */
    double evalScale(int j) {
        return gamma.values[j] / Math.sqrt(runningVar[j] + EPS);
    }

    double evalShift(int j) {
        return beta.values[j] - evalScale(j) * runningMean[j];
    }

    boolean sameShape(BatchNorm o) {
        return o != null && units == o.units;
    }
}
