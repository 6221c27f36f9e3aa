package org.weightlab.ui.network;

import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.event.ActionEvent;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.util.Duration;
import org.weightlab.engine.config.ConfigEdits;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.session.LayerSnapshot;
import org.weightlab.session.TrainingControl;
import org.weightlab.session.TrainingSnapshot;

/**
 * What the mouse does on the graph: hover shows numbers (and which node is hovered), a click on
 * an edge or a bias mark opens the value editor, Alt/Ctrl+click or the context menu freezes an
 * edge, a neuron, a bias or a layer, and a click on an input or a header's controls edits the
 * topology. Freezing and typed values go to the session; topology edits go through the view.
 */
final class GraphInteraction {

    private final TrainingControl control;
    private final Supplier<TrainingSnapshot> snapshot;
    /** Applies a topology edit to the current config, or shows why it cannot be done. */
    private final Consumer<UnaryOperator<RunConfig>> edits;
    /** The pane the editor opens in (its coordinates place it). */
    private final Pane graph;
    private final ValueEditor editor;
    private final Tooltip tip = new Tooltip();
    private final ContextMenu menu = new ContextMenu();
    private final ReadOnlyObjectWrapper<NodeRef> hovered;
    private final ReadOnlyObjectWrapper<EdgeRef> selectedEdge;
    /** Writes the tooltip for what the mouse is over, from the newest snapshot. */
    private Supplier<String> tipSource;

    GraphInteraction(Object owner, TrainingControl control, Supplier<TrainingSnapshot> snapshot,
            Consumer<UnaryOperator<RunConfig>> edits, Pane graph, ValueEditor editor) {
        this.control = control;
        this.editor = editor;
        this.snapshot = snapshot;
        this.edits = edits;
        this.graph = graph;
        hovered = new ReadOnlyObjectWrapper<>(owner, "hoveredNode");
        selectedEdge = new ReadOnlyObjectWrapper<>(owner, "selectedEdge");
        tip.setShowDelay(Duration.millis(250));
        tip.setShowDuration(Duration.seconds(30));
        tip.getStyleClass().add("wl-network-tip");
        tip.setOnShowing(e -> refreshTip());
    }

    Tooltip tooltip() {
        return tip;
    }

    ContextMenu contextMenu() {
        return menu;
    }

    ReadOnlyObjectWrapper<NodeRef> hovered() {
        return hovered;
    }

    ReadOnlyObjectWrapper<EdgeRef> selectedEdge() {
        return selectedEdge;
    }

    /** Forgets what the old drawing's nodes had open, hovered or selected (a rebuild replaces them). */
    void reset() {
        editor.close();
        menu.hide();
        hovered.set(null);
        selectedEdge.set(null);
        tipSource = null;
    }

    /** Writes the tooltip again (the numbers under the mouse moved on). */
    void refreshTip() {
        if (tipSource != null && snapshot.get() != null) {
            tip.setText(tipSource.get());
        }
    }

    // ---- the parts' handlers --------------------------------------------------------------------

    /** Gives every part of a new drawing its mouse handling. */
    void attach(GraphParts p) {
        for (InputNode in : p.inputs) {
            attach(in);
        }
        for (int l = 0; l < p.neurons.length; l++) {
            for (NeuronNode n : p.neurons[l]) {
                attach(n);
            }
            for (EdgeNode e : p.edges[l]) {
                attach(e);
            }
            attach(p.headers[l]);
        }
    }

