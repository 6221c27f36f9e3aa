package org.weightlab.ui.heatmap;

import java.util.List;
import java.util.Locale;
import org.weightlab.engine.Activation;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.Feature;
import org.weightlab.session.LayerSnapshot;
import org.weightlab.session.TrainingSnapshot;

/**
 * The network's first output along x (x1, with x2 = 0) for 1-D data, from a snapshot's own weights:
 * the model's curve, and for a network without hidden layers its equation. Plain Java (no FX): a
 * forward pass over a few hundred points of a small network takes well under a millisecond.
 */
final class ModelCurve {

    private ModelCurve() {
    }

    /** The output at {@code n >= 2} evenly spaced x from {@code lo} to {@code hi}, into {@code out} (grown if short). */
    static double[] sample(TrainingSnapshot s, double lo, double hi, int n, double[] out) {
        if (out == null || out.length < n) {
            out = new double[n];
        }
        int widest = s.features().size();
        for (LayerSnapshot l : s.layers()) {
            widest = Math.max(widest, l.outputs());
        }
        double[] a = new double[widest];
        double[] z = new double[widest];
        for (int i = 0; i < n; i++) {
            out[i] = output(s.features(), s.layers(), lo + (hi - lo) * i / (n - 1), a, z);
        }
        return out;
    }

    /** The first output at x1 = {@code x}, x2 = 0; {@code a} and {@code z} are scratch of the widest layer. */
    static double output(List<Feature> features, List<LayerSnapshot> layers, double x, double[] a, double[] z) {
        for (int f = 0; f < features.size(); f++) {
            a[f] = features.get(f).apply(x, 0);
        }
        for (LayerSnapshot layer : layers) {
            int in = layer.inputs();
            double[] w = layer.weights();
            for (int o = 0; o < layer.outputs(); o++) {
                double sum = layer.biases()[o];
                for (int i = 0; i < in; i++) {
                    sum += w[o * in + i] * a[i];
                }
                z[o] = sum;
            }
            if (layer.activation() == ActivationKind.SOFTMAX) {
                softmax(z, a, layer.outputs());
            } else {
                for (int o = 0; o < layer.outputs(); o++) {
                    a[o] = Activation.value(layer.activation(), z[o]);
                }
            }
        }
        return a[0];
    }

    private static void softmax(double[] z, double[] a, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, z[i]);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            a[i] = Math.exp(z[i] - max);
            sum += a[i];
        }
        for (int i = 0; i < n; i++) {
            a[i] /= sum;
        }
    }

    /**
     * "y = 1.98·x + 1.01" for a network without hidden layers (one term per feature that depends on
     * x; x2 is 0), wrapped in the output's activation when it is not linear; null for a network
     * with hidden layers.
     */
    static String equation(TrainingSnapshot s) {
        if (s.layers().size() != 1) {
            return null;
        }
        LayerSnapshot out = s.layers().get(0);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < out.inputs(); i++) {
            String term = symbol(s.features().get(i));
            if (term == null) {
                continue; // a feature of x2 alone is 0 on this data
            }
            double w = out.weight(0, i);
            b.append(b.length() == 0 ? number(w) : (w < 0 ? " \u2212 " : " + ") + number(Math.abs(w)))
                    .append('\u00b7').append(term);
        }
        double bias = out.biases()[0];
        b.append(b.length() == 0 ? number(bias) : (bias < 0 ? " \u2212 " : " + ") + number(Math.abs(bias)));
        String sum = b.toString();
        ActivationKind act = out.activation();
        return "y = " + (act == ActivationKind.LINEAR ? sum : act.id() + "(" + sum + ")");
    }

    private static String symbol(Feature f) {
        return switch (f) {
            case X1 -> "x";
            case X1_SQUARED -> "x\u00b2";
            case SIN_X1 -> "sin(x)";
            case X2, X2_SQUARED, X1_TIMES_X2, SIN_X2 -> null;
        };
    }

    private static String number(double v) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "NaN" : v > 0 ? "\u221e" : "\u2212\u221e";
        }
        String s = String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : "%.2f", v);
        return s.startsWith("-") ? "\u2212" + s.substring(1) : s;
    }
}
