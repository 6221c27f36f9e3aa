package org.weightlab.engine;

import java.util.List;

/**
 * Everything an optimizer remembers between steps, one {@link Slot} per {@link Parameter} of the
 * network (the same for every module kind), for every optimizer kind at once: switching from Adam to SGD and back resumes Adam's moments (Adam and AdamW share theirs).
 * Buffers are allocated on the first step that needs them. Frozen parameters' entries never move.
 *
 * <p>Outside the engine this is read-only: {@link Trainer#optimizerState()} hands out a copy, read
 * through {@link #weightState(int)} and {@link #biasState(int)}.
 */
public final class OptimizerState {

    /**
     * The state of one parameter (a layer's weights, row-major {@code o * inputs + i}, or its
     * biases; entries in the parameter's own order). Read-only outside the engine; an entry the optimizer has not created yet reads 0
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

    /** One slot per parameter of the network, numbered as {@link Network#parameters()}. */
    final Slot[] slots;
    /** Per dense layer, the index of its weight and bias slots (-1 for a module that is not dense). */
    private final int[] weightSlot;
    private final int[] biasSlot;

    OptimizerState(Network net) {
        List<Parameter> params = net.parameters();
        slots = new Slot[params.size()];
        for (int j = 0; j < slots.length; j++) {
            slots[j] = new Slot(params.get(j).size());
        }
        weightSlot = new int[net.layerCount()];
        biasSlot = new int[net.layerCount()];
        for (int l = 0; l < net.layerCount(); l++) {
            weightSlot[l] = net.firstParameter(net.moduleIndex(l));
            biasSlot[l] = net.firstParameter(net.moduleIndex(l)) + 1;
        }
    }

    private OptimizerState(Slot[] slots, int[] weightSlot, int[] biasSlot) {
        this.slots = slots;
        this.weightSlot = weightSlot;
        this.biasSlot = biasSlot;
    }

    /** Number of layers (0 = first hidden layer). */
    public int layerCount() {
        return weightSlot.length;
    }

    /** The state of layer {@code layer}'s weights. */
    public Slot weightState(int layer) {
        return dense(weightSlot, layer);
    }

    /** The state of layer {@code layer}'s biases. */
    public Slot biasState(int layer) {
        return dense(biasSlot, layer);
    }

    /** The state of parameter {@code j}, numbered as {@link Network#parameters()}. */
    public Slot parameterState(int j) {
        if (j < 0 || j >= slots.length) {
            throw new IllegalArgumentException("parameter " + j + " is outside 0.." + (slots.length - 1));
        }
        return slots[j];
    }

    private Slot dense(int[] index, int layer) {
        if (layer < 0 || layer >= index.length) {
            throw new IllegalArgumentException("layer " + layer + " is outside 0.." + (index.length - 1));
        }
        if (index[layer] < 0) {
            throw new IllegalArgumentException("layer " + layer + " is not a dense layer");
        }
        return slots[index[layer]];
    }

    /** A deep copy. */
    public OptimizerState copy() {
        Slot[] s = new Slot[slots.length];
        for (int j = 0; j < s.length; j++) {
            s[j] = slots[j].copy();
        }
        return new OptimizerState(s, weightSlot, biasSlot);
    }

    long byteSize() {
        long total = 64;
        for (Slot s : slots) {
            total += s.bytes() + 32;
        }
        return total;
    }
}
