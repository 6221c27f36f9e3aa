package org.weightlab.ui.network;

import javafx.geometry.Pos;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;
import org.kordamp.ikonli.javafx.FontIcon;
import org.weightlab.engine.config.ActivationKind;

/** One neuron: its frame, its lock and its bias mark; its thumbnail is drawn into the graph image. */
final class NeuronNode {
    final int layer;
    final int index;
    /** The neuron's place: its thumbnail is drawn into the graph image underneath. */
    final StackPane box = new StackPane();
    /** The thumbnail: thumbSize x thumbSize premultiplied ARGB pixels, drawn at (pixelX, pixelY) of the graph image. */
    int[] thumb = new int[0];
    int thumbSize;
    int pixelX;
    int pixelY;
    final Rectangle frame = new Rectangle();
    final FontIcon lock = new FontIcon(StyleClasses.LOCK_ICON);
    final StackPane lockBox = new StackPane(lock);
    final Rectangle bias = new Rectangle();
    boolean painted;
    /** What the thumbnail shows: the field values, activation and palette it was painted with. */
    float[] paintedValues;
    ActivationKind paintedActivation;
    long paintedRevision = -1;

    NeuronNode(int layer, int index) {
        this.layer = layer;
        this.index = index;
        frame.getStyleClass().add(StyleClasses.NEURON_FRAME_CLASS);
        frame.setFill(null);
        lock.getStyleClass().add(StyleClasses.LOCK_CLASS);
        lockBox.getStyleClass().add("wl-lock-box");
        lockBox.setVisible(false);
        lockBox.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(lockBox, Pos.TOP_RIGHT);
        box.getChildren().addAll(frame, lockBox);
        box.setPickOnBounds(true); // no background of its own: the thumbnail is in the graph image
        box.getStyleClass().add(StyleClasses.NEURON_CLASS);
        box.setId("neuron-" + layer + "-" + index);

        bias.getStyleClass().add(StyleClasses.BIAS_CLASS);
        bias.setId("bias-" + layer + "-" + index);
        bias.setStrokeWidth(1);
    }

    /** Takes a thumbnail size (device pixels); the old picture is kept, scaled, until it is painted again. */
    void resizeThumb(int size) {
        if (thumbSize == size) {
            return;
        }
        thumb = resized(thumb, thumbSize, size);
        thumbSize = size;
        paintedValues = null; // paint again at the new size
        paintedRevision = -1;
    }

    /** A thumbnail's pixels at a new size, nearest sample (kept while fields are off; repainted otherwise). */
    private static int[] resized(int[] src, int from, int to) {
        int[] dst = new int[to * to];
        if (from == 0) {
            return dst;
        }
        for (int y = 0; y < to; y++) {
            int sy = y * from / to;
            for (int x = 0; x < to; x++) {
                dst[y * to + x] = src[sy * from + x * from / to];
            }
        }
        return dst;
    }
}
