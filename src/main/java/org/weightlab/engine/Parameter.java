package org.weightlab.engine;

import java.util.Arrays;

/**
 * One named parameter tensor of a module (a dense layer's "weight" [out][in] or "bias" [out]; later
 * a LoRA adapter's "A" and "B", a batch norm's "gamma" and "beta"), flat and row-major, with every
 * buffer the training loop and the views read beside its values. The optimizer, the regularizer,
 * the finiteness check and freezing handle every parameter of every module kind the same way,
 * through {@link Network#parameters()}; the optimizer's memory of a parameter lives in the
 * {@link OptimizerState} slot of the same index.
 */
public final class Parameter {

    private final String name;
    private final int[] shape;
    /** Whether the l1 / l2 regularization applies to it (weights: yes; biases: no, as in DESIGN 3). */
    private final boolean decayable;
    /** The values the network computes with. */
    final double[] values;
    /** dL/dp of the last step: batch mean of the data-loss gradient plus the regularization term. */
    final double[] grads;
    /** True where an entry may not move. */
    final boolean[] frozen;
    /** What the last step added to each entry (0 where frozen). */
    final double[] updates;

    Parameter(String name, boolean decayable, int... shape) {
        int size = 1;
        for (int d : shape) {
            size *= d;
        }
        this.name = name;
        this.shape = shape.clone();
        this.decayable = decayable;
        values = new double[size];
        grads = new double[size];
        frozen = new boolean[size];
        updates = new double[size];
    }

    /** A deep copy: values, gradients, frozen mask and updates. */
    Parameter copy() {
        Parameter p = new Parameter(name, decayable, shape);
        copyInto(p);
        return p;
    }

    void copyInto(Parameter p) {
        System.arraycopy(values, 0, p.values, 0, values.length);
        System.arraycopy(grads, 0, p.grads, 0, grads.length);
        System.arraycopy(frozen, 0, p.frozen, 0, frozen.length);
        System.arraycopy(updates, 0, p.updates, 0, updates.length);
    }

    /** Moves the values to {@code next}, keeping what moved them and the step's gradients {@code g}. */
    void apply(double[] next, double[] g) {
        if (Activation.VECTOR_TANH && values.length >= 2 * VectorSgd.LANES && DenseVectorKernels.ready()) {
            VectorSgd.apply(values, next, g, updates, grads); // the same values, several at a time
            return;
        }
        for (int j = 0; j < values.length; j++) {
            updates[j] = next[j] - values[j];
            values[j] = next[j];
            grads[j] = g[j];
        }
    }

    public String name() {
        return name;
    }

    /** The dimensions, outermost first ([out, in] for a dense weight). */
    public int[] shape() {
        return shape.clone();
    }

    public int size() {
        return values.length;
    }

    public boolean decayable() {
        return decayable;
    }

    public double[] valuesCopy() {
        return values.clone();
    }

    public double[] gradsCopy() {
        return grads.clone();
    }

    public boolean[] frozenCopy() {
        return frozen.clone();
    }

    public double[] updatesCopy() {
        return updates.clone();
    }

    boolean sameShape(Parameter o) {
        return name.equals(o.name) && decayable == o.decayable && Arrays.equals(shape, o.shape);
    }

    /** Approximate bytes held by the four buffers (three array headers), for budgeting checkpoints. */
    long bytes() {
        return 3 * 8L * values.length + frozen.length + 3 * 16;
    }
}
