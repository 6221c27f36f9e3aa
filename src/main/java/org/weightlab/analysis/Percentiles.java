package org.weightlab.analysis;

import java.util.Arrays;

/**
 * Percentiles of large arrays at a bounded cost: at most {@link #MAX_SAMPLE} evenly strided values
 * are copied and sorted, so a 784 x 256 layer costs the same as a 64 x 64 one. Non-finite values
 * are left out (a summary reports them separately).
 */
public final class Percentiles {

    /** The percentiles a summary keeps: TensorBoard's bands (min, +-1.5, +-1, +-0.5 sigma, median, max). */
    public static final double[] LEVELS = {0, 7, 16, 31, 50, 69, 84, 93, 100};

    /** Values sorted at most; beyond this the array is sampled with an even stride. */
    public static final int MAX_SAMPLE = 4096;

    private Percentiles() {
    }

    /**
     * The {@link #LEVELS} percentiles of the finite values of {@code values} (linear interpolation
     * between order statistics), or all NaN when there is no finite value.
     */
    public static double[] of(double[] values) {
        return of(values, LEVELS);
    }

    public static double[] of(double[] values, double[] levels) {
        double[] sorted = sortedSample(values);
        double[] out = new double[levels.length];
        for (int k = 0; k < levels.length; k++) {
            out[k] = at(sorted, levels[k]);
        }
        if (values.length > MAX_SAMPLE && sorted.length > 0) {
            // A sample misses the extremes; one more pass finds them exactly.
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                if (v < lo) {
                    lo = v;
                }
                if (v > hi) {
                    hi = v;
                }
            }
            for (int k = 0; k < levels.length; k++) {
                if (levels[k] == 0 && Double.isFinite(lo)) {
                    out[k] = lo;
                } else if (levels[k] == 100 && Double.isFinite(hi)) {
                    out[k] = hi;
                }
            }
        }
        return out;
    }

    /** A sorted copy of the finite values, sampled down to at most {@link #MAX_SAMPLE}. */
    public static double[] sortedSample(double[] values) {
        int n = values.length;
        int m = Math.min(n, MAX_SAMPLE);
        double[] sample = new double[m];
        int count = 0;
        for (int k = 0; k < m; k++) {
            // k * n / m spreads the picks over the whole array (every row of a [out][in] matrix).
            double v = values[(int) ((long) k * n / m)];
            if (Double.isFinite(v)) {
                sample[count++] = v;
            }
        }
        double[] finite = count == m ? sample : Arrays.copyOf(sample, count);
        Arrays.sort(finite);
        return finite;
    }

    /** Percentile {@code p} (0 to 100) of an ascending array; NaN when it is empty. */
    public static double at(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = p / 100.0 * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double frac = pos - lo;
        return sorted[lo] + frac * (sorted[hi] - sorted[lo]);
    }
}
