package org.weightlab.session.stepper;

/**
 * The optimizer's state for every parameter of a network, copied before a step. {@code weights[l][j]}
 * is weight j (row-major {@code o * inputs + i}) of layer l; {@code biases[l][o]} its biases.
 */
public final class OptimizerMemory {

    private final ParameterMemory[][] weights;
    private final ParameterMemory[][] biases;

    OptimizerMemory(ParameterMemory[][] weights, ParameterMemory[][] biases) {
        this.weights = weights;
        this.biases = biases;
    }

    /** A network whose optimizer has not stepped yet: every entry {@link ParameterMemory#FRESH}. */
    static OptimizerMemory fresh(int[] weightCounts, int[] biasCounts) {
        ParameterMemory[][] w = new ParameterMemory[weightCounts.length][];
        ParameterMemory[][] b = new ParameterMemory[biasCounts.length][];
        for (int l = 0; l < w.length; l++) {
            w[l] = filled(weightCounts[l]);
            b[l] = filled(biasCounts[l]);
        }
        return new OptimizerMemory(w, b);
    }

    private static ParameterMemory[] filled(int n) {
        ParameterMemory[] a = new ParameterMemory[n];
        java.util.Arrays.fill(a, ParameterMemory.FRESH);
        return a;
    }

    public ParameterMemory weight(int layer, int j) {
        return weights[layer][j];
    }

    public ParameterMemory bias(int layer, int o) {
        return biases[layer][o];
    }
}
