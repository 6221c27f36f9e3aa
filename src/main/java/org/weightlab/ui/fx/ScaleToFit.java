package org.weightlab.ui.fx;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * Shows a node at its preferred size when there is room, else scaled down as a whole (never up)
 * so that all of it is seen: a table whose every cell matters, in a column a projector makes narrow
 * and short. Centred horizontally, at the top.
 */
public final class ScaleToFit extends Region {

    private final Node content;
    private final Group holder;

    public ScaleToFit(Node content) {
        this.content = content;
        this.holder = new Group(content);
        getChildren().add(holder);
    }

    /** The factor the content is drawn at now (1 when it fits). */
    public double scale() {
        return holder.getScaleX();
    }

    @Override
    protected double computePrefWidth(double height) {
        return content.prefWidth(-1) + snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        return content.prefHeight(-1) + snappedTopInset() + snappedBottomInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 0;
    }

    @Override
    protected void layoutChildren() {
        double w = content.prefWidth(-1);
        double h = content.prefHeight(-1);
        content.resize(w, h);
        double roomW = getWidth() - snappedLeftInset() - snappedRightInset();
        double roomH = getHeight() - snappedTopInset() - snappedBottomInset();
        double k = w <= 0 || h <= 0 ? 1 : Math.min(1, Math.min(roomW / w, roomH / h));
        k = Math.max(k, 0.05);
        holder.setScaleX(k);
        holder.setScaleY(k);
        // a Group scales about its centre: place that centre where the scaled content should sit
        double x = snappedLeftInset() + (roomW - w * k) / 2;
        double y = snappedTopInset();
        holder.relocate(x - w * (1 - k) / 2, y - h * (1 - k) / 2);
    }
}
