package org.weightlab.engine.config;

/**
 * A learning-rate schedule over epochs, as PyTorch's StepLR, ExponentialLR and CosineAnnealingLR:
 * step: lr * gamma^floor(epoch / stepSize); exponential: lr * gamma^epoch;
 * cosine: minLr + (lr - minLr) * (1 + cos(pi * epoch / period)) / 2.
 */
public record ScheduleConfig(ScheduleKind kind, int stepSize, double gamma, int period, double minLr) {

    public static final ScheduleConfig CONSTANT = new ScheduleConfig(ScheduleKind.CONSTANT, 10, 0.5, 100, 0.0);

    public ScheduleConfig {
        if (kind == null) {
            throw new IllegalArgumentException("schedule kind is missing");
        }
        if (stepSize < 1) {
            throw new IllegalArgumentException("schedule stepSize must be >= 1, got " + stepSize);
        }
        if (!(gamma > 0 && gamma <= 1)) {
            throw new IllegalArgumentException("schedule gamma must be in (0, 1], got " + gamma);
        }
        if (period < 1) {
            throw new IllegalArgumentException("schedule period must be >= 1, got " + period);
        }
        if (!(minLr >= 0 && Double.isFinite(minLr))) {
            throw new IllegalArgumentException("schedule minLr must be >= 0, got " + minLr);
        }
    }

    /** The learning rate to use during {@code epoch} (0-based) when the base rate is {@code base}. */
    public double rateAt(double base, int epoch) {
        return switch (kind) {
            case CONSTANT -> base;
            case STEP -> base * Math.pow(gamma, Math.floorDiv(epoch, stepSize));
            case EXPONENTIAL -> base * Math.pow(gamma, epoch);
            case COSINE -> minLr + (base - minLr) * (1 + Math.cos(Math.PI * Math.min(epoch, period) / period)) / 2;
        };
    }
}
