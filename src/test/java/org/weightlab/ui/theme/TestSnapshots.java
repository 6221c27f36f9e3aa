package org.weightlab.ui.theme;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.session.FieldSnapshot;
import org.weightlab.session.LayerSnapshot;
import org.weightlab.session.SessionState;
import org.weightlab.session.TrainingSnapshot;

/**
 * Deterministic fake snapshots for view tests and demos: weights from a fixed formula unless
 * given, gradients and updates likewise, and fields computed by running the network forward over
 * the grid (so thumbnails look like a real network's).
 */
public final class TestSnapshots {

    private RunConfig config = RunConfig.defaults();
    private long step;
    private double phase;
    private int grid = 25;
    private boolean fields = true;
    private FieldSnapshot field;
    private final Map<Integer, double[]> weights = new HashMap<>();
    private final Map<Integer, double[]> biases = new HashMap<>();
    private final Map<Integer, double[]> gradients = new HashMap<>();
    private final Map<Integer, double[]> updates = new HashMap<>();
    private final Map<Integer, boolean[]> frozenWeights = new HashMap<>();
    private final Map<Integer, boolean[]> frozenBiases = new HashMap<>();

    public static TestSnapshots of(RunConfig config) {
        TestSnapshots t = new TestSnapshots();
        t.config = config;
        return t;
    }

    /** A config with the given features and hidden sizes (tanh everywhere). */
    public static RunConfig config(List<Feature> features, Integer... hidden) {
        return RunConfig.defaults().withFeatures(features).withHidden(List.of(hidden), List.of());
    }

    public TestSnapshots step(long s) {
        step = s;
        return this;
    }

    /** Shifts the formula weights, so successive frames differ (for demos). */
    public TestSnapshots phase(double p) {
        phase = p;
        return this;
    }

    public TestSnapshots weights(int layer, double... w) {
        weights.put(layer, w);
        return this;
    }

    public TestSnapshots biases(int layer, double... b) {
        biases.put(layer, b);
        return this;
    }

    public TestSnapshots gradients(int layer, double... g) {
        gradients.put(layer, g);
        return this;
    }

    public TestSnapshots updates(int layer, double... u) {
        updates.put(layer, u);
        return this;
    }

    public TestSnapshots frozenWeights(int layer, boolean... f) {
        frozenWeights.put(layer, f);
        return this;
    }

    public TestSnapshots frozenBiases(int layer, boolean... f) {
        frozenBiases.put(layer, f);
        return this;
    }

    public TestSnapshots grid(int g) {
        grid = g;
        return this;
    }

    public TestSnapshots noFields() {
        fields = false;
        return this;
    }

    /** Uses this field instead of the computed one. */
    public TestSnapshots field(FieldSnapshot f) {
        field = f;
        return this;
    }

    public TrainingSnapshot build() {
        List<LayerSnapshot> layers = new ArrayList<>();
        int in = config.features().size();
        int count = config.hidden().size() + 1;
        for (int l = 0; l < count; l++) {
            int out = l < count - 1 ? config.hidden().get(l) : config.outputs();
            ActivationKind act = l < count - 1 ? config.hiddenActivation(l) : config.outputActivation();
            double[] w = weights.getOrDefault(l, formula(l, out * in, 0.9, 1.3));
            double[] b = biases.getOrDefault(l, formula(l + 7, out, 0.3, 0.9));
            double[] g = gradients.getOrDefault(l, formula(l + 3, out * in, 0.02, 2.1));
            double[] u = updates.getOrDefault(l, scaled(g, -0.03));
            double[] bg = formula(l + 5, out, 0.02, 1.7);
            double[] bu = scaled(bg, -0.03);
            boolean[] fw = frozenWeights.getOrDefault(l, new boolean[out * in]);
            boolean[] fb = frozenBiases.getOrDefault(l, new boolean[out]);
            layers.add(new LayerSnapshot(in, out, act, w, b, g, bg, u, bu, fw, fb, null));
            in = out;
        }
        FieldSnapshot f = field != null ? field : fields ? forward(layers) : null;
        return new TrainingSnapshot(step, 1, SessionState.PAUSED, config, config.features(), layers, 0.3, 0.35, 0.8,
                0.75, 0, 0.03, f);
    }

