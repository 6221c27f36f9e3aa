package org.weightlab.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.weightlab.engine.BatchNorm;
import org.weightlab.engine.Layer;
import org.weightlab.engine.LoraAdapter;
import org.weightlab.engine.Network;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.RunConfig;

/**
 * The parameters of a whole network, first hidden layer to output layer: a scenario's optional
 * starting point, or a run export's "initial" and "final" (DESIGN 4 and 5). {@code conv} holds the
 * convolutions before the dense layers (empty for most networks).
 */
public record NetworkState(List<LayerState> layers, List<ConvState> conv) {

    /** A network of dense layers only. */
    public NetworkState(List<LayerState> layers) {
        this(layers, List.of());
    }

    public NetworkState {
        if (layers == null || layers.isEmpty()) {
            throw new IllegalArgumentException("a network has at least one layer");
        }
        layers = List.copyOf(layers);
        conv = conv == null ? List.of() : List.copyOf(conv);
        for (int c = 1; c < conv.size(); c++) {
            ConvState prev = conv.get(c - 1);
            ConvState next = conv.get(c);
            if (next.channelsIn() != prev.channels() || next.height() != prev.height() - prev.kernel() + 1
                    || next.width() != prev.width() - prev.kernel() + 1) {
                throw new IllegalArgumentException("convolution " + c + " does not read convolution " + (c - 1)
                        + "'s feature maps");
            }
        }
        if (!conv.isEmpty() && layers.get(0).inputs() != conv.get(conv.size() - 1).outputs()) {
            throw new IllegalArgumentException("the first dense layer takes " + layers.get(0).inputs()
                    + " inputs but the convolutions give " + conv.get(conv.size() - 1).outputs());
        }
        for (int l = 1; l < layers.size(); l++) {
            if (layers.get(l).inputs() != layers.get(l - 1).outputs()) {
                throw new IllegalArgumentException("layer " + (l + 1) + " takes " + layers.get(l).inputs()
                        + " inputs but layer " + l + " has " + layers.get(l - 1).outputs() + " neurons");
            }
        }
    }

    /** A copy of the network's parameters and frozen masks. */
    public static NetworkState of(Network network) {
        List<ConvState> conv = new ArrayList<>();
        for (int c = 0; c < network.convCount(); c++) {
            conv.add(ConvState.of(network.conv(c)));
        }
        List<LayerState> layers = new ArrayList<>();
        for (int l = 0; l < network.layerCount(); l++) {
            Layer layer = network.layer(l);
            LayerState state = LayerState.fromFlat(layer.inputs(), layer.outputs(), layer.weightsCopy(),
                    layer.biasesCopy(), layer.activation(), layer.frozenWeightsCopy(), layer.frozenBiasesCopy());
            LoraAdapter a = layer.adapter();
            if (a != null) {
                state = state.withLora(LoraState.fromFlat(a.rank(), a.alpha(), layer.inputs(), layer.outputs(),
                        a.aCopy(), a.bCopy()));
            }
            BatchNorm bn = layer.norm();
            if (bn != null) {
                state = state.withNorm(new NormState(bn.gammaCopy(), bn.betaCopy(), bn.runningMeanCopy(),
                        bn.runningVarCopy(), bn.batchesTracked(), bn.frozenGammaCopy(), bn.frozenBetaCopy()));
            }
            layers.add(state);
        }
        return new NetworkState(layers, conv);
    }

    /**
     * A new engine network holding these parameters and masks, for {@code config}'s features and
     * loss.
     *
     * @throws IllegalArgumentException if the state does not fit the config or is not finite
     */
    public Network toNetwork(RunConfig config) {
        String problem = shapeProblem(config);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        List<org.weightlab.engine.ConvLayer> convLayers = new ArrayList<>();
        for (ConvState c : conv) {
            convLayers.add(c.toLayer());
        }
        List<Layer> engineLayers = new ArrayList<>();
        for (LayerState s : layers) {
            Layer layer = Layer.of(s.inputs(), s.outputs(), s.activation(), s.flatWeights(), s.biases(),
                    s.flatFrozenWeights(), s.frozenBiases());
            LoraState a = s.lora();
            if (a != null) {
                layer = layer.withAdapter(a.rank(), a.alpha(), a.flatA(), a.flatB());
            }
            NormState n = s.norm();
            if (n != null) {
                layer = layer.withBatchNorm(n.gamma(), n.beta(), n.runningMean(), n.runningVar(),
                        n.numBatchesTracked(), n.frozenGamma(), n.frozenBeta());
            }
            engineLayers.add(layer);
        }
        return new Network(config.features(), config.loss(), convLayers, engineLayers);
    }

    /** True when every weight and bias is a finite number. */
    public boolean isFinite() {
        return layers.stream().allMatch(LayerState::isFinite) && conv.stream().allMatch(ConvState::isFinite);
    }

    /**
     * What keeps this state from fitting {@code config}'s network (features -> hidden -> outputs,
     * with its activations), as {@code "layers[i].field: problem"}; null when it fits.
     */
    public String shapeProblem(RunConfig config) {
        List<Integer> hidden = config.hidden();
        String convProblem = convProblem(config);
        if (convProblem != null) {
            return convProblem;
        }
        if (layers.size() != hidden.size() + 1) {
            return "layers: has " + layers.size() + " layers; the config's network has " + (hidden.size() + 1)
                    + " (" + (hidden.isEmpty() ? "no hidden layers" : "hidden " + hidden) + " and the output layer)";
        }
        for (int l = 0; l < layers.size(); l++) {
            LayerState layer = layers.get(l);
            boolean output = l == hidden.size();
            int in = l == 0 ? config.denseInputs() : hidden.get(l - 1);
            int out = output ? config.outputs() : hidden.get(l);
            ActivationKind act = output ? config.outputActivation() : config.hiddenActivation(l);
            String at = "layers[" + l + "]";
            String name = output ? "the output layer" : "hidden layer " + (l + 1);
            if (layer.outputs() != out) {
                return at + ".weights: has " + layer.outputs() + " rows (neurons); " + name + " of the config has "
                        + out;
            }
            if (layer.inputs() != in) {
                String from = l == 0 ? " (features " + config.features().stream().map(Feature::id)
                        .collect(Collectors.joining(", ")) + ")" : "";
                return at + ".weights: rows have " + layer.inputs() + " entries (inputs); " + name
                        + " of the config takes " + in + from;
            }
            if (layer.activation() != act) {
                return at + ".activation: is " + layer.activation().id() + ", but the config gives " + name + " "
                        + act.id();
            }
        }
        return null;
    }

    private String convProblem(RunConfig config) {
        List<org.weightlab.engine.config.ConvSpec> specs = config.extras().conv();
        if (conv.size() != specs.size()) {
            return "conv: has " + conv.size() + " convolutions; the config's \"conv\" has " + specs.size();
        }
        for (int c = 0; c < conv.size(); c++) {
            ConvState s = conv.get(c);
            if (s.channels() != specs.get(c).channels() || s.kernel() != specs.get(c).kernel()
                    || s.activation() != config.activation()) {
                return "conv[" + c + "]: is " + s.channels() + " kernels of " + s.kernel() + "x" + s.kernel() + " "
                        + s.activation().id() + "; the config has " + specs.get(c).channels() + " of "
                        + specs.get(c).kernel() + "x" + specs.get(c).kernel() + " " + config.activation().id();
            }
        }
        return null;
    }
}
