package org.weightlab.engine.config;

import java.util.Locale;

/**
 * An optimizer and its hyperparameters, with PyTorch's names and defaults. Fields that do not
 * apply to {@link #kind()} are kept (so switching back restores them) but ignored.
 *
 * @param momentum    SGD and RMSprop momentum
 * @param nesterov    SGD Nesterov momentum (needs momentum > 0)
 * @param alpha       RMSprop smoothing constant
 * @param eps         term added to the denominator (AdaGrad's default is 1e-10, the others' 1e-8)
 * @param weightDecay AdamW's decoupled weight decay
 */
public record OptimizerConfig(OptimizerKind kind, double learningRate, double momentum, boolean nesterov,
                              double alpha, double eps, double beta1, double beta2, double weightDecay) {

    /** The one learning-rate range: files, the command line and the window's slider and field. */
    public static final double MIN_LEARNING_RATE = 1e-5;
    public static final double MAX_LEARNING_RATE = 10;

    public OptimizerConfig {
        if (kind == null) {
            throw new IllegalArgumentException("optimizer name is missing");
        }
        check("learningRate", learningRate, MIN_LEARNING_RATE, MAX_LEARNING_RATE);
        check("momentum", momentum, 0, 1);
        check("alpha", alpha, 0, 1);
        check("eps", eps, 0, 1);
        check("beta1", beta1, 0, 1);
        check("beta2", beta2, 0, 1);
        check("weightDecay", weightDecay, 0, 10);
        if (nesterov && momentum <= 0) {
            throw new IllegalArgumentException("nesterov needs momentum > 0");
        }
    }

    private static void check(String name, double v, double lo, double hi) {
        if (!(v >= lo && v <= hi)) {
            throw new IllegalArgumentException(name + " must be between " + plain(lo) + " and " + plain(hi) + ", got "
                    + v);
        }
    }

    /** 0.001 as 0.001, 1e-5 as 1e-05 rather than 1.0E-5, 10 as 10. */
    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.6g", v)
                .replaceAll("\\.?0+(e|$)", "$1");
    }

    /** PyTorch's defaults for {@code kind}, with the given learning rate. */
    public static OptimizerConfig defaults(OptimizerKind kind, double learningRate) {
        double eps = kind == OptimizerKind.ADAGRAD ? 1e-10 : 1e-8;
        double weightDecay = kind == OptimizerKind.ADAMW ? 0.01 : 0.0;
        return new OptimizerConfig(kind, learningRate, 0.0, false, 0.99, eps, 0.9, 0.999, weightDecay);
    }

    public OptimizerConfig withLearningRate(double lr) {
        return new OptimizerConfig(kind, lr, momentum, nesterov, alpha, eps, beta1, beta2, weightDecay);
    }

    public OptimizerConfig withMomentum(double m, boolean nest) {
        return new OptimizerConfig(kind, learningRate, m, nest, alpha, eps, beta1, beta2, weightDecay);
    }

    /** The same hyperparameters under another optimizer; eps and weightDecay take that one's defaults. */
    public OptimizerConfig withKind(OptimizerKind k) {
        OptimizerConfig d = defaults(k, learningRate);
        return new OptimizerConfig(k, learningRate, momentum, nesterov && momentum > 0, alpha, d.eps(), beta1,
                beta2, d.weightDecay());
    }
}
