package org.weightlab.ui.controls;

import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.session.TrainingSession;
import org.weightlab.session.TrainingControl;

/**
 * The one way the panel's sections change the run: builds the next config with RunConfig's own
 * rules and sends it, or shows why it was refused. It holds the config the panel shows, and says
 * what the last change did.
 */
final class PanelEdits {

    private final TrainingControl control;
    /** Shows a config in every section without sending anything (after a change, or a refusal). */
    private final Consumer<RunConfig> reshow;
    private RunConfig config;
    /** True while fields are being set from a config: their listeners must not send commands. */
    private boolean updating;
    private final Label lastChange = new Label();
    /** Why the last change without a field of its own was refused; shown under the model section. */
    private final Label refusal = new Label();
    /** Data changes keep the weights trained so far when the network keeps its shape (else: fresh weights). */
    private final BooleanProperty keepWeights = new SimpleBooleanProperty(this, "keepWeights", true);

    PanelEdits(TrainingControl control, RunConfig initial, Consumer<RunConfig> reshow) {
        this.control = control;
        this.config = initial;
        this.reshow = reshow;
        lastChange.setId("lastChange");
        lastChange.getStyleClass().add("wl-last-change");
        lastChange.setWrapText(true);
        lastChange.setTooltip(new Tooltip("What the last change did."));
        refusal.getStyleClass().add("wl-field-message");
        refusal.setId("modelMessage");
        refusal.setWrapText(true);
        ControlRows.hide(refusal);
    }

    RunConfig config() {
        return config;
    }

    boolean updating() {
        return updating;
    }

    Label lastChange() {
        return lastChange;
    }

    Label refusal() {
        return refusal;
    }

    BooleanProperty keepWeightsProperty() {
        return keepWeights;
    }

    /** Runs {@code r} (which sets fields) so that no listener sends a command. */
    void quietly(Runnable r) {
        updating = true;
        try {
            r.run();
        } finally {
            updating = false;
        }
    }

    /** Shows {@code c} as the current config: {@code show} sets the fields, quietly. */
    void showConfig(RunConfig c, Runnable show) {
        quietly(() -> {
            config = c;
            show.run();
        });
    }

    /** Says what a command sent outside {@link #apply} did. */
    void told(String text) {
        lastChange.setText(text);
    }

    void reinitialize() {
        control.reinitialize();
        told("New initial weights (" + config.init().label() + "): " + Effect.MODEL.text + ".");
    }

    boolean apply(String what, Effect effect, UnaryOperator<RunConfig> edit) {
        return apply(what, effect, null, edit);
    }

    /**
     * Builds the next config with {@code edit} and sends it. A change RunConfig refuses shows its
     * message (next to {@code field}, or under the model section) and the controls go back to the
     * current config; nothing is sent.
     */
    boolean apply(String what, Effect effect, NumberField field, UnaryOperator<RunConfig> edit) {
        RunConfig next;
        try {
            next = edit.apply(config);
        } catch (IllegalArgumentException e) {
            if (field != null) {
                field.showError(ControlRows.capitalize(e.getMessage()));
            } else {
                refusal.setText(ControlRows.capitalize(e.getMessage()));
                ControlRows.show(refusal, true);
                reshow.accept(config);
                ControlRows.show(refusal, true);
            }
            return false;
        }
        RunConfig before = config;
        config = next;
        ControlRows.hide(refusal);
        if (effect == Effect.DATA && keepWeights.get() && RunConfig.sameNetworkShape(before, next)) {
            control.applyConfigKeepingWeights(next);
            lastChange.setText(ControlRows.capitalize(what) + ": " + Effect.KEPT_WEIGHTS_TEXT + ".");
        } else {
            control.applyConfig(next);
            lastChange.setText(ControlRows.capitalize(what) + ": " + effect.text + ".");
        }
        reshow.accept(next); // dependent fields: output choices, batch range, visible parameters
        return true;
    }

    /** Sends a slider's value once it is let go (or moved by a click or a key), never while it is dragged. */
    void onSliderCommit(Slider s, DoubleConsumer commit) {
        s.valueChangingProperty().addListener((o, was, changing) -> {
            if (!changing && !updating) {
                commit.accept(s.getValue());
            }
        });
        s.valueProperty().addListener((o, a, v) -> {
            if (!s.isValueChanging() && !updating) {
                commit.accept(v.doubleValue());
            }
        });
    }
}
