package org.weightlab.ui.inspector;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * Tiles in as many equal columns as fit the width (each at least {@code minTileWidth} wide), row
 * after row; each row is as tall as its tallest tile's preferred height. A wide window shows the
 * inspector's charts side by side, a projector at 1024x768 two by two: never a horizontal scrollbar.
 */
final class TileGrid extends Region {

    private final double minTileWidth;
    private final double gap;

    TileGrid(double minTileWidth, double gap, Node... tiles) {
        this.minTileWidth = minTileWidth;
        this.gap = gap;
        getChildren().addAll(tiles);
    }

    /** Columns used at {@code width}: as many as fit, at most one per managed tile. */
    int columnsAt(double width) {
        int n = (int) getManagedChildren().size();
        int fit = (int) Math.floor((width + gap) / (minTileWidth + gap));
        return Math.max(1, Math.min(Math.max(1, n), fit));
    }

    private double tileWidth(double width, int cols) {
        return Math.max(1, (width - gap * (cols - 1)) / cols);
    }

    /** Its height depends on its width (how many tiles fit a row). */
    @Override
    public javafx.geometry.Orientation getContentBias() {
        return javafx.geometry.Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + in.getRight() + Math.min(minTileWidth, 120);
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        int n = getManagedChildren().size();
        return in.getLeft() + in.getRight() + n * minTileWidth + Math.max(0, n - 1) * gap;
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double w = (width < 0 ? computePrefWidth(-1) : width) - in.getLeft() - in.getRight();
        int cols = columnsAt(w);
        double tw = tileWidth(w, cols);
        double total = 0;
        double row = 0;
        int i = 0;
        for (Node n : getManagedChildren()) {
            row = Math.max(row, n.prefHeight(tw));
            if (++i % cols == 0) {
                total += row + gap;
                row = 0;
            }
        }
        total += i % cols == 0 ? -gap : row;
        return in.getTop() + in.getBottom() + Math.max(0, total);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double w = getWidth() - in.getLeft() - in.getRight();
        int cols = columnsAt(w);
        double tw = tileWidth(w, cols);
        var tiles = getManagedChildren();
        double y = in.getTop();
        for (int start = 0; start < tiles.size(); start += cols) {
            double rowHeight = 0;
            for (int k = start; k < Math.min(tiles.size(), start + cols); k++) {
                rowHeight = Math.max(rowHeight, tiles.get(k).prefHeight(tw));
            }
            for (int k = start; k < Math.min(tiles.size(), start + cols); k++) {
                double x = in.getLeft() + (k - start) * (tw + gap);
                tiles.get(k).resizeRelocate(Math.round(x), Math.round(y), Math.floor(tw), Math.ceil(rowHeight));
            }
            y += rowHeight + gap;
        }
    }
}
