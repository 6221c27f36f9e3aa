package org.weightlab.engine.reference;

/**
 * One number the reference network learns (a weight or a bias), with everything that belongs to it:
 * its gradient summed over the current batch, whether it is frozen, and what each optimizer
 * remembers about it between steps. Like micrograd's {@code Value}: one scalar, one object.
 */
public final class ReferenceParameter {

    /** The parameter itself. */
    double value;
    /** dL/d(value), summed over the examples of the batch, then divided by the batch size. */
    double grad;
    /** A frozen parameter keeps its value and its optimizer memory; its gradient is still computed. */
    final boolean frozen;
    /** Whether l1 / l2 regularization applies: true for weights, false for biases. */
    final boolean decayable;

    // What the optimizers remember (PyTorch's names in torch.optim).
    /** SGD: momentum_buffer, created (equal to the gradient) on the first momentum step. */
    double momentumBuffer;
    boolean hasMomentumBuffer;
    /** AdaGrad: sum of the squared gradients. */
    double sum;
    /** RMSprop: square_avg, and its momentum_buffer. */
    double squareAvg;
    double rmsMomentumBuffer;
    /** Adam / AdamW: exp_avg (m), exp_avg_sq (v), and this parameter's step count t. */
    double expAvg;
    double expAvgSq;
    long step;

    ReferenceParameter(double value, boolean frozen, boolean decayable) {
        this.value = value;
        this.frozen = frozen;
        this.decayable = decayable;
    }

    public double value() {
        return value;
    }

    public double grad() {
        return grad;
    }
}
