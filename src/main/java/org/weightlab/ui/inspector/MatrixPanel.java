package org.weightlab.ui.inspector;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.weightlab.ui.theme.Palette;

/** One matrix of a layer (W, dL/dW or the last update) with its bias column and legend. */
final class MatrixPanel extends VBox {

    static final double MAX_CELL = 48;
    static final double MIN_BIAS_WIDTH = 14;
    static final double MAX_MATRIX_HEIGHT = 320;
    private static final double CELLS_GAP = 6;

    final MatrixHeatmapView matrix = new MatrixHeatmapView();
    final MatrixHeatmapView bias = new MatrixHeatmapView();
    final ColorLegend legend = new ColorLegend();
    private final Label title = new Label();
    private final HBox cells;
    private int rows;
    private int cols;

    MatrixPanel(String id, String titleText) {
        setId(id);
        getStyleClass().add("wl-matrix-panel");
        title.setText(titleText);
        title.getStyleClass().add("wl-matrix-title");
        matrix.setId(id + "-matrix");
        bias.setId(id + "-bias");
        Label biasTitle = new Label("b");
        biasTitle.getStyleClass().add("wl-matrix-axis");
        title.setWrapText(true);
        title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        cells = new HBox(CELLS_GAP, matrix, bias);
        cells.setAlignment(Pos.TOP_LEFT);
        setSpacing(4);
        setAlignment(Pos.TOP_LEFT);
        getChildren().addAll(title, cells, legend);
    }

    /** Cell size for a {@code rows x cols} layer in a panel {@code width} wide (matrix, gap, bias column). */
    static double cellSizeFor(int rows, int cols, double width) {
        double room = Math.max(1, width - 2 - CELLS_GAP);
        double cell = room / (Math.max(1, cols) + 1);
        if (cell < MIN_BIAS_WIDTH) {
            cell = (room - MIN_BIAS_WIDTH) / Math.max(1, cols);
        }
        cell = Math.min(cell, MAX_MATRIX_HEIGHT / Math.max(1, rows));
        return Math.max(0.5, Math.min(MAX_CELL, cell));
    }

    /** The panel shrinks with its tile: the cells follow its width. */
    @Override
    protected double computeMinWidth(double height) {
        return 100;
    }

    @Override
    protected double computePrefWidth(double height) {
        return Math.max(100, cols * MAX_CELL + CELLS_GAP + MAX_CELL + 2);
    }

    /** Its height follows its width: the cells are sized to fit the width. */
    @Override
    public javafx.geometry.Orientation getContentBias() {
        return javafx.geometry.Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefHeight(double width) {
        // Sized as it will be laid out at this width, so the tile row is as tall as the panel.
        fitCells(width);
        return super.computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        fitCells(getWidth());
        super.layoutChildren();
    }

    private void fitCells(double width) {
        if (width <= 0) {
            return;
        }
        double cell = cellSizeFor(rows, cols, width);
        matrix.setCellSize(cell, cell);
        bias.setCellSize(Math.max(cell, MIN_BIAS_WIDTH), cell);
        legend.setBarWidth(Math.max(60, Math.min(260, width - 40)));
    }

    void setData(double[] values, double[] biases, int rows, int cols, boolean[] frozen, boolean[] frozenBiases,
                 Palette palette) {
        double max = DivergingScale.symmetricMax(values, biases);
        DivergingScale scale = new DivergingScale(max, palette);
        this.rows = rows;
        this.cols = cols;
        fitCells(getWidth() > 0 ? getWidth() : computePrefWidth(-1));
        matrix.setData(values, rows, cols, frozen, scale, palette);
        bias.setData(biases, rows, 1, frozenBiases, scale, palette);
        legend.setScale(scale, palette, max > 0);
    }
}
