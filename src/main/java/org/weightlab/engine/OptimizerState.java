package org.weightlab.engine;

/**
 * Everything an optimizer remembers between steps, per parameter, for every optimizer kind at
 * once: switching from Adam to SGD and back resumes Adam's moments (Adam and AdamW share theirs).
 * Buffers are allocated on the first step that needs them. Frozen parameters' entries never move.
 *
 * <p>Outside the engine this is read-only: {@link Trainer#optimizerState()} hands out a copy, read
 * through {@link #weightState(int)} and {@link #biasState(int)}.
 */
public final class OptimizerState {

    /**
     * The state of one parameter array (a layer's weights, row-major {@code o * inputs + i}, or its
     * biases). Read-only outside the engine; an entry the optimizer has not created yet reads 0
     * (PyTorch's initial value).
     */
    public static final class Slot {
        final int size;
        /** SGD momentum buffer; {@code hasMomentum[j]} is false until PyTorch would have created it. */
        double[] momentum;
        boolean[] hasMomentum;
        /** AdaGrad: running sum of squared gradients. */
        double[] sum;
        /** RMSprop: running average of squared gradients, and its momentum buffer. */
        double[] squareAvg;
        double[] rmsMomentum;
        /** Adam / AdamW: first and second moments and the per-parameter step count t. */
        double[] expAvg;
        double[] expAvgSq;
        long[] steps;

        Slot(int size) {
            this.size = size;
        }

        /** Number of parameters in this array. */
        public int size() {
            return size;
        }

        /** SGD: whether parameter j has a momentum buffer yet (false until its first momentum step). */
        public boolean hasMomentum(int j) {
            return hasMomentum != null && hasMomentum[check(j)];
        }

        /** SGD: momentum buffer b of parameter j. */
        public double momentum(int j) {
            return at(momentum, j);
        }

        /** AdaGrad: running sum of squared gradients s of parameter j. */
        public double sum(int j) {
            return at(sum, j);
        }

        /** RMSprop: running average of squared gradients v of parameter j. */
        public double squareAvg(int j) {
            return at(squareAvg, j);
        }

        /** RMSprop: momentum buffer of parameter j. */
        public double rmsMomentum(int j) {
            return at(rmsMomentum, j);
        }

        /** Adam / AdamW: first moment m of parameter j. */
        public double expAvg(int j) {
            return at(expAvg, j);
        }

        /** Adam / AdamW: second moment v of parameter j. */
        public double expAvgSq(int j) {
            return at(expAvgSq, j);
        }

        /** Adam / AdamW: the step count t of parameter j (its own: frozen steps do not count). */
        public long steps(int j) {
            return steps == null ? 0 : steps[check(j)];
        }

        private double at(double[] a, int j) {
            return a == null ? 0.0 : a[check(j)];
        }

        private int check(int j) {
            if (j < 0 || j >= size) {
                throw new IllegalArgumentException("parameter " + j + " is outside 0.." + (size - 1));
            }
            return j;
        }

        Slot copy() {
            Slot s = new Slot(size);
            s.momentum = clone(momentum);
            s.hasMomentum = hasMomentum == null ? null : hasMomentum.clone();
            s.sum = clone(sum);
            s.squareAvg = clone(squareAvg);
            s.rmsMomentum = clone(rmsMomentum);
            s.expAvg = clone(expAvg);
            s.expAvgSq = clone(expAvgSq);
            s.steps = steps == null ? null : steps.clone();
            return s;
        }

        long bytes() {
            long b = 0;
            b += momentum == null ? 0 : 8L * size + size;
            b += sum == null ? 0 : 8L * size;
            b += squareAvg == null ? 0 : 8L * size;
            b += rmsMomentum == null ? 0 : 8L * size;
            b += expAvg == null ? 0 : 24L * size;
            return b;
        }

        private static double[] clone(double[] a) {
            return a == null ? null : a.clone();
        }
    }

    final Slot[] weights;
    final Slot[] biases;

    OptimizerState(Network net) {
        weights = new Slot[net.layerCount()];
        biases = new Slot[net.layerCount()];
        for (int l = 0; l < net.layerCount(); l++) {
            weights[l] = new Slot(net.layer(l).weights.length);
            biases[l] = new Slot(net.layer(l).biases.length);
        }
    }

    private OptimizerState(Slot[] w, Slot[] b) {
        weights = w;
        biases = b;
    }

    /** Number of layers (0 = first hidden layer). */
    public int layerCount() {
        return weights.length;
    }

    /** The state of layer {@code layer}'s weights. */
    public Slot weightState(int layer) {
        return weights[checkLayer(layer)];
    }

    /** The state of layer {@code layer}'s biases. */
    public Slot biasState(int layer) {
        return biases[checkLayer(layer)];
    }

    private int checkLayer(int layer) {
        if (layer < 0 || layer >= weights.length) {
            throw new IllegalArgumentException("layer " + layer + " is outside 0.." + (weights.length - 1));
        }
        return layer;
    }

    /** A deep copy. */
    public OptimizerState copy() {
        Slot[] w = new Slot[weights.length];
        Slot[] b = new Slot[biases.length];
        for (int l = 0; l < w.length; l++) {
            w[l] = weights[l].copy();
            b[l] = biases[l].copy();
        }
        return new OptimizerState(w, b);
    }

    long byteSize() {
        long total = 64;
        for (int l = 0; l < weights.length; l++) {
            total += weights[l].bytes() + biases[l].bytes() + 64;
        }
        return total;
    }
}
