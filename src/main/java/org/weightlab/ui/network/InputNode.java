package org.weightlab.ui.network;

import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;
import org.weightlab.engine.config.Feature;

/** One feature in the input column: its label and its thumbnail (the feature over the input square). */
final class InputNode {
    /** Input thumbnails are THUMB x THUMB pixels, drawn scaled (smoothly) to the node size. */
    static final int THUMB = 40;

    /** The 2-D feature this input computes, or null for a column of N-column data (the column itself). */
    final Feature feature;
    /** Where the input stands in the column of inputs: the feature's place, or the data column's index. */
    final int slot;
    final StackPane box = new StackPane();
    final WritableImage image = new WritableImage(THUMB, THUMB);
    final Rectangle frame = new Rectangle();
    final Label label;
    /** Where the feature stands among the network's inputs, -1 while it is switched off. */
    int activeIndex = -1;

    InputNode(Feature f) {
        this(f, f.ordinal(), f.id());
    }

    /** A data column of N-column data (an imported CSV): always on, no 2-D picture. */
    InputNode(int column, String name) {
        this(null, column, name);
        activeIndex = column;
    }

    private InputNode(Feature f, int slot, String name) {
        feature = f;
        this.slot = slot;
        label = new Label(name);
        label.getStyleClass().add(StyleClasses.INPUT_LABEL_CLASS);
        label.setMouseTransparent(true);
        ImageView view = new ImageView(image);
        view.setSmooth(true);
        frame.getStyleClass().add(StyleClasses.NEURON_FRAME_CLASS);
        frame.setFill(null);
        box.getChildren().addAll(view, frame);
        box.getStyleClass().add(StyleClasses.INPUT_CLASS);
        box.setId("input-" + name);
    }
}
