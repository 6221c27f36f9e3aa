package org.weightlab.engine;

import org.weightlab.engine.data.DataSplit;
import org.weightlab.engine.data.Dataset;

/** Small seeded data sets for engine tests (the real generators live in engine.data). */
final class TestData {

    private TestData() {
    }

    /** TF Playground's circle: label +1 inside radius 2.5, -1 in the ring 3.5..5. */
    static DataSplit circle(int samples, double trainFraction, long seed) {
        Rng rng = new Rng(seed);
        double[] points = new double[2 * samples];
        double[] labels = new double[samples];
        for (int i = 0; i < samples; i++) {
            boolean inside = i < samples / 2;
            double r = inside ? rng.nextDouble() * 2.5 : 3.5 + rng.nextDouble() * 1.5;
            double angle = rng.nextDouble() * 2 * Math.PI;
            points[2 * i] = r * Math.sin(angle);
            points[2 * i + 1] = r * Math.cos(angle);
            labels[i] = inside ? 1 : -1;
        }
        return split(points, labels, trainFraction, rng);
    }

    /** Three gaussian blobs labelled 0, 1, 2. */
    static DataSplit blobs3(int samples, long seed) {
        Rng rng = new Rng(seed);
        double[] points = new double[2 * samples];
        double[] labels = new double[samples];
        double[][] centres = {{-3, -2}, {3, -2}, {0, 3}};
        for (int i = 0; i < samples; i++) {
            int c = i % 3;
            points[2 * i] = centres[c][0] + rng.nextGaussian();
            points[2 * i + 1] = centres[c][1] + rng.nextGaussian();
            labels[i] = c;
        }
        return split(points, labels, 0.5, rng);
    }

    /** y = 0.5 x1 - 0.3 x2 + noise, for regression. */
    static DataSplit plane(int samples, long seed) {
        Rng rng = new Rng(seed);
        double[] points = new double[2 * samples];
        double[] labels = new double[samples];
        for (int i = 0; i < samples; i++) {
            double x1 = rng.nextDouble() * 12 - 6;
            double x2 = rng.nextDouble() * 12 - 6;
            points[2 * i] = x1;
            points[2 * i + 1] = x2;
            labels[i] = (0.5 * x1 - 0.3 * x2) / 5 + 0.01 * rng.nextGaussian();
        }
        return split(points, labels, 0.5, rng);
    }

    private static DataSplit split(double[] points, double[] labels, double trainFraction, Rng rng) {
        int n = labels.length;
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int nTrain = (int) Math.round(n * trainFraction);
        return new DataSplit(subset(points, labels, idx, 0, nTrain), subset(points, labels, idx, nTrain, n));
    }

    private static Dataset subset(double[] points, double[] labels, int[] idx, int from, int to) {
        double[] p = new double[2 * (to - from)];
        double[] l = new double[to - from];
        for (int k = from; k < to; k++) {
            p[2 * (k - from)] = points[2 * idx[k]];
            p[2 * (k - from) + 1] = points[2 * idx[k] + 1];
            l[k - from] = labels[idx[k]];
        }
        return new Dataset(p, l);
    }
}
