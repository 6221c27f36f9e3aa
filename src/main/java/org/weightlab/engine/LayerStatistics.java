package org.weightlab.engine;

import org.weightlab.engine.config.ActivationKind;

/**
 * The statistics a run shows per weight layer: the weights' moments and histogram, the gradient
 * and update norms of the last step, and the dead and saturated units over the training set
 * (a forward pass over all of it, cached until a parameter changes).
 */
final class LayerStatistics {

    private final Network net;
    /** The training features, row-major [n][inputs]. */
    private final double[] trainX;
    private final int trainSize;
    private UnitCounts cachedCounts;
    private long cachedCountsVersion = -1;

    LayerStatistics(Network net, double[] trainX, int trainSize) {
        this.net = net;
        this.trainX = trainX;
        this.trainSize = trainSize;
    }

    /** Statistics of weight layer {@code layer} now; {@code version} changes whenever a parameter does. */
    LayerStats stats(int layer, long version, Workspace ws) {
        Layer l = net.layer(layer);
        double[] w = l.weights;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : w) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = sum / w.length;
        double sq = 0;
        for (double v : w) {
            sq += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(sq / w.length);
        double range = Math.max(Math.abs(min), Math.abs(max));
        if (range == 0) {
            range = 1;
        }
        int[] hist = new int[LayerStatsBins.BINS];
        for (double v : w) {
            int bin = (int) Math.floor((v + range) / (2 * range) * LayerStatsBins.BINS);
            hist[Math.max(0, Math.min(LayerStatsBins.BINS - 1, bin))]++;
        }
        double wNorm = norm(w);
        UnitCounts counts = unitCounts(version, ws);
        return new LayerStats(mean, std, min, max, hist, -range, range, norm(l.weightGradients),
                wNorm == 0 ? 0 : norm(l.weightUpdates) / wNorm, counts.dead[layer], counts.saturated[layer]);
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /** Dead and saturated units of every layer over the training set, cached until something changes. */
    private UnitCounts unitCounts(long version, Workspace ws) {
        if (cachedCounts != null && cachedCountsVersion == version) {
            return cachedCounts;
        }
        int layers = net.layerCount();
        int[][] active = new int[layers][];
        int[][] saturated = new int[layers][];
        for (int l = 0; l < layers; l++) {
            active[l] = new int[net.layer(l).outputs()];
            saturated[l] = new int[net.layer(l).outputs()];
        }
        for (int start = 0; start < trainSize; start += ws.capacity) {
            int n = Math.min(ws.capacity, trainSize - start);
            ws.load(trainX, start, n, net.inputs());
            net.forward(ws, n, 0, null);
            for (int l = 0; l < layers; l++) {
                Layer layer = net.layer(l);
                int out = layer.outputs();
                ActivationKind kind = layer.activation();
                for (int b = 0; b < n; b++) {
                    for (int o = 0; o < out; o++) {
                        double z = ws.z[net.moduleIndex(l)][o * ws.capacity + b];
                        double a = ws.a[net.moduleIndex(l)][o * ws.capacity + b];
                        if (z > 0) {
                            active[l][o]++;
                        }
                        if ((kind == ActivationKind.TANH && Math.abs(a) > LayerStatsBins.SATURATED_TANH)
                                || (kind == ActivationKind.SIGMOID
                                && (a < 1 - LayerStatsBins.SATURATED_SIGMOID || a > LayerStatsBins.SATURATED_SIGMOID))) {
                            saturated[l][o]++;
                        }
                    }
                }
            }
        }
        int[] dead = new int[layers];
        int[] sat = new int[layers];
        for (int l = 0; l < layers; l++) {
            ActivationKind kind = net.layer(l).activation();
            boolean reluFamily = kind == ActivationKind.RELU || kind == ActivationKind.LEAKY_RELU;
            for (int o = 0; o < active[l].length; o++) {
                if (reluFamily && active[l][o] == 0) {
                    dead[l]++;
                }
                if (2 * saturated[l][o] > trainSize) {
                    sat[l]++;
                }
            }
        }
        cachedCounts = new UnitCounts(dead, sat);
        cachedCountsVersion = version;
        return cachedCounts;
    }

    private record UnitCounts(int[] dead, int[] saturated) {
    }
}
