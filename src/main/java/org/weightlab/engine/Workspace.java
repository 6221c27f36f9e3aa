package org.weightlab.engine;

/**
 * Buffers for one forward and backward pass over up to {@code capacity} examples, allocated once
 * so that the per-example loops allocate nothing. Buffers are unit-major, {@code [width][capacity]}:
 * the value of unit {@code u} for example {@code b} is at {@code u * capacity + b}, so the inner
 * loops run along the batch over contiguous memory.
 */
final class Workspace {

    final int capacity;
    /** Input features of the batch, [inputs][capacity]. */
    final double[] x;
    /** Label of each example of the batch. */
    final double[] labels;
    /** Per module (convolutions, then dense layers; see {@link Network}): pre-activations z = W x + b, [out][capacity]. */
    final double[][] z;
    /** Per layer: activations a = f(z), [out][capacity] (before dropout). */
    final double[][] a;
    /** Per hidden layer: a times the inverted-dropout scale (0 or 1 / (1 - p)), [out][capacity]. */
    final double[][] dropped;
    /** Per hidden layer: the dropout scale of each unit, [out][capacity]. */
    final double[][] mask;
    /** Per layer: the input this pass fed it (x, a of the layer below, or its dropped copy). */
    final double[][] in;
    /** Per hidden layer: whether this pass applied dropout (else mask is not filled and means 1). */
    final boolean[] masked;
    /** Per layer: dL/da of each example, [out][capacity] (for the output, the loss's dL/da). */
    final double[][] da;
    /** Per layer: dL/dz of each example, [out][capacity]. */
    final double[][] dz;
    /** The input batch example-major, [example][inputs], as {@link #gather} copied it (see {@link #gatheredRows}). */
    final double[] inputRows;
    /** The number of examples {@link #gather} put into x and inputRows; -1 once x is written otherwise. */
    private int gathered = -1;
    /** The softmax output's sum of shifted exponentials per example, [capacity] (see {@link Activation#softmax}). */
    final double[] softmaxSums;
    /** Whether this forward pass wrote {@link #softmaxSums}: only then may the loss read them. */
    boolean softmaxSummed;
    /** Scratch: one module's input batch example-major, [example][inputs], for the vector gradient kernel. */
    final double[] rows;
    /** Whether this workspace holds training batches (batch normalization uses the batch's statistics). */
    final boolean training;
    /** Per batch-normalized layer (else null): z = W x + b before normalization, [out][capacity]. */
    final double[][] normRaw;
    /** Per batch-normalized layer: zhat = (z - mean) / sqrt(var + eps), [out][capacity]. */
    final double[][] normHat;
    /** Per batch-normalized layer: dL/dz before normalization, [out][capacity]. */
    final double[][] normDz;
    /** Per batch-normalized layer: the mean, variance and 1 / sqrt(var + eps) this pass used, [out]. */
    final double[][] normMean;
    final double[][] normVar;
    final double[][] normInvStd;
    /** Per batch-normalized layer: sum of (z - mean)^2 over a training batch, [out]. */
    final double[][] normSquares;

    /** A workspace for evaluation: batch normalization uses the running statistics. */
    Workspace(Network net, int capacity) {
        this(net, capacity, false);
    }

    Workspace(Network net, int capacity, boolean training) {
        this.capacity = capacity;
        this.training = training;
        int layers = net.moduleCount();
        x = new double[capacity * net.inputs()];
        labels = new double[capacity];
        z = new double[layers][];
        a = new double[layers][];
        dropped = new double[layers][];
        mask = new double[layers][];
        in = new double[layers][];
        masked = new boolean[layers];
        da = new double[layers][];
        dz = new double[layers][];
        normRaw = new double[layers][];
        normHat = new double[layers][];
        normDz = new double[layers][];
        normMean = new double[layers][];
        normVar = new double[layers][];
        normInvStd = new double[layers][];
        normSquares = new double[layers][];
        int widest = 0;
        for (int l = 0; l < layers; l++) {
            widest = Math.max(widest, net.module(l).inputs());
            int width = capacity * net.module(l).outputs();
            z[l] = new double[width];
            a[l] = new double[width];
            da[l] = new double[width];
            dz[l] = new double[width];
            if (l < layers - 1) {
                dropped[l] = new double[width];
                mask[l] = new double[width];
            }
            if (net.module(l) instanceof Layer dense && dense.norm() != null) {
                int units = dense.outputs();
                normRaw[l] = new double[width];
                normHat[l] = new double[width];
                normDz[l] = new double[width];
                normMean[l] = new double[units];
                normVar[l] = new double[units];
                normInvStd[l] = new double[units];
                normSquares[l] = new double[units];
            }
        }
        rows = new double[capacity * widest];
        inputRows = new double[capacity * net.inputs()];
        softmaxSums = new double[capacity];
    }

    /**
     * Copies the examples order[from] .. order[from + n - 1] of a row-major feature matrix
     * [..][inputs] into x, one row at a time through {@link #inputRows}, which keeps them
     * example-major for the first layer's weight gradient.
     */
    void gather(double[] features, int inputs, int[] order, int from, int n) {
        for (int b = 0; b < n; b++) {
            System.arraycopy(features, order[from + b] * inputs, inputRows, b * inputs, inputs);
        }
        for (int f = 0; f < inputs; f++) {
            int row = f * capacity;
            for (int b = 0; b < n; b++) {
                x[row + b] = inputRows[b * inputs + f];
            }
        }
        gathered = n;
    }

    /** Module {@code index}'s input batch of n example-major when {@link #gather} left it so, else null. */
    double[] gatheredRows(int index, int n) {
        return index == 0 && gathered == n && in[0] == x ? inputRows : null;
    }

    /** Copies examples start .. start + n - 1 of a row-major feature matrix [..][inputs] into x. */
    void load(double[] features, int start, int n, int inputs) {
        gathered = -1;
        for (int b = 0; b < n; b++) {
            int row = (start + b) * inputs;
            for (int f = 0; f < inputs; f++) {
                x[f * capacity + b] = features[row + f];
            }
        }
    }
}
