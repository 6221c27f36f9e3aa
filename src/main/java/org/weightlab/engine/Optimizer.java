package org.weightlab.engine;

import org.weightlab.engine.config.OptimizerConfig;

/**
 * PyTorch's update rules ({@code torch.optim}, documented algorithms, float64), with g the
 * gradient (regularization included) and lr the scheduled learning rate:
 * <ul>
 * <li>SGD: with momentum mu, b = g on the first step, then b = mu b + g (dampening 0);
 *     g' = g + mu b (Nesterov) or b; p = p - lr g'.</li>
 * <li>AdaGrad: s = s + g^2; p = p - lr g / (sqrt(s) + eps) (lr_decay 0, initial accumulator 0).</li>
 * <li>RMSprop: v = alpha v + (1 - alpha) g^2; with momentum b = mu b + g / (sqrt(v) + eps), p = p - lr b;
 *     without, p = p - lr g / (sqrt(v) + eps) (not centered).</li>
 * <li>Adam: t = t + 1; m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2;
 *     p = p - lr (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps).</li>
 * <li>AdamW: p = p (1 - lr weightDecay) first, then the Adam step.</li>
 * </ul>
 * Frozen entries keep their value and their state. The step count t is per parameter, so a
 * parameter that was frozen continues from its own count when it thaws.
 */
public final class Optimizer {

    /** Whether the module jdk.incubator.vector is there (see {@link Activation#VECTOR_TANH}). */
    private static final boolean VECTORS = Activation.VECTOR_TANH;

    private Optimizer() {
    }

    /** True when the optimizer keeps no state (plain SGD): committing then only applies the values. */
    static boolean stateless(OptimizerConfig c) {
        return c.kind() == org.weightlab.engine.config.OptimizerKind.SGD && c.momentum() == 0;
    }

    /**
     * Computes the new value of every entry of {@code p} into {@code next}. With {@code commit}
     * the slot's state advances; without, nothing but {@code next} is written (a preview: the
     * trace, and the divergence check before an update is applied). Both use the same arithmetic.
     * One small method per kind, so that the JIT inlines the one in use into the training step.
     *
     * @return true when every gradient and every new value is finite
     */
    static boolean update(OptimizerConfig c, double lr, OptimizerState.Slot s, double[] p, double[] g,
                          boolean[] frozen, double[] next, boolean commit) {
        return switch (c.kind()) {
            case SGD -> c.momentum() == 0 ? sgd(lr, p, g, frozen, next) : momentum(c, lr, s, p, g, frozen, next, commit);
            case ADAGRAD -> adagrad(c, lr, s, p, g, frozen, next, commit);
            case RMSPROP -> rmsprop(c, lr, s, p, g, frozen, next, commit);
            case ADAM, ADAMW -> adam(c, lr, s, p, g, frozen, next, commit);
        };
    }

    /** Whether v is neither NaN nor infinite, without a branch. */
    private static boolean finite(double v) {
        return Math.abs(v) <= Double.MAX_VALUE;
    }

    /** Plain SGD: p - lr g. */
    private static boolean sgd(double lr, double[] p, double[] g, boolean[] frozen, double[] next) {
        if (VECTORS && p.length >= 2 * VectorSgd.LANES && DenseVectorKernels.ready()) {
            return VectorSgd.sgd(lr, p, g, frozen, next); // the same values, several at a time
        }
        boolean ok = true;
        for (int j = 0; j < p.length; j++) {
            double v = frozen[j] ? p[j] : p[j] - lr * g[j];
            next[j] = v;
            ok &= finite(g[j]) & finite(v);
        }
        return ok;
    }

    private static boolean momentum(OptimizerConfig c, double lr, OptimizerState.Slot s, double[] p, double[] g,
                                    boolean[] frozen, double[] next, boolean commit) {
        int n = p.length;
        double mu = c.momentum();
        if (commit && s.momentum == null) {
            s.momentum = new double[n];
            s.hasMomentum = new boolean[n];
        }
        boolean ok = true;
        for (int j = 0; j < n; j++) {
            ok &= finite(g[j]);
            if (frozen[j]) {
                next[j] = p[j];
                continue;
            }
            double d = g[j];
            boolean has = s.hasMomentum != null && s.hasMomentum[j];
            double buf = has ? mu * s.momentum[j] + d : d;
            if (commit) {
                s.momentum[j] = buf;
                s.hasMomentum[j] = true;
            }
            d = c.nesterov() ? d + mu * buf : buf;
            next[j] = p[j] - lr * d;
            ok &= finite(next[j]);
        }
        return ok;
    }

