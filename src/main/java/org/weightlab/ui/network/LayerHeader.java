package org.weightlab.ui.network;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.ConfigEdits;
import org.weightlab.engine.config.LoraSpec;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.session.LayerSnapshot;

/** The head of one layer's column: its title and lock, its neuron count with - and +, its activation. */
final class LayerHeader {
    final int layer;
    final boolean output;
    final VBox box = new VBox(2);
    final Label title = new Label();
    final FontIcon lock = new FontIcon(StyleClasses.LOCK_ICON);
    /** "BN" beside the title when the layer is batch-normalized. */
    final Label norm = new Label("BN");
    /** "LoRA" beside the title of a layer with an adapter; its tooltip gives rank and alpha. */
    final Label lora = new Label("LoRA");
    private final Tooltip loraTip = new Tooltip();
    final Label count = new Label();
    final Button minus = new Button("\u2212");
    final Button plus = new Button("+");
    /**
     * A choice box, not a combo box: a combo box's skin builds its list (a virtual flow with two
     * scroll bars, some thirty nodes) with the window, one per layer; a choice box makes its menu
     * when opened.
     */
    final ChoiceBox<ActivationKind> activation = new ChoiceBox<>();
    /** Room for everything: "4 neurons", - and +, the activation menu. */
    static final int FULL = 0;
    /** Narrow columns: the count says "4" instead of "4 neurons". */
    static final int COMPACT = 1;
    /**
     * Very narrow columns (many layers, a small screen): a short title ("L3") and the count, the
     * buttons and the menu left out (the tooltip says so); a wider window brings them back.
     */
    static final int TINY = 2;

    private int neurons;
    private int mode = FULL;
    private final HBox countRow;
    private final HBox titleRow;
    /** True while {@link #show} sets the controls: their listeners must not send edits. */
    private boolean updating;
    private final Tooltip titleTip = new Tooltip();

    LayerHeader(int layer, boolean output) {
        this.layer = layer;
        this.output = output;
        box.getStyleClass().add(StyleClasses.HEADER_CLASS);
        box.setId("header-" + layer);
        box.setAlignment(Pos.TOP_CENTER);
        title.setText(output ? "Output" : "Layer " + (layer + 1));
        title.getStyleClass().add(StyleClasses.HEADER_TITLE_CLASS);
        lock.getStyleClass().add(StyleClasses.LOCK_CLASS);
        lock.setVisible(false);
        lock.setManaged(false);
        norm.getStyleClass().add(StyleClasses.NORM_BADGE_CLASS);
        norm.setId("batchNorm-" + layer);
        norm.setMinWidth(Region.USE_PREF_SIZE);
        norm.setTooltip(new Tooltip("Batch normalization: each neuron's z is normalized over the batch"
                + " (running averages when evaluating), then scaled by gamma and shifted by beta, before the activation"));
        norm.setVisible(false);
        norm.setManaged(false);
        lora.getStyleClass().add(StyleClasses.LORA_CLASS);
        lora.setId("lora-" + layer);
        lora.setTooltip(loraTip);
        lora.setVisible(false);
        lora.setManaged(false);
        titleRow = new HBox(4, title, norm, lock, lora);
        titleRow.setAlignment(Pos.CENTER);
        box.getChildren().add(titleRow);
        if (!output) {
            minus.setId("removeNeuron-" + layer);
            plus.setId("addNeuron-" + layer);
            minus.getStyleClass().addAll("wl-small-button");
            plus.getStyleClass().addAll("wl-small-button");
            count.getStyleClass().add("wl-neuron-count");
            count.setMinWidth(Region.USE_PREF_SIZE);
            count.setTooltip(new Tooltip("Neurons in this layer"));
            countRow = new HBox(3, minus, count, plus);
            countRow.setAlignment(Pos.CENTER);
            box.getChildren().add(countRow);
        } else {
            countRow = null;
        }
        activation.setId(output ? "outputActivation" : "activation-" + layer);
        activation.getItems().setAll(output ? List.of(ActivationKind.values()) : ConfigEdits.hiddenChoices());
        activation.setConverter(new StringConverter<>() {
            @Override
            public String toString(ActivationKind a) {
                return a == null ? "" : a.id();
            }

            @Override
            public ActivationKind fromString(String s) {
                return ActivationKind.fromId(s);
            }
        });
        activation.setTooltip(new Tooltip(output ? "Output activation (the loss follows)" : "Activation"));
        activation.setMaxWidth(Double.MAX_VALUE);
        box.getChildren().add(activation);
        Tooltip.install(title, titleTip);
        showFrozen(false);
    }

