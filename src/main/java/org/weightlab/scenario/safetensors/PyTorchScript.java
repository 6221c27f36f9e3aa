package org.weightlab.scenario.safetensors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.LossKind;
import org.weightlab.scenario.LayerState;
import org.weightlab.scenario.NetworkState;

/**
 * The generated {@code model.py}: a Python script that rebuilds a network as PyTorch's
 * {@code nn.Sequential} in float64 (module names as {@link NetworkWeights} writes them), loads a
 * .safetensors file, and prints the test loss of a run export, so that a student can check
 * WeightLab's numbers against PyTorch. The script's text lives in {@code model.py.template}
 * beside this class; only the network's shape, features and loss are filled in.
 */
public final class PyTorchScript {

    private static final String TEMPLATE = "model.py.template";

    private PyTorchScript() {
    }

    /** The script for a network of {@code state}'s shape and activations. */
    public static String generate(NetworkState state, List<Feature> features, LossKind loss) {
        String layers = state.layers().stream().map(PyTorchScript::layer)
                .collect(Collectors.joining(", ", "[", "]"));
        String featureList = features.stream().map(f -> "\"" + f.id() + "\"")
                .collect(Collectors.joining(", ", "[", "]"));
        String conv = state.conv().stream().map(c -> "(" + c.channelsIn() + ", " + c.height() + ", " + c.width()
                + ", " + c.channels() + ", " + c.kernel() + ", \"" + c.activation().id() + "\")")
                .collect(Collectors.joining(", ", "[", "]"));
        return template().replace("@LAYERS@", layers).replace("@CONV@", conv).replace("@FEATURES@", featureList)
                .replace("@LOSS@", loss.id());
    }

    private static String layer(LayerState s) {
        return "(" + s.inputs() + ", " + s.outputs() + ", \"" + s.activation().id() + "\", "
                + (s.norm() != null ? "True" : "False") + ")";
    }

    private static String template() {
        try (InputStream in = PyTorchScript.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException(TEMPLATE + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
