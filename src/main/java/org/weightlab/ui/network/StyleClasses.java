package org.weightlab.ui.network;

import javafx.scene.Node;

/** Switches a style class on a node without touching its list when nothing changes. */
final class StyleClasses {

    private StyleClasses() {
    }

    static void set(Node n, String styleClass, boolean on) {
        boolean has = n.getStyleClass().contains(styleClass);
        if (on && !has) {
            n.getStyleClass().add(styleClass);
        } else if (!on && has) {
            n.getStyleClass().remove(styleClass);
        }
    }
}