    private void attach(InputNode in) {
        Tooltip.install(in.box, tip);
        in.box.setOnMouseEntered(e -> {
            hovered.set(in.activeIndex >= 0 ? new NodeRef(0, in.activeIndex) : null);
            hover(() -> in.feature == null ? "Input column " + in.label.getText()
                    : "Input " + in.feature.id() + (in.activeIndex >= 0 ? " (on)" : " (off)")
                    + "\nClick to switch it " + (in.activeIndex >= 0 ? "off" : "on"));
        });
        in.box.setOnMouseExited(e -> hovered.set(null));
        in.box.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && in.feature != null) {
                edits.accept(c -> ConfigEdits.toggleFeature(c, in.feature));
            }
        });
    }

    private void attach(NeuronNode n) {
        int l = n.layer;
        int o = n.index;
        Tooltip.install(n.box, tip);
        n.box.setOnMouseEntered(e -> {
            hovered.set(new NodeRef(l + 1, o));
            hover(() -> GraphTexts.describeNeuron(snapshot.get(), l, o));
        });
        n.box.setOnMouseExited(e -> hovered.set(null));
        n.box.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && freezeGesture(e)) {
                toggleNeuron(l, o);
            }
        });
        n.box.setOnContextMenuRequested(e -> {
            boolean frozen = GraphValues.neuronFrozen(layer(l), o);
            boolean biasFrozen = layer(l).frozenBiases()[o];
            showMenu(n.box, e,
                    item(frozen ? "Unfreeze neuron" : "Freeze neuron", () -> toggleNeuron(l, o)),
                    item(biasFrozen ? "Unfreeze bias" : "Freeze bias", () -> toggleBias(l, o)),
                    item("Edit bias\u2026", () -> editBias(l, o,
                            new Point2D(n.box.getLayoutX() + n.box.getWidth(), n.box.getLayoutY()))));
        });

        Tooltip.install(n.bias, tip);
        n.bias.setOnMouseEntered(e -> hover(() -> GraphTexts.describeBias(snapshot.get(), l, o)));
        n.bias.setOnMouseClicked(e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            if (freezeGesture(e)) {
                toggleBias(l, o);
            } else {
                editBias(l, o, editorSpot(e));
            }
            e.consume();
        });
        n.bias.setOnContextMenuRequested(e -> {
            boolean biasFrozen = layer(l).frozenBiases()[o];
            showMenu(n.bias, e, item(biasFrozen ? "Unfreeze bias" : "Freeze bias", () -> toggleBias(l, o)),
                    item("Edit bias\u2026", () -> editBias(l, o, new Point2D(n.bias.getX() + 12, n.bias.getY()))));
        });
    }

    private void attach(EdgeNode edge) {
        EdgeRef ref = edge.ref;
        Tooltip.install(edge.hit, tip);
        edge.hit.setOnMouseEntered(e -> {
            edge.hover(true);
            hover(() -> GraphTexts.describeEdge(snapshot.get(), ref));
        });
        edge.hit.setOnMouseExited(e -> edge.hover(false));
        edge.hit.setOnMouseClicked(e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            if (freezeGesture(e)) {
                toggleWeight(ref);
            } else {
                editWeight(ref, editorSpot(e));
            }
            e.consume();
        });
        edge.hit.setOnContextMenuRequested(e -> {
            Point2D at = graph.sceneToLocal(e.getSceneX(), e.getSceneY());
            boolean frozen = layer(ref.layer()).frozen(ref.out(), ref.in());
            showMenu(edge.hit, e, item(frozen ? "Unfreeze weight" : "Freeze weight", () -> toggleWeight(ref)),
                    item("Edit weight\u2026", () -> editWeight(ref, at)));
        });
    }

    private void attach(LayerHeader h) {
        int l = h.layer;
        if (!h.output) {
            h.minus.setOnAction(e -> edits.accept(c -> ConfigEdits.changeNeurons(c, l, -1)));
            h.plus.setOnAction(e -> edits.accept(c -> ConfigEdits.changeNeurons(c, l, 1)));
        }
        h.activation.valueProperty().addListener((obs, old, now) -> {
            if (h.updating() || now == null || old == null) {
                return;
            }
            edits.accept(c -> h.output ? ConfigEdits.setOutputActivation(c, now)
                    : ConfigEdits.setHiddenActivation(c, l, now));
        });
        h.box.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && freezeGesture(e)) {
                toggleLayer(l);
            }
        });
        h.box.setOnContextMenuRequested(e -> {
            boolean frozen = GraphValues.layerFrozen(layer(l));
            showMenu(h.box, e, item(frozen ? "Unfreeze layer" : "Freeze layer", () -> toggleLayer(l)));
        });
    }

    // ---- commands -------------------------------------------------------------------------------

    private static boolean freezeGesture(MouseEvent e) {
        return e.isAltDown() || e.isControlDown() || e.isShortcutDown();
    }

    private LayerSnapshot layer(int l) {
        return snapshot.get().layers().get(l);
    }

    private void toggleWeight(EdgeRef r) {
        control.freezeWeight(r.layer(), r.out(), r.in(), !layer(r.layer()).frozen(r.out(), r.in()));
    }

    private void toggleBias(int l, int o) {
        control.freezeBias(l, o, !layer(l).frozenBiases()[o]);
    }

    private void toggleNeuron(int l, int o) {
        control.freezeNeuron(l, o, !GraphValues.neuronFrozen(layer(l), o));
    }

    private void toggleLayer(int l) {
        control.freezeLayer(l, !GraphValues.layerFrozen(layer(l)));
    }

    private void editWeight(EdgeRef r, Point2D at) {
        selectedEdge.set(r);
        double current = layer(r.layer()).weight(r.out(), r.in());
        editor.open(GraphTexts.weightTitle(snapshot.get(), r), current, at.getX(), at.getY(),
                v -> control.setWeight(r.layer(), r.out(), r.in(), v));
    }

    private void editBias(int l, int o, Point2D at) {
        editor.open(GraphTexts.biasTitle(snapshot.get(), l, o), layer(l).biases()[o], at.getX(), at.getY(),
                v -> control.setBias(l, o, v));
    }

    /** Where the editor opens for a click: just below-right of it, kept inside the pane. */
    private Point2D editorSpot(MouseEvent e) {
        Point2D p = graph.sceneToLocal(e.getSceneX(), e.getSceneY());
        double x = Math.min(p.getX() + 8, Math.max(0, graph.getWidth() - 230));
        double y = Math.min(p.getY() + 8, Math.max(0, graph.getHeight() - 110));
        return new Point2D(x, y);
    }

    private void showMenu(Node anchor, ContextMenuEvent e, MenuItem... items) {
        menu.getItems().setAll(items);
        menu.show(anchor, e.getScreenX(), e.getScreenY());
        e.consume();
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setOnAction((ActionEvent e) -> action.run());
        return m;
    }

    private void hover(Supplier<String> source) {
        tipSource = source;
        refreshTip();
    }
}
