package org.weightlab.ui.network;

import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.weightlab.session.LayerSnapshot;
import org.weightlab.session.TrainingControl;
import org.weightlab.session.TrainingSnapshot;

/**
 * Freezing in image mode, with the graph's gestures: Alt+click (or Ctrl+click) on a first-layer
 * neuron's picture or on a neuron of a deeper column freezes or unfreezes that neuron (its weights
 * and bias), on a layer's title the whole layer; the context menu offers the neuron, its bias and
 * its layer. The commands go to the session; the frozen marks follow the next snapshot.
 */
final class ImageFreezing {

    private final TrainingControl control;
    private final Supplier<TrainingSnapshot> snapshot;
    private final ContextMenu menu = new ContextMenu();

    ImageFreezing(TrainingControl control, Supplier<TrainingSnapshot> snapshot) {
        this.control = control;
        this.snapshot = snapshot;
    }

    /** Alt/Ctrl+click on {@code node} toggles neuron {@code o} of layer {@code l}; its context menu offers more. */
    void attachNeuron(Node node, int l, int o) {
        node.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && gesture(e) && toggleNeuron(l, o)) {
                e.consume();
            }
        });
        node.setOnContextMenuRequested(e -> neuronMenu(node, e, l, o));
    }

    /** Alt/Ctrl+click on {@code node} toggles layer {@code l}. */
    void attachLayer(Node node, int l) {
        node.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && gesture(e) && toggleLayer(l)) {
                e.consume();
            }
        });
        node.setOnContextMenuRequested(e -> {
            LayerSnapshot ls = layer(l);
            if (ls != null) {
                show(node, e, item(GraphValues.layerFrozen(ls) ? "Unfreeze layer" : "Freeze layer",
                        () -> toggleLayer(l)));
            }
        });
    }

    /** The deeper layers' canvas: its neurons and column titles take the same gestures. */
    void attachColumns(DeepLayersCanvas deep) {
        deep.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() != MouseButton.PRIMARY || !gesture(e)) {
                return;
            }
            int[] n = deep.neuronAt(e.getX(), e.getY());
            int header = deep.titleAt(e.getX(), e.getY());
            if (n != null ? toggleNeuron(n[0], n[1]) : header >= 0 && toggleLayer(header)) {
                e.consume();
            }
        });
        deep.setOnContextMenuRequested(e -> {
            int[] n = deep.neuronAt(e.getX(), e.getY());
            int header = deep.titleAt(e.getX(), e.getY());
            if (n != null) {
                neuronMenu(deep, e, n[0], n[1]);
            } else if (header >= 0 && layer(header) != null) {
                show(deep, e, item(GraphValues.layerFrozen(layer(header)) ? "Unfreeze layer" : "Freeze layer",
                        () -> toggleLayer(header)));
            }
        });
    }

    ContextMenu menu() {
        return menu;
    }

    static boolean gesture(MouseEvent e) {
        return e.isAltDown() || e.isControlDown() || e.isShortcutDown();
    }

    private void neuronMenu(Node anchor, ContextMenuEvent e, int l, int o) {
        LayerSnapshot ls = layer(l);
        if (ls == null || o >= ls.outputs()) {
            return;
        }
        show(anchor, e,
                item(GraphValues.neuronFrozen(ls, o) ? "Unfreeze neuron" : "Freeze neuron", () -> toggleNeuron(l, o)),
                item(ls.frozenBiases() != null && ls.frozenBiases()[o] ? "Unfreeze bias" : "Freeze bias",
                        () -> control.freezeBias(l, o, !(layer(l).frozenBiases() != null && layer(l).frozenBiases()[o]))),
                item(GraphValues.layerFrozen(ls) ? "Unfreeze layer" : "Freeze layer", () -> toggleLayer(l)));
    }

    private LayerSnapshot layer(int l) {
        TrainingSnapshot s = snapshot.get();
        return s == null || l < 0 || l >= s.layers().size() ? null : s.layers().get(l);
    }

    private boolean toggleNeuron(int l, int o) {
        LayerSnapshot ls = layer(l);
        if (ls == null || o < 0 || o >= ls.outputs()) {
            return false;
        }
        control.freezeNeuron(l, o, !GraphValues.neuronFrozen(ls, o));
        return true;
    }

    private boolean toggleLayer(int l) {
        LayerSnapshot ls = layer(l);
        if (ls == null) {
            return false;
        }
        control.freezeLayer(l, !GraphValues.layerFrozen(ls));
        return true;
    }

    private void show(Node anchor, ContextMenuEvent e, MenuItem... items) {
        menu.getItems().setAll(items);
        menu.show(anchor, e.getScreenX(), e.getScreenY());
        e.consume();
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setOnAction(e -> action.run());
        return m;
    }
}