    private double[] formula(int seed, int n, double amplitude, double freq) {
        double[] a = new double[n];
        for (int k = 0; k < n; k++) {
            a[k] = amplitude * Math.sin(freq * k + 0.7 * seed + 0.4 + phase);
        }
        return a;
    }

    private static double[] scaled(double[] a, double s) {
        double[] r = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            r[k] = s * a[k];
        }
        return r;
    }

    /** Runs the network over the grid on [-6, 6]^2: every node's output, in image order. */
    private FieldSnapshot forward(List<LayerSnapshot> layers) {
        double min = -6;
        double max = 6;
        List<Feature> features = config.features();
        float[][][] values = new float[layers.size() + 1][][];
        values[0] = new float[features.size()][grid * grid];
        for (int l = 0; l < layers.size(); l++) {
            values[l + 1] = new float[layers.get(l).outputs()][grid * grid];
        }
        for (int row = 0; row < grid; row++) {
            double x2 = max - row * (max - min) / (grid - 1);
            for (int col = 0; col < grid; col++) {
                double x1 = min + col * (max - min) / (grid - 1);
                int p = row * grid + col;
                double[] a = new double[features.size()];
                for (int i = 0; i < a.length; i++) {
                    a[i] = features.get(i).apply(x1, x2);
                    values[0][i][p] = (float) a[i];
                }
                for (int l = 0; l < layers.size(); l++) {
                    LayerSnapshot ls = layers.get(l);
                    double[] z = new double[ls.outputs()];
                    for (int o = 0; o < z.length; o++) {
                        double s = ls.biases()[o];
                        for (int i = 0; i < ls.inputs(); i++) {
                            s += ls.weights()[o * ls.inputs() + i] * a[i];
                        }
                        z[o] = s;
                    }
                    a = activate(ls.activation(), z);
                    for (int o = 0; o < a.length; o++) {
                        values[l + 1][o][p] = (float) a[o];
                    }
                }
            }
        }
        return new FieldSnapshot(grid, min, max, values);
    }

    private static double[] activate(ActivationKind k, double[] z) {
        double[] a = new double[z.length];
        if (k == ActivationKind.SOFTMAX) {
            double m = Double.NEGATIVE_INFINITY;
            for (double v : z) {
                m = Math.max(m, v);
            }
            double sum = 0;
            for (int i = 0; i < z.length; i++) {
                a[i] = Math.exp(z[i] - m);
                sum += a[i];
            }
            for (int i = 0; i < z.length; i++) {
                a[i] /= sum;
            }
            return a;
        }
        for (int i = 0; i < z.length; i++) {
            double v = z[i];
            a[i] = switch (k) {
                case LINEAR -> v;
                case RELU -> Math.max(0, v);
                case LEAKY_RELU -> v > 0 ? v : 0.01 * v;
                case TANH -> Math.tanh(v);
                case SIGMOID -> 1 / (1 + Math.exp(-v));
                case SOFTMAX -> throw new AssertionError();
            };
        }
        return a;
    }

    /** A field whose every node holds {@code fill(x1, x2)} (for picture tests). */
    public static FieldSnapshot uniformField(int grid, int[] nodesPerLayer, java.util.function.DoubleBinaryOperator fill) {
        float[][][] values = new float[nodesPerLayer.length][][];
        for (int l = 0; l < nodesPerLayer.length; l++) {
            values[l] = new float[nodesPerLayer[l]][grid * grid];
            for (int n = 0; n < nodesPerLayer[l]; n++) {
                for (int row = 0; row < grid; row++) {
                    double x2 = 6 - row * 12.0 / (grid - 1);
                    for (int col = 0; col < grid; col++) {
                        double x1 = -6 + col * 12.0 / (grid - 1);
                        values[l][n][row * grid + col] = (float) fill.applyAsDouble(x1, x2);
                    }
                }
            }
        }
        return new FieldSnapshot(grid, -6, 6, values);
    }
}