    private static boolean adagrad(OptimizerConfig c, double lr, OptimizerState.Slot s, double[] p, double[] g,
                                   boolean[] frozen, double[] next, boolean commit) {
        int n = p.length;
        if (commit && s.sum == null) {
            s.sum = new double[n];
        }
        double eps = c.eps();
        boolean ok = true;
        for (int j = 0; j < n; j++) {
            ok &= finite(g[j]);
            if (frozen[j]) {
                next[j] = p[j];
                continue;
            }
            double d = g[j];
            double sum = (s.sum == null ? 0.0 : s.sum[j]) + d * d;
            if (commit) {
                s.sum[j] = sum;
            }
            next[j] = p[j] - lr * (d / (Math.sqrt(sum) + eps));
            ok &= finite(next[j]);
        }
        return ok;
    }

    private static boolean rmsprop(OptimizerConfig c, double lr, OptimizerState.Slot s, double[] p, double[] g,
                                   boolean[] frozen, double[] next, boolean commit) {
        int n = p.length;
        double mu = c.momentum();
        double alpha = c.alpha();
        double eps = c.eps();
        if (commit && s.squareAvg == null) {
            s.squareAvg = new double[n];
        }
        if (commit && mu > 0 && s.rmsMomentum == null) {
            s.rmsMomentum = new double[n];
        }
        boolean ok = true;
        for (int j = 0; j < n; j++) {
            ok &= finite(g[j]);
            if (frozen[j]) {
                next[j] = p[j];
                continue;
            }
            double d = g[j];
            double v = alpha * (s.squareAvg == null ? 0.0 : s.squareAvg[j]) + (1 - alpha) * (d * d);
            double avg = Math.sqrt(v) + eps;
            if (commit) {
                s.squareAvg[j] = v;
            }
            if (mu > 0) {
                double buf = mu * (s.rmsMomentum == null ? 0.0 : s.rmsMomentum[j]) + d / avg;
                if (commit) {
                    s.rmsMomentum[j] = buf;
                }
                next[j] = p[j] - lr * buf;
            } else {
                next[j] = p[j] - lr * (d / avg);
            }
            ok &= finite(next[j]);
        }
        return ok;
    }

    private static boolean adam(OptimizerConfig c, double lr, OptimizerState.Slot s, double[] p, double[] g,
                                boolean[] frozen, double[] next, boolean commit) {
        int n = p.length;
        if (commit && s.expAvg == null) {
            s.expAvg = new double[n];
            s.expAvgSq = new double[n];
            s.steps = new long[n];
        }
        double b1 = c.beta1();
        double b2 = c.beta2();
        double eps = c.eps();
        double decay = c.kind() == org.weightlab.engine.config.OptimizerKind.ADAMW ? 1 - lr * c.weightDecay() : 1.0;
        long cachedT = -1; // bias corrections of the last t seen: t is almost always the same for all
        double c1 = 1;
        double c2 = 1;
        boolean ok = true;
        for (int j = 0; j < n; j++) {
            ok &= finite(g[j]);
            if (frozen[j]) {
                next[j] = p[j];
                continue;
            }
            double d = g[j];
            long t = (s.steps == null ? 0 : s.steps[j]) + 1;
            if (t != cachedT) {
                cachedT = t;
                c1 = 1 - Math.pow(b1, t);
                c2 = 1 - Math.pow(b2, t);
            }
            double m = b1 * (s.expAvg == null ? 0.0 : s.expAvg[j]) + (1 - b1) * d;
            double v = b2 * (s.expAvgSq == null ? 0.0 : s.expAvgSq[j]) + (1 - b2) * (d * d);
            if (commit) {
                s.steps[j] = t;
                s.expAvg[j] = m;
                s.expAvgSq[j] = v;
            }
            double mHat = m / c1;
            double vHat = v / c2;
            double start = decay == 1.0 ? p[j] : p[j] * decay;
            next[j] = start - lr * mHat / (Math.sqrt(vHat) + eps);
            ok &= finite(next[j]);
        }
        return ok;
    }
}
