package org.weightlab.scenario.safetensors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.weightlab.engine.ConvLayer;
import org.weightlab.scenario.ConvState;
import org.weightlab.scenario.ScenarioException;

/**
 * A network's convolutions as PyTorch names them. They are the first modules of the
 * {@code nn.Sequential} of {@link PyTorchScript}: each convolution is an {@code nn.Conv2d}
 * followed by its activation, so convolution c is module {@code 2 c}, with tensors
 * {@code "2c.weight"} [channels, inChannels, k, k] and {@code "2c.bias"} [channels] (float64);
 * then one {@code nn.Flatten} (module {@code 2 C} for C convolutions, no tensors), and the dense
 * layers after it as {@link NetworkWeights} numbers them from module {@code 2 C + 1}. Reading
 * takes every module whose weight has rank 4 as a convolution, in module order.
 */
final class ConvWeights {

    /** Metadata key: "inChannels,height,width" of the image and, per convolution, "channels:kernel:activation". */
    static final String CONV = "weightlab.conv";

    private static final Pattern NAME = Pattern.compile("(.*?)(\\d+)\\.(weight|bias)");

    private ConvWeights() {
    }

    /** Puts the convolutions' tensors; returns the module number of the first dense layer (0 without convolutions). */
    static int put(List<ConvState> conv, Map<String, Tensor> tensors, Map<String, String> metadata) {
        if (conv.isEmpty()) {
            return 0;
        }
        int module = 0;
        for (ConvState c : conv) {
            tensors.put(module + ".weight", Tensor.f64(new int[]{c.channels(), c.channelsIn(), c.kernel(), c.kernel()},
                    c.weights()));
            tensors.put(module + ".bias", Tensor.f64(new int[]{c.channels()}, c.biases()));
            module += 2; // the Conv2d, then its activation
        }
        ConvState first = conv.get(0);
        metadata.put(CONV, first.channelsIn() + "," + first.height() + "," + first.width() + ";"
                + conv.stream().map(c -> c.channels() + ":" + c.kernel() + ":" + c.activation().id())
                .collect(Collectors.joining(";")));
        return module + 1; // the Flatten
    }

    /** One convolution as found in a file: weights [channels][inChannels][k][k], biases [channels]. */
    record Found(int channels, int channelsIn, int kernel, double[] weights, double[] biases) {
    }

    /** The file's convolutions (rank-4 weights) in module order, checked: square kernels, channels that chain, finite values. */
    static List<Found> find(SafetensorsFile file, String source) throws ScenarioException {
        TreeMap<Integer, Tensor[]> byIndex = new TreeMap<>();
        for (Map.Entry<String, Tensor> e : file.tensors().entrySet()) {
            Matcher m = NAME.matcher(e.getKey());
            if (m.matches() && m.group(2).length() < 9) {
                byIndex.computeIfAbsent(Integer.parseInt(m.group(2)), k -> new Tensor[2])
                        [m.group(3).equals("weight") ? 0 : 1] = e.getValue();
            }
        }
        List<Found> found = new ArrayList<>();
        for (Map.Entry<Integer, Tensor[]> e : byIndex.entrySet()) {
            Tensor w = e.getValue()[0];
            if (w == null || w.rank() != 4) {
                continue;
            }
            String name = e.getKey() + ".weight";
            int c = w.dim(0);
            int inC = w.dim(1);
            int k = w.dim(2);
            if (k != w.dim(3) || c < 1 || inC < 1 || k < 1) {
                throw fail(source, name + " has shape " + w.shapeText() + "; a Conv2d weight is [out, in, k, k]");
            }
            if (!found.isEmpty() && found.get(found.size() - 1).channels() != inC) {
                throw fail(source, name + " reads " + inC + " channels but the convolution before gives "
                        + found.get(found.size() - 1).channels());
            }
            Tensor b = e.getValue()[1];
            if (b != null && (b.rank() != 1 || b.dim(0) != c)) {
                throw fail(source, e.getKey() + ".bias has shape " + b.shapeText() + "; it needs [" + c + "]");
            }
            double[] weights = w.values();
            double[] biases = b == null ? new double[c] : b.values();
            for (double v : weights) {
                if (!Double.isFinite(v)) {
                    throw fail(source, name + " holds " + v + "; weights must be finite numbers");
                }
            }
            for (double v : biases) {
                if (!Double.isFinite(v)) {
                    throw fail(source, e.getKey() + ".bias holds " + v + "; weights must be finite numbers");
                }
            }
            found.add(new Found(c, inC, k, weights, biases));
        }
        return found;
    }

    /** The file's convolutions in place of {@code current}'s (shapes must agree; activations and frozen masks stay). */
    static List<ConvLayer> fit(List<Found> found, List<ConvLayer> current, String source) throws ScenarioException {
        if (found.size() != current.size()) {
            throw fail(source, "holds " + found.size() + " convolutions; the network has " + current.size());
        }
        List<ConvLayer> out = new ArrayList<>();
        for (int c = 0; c < found.size(); c++) {
            Found f = found.get(c);
            ConvLayer like = current.get(c);
            if (f.channels() != like.channels() || f.channelsIn() != like.channelsIn() || f.kernel() != like.kernel()) {
                throw fail(source, "convolution " + (c + 1) + " has weights [" + f.channels() + ", " + f.channelsIn()
                        + ", " + f.kernel() + ", " + f.kernel() + "]; the network's is [" + like.channels() + ", "
                        + like.channelsIn() + ", " + like.kernel() + ", " + like.kernel() + "]");
            }
            out.add(ConvLayer.of(like.channelsIn(), like.height(), like.width(), like.channels(), like.kernel(),
                    like.activation(), f.weights(), f.biases(), like.frozenWeightsCopy(), like.frozenBiasesCopy()));
        }
        return out;
    }

    /** As {@link #fit(List, List, String)} for file states. */
    static List<ConvState> fitStates(List<Found> found, List<ConvState> current, String source)
            throws ScenarioException {
        List<ConvLayer> layers = new ArrayList<>();
        for (ConvState s : current) {
            layers.add(ConvLayer.of(s.channelsIn(), s.height(), s.width(), s.channels(), s.kernel(), s.activation(),
                    s.weights(), s.biases(), s.frozenWeights(), s.frozenBiases()));
        }
        List<ConvState> out = new ArrayList<>();
        for (ConvLayer c : fit(found, layers, source)) {
            out.add(new ConvState(c.channelsIn(), c.height(), c.width(), c.channels(), c.kernel(), c.activation(),
                    c.weightsCopy(), c.biasesCopy(), c.frozenWeightsCopy(), c.frozenBiasesCopy()));
        }
        return out;
    }

    private static ScenarioException fail(String source, String problem) {
        return new ScenarioException(source + ": " + problem);
    }
}
