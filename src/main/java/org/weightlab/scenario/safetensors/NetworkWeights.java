package org.weightlab.scenario.safetensors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.weightlab.engine.Layer;
import org.weightlab.engine.Network;
import org.weightlab.engine.WeightQuantizer;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.LossKind;
import org.weightlab.engine.config.QuantizationSpec;
import org.weightlab.scenario.ConvState;
import org.weightlab.scenario.LayerState;
import org.weightlab.scenario.NetworkState;
import org.weightlab.scenario.NormState;
import org.weightlab.scenario.ScenarioException;

/**
 * A WeightLab network's parameters as PyTorch names them. The network is the
 * {@code nn.Sequential} of {@link PyTorchScript}: each dense layer is an {@code nn.Linear}
 * followed by one activation module (an {@code nn.Identity} for {@code linear}), so layer
 * {@code l} is module {@code 2 l} and its tensors are {@code "2l.weight"} ([out][in], the
 * engine's own layout) and {@code "2l.bias"} ([out]), float64. A batch-normalized layer has an
 * {@code nn.BatchNorm1d} between its Linear and its activation, which shifts the numbers of the
 * modules after it: its tensors are {@code N.weight} (gamma), {@code N.bias} (beta),
 * {@code N.running_mean}, {@code N.running_var} (float64) and {@code N.num_batches_tracked}
 * (int64, a scalar), as PyTorch's state_dict names them. Reading skips such modules (their
 * state stays what the network had).
 *
 * <p>Reading accepts any file whose tensors are named {@code [prefix.]N.weight} and
 * {@code [prefix.]N.bias} with one prefix and increasing N (so a PyTorch model with other
 * modules between its Linear layers loads too), in float64, float32, float16 or bfloat16. A
 * missing bias is zero (PyTorch's {@code bias=False}). Every check runs before anything is
 * built: a file that does not fit gives one message and nothing else.
 *
 * <p>A network with convolutions has them first: {@code Conv2d}, activation, ..., {@code Flatten},
 * then the dense layers numbered on from there (see {@link ConvWeights}).
 */
public final class NetworkWeights {

    /** Metadata keys: what a file needs besides the tensors to rebuild the same network. */
    public static final String FEATURES = "weightlab.features";
    public static final String ACTIVATIONS = "weightlab.activations";
    public static final String LOSS = "weightlab.loss";

    /** Metadata key naming the batch-normalized layers ("true,false,..."), present only when some layer is. */
    public static final String BATCH_NORM = "weightlab.batchNorm";

    private static final Pattern NAME = Pattern.compile("(.*?)(\\d+)\\.(weight|bias)");
    /** The buffers of a BatchNorm1d module; a module holding them is a normalization, not a Linear layer. */
    private static final Pattern NORM_BUFFER = Pattern.compile("(.*?)(\\d+)\\.(running_mean|running_var|num_batches_tracked)");

    private NetworkWeights() {
    }

    // ---- export ----

    /**
     * The file for {@code state}: float64 tensors in layer order, and metadata naming the
     * features, activations and loss so that WeightLab can rebuild the network from the file
     * alone. {@code "format": "pt"} marks PyTorch tensors, as Hugging Face's tools expect. Layers
     * with a LoRA adapter are written merged, W + (alpha / r) B A.
     */
    public static SafetensorsFile export(NetworkState state, List<Feature> features, LossKind loss) {
        return export(state, features, loss, null);
    }

