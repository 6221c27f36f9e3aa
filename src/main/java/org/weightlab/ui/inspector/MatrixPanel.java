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

    final MatrixHeatmapView matrix = new MatrixHeatmapView();
    final MatrixHeatmapView bias = new MatrixHeatmapView();
    final ColorLegend legend = new ColorLegend();
    private final Label title = new Label();

    MatrixPanel(String id, String titleText) {
        setId(id);
        getStyleClass().add("wl-matrix-panel");
        title.setText(titleText);
        title.getStyleClass().add("wl-matrix-title");
        matrix.setId(id + "-matrix");
        bias.setId(id + "-bias");
        Label biasTitle = new Label("b");
        biasTitle.getStyleClass().add("wl-matrix-axis");
        HBox cells = new HBox(6, matrix, bias);
        cells.setAlignment(Pos.TOP_LEFT);
        setSpacing(4);
        setAlignment(Pos.TOP_LEFT);
        getChildren().addAll(title, cells, legend);
    }

    /** Cell size for a {@code rows x cols} layer in the space one panel gets. */
    static double cellSizeFor(int rows, int cols) {
        return Math.min(MAX_CELL, Math.min(340.0 / Math.max(1, cols), 320.0 / Math.max(1, rows)));
    }

    void setData(double[] values, double[] biases, int rows, int cols, boolean[] frozen, boolean[] frozenBiases,
                 Palette palette) {
        double max = DivergingScale.symmetricMax(values, biases);
        DivergingScale scale = new DivergingScale(max, palette);
        double cell = cellSizeFor(rows, cols);
        matrix.setCellSize(cell, cell);
        bias.setCellSize(Math.max(cell, MIN_BIAS_WIDTH), cell);
        matrix.setData(values, rows, cols, frozen, scale, palette);
        bias.setData(biases, rows, 1, frozenBiases, scale, palette);
        legend.setBarWidth(Math.max(170, Math.min(260, cols * cell)));
        legend.setScale(scale, palette, max > 0);
    }
}
