package org.weightlab.engine;

/**
 * Everything an optimizer remembers between steps, per parameter, for every optimizer kind at
 * once: switching from Adam to SGD and back resumes Adam's moments (Adam and AdamW share theirs).
 * Buffers are allocated on the first step that needs them. Frozen parameters' entries never move.
 */
public final class OptimizerState {

    /** The state of one parameter array (a layer's weights, or its biases). */
    static final class Slot {
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
