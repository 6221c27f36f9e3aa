package org.weightlab.ui.fx;

import javafx.scene.Node;

/**
 * Views that move a selection with the arrow keys while they have the focus (a gallery of
 * pictures) say so here; the window's keys then leave plain arrows to them instead of stepping
 * the run.
 */
public final class ArrowKeys {

    private static final Object KEY = ArrowKeys.class;

    private ArrowKeys() {
    }

    /** Marks {@code node} as using the plain arrow keys while it has the focus. */
    public static void claim(Node node) {
        node.getProperties().put(KEY, Boolean.TRUE);
    }

    /** True when {@code target} (a key event's target) uses the plain arrow keys itself. */
    public static boolean claimedBy(Object target) {
        return target instanceof Node n && n.getProperties().get(KEY) == Boolean.TRUE;
    }
}
