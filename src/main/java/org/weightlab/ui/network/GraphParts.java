package org.weightlab.ui.network;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.weightlab.engine.config.Feature;
import org.weightlab.session.LayerSnapshot;
import org.weightlab.session.TrainingSnapshot;

/** The drawn parts of one topology (active features and layer sizes), built once and then only restyled. */
final class GraphParts {
    /** One per feature, in the feature's order, whether it is on or off. */
    final InputNode[] inputs;
    /** {@code neurons[layer][out]} for every weight layer. */
    final NeuronNode[][] neurons;
    /** {@code edges[layer][out * inputs + in]}. */
    final EdgeNode[][] edges;
    final LayerHeader[] headers;
    final Label inputTitle = new Label("Features");

    /** Builds the parts of {@code s}'s topology (their mouse handling comes from {@link GraphInteraction}). */
    GraphParts(TrainingSnapshot s) {
        if (s.features().isEmpty()) { // N-column data: the inputs are the data's columns
            List<String> names = s.config().inputNames();
            int width = s.layers().get(0).inputs();
            if (width != names.size()) { // convolutions first: the first dense layer reads their flattened maps
                names = java.util.stream.IntStream.range(0, width).mapToObj(i -> "f" + i).toList();
            }
            inputs = new InputNode[names.size()];
            for (int i = 0; i < inputs.length; i++) {
                inputs[i] = new InputNode(i, names.get(i));
            }
        } else {
            inputs = new InputNode[Feature.values().length];
            for (Feature f : Feature.values()) {
                inputs[f.ordinal()] = new InputNode(f);
            }
        }
        int layerCount = s.layers().size();
        neurons = new NeuronNode[layerCount][];
        edges = new EdgeNode[layerCount][];
        headers = new LayerHeader[layerCount];
        for (int l = 0; l < layerCount; l++) {
            LayerSnapshot ls = s.layers().get(l);
            neurons[l] = new NeuronNode[ls.outputs()];
            for (int o = 0; o < ls.outputs(); o++) {
                neurons[l][o] = new NeuronNode(l, o);
            }
            edges[l] = new EdgeNode[ls.outputs() * ls.inputs()];
            for (int o = 0; o < ls.outputs(); o++) {
                for (int i = 0; i < ls.inputs(); i++) {
                    edges[l][o * ls.inputs() + i] = new EdgeNode(new EdgeRef(l, o, i));
                }
            }
            headers[l] = new LayerHeader(l, l == layerCount - 1);
        }
        inputTitle.setId("featuresTitle");
        inputTitle.getStyleClass().add(StyleClasses.HEADER_TITLE_CLASS);
        inputTitle.setTooltip(new Tooltip(s.features().isEmpty() ? "The data's input columns"
                : "Click a feature to switch it on or off"));
    }

    /** What a drawing is built for: the active features and every layer's size; a change rebuilds. */
    static List<Object> topologyOf(TrainingSnapshot s) {
        List<Object> key = new ArrayList<>();
        key.add(s.features());
        key.add(s.features().isEmpty() ? s.config().inputNames() : List.of());
        for (LayerSnapshot l : s.layers()) {
            key.add(l.outputs());
        }
        return key;
    }

    /** The nodes the graph pane places itself, in drawing order (the edges' hit curves are not among them). */
    List<Node> placedNodes() {
        List<Node> nodes = new ArrayList<>();
        for (InputNode in : inputs) {
            nodes.add(in.label);
            nodes.add(in.box);
        }
        for (int l = 0; l < neurons.length; l++) {
            for (NeuronNode n : neurons[l]) {
                nodes.add(n.box);
                nodes.add(n.bias);
            }
            nodes.add(headers[l].box);
        }
        nodes.add(inputTitle);
        return nodes;
    }

    /** The edges' invisible curves, for hovering and clicking. */
    List<Node> edgeHits() {
        List<Node> hits = new ArrayList<>();
        for (EdgeNode[] layer : edges) {
            for (EdgeNode e : layer) {
                hits.add(e.hit);
            }
        }
        return hits;
    }

    /** The drawn edge for {@code r}, or null when this topology has none. */
    EdgeNode edgeOf(EdgeRef r) {
        if (r == null || r.layer() < 0 || r.layer() >= edges.length) {
            return null;
        }
        for (EdgeNode e : edges[r.layer()]) {
            if (e.ref.equals(r)) {
                return e;
            }
        }
        return null;
    }
}
