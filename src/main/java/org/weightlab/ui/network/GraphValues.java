package org.weightlab.ui.network;

import org.weightlab.session.LayerSnapshot;
import org.weightlab.session.TrainingSnapshot;

/** What the graph reads out of a snapshot: the values an edge mode shows, and what is frozen. */
final class GraphValues {

    private GraphValues() {
    }

    static double[] weightValues(LayerSnapshot ls, EdgeMode mode) {
        return switch (mode) {
            case WEIGHT -> ls.effectiveWeights(); // what the layer computes with (quantized, adapted)
            case GRADIENT -> ls.weightGradients();
            case UPDATE -> ls.weightUpdates();
        };
    }

    static double[] biasValues(LayerSnapshot ls, EdgeMode mode) {
        return switch (mode) {
            case WEIGHT -> ls.biases();
            case GRADIENT -> ls.biasGradients();
            case UPDATE -> ls.biasUpdates();
        };
    }

    /** Largest finite |value| the mode shows anywhere in the snapshot (weights and biases). */
    static double maxAbs(TrainingSnapshot s, EdgeMode mode) {
        double m = 0;
        for (LayerSnapshot ls : s.layers()) {
            m = Math.max(m, maxAbs(weightValues(ls, mode)));
            m = Math.max(m, maxAbs(biasValues(ls, mode)));
        }
        return m;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        if (a != null) {
            for (double v : a) {
                double x = Math.abs(v);
                if (x > m && x != Double.POSITIVE_INFINITY) {
                    m = x;
                }
            }
        }
        return m;
    }

    /** A neuron is frozen when its bias and every incoming weight are. */
    static boolean neuronFrozen(LayerSnapshot ls, int o) {
        if (ls.frozenBiases() == null || !ls.frozenBiases()[o] || ls.frozenWeights() == null) {
            return false;
        }
        for (int i = 0; i < ls.inputs(); i++) {
            if (!ls.frozenWeights()[o * ls.inputs() + i]) {
                return false;
            }
        }
        return true;
    }

    static boolean layerFrozen(LayerSnapshot ls) {
        for (int o = 0; o < ls.outputs(); o++) {
            if (!neuronFrozen(ls, o)) {
                return false;
            }
        }
        return true;
    }
}
