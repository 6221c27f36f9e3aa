package org.weightlab.ui.inspector;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.weightlab.session.FieldSnapshot;
import org.weightlab.session.LayerSnapshot;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.network.EdgeRef;
import org.weightlab.ui.theme.Palette;

/**
 * The selected neuron: its incoming weights and bias as bars, and the distribution of its
 * activation. The distribution is taken over the input-plane grid of the snapshot's
 * {@link FieldSnapshot} (the neuron's output at every grid point), a stand-in for per-example
 * activations, which snapshots do not carry.
 */
final class NeuronPanel extends VBox {

    private final Label title = new Label("Selected neuron");
    private final Label bias = new Label();
    private final IncomingWeightsView weights = new IncomingWeightsView();
    private final HistogramView activation = new HistogramView(false);
    private final Label incoming = new Label("Incoming weights and bias");
    private final Label activationTitle = new Label("Its activation over the input plane");

    NeuronPanel() {
        setId("neuronPanel");
        getStyleClass().add("wl-neuron-panel");
        title.getStyleClass().add("wl-section-title");
        title.setId("neuronTitle");
        bias.getStyleClass().add("wl-neuron-bias");
        bias.setId("neuronBias");
        bias.setWrapText(true);
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        bias.setMinHeight(Region.USE_PREF_SIZE);
        for (Label caption : new Label[] {incoming, activationTitle}) {
            caption.getStyleClass().add(ChartTile.TITLE_STYLE);
            caption.setWrapText(true);
            caption.setMinHeight(Region.USE_PREF_SIZE);
        }
        setSpacing(4);
        getChildren().addAll(title, incoming, weights, bias, activationTitle, activation);
    }

    /** With no neuron selected the panel is one line of help, not an empty frame. */
    private void showDetails(boolean on) {
        for (javafx.scene.Node n : new javafx.scene.Node[] {incoming, weights, bias, activationTitle, activation}) {
            n.setVisible(on);
            n.setManaged(on);
        }
    }

    void setPalette(Palette palette, javafx.scene.text.Font font) {
        weights.setPalette(palette, font);
        activation.setPalette(palette, font);
    }

    void show(TrainingSnapshot s, NeuronRef neuron, EdgeRef edge) {
        if (s == null || neuron == null || neuron.layer() >= s.layers().size()) {
            title.setText("Selected neuron: none. Click a cell, a bias or an edge in the graph.");
            showDetails(false);
            bias.setText("");
            weights.setData(new String[0], new double[0], new boolean[0], -1);
            activation.setValues(new double[0], "select a neuron");
            return;
        }
        showDetails(true);
        int layers = s.layers().size();
        LayerSnapshot layer = s.layers().get(neuron.layer());
        int o = neuron.out();
        int in = layer.inputs();
        title.setText(capitalize(Names.neuron(neuron.layer(), o, layers)) + " (" + layer.activation().id() + ")");
        String[] tags = new String[in + 1];
        double[] values = new double[in + 1];
        boolean[] frozen = new boolean[in + 1];
        for (int i = 0; i < in; i++) {
            tags[i] = Names.inputTag(s, neuron.layer(), i);
            values[i] = layer.weights()[o * in + i];
            frozen[i] = layer.frozenWeights()[o * in + i];
        }
        tags[in] = "bias";
        values[in] = layer.biases()[o];
        frozen[in] = layer.frozenBiases()[o];
        int selected = edge != null && edge.layer() == neuron.layer() && edge.out() == o ? edge.in() : -1;
        weights.setData(tags, values, frozen, selected);
        bias.setText("bias " + ColorLegend.format(layer.biases()[o]) + (frozen[in] ? " (frozen)" : "")
                + "   gradient " + ColorLegend.format(layer.biasGradients()[o]));
        FieldSnapshot field = s.field();
        if (field == null || neuron.layer() + 1 >= field.values().length) {
            activation.setValues(new double[0], "field not computed");
        } else {
            float[] f = field.node(neuron.layer() + 1, o);
            double[] v = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                v[i] = f[i];
            }
            activation.setValues(v, field.grid() + "\u00d7" + field.grid() + " grid");
        }
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
