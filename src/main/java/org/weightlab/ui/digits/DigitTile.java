package org.weightlab.ui.digits;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import org.weightlab.ui.theme.Palette;

/**
 * One test digit of the gallery: its 8x8 picture and, beside it in large type, the class the
 * network predicts; framed (by the stylesheet) solid green when that is right, dashed red when
 * wrong, and tinted while selected. The type grows with the tile.
 */
final class DigitTile extends Region {

    static final String STYLE_CLASS = "test-digit-tile";
    static final String RIGHT = "test-digit-right";
    static final String WRONG = "test-digit-wrong";
    static final String SELECTED = "test-digit-selected";

    private final PixelPicture picture;
    private final Label predicted = new Label();
    private double fontSize = -1;
    private int row = -1;

    DigitTile(Palette palette) {
        picture = new PixelPicture(palette, InkReduction.CELLS, PixelPicture.Scale.INK, 24);
        picture.setMinSize(0, 0);
        picture.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        picture.setMouseTransparent(true);
        predicted.getStyleClass().add("test-digit-predicted");
        predicted.setAlignment(Pos.CENTER);
        predicted.setMinSize(0, 0);
        predicted.setTextOverrun(javafx.scene.control.OverrunStyle.CLIP);
        predicted.setEllipsisString("");
        predicted.setMouseTransparent(true);
        getStyleClass().add(STYLE_CLASS);
        getChildren().addAll(picture, predicted);
    }

    /**
     * Shows test row {@code row}'s pixels {@code pixels} and what the network says of it:
     * {@code predicted} and whether it is {@code right}; {@code predicted < 0}: nothing said yet.
     * Returns true when the frame's style changed.
     */
    boolean show(int row, double[] pixels, int predicted, boolean right) {
        if (row != this.row) {
            this.row = row;
            picture.show(pixels);
        }
        this.predicted.setText(predicted < 0 ? "" : Integer.toString(predicted));
        return setClass(RIGHT, predicted >= 0 && right) | setClass(WRONG, predicted >= 0 && !right);
    }

    /** Returns true when the style changed. */
    boolean setSelected(boolean selected) {
        return setClass(SELECTED, selected);
    }

    private boolean setClass(String styleClass, boolean on) {
        if (on == getStyleClass().contains(styleClass)) {
            return false;
        }
        if (on) {
            getStyleClass().add(styleClass);
        } else {
            getStyleClass().remove(styleClass);
        }
        return true;
    }

    /** The test row shown, -1 before the first. */
    int row() {
        return row;
    }

    /** The predicted class as written, "" before the first prediction. */
    String predictedText() {
        return predicted.getText();
    }

    boolean framedRight() {
        return getStyleClass().contains(RIGHT);
    }

    boolean framedWrong() {
        return getStyleClass().contains(WRONG);
    }

    PixelPicture picture() {
        return picture;
    }

    Label predictedLabel() {
        return predicted;
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double x = in.getLeft();
        double y = in.getTop();
        double w = Math.max(0, getWidth() - in.getLeft() - in.getRight());
        double h = Math.max(0, getHeight() - in.getTop() - in.getBottom());
        double side = Math.floor(Math.min(h, w * 0.62));
        double labelWidth = Math.max(0, w - side - 2);
        // a bold digit is about 0.7 em wide: the largest type the space beside the picture holds
        double size = Math.floor(Math.max(8, Math.min(h * 0.9, labelWidth / 0.78)));
        if (size != fontSize) {
            fontSize = size;
            predicted.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.0fpx;", size));
        }
        picture.resizeRelocate(x, y + Math.floor((h - side) / 2), side, side);
        predicted.resizeRelocate(x + side + 2, y, labelWidth, h);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 70;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 48;
    }
}
