package org.weightlab.engine.data;

import java.util.Arrays;

/**
 * Per-column standardization of inputs, {@code (x - mean[j]) / std[j]}, with the mean and the
 * standard deviation of the training part. The standard deviation is the population one (divide
 * by n), computed in two passes in row order; a column with no spread keeps std 1 so it maps to 0.
 * A notebook applies the recorded numbers with the same two operations and gets the same bits.
 */
public record Standardization(double[] mean, double[] std) {

    public Standardization {
        mean = mean.clone();
        std = std.clone();
        if (mean.length != std.length) {
            throw new IllegalArgumentException(mean.length + " means for " + std.length + " deviations");
        }
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    /** The mean and standard deviation of each of the {@code dims} columns of {@code rows} (row-major). */
    public static Standardization of(double[] rows, int dims) {
        int n = rows.length / dims;
        double[] mean = new double[dims];
        double[] std = new double[dims];
        for (int j = 0; j < dims; j++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += rows[i * dims + j];
            }
            double m = sum / n;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                double d = rows[i * dims + j] - m;
                squares += d * d;
            }
            double s = Math.sqrt(squares / n);
            mean[j] = m;
            std[j] = s > 0 && Double.isFinite(s) ? s : 1;
        }
        return new Standardization(mean, std);
    }

    /** {@code d} with every column standardized. */
    public Dataset apply(Dataset d) {
        int dims = d.dims();
        double[] p = d.points().clone();
        for (int i = 0; i < p.length; i++) {
            int j = i % dims;
            p[i] = (p[i] - mean[j]) / std[j];
        }
        return new Dataset(p, d.labels(), dims);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Standardization s && Arrays.equals(mean, s.mean) && Arrays.equals(std, s.std);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(mean) * 31 + Arrays.hashCode(std);
    }
}
