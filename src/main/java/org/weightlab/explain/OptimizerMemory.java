package org.weightlab.explain;

import org.weightlab.engine.OptimizerState;

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

    /** A per-parameter copy of the engine's optimizer state. */
    static OptimizerMemory of(OptimizerState state) {
        int layers = state.layerCount();
        ParameterMemory[][] w = new ParameterMemory[layers][];
        ParameterMemory[][] b = new ParameterMemory[layers][];
        for (int l = 0; l < layers; l++) {
            w[l] = entries(state.weightState(l));
            b[l] = entries(state.biasState(l));
        }
        return new OptimizerMemory(w, b);
    }

    private static ParameterMemory[] entries(OptimizerState.Slot s) {
        ParameterMemory[] out = new ParameterMemory[s.size()];
        for (int j = 0; j < out.length; j++) {
            out[j] = new ParameterMemory(s.hasMomentum(j), s.momentum(j), s.sum(j), s.squareAvg(j),
                    s.rmsMomentum(j), s.expAvg(j), s.expAvgSq(j), s.steps(j));
        }
        return out;
    }

    public ParameterMemory weight(int layer, int j) {
        return weights[layer][j];
    }

    public ParameterMemory bias(int layer, int o) {
        return biases[layer][o];
    }
}
