package org.weightlab.engine.reference;

import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.OptimizerKind;

/**
 * The optimizers' update rules for one parameter, written as PyTorch documents them
 * ({@code torch.optim}, DESIGN 3), one rule per case and nothing fused or reordered for speed.
 * g is the parameter's gradient (regularization included) and lr the learning rate of this step.
 */
final class ReferenceOptimizer {

    private ReferenceOptimizer() {
    }

    /** Moves {@code p} by one step of the optimizer {@code c}. A frozen parameter does not move, nor does its memory. */
    static void update(OptimizerConfig c, double lr, ReferenceParameter p) {
        if (p.frozen) {
            return;
        }
        double g = p.grad;
        switch (c.kind()) {
            case SGD -> sgd(c, lr, p, g);
            case ADAGRAD -> {
                // s = s + g^2;  p = p - lr g / (sqrt(s) + eps)
                p.sum = p.sum + g * g;
                p.value = p.value - lr * g / (Math.sqrt(p.sum) + c.eps());
            }
            case RMSPROP -> rmsprop(c, lr, p, g);
            case ADAM, ADAMW -> adam(c, lr, p, g);
        }
    }

    /**
     * SGD: without momentum p = p - lr g. With momentum mu: b = g on the first step, then
     * b = mu b + g; the step direction is b, or g + mu b with Nesterov; p = p - lr direction.
     */
    private static void sgd(OptimizerConfig c, double lr, ReferenceParameter p, double g) {
        double mu = c.momentum();
        if (mu == 0) {
            p.value = p.value - lr * g;
            return;
        }
        if (p.hasMomentumBuffer) {
            p.momentumBuffer = mu * p.momentumBuffer + g;
        } else {
            p.momentumBuffer = g;
            p.hasMomentumBuffer = true;
        }
        double direction = c.nesterov() ? g + mu * p.momentumBuffer : p.momentumBuffer;
        p.value = p.value - lr * direction;
    }

    /**
     * RMSprop (not centered): v = alpha v + (1 - alpha) g^2. Without momentum
     * p = p - lr g / (sqrt(v) + eps); with momentum mu, b = mu b + g / (sqrt(v) + eps) and p = p - lr b.
     */
    private static void rmsprop(OptimizerConfig c, double lr, ReferenceParameter p, double g) {
        p.squareAvg = c.alpha() * p.squareAvg + (1 - c.alpha()) * g * g;
        double scaled = g / (Math.sqrt(p.squareAvg) + c.eps());
        if (c.momentum() > 0) {
            p.rmsMomentumBuffer = c.momentum() * p.rmsMomentumBuffer + scaled;
            p.value = p.value - lr * p.rmsMomentumBuffer;
        } else {
            p.value = p.value - lr * scaled;
        }
    }

    /**
     * Adam: t = t + 1; m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2;
     * p = p - lr (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps).
     * AdamW first decays the parameter itself: p = p (1 - lr weightDecay).
     */
    private static void adam(OptimizerConfig c, double lr, ReferenceParameter p, double g) {
        if (c.kind() == OptimizerKind.ADAMW) {
            p.value = p.value * (1 - lr * c.weightDecay());
        }
        p.step = p.step + 1;
        p.expAvg = c.beta1() * p.expAvg + (1 - c.beta1()) * g;
        p.expAvgSq = c.beta2() * p.expAvgSq + (1 - c.beta2()) * g * g;
        double mHat = p.expAvg / (1 - Math.pow(c.beta1(), p.step));
        double vHat = p.expAvgSq / (1 - Math.pow(c.beta2(), p.step));
        p.value = p.value - lr * mHat / (Math.sqrt(vHat) + c.eps());
    }
}