    /**
     * As {@link #export(NetworkState, List, LossKind)}, for a run trained quantized
     * ({@code quantization} not null): each layer's weights are written as the network computes
     * with them, quantized per layer, so that the file gives the run's losses.
     */
    public static SafetensorsFile export(NetworkState state, List<Feature> features, LossKind loss,
                                         QuantizationSpec quantization) {
        WeightQuantizer q = WeightQuantizer.of(quantization);
        if (!state.isFinite()) {
            throw new IllegalArgumentException("the weights are not all finite numbers");
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        Map<String, String> convMeta = new LinkedHashMap<>();
        int module = ConvWeights.put(state.conv(), tensors, convMeta); // Conv2d, activation, ..., Flatten first
        boolean anyNorm = false;
        for (int l = 0; l < state.layers().size(); l++) {
            LayerState layer = state.layers().get(l);
            // A LoRA adapter is exported merged (W + s B A): the same function as a plain Linear.
            // Trained quantized: the weights as the network computes with them, quantized per layer.
            double[] w = layer.effectiveFlatWeights();
            tensors.put(module + ".weight", Tensor.f64(new int[]{layer.outputs(), layer.inputs()},
                    q == null ? w : q.apply(w, new double[w.length])));
            tensors.put(module + ".bias", Tensor.f64(new int[]{layer.outputs()}, layer.biases()));
            module++;
            NormState n = layer.norm();
            if (n != null) { // a BatchNorm1d module between the Linear and the activation
                int[] shape = {layer.outputs()};
                tensors.put(module + ".weight", Tensor.f64(shape, n.gamma()));
                tensors.put(module + ".bias", Tensor.f64(shape, n.beta()));
                tensors.put(module + ".running_mean", Tensor.f64(shape, n.runningMean()));
                tensors.put(module + ".running_var", Tensor.f64(shape, n.runningVar()));
                tensors.put(module + ".num_batches_tracked",
                        new Tensor(Dtype.I64, new int[0], new double[]{n.numBatchesTracked()}));
                module++;
                anyNorm = true;
            }
            module++; // the activation
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", "pt");
        metadata.put(FEATURES, features.stream().map(Feature::id).collect(Collectors.joining(",")));
        metadata.put(ACTIVATIONS, state.layers().stream().map(s -> s.activation().id())
                .collect(Collectors.joining(",")));
        metadata.put(LOSS, loss.id());
        metadata.putAll(convMeta);
        if (anyNorm) {
            metadata.put(BATCH_NORM, state.layers().stream().map(s -> String.valueOf(s.norm() != null))
                    .collect(Collectors.joining(",")));
        }
        return new SafetensorsFile(tensors, metadata);
    }

    // ---- import ----

    /** One dense layer's parameters as found in a file: W flat [out][in], b [out]. */
    public record Found(int inputs, int outputs, double[] weights, double[] biases) {
    }

    /**
     * The dense layers of the file in order, checked: names, ranks, shapes that chain, finite
     * values.
     *
     * @param source names the file in messages
     */
    public static List<Found> layers(SafetensorsFile file, String source) throws ScenarioException {
        String prefix = null;
        TreeMap<Integer, Tensor[]> byIndex = new TreeMap<>(); // module index -> {weight, bias}
        java.util.Set<String> norms = new java.util.HashSet<>(); // "prefix.N" of BatchNorm1d modules, skipped here
        for (String name : file.tensors().keySet()) {
            Matcher m = NORM_BUFFER.matcher(name);
            if (m.matches()) {
                norms.add(m.group(1) + m.group(2));
            }
        }
        for (Map.Entry<String, Tensor> e : file.tensors().entrySet()) {
            Matcher nm = NORM_BUFFER.matcher(e.getKey());
            Matcher m = NAME.matcher(e.getKey());
            if (nm.matches() || (m.matches() && norms.contains(m.group(1) + m.group(2)))) {
                continue;
            }
            if (!m.matches() || (prefix != null && !prefix.equals(m.group(1)))
                    || (!m.group(1).isEmpty() && !m.group(1).endsWith("."))) {
                throw fail(source, "tensor \"" + e.getKey() + "\" is not a Linear layer's weight or bias (expected "
                        + "names like 0.weight, 0.bias, 2.weight, ...)");
            }
            prefix = m.group(1);
            int index;
            try {
                index = Integer.parseInt(m.group(2));
            } catch (NumberFormatException ex) {
                throw fail(source, "tensor \"" + e.getKey() + "\" has a module index out of range");
            }
            byIndex.computeIfAbsent(index, k -> new Tensor[2])[m.group(3).equals("weight") ? 0 : 1] = e.getValue();
        }
        if (byIndex.isEmpty()) {
            throw fail(source, "holds no weights");
        }
        List<Found> found = new ArrayList<>();
        for (Map.Entry<Integer, Tensor[]> e : byIndex.entrySet()) {
            String w = prefix + e.getKey() + ".weight";
            String b = prefix + e.getKey() + ".bias";
            Tensor weight = e.getValue()[0];
            Tensor bias = e.getValue()[1];
            if (weight != null && weight.rank() == 4) {
                continue; // a Conv2d: see ConvWeights
            }
            if (weight == null) {
                throw fail(source, "has " + b + " but no " + w);
            }
            if (weight.rank() != 2 || weight.dim(0) < 1 || weight.dim(1) < 1) {
                throw fail(source, w + " has shape " + weight.shapeText() + "; a Linear weight is [out, in]");
            }
            int out = weight.dim(0);
            int in = weight.dim(1);
            if (bias != null && (bias.rank() != 1 || bias.dim(0) != out)) {
                throw fail(source, b + " has shape " + bias.shapeText() + "; " + w + " " + weight.shapeText()
                        + " needs [" + out + "]");
            }
            if (!found.isEmpty() && found.get(found.size() - 1).outputs() != in) {
                throw fail(source, w + " takes " + in + " inputs but the layer before has "
                        + found.get(found.size() - 1).outputs() + " outputs");
            }
            double[] weights = weight.values();
            double[] biases = bias == null ? new double[out] : bias.values();
            checkFinite(source, w, weights, in);
            checkFinite(source, b, biases, 0);
            found.add(new Found(in, out, weights, biases));
        }
        return found;
    }

    /**
     * {@code current} with its weights and biases replaced by the file's; activations and frozen
     * masks stay. The file must hold exactly as many layers of the same shapes.
     */
    public static NetworkState fit(SafetensorsFile file, NetworkState current, String source)
            throws ScenarioException {
        List<Found> found = layers(file, source);
        List<ConvState> conv = ConvWeights.fitStates(ConvWeights.find(file, source), current.conv(), source);
        List<int[]> shapes = current.layers().stream().map(s -> new int[]{s.outputs(), s.inputs()}).toList();
        checkShapes(found, shapes, source);
        List<LayerState> layers = new ArrayList<>();
        for (int l = 0; l < found.size(); l++) {
            LayerState s = current.layers().get(l);
            Found f = found.get(l);
            layers.add(LayerState.fromFlat(f.inputs(), f.outputs(), f.weights(), f.biases(), s.activation(),
                    s.flatFrozenWeights(), s.frozenBiases()));
        }
        return new NetworkState(layers, conv);
    }

    /**
     * A new network like {@code current} (features, loss, activations, frozen masks) holding the
     * file's weights; {@code current} is not touched.
     */
    public static Network fit(SafetensorsFile file, Network current, String source) throws ScenarioException {
        List<Found> found = layers(file, source);
        List<org.weightlab.engine.ConvLayer> convs = new ArrayList<>();
        for (int c = 0; c < current.convCount(); c++) {
            convs.add(current.conv(c));
        }
        convs = ConvWeights.fit(ConvWeights.find(file, source), convs, source);
        List<int[]> shapes = new ArrayList<>();
        for (int l = 0; l < current.layerCount(); l++) {
            shapes.add(new int[]{current.layer(l).outputs(), current.layer(l).inputs()});
        }
        checkShapes(found, shapes, source);
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l < found.size(); l++) {
            Layer like = current.layer(l);
            Found f = found.get(l);
            layers.add(Layer.of(f.inputs(), f.outputs(), like.activation(), f.weights(), f.biases(),
                    like.frozenWeightsCopy(), like.frozenBiasesCopy()));
        }
        return new Network(current.features(), current.loss(), convs, layers);
    }

    /**
     * A network built from the file alone: its layer shapes from the tensors, its activations
     * from the file's metadata when WeightLab wrote it, else {@code hidden} for every hidden
     * layer and {@code output} for the last. Nothing is frozen.
     */
    public static NetworkState build(SafetensorsFile file, ActivationKind hidden, ActivationKind output,
                                     String source) throws ScenarioException {
        List<Found> found = layers(file, source);
        if (!ConvWeights.find(file, source).isEmpty()) {
            throw fail(source, "holds convolutions; load it into a network of the same shape (File > Import weights)");
        }
        List<ActivationKind> acts = activations(file, found.size(), source);
        List<LayerState> layers = new ArrayList<>();
        for (int l = 0; l < found.size(); l++) {
            Found f = found.get(l);
            boolean last = l == found.size() - 1;
            ActivationKind act = acts != null ? acts.get(l) : last ? output : hidden;
            if (!last && act == ActivationKind.SOFTMAX) {
                throw fail(source, "softmax is for the output layer only (layer " + (l + 1) + ")");
            }
            layers.add(LayerState.fromFlat(f.inputs(), f.outputs(), f.weights(), f.biases(), act,
                    new boolean[f.weights().length], new boolean[f.outputs()]));
        }
        return new NetworkState(layers);
    }

    /** The input features the file's metadata names, or null when it names none. */
    public static List<Feature> features(SafetensorsFile file, String source) throws ScenarioException {
        String text = file.metadata().get(FEATURES);
        if (text == null) {
            return null;
        }
        List<Feature> features = new ArrayList<>();
        if (text.isEmpty()) {
            return features; // data of other than two columns: its columns are the inputs
        }
        for (String id : text.split(",", -1)) {
            try {
                features.add(Feature.fromId(id.strip()));
            } catch (IllegalArgumentException e) {
                throw fail(source, FEATURES + ": " + e.getMessage());
            }
        }
        return features;
    }

    private static List<ActivationKind> activations(SafetensorsFile file, int layers, String source)
            throws ScenarioException {
        String text = file.metadata().get(ACTIVATIONS);
        if (text == null) {
            return null;
        }
        String[] ids = text.split(",", -1);
        if (ids.length != layers) {
            throw fail(source, ACTIVATIONS + " names " + ids.length + " activations for " + layers + " layers");
        }
        List<ActivationKind> acts = new ArrayList<>();
        for (String id : ids) {
            try {
                acts.add(ActivationKind.fromId(id.strip()));
            } catch (IllegalArgumentException e) {
                throw fail(source, ACTIVATIONS + ": " + e.getMessage());
            }
        }
        return acts;
    }

    /** {@code expected} holds {out, in} per layer. */
    private static void checkShapes(List<Found> found, List<int[]> expected, String source) throws ScenarioException {
        if (found.size() != expected.size()) {
            throw fail(source, "holds " + found.size() + " Linear layers; the network has " + expected.size());
        }
        for (int l = 0; l < found.size(); l++) {
            Found f = found.get(l);
            int[] shape = expected.get(l);
            if (f.outputs() != shape[0] || f.inputs() != shape[1]) {
                throw fail(source, "layer " + (l + 1) + " has weights [" + f.outputs() + ", " + f.inputs()
                        + "]; the network's layer " + (l + 1) + " is " + Arrays.toString(shape) + " (out, in)");
            }
        }
    }

    /** Refuses NaN and infinities, naming the first one by its [row, column] ([index] when {@code columns} is 0). */
    private static void checkFinite(String source, String name, double[] values, int columns)
            throws ScenarioException {
        for (int j = 0; j < values.length; j++) {
            if (!Double.isFinite(values[j])) {
                String at = columns == 0 ? "[" + j + "]" : "[" + j / columns + ", " + j % columns + "]";
                throw fail(source, name + " holds " + values[j] + " at " + at + "; weights must be finite numbers");
            }
        }
    }

    private static ScenarioException fail(String source, String problem) {
        return new ScenarioException(source + ": " + problem);
    }
}