    /** True while the controls are being set from a snapshot. */
    boolean updating() {
        return updating;
    }

    /** Shows the layer's size and activation, and the activations its config allows. */
    void show(LayerSnapshot ls, RunConfig c) {
        updating = true;
        try {
            if (output) {
                List<ActivationKind> choices = ConfigEdits.outputChoices(c);
                if (!activation.getItems().equals(choices)) {
                    activation.getItems().setAll(choices);
                }
            } else {
                neurons = ls.outputs();
                count.setText(countText());
                minus.setDisable(ls.outputs() <= 1);
                plus.setDisable(ls.outputs() >= RunConfig.MAX_NEURONS);
            }
            boolean normalized = ls.norm() != null;
            norm.setVisible(normalized);
            norm.setManaged(normalized);
            if (activation.getValue() != ls.activation()) {
                activation.setValue(ls.activation());
            }
            activation.setDisable(activation.getItems().size() < 2);
            LoraSpec spec = c == null ? null : c.loraOf(layer);
            lora.setVisible(spec != null);
            lora.setManaged(spec != null);
            if (spec != null) {
                loraTip.setText("LoRA adapter, rank " + spec.rank() + ", alpha " + spec.alpha()
                        + ": the layer computes with W' = W + (alpha/r)\u00b7B\u00b7A; W and the biases are frozen, "
                        + "only A and B learn");
            }
        } finally {
            updating = false;
        }
    }

    /** Fits the header to its column: {@link #FULL}, {@link #COMPACT} or {@link #TINY}. */
    void setMode(int mode) {
        this.mode = mode;
        boolean tiny = mode == TINY;
        count.setText(countText());
        title.setText(output ? (tiny ? "Out" : "Output") : (tiny ? "L" : "Layer ") + (layer + 1));
        for (javafx.scene.Node n : new javafx.scene.Node[] {minus, plus, activation}) {
            n.setVisible(!tiny);
            n.setManaged(!tiny);
        }
        // Too narrow for "L3 BN" on one line: the badge gets a line of its own under the count.
        javafx.scene.layout.Pane home = tiny ? box : titleRow;
        if (norm.getParent() != home) {
            ((javafx.scene.layout.Pane) norm.getParent()).getChildren().remove(norm);
            if (tiny) {
                box.getChildren().add(box.getChildren().indexOf(activation), norm);
            } else {
                titleRow.getChildren().add(1, norm);
            }
        }
        box.setMinWidth(0);
        title.setMinWidth(Region.USE_PREF_SIZE);
    }

    /** The current fit: {@link #FULL}, {@link #COMPACT} or {@link #TINY}. */
    int mode() {
        return mode;
    }

    /** Shows the lock when every neuron of the layer is frozen; the tooltip offers the opposite. */
    void showFrozen(boolean frozen) {
        lock.setVisible(frozen);
        lock.setManaged(frozen);
        titleTip.setText("Alt+click or right-click to " + (frozen ? "unfreeze" : "freeze") + " the whole layer");
    }

    /** The title's tooltip text. */
    String titleTip() {
        return titleTip.getText();
    }

    /** "4 neurons", or just "4" when the columns are narrow. */
    private String countText() {
        return mode != FULL ? Integer.toString(neurons) : neurons + (neurons == 1 ? " neuron" : " neurons");
    }
}
