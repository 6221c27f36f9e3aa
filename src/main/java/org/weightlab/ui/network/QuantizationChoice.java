package org.weightlab.ui.network;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Tooltip;
import org.weightlab.engine.config.QuantizationSpec;
import org.weightlab.engine.config.RunConfig;

/**
 * The graph bar's choice of the weights the network trains with: full precision, or
 * quantization-aware training at 8, 4, 3 or 2 bits, ternary or binary. A change applies to the
 * run as it is (no new network): from the next step the forward pass, the losses, the field and
 * the graph use each layer's weights quantized.
 */
final class QuantizationChoice {

    /** The choice for full precision; the others are {@link QuantizationSpec#LEVELS}. */
    static final String FULL = "none";

    /** A choice box: a combo box would build its list's virtual flow with the window (see {@link LayerHeader}). */
    final ChoiceBox<String> box = new ChoiceBox<>();
    /** True while {@link #show} sets the value: the listener must not send an edit. */
    private boolean updating;

    QuantizationChoice(Consumer<String> onChoose) {
        List<String> items = new ArrayList<>();
        items.add(FULL);
        items.addAll(QuantizationSpec.LEVELS);
        box.getItems().setAll(items);
        box.setValue(FULL);
        box.setId("quantizationChoice");
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String v) {
                return label(v);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });

        box.setTooltip(new Tooltip("Quantization-aware training: the forward pass computes with each layer's "
                + "weights rounded to a few levels;\nthe optimizer moves full-precision weights behind them "
                + "(the straight-through estimator). Applies to the run as it is."));
        box.valueProperty().addListener((obs, was, now) -> {
            if (!updating && now != null && !now.equals(was)) {
                onChoose.accept(now);
            }
        });
    }

    /** "64-bit weights", "4-bit weights", "ternary weights", "binary weights". */
    static String label(String v) {
        if (v == null || v.equals(FULL)) {
            return "64-bit weights";
        }
        return (v.matches("[0-9]+") ? v + "-bit" : v) + " weights";
    }

    /** {@code c} training with {@code choice} ("none" or a level). */
    static RunConfig apply(RunConfig c, String choice) {
        return c.withExtras(c.extras().withQuantization(FULL.equals(choice) ? null : new QuantizationSpec(choice)));
    }

    /** Shows the config's choice. */
    void show(RunConfig c) {
        String v = c == null || c.extras().quantization() == null ? FULL : c.extras().quantization().bits();
        if (!v.equals(box.getValue())) {
            updating = true;
            try {
                box.setValue(v);
            } finally {
                updating = false;
            }
        }
    }
}
