package org.weightlab.ui.network;

import javafx.scene.Node;

/**
 * The graph's style-class names (its stylesheet, network.css, styles them; NetworkGraphView
 * publishes them for outside lookups), and a switch for one of them on a node.
 */
final class StyleClasses {
    static final String INPUT_CLASS = "wl-input";
    static final String INPUT_OFF_CLASS = "wl-input-off";
    static final String INPUT_LABEL_CLASS = "wl-input-label";
    static final String NEURON_CLASS = "wl-neuron";
    static final String NEURON_FRAME_CLASS = "wl-neuron-frame";
    static final String FROZEN_CLASS = "wl-frozen";
    static final String LOCK_CLASS = "wl-lock";
    /** The "LoRA" mark of an adapted layer's header. */
    static final String LORA_CLASS = "wl-lora-mark";
    static final String BIAS_CLASS = "wl-bias";
    static final String EDGE_CLASS = "wl-edge";
    static final String HEADER_CLASS = "wl-layer-header";
    static final String HEADER_TITLE_CLASS = "wl-layer-title";
    static final String NORM_BADGE_CLASS = "wl-norm-badge";
    static final String LOCK_ICON = "mdi2l-lock";

    private StyleClasses() {
    }

    /** Switches {@code styleClass} on or off without touching the list when nothing changes. */
    static void set(Node n, String styleClass, boolean on) {
        boolean has = n.getStyleClass().contains(styleClass);
        if (on && !has) {
            n.getStyleClass().add(styleClass);
        } else if (!on && has) {
            n.getStyleClass().remove(styleClass);
        }
    }
}
