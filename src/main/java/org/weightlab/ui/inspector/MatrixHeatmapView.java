package org.weightlab.ui.inspector;

import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import org.weightlab.ui.theme.Palette;
import org.weightlab.ui.theme.PaletteColor;

/**
 * A {@code rows x cols} matrix as a grid of coloured cells: one {@code setPixels} call into a
 * reused {@link WritableImage}, shown scaled up without smoothing. Frozen cells are hatched with
 * diagonal stripes; one cell can be outlined as selected and one as hovered.
 */
public final class MatrixHeatmapView extends Region {

    public static final String STYLE_CLASS = "wl-matrix-heatmap";
    public static final String SELECTION_STYLE_CLASS = "wl-matrix-selection";
    public static final String HOVER_STYLE_CLASS = "wl-matrix-hover";

    /** Image pixels per cell are at most this: enough for the hatching to read as stripes. */
    static final int MAX_CELL_PIXELS = 12;
    /** Hatching: a stripe every this many pixels along the diagonal, {@link #STRIPE} wide. */
    private static final int HATCH_PERIOD = 6;
    private static final int STRIPE = 2;

    /** Receives a cell's row and column, or (-1, -1) when the pointer leaves the matrix. */
    @FunctionalInterface
    public interface CellHandler {
        void cell(int row, int col);
    }

    private final ImageView imageView = new ImageView();
    private final Rectangle selectionOuter = new Rectangle();
    private final Rectangle selectionInner = new Rectangle();
    private final Rectangle hoverBox = new Rectangle();
    private WritableImage image;
    // ARGB pixels of the image, row-major, reused while the shape stays.
    private int[] pixels = new int[0];
    private int rows;
    private int cols;
    private int cellPixels = 1;
    private double cellWidth = 20;
    private double cellHeight = 20;
    private int selectedRow = -1;
    private int selectedCol = -1;
    private CellHandler onClick = (r, c) -> { };
    private CellHandler onHover = (r, c) -> { };

    public MatrixHeatmapView() {
        getStyleClass().add(STYLE_CLASS);
        imageView.setSmooth(false);
        imageView.setPreserveRatio(false);
        for (Rectangle r : new Rectangle[] {selectionOuter, selectionInner, hoverBox}) {
            r.setFill(null);
            r.setMouseTransparent(true);
            r.setVisible(false);
            r.setManaged(false);
        }
        selectionOuter.getStyleClass().add(SELECTION_STYLE_CLASS);
        selectionOuter.setStrokeWidth(3);
        selectionInner.getStyleClass().add(SELECTION_STYLE_CLASS + "-inner");
        selectionInner.setStrokeWidth(1);
        selectionInner.setStroke(javafx.scene.paint.Color.WHITE);
        hoverBox.getStyleClass().add(HOVER_STYLE_CLASS);
        hoverBox.setStrokeWidth(1.5);
        hoverBox.getStrokeDashArray().setAll(3.0, 2.0);
        imageView.setManaged(false);
        getChildren().addAll(imageView, hoverBox, selectionOuter, selectionInner);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e.getX(), e.getY()));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            hoverBox.setVisible(false);
            onHover.cell(-1, -1);
        });
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            int[] rc = cellAt(e.getX(), e.getY());
            if (rc != null) {
                onClick.cell(rc[0], rc[1]);
            }
        });
    }

    /**
     * Paints {@code values} (row-major, {@code rows x cols}) on {@code scale}; {@code frozen} may
     * be null. One pass over the cells, then one {@code setPixels}.
     */
    public void setData(double[] values, int rows, int cols, boolean[] frozen, DivergingScale scale,
                        Palette palette) {
        if (values.length != rows * cols || frozen != null && frozen.length != values.length) {
            throw new IllegalArgumentException("a " + rows + "x" + cols + " matrix needs " + rows * cols
                    + " values, got " + values.length);
        }
        boolean reshaped = rows != this.rows || cols != this.cols;
        this.rows = rows;
        this.cols = cols;
        if (rows == 0 || cols == 0) {
            imageView.setImage(null);
            return;
        }
        cellPixels = Math.max(1, Math.min(MAX_CELL_PIXELS, 192 / Math.max(rows, cols)));
        int width = cols * cellPixels;
        int height = rows * cellPixels;
        if (image == null || (int) image.getWidth() != width || (int) image.getHeight() != height) {
            image = new WritableImage(width, height);
            pixels = new int[width * height];
            imageView.setImage(image);
        }
        int hatch = DivergingScale.argb(palette.color(PaletteColor.FROZEN_HATCH));
        if (cellPixels == 1) {
            // One pixel per cell (big layers): a straight pass, checkerboard where frozen.
            for (int k = 0; k < values.length; k++) {
                int colour = scale.argb(values[k]);
                pixels[k] = frozen != null && frozen[k] && ((k / cols + k % cols) & 1) == 0 ? hatch : colour;
            }
        }
        for (int r = 0; r < rows && cellPixels > 1; r++) {
            for (int c = 0; c < cols; c++) {
                int k = r * cols + c;
                int colour = scale.argb(values[k]);
                boolean hatched = frozen != null && frozen[k];
                for (int py = 0; py < cellPixels; py++) {
                    int rowStart = (r * cellPixels + py) * width + c * cellPixels;
                    for (int px = 0; px < cellPixels; px++) {
                        pixels[rowStart + px] = hatched && isStripe(c * cellPixels + px, r * cellPixels + py)
                                ? hatch : colour;
                    }
                }
            }
        }
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        selectionOuter.setStroke(palette.color(PaletteColor.SELECTION));
        hoverBox.setStroke(palette.color(PaletteColor.SELECTION));
        if (reshaped) {
            if (selectedRow >= rows || selectedCol >= cols) {
                selectedRow = -1;
                selectedCol = -1;
            }
            requestLayout();
        }
        placeSelection();
    }

    private boolean isStripe(int x, int y) {
        if (cellPixels < 4) {
            // Too few pixels for stripes: a checkerboard still reads as "not a plain value".
            return ((x + y) & 1) == 0;
        }
        return Math.floorMod(x + y, HATCH_PERIOD) < STRIPE;
    }

    /** Display size of one cell in pixels (the parent keeps matrices side by side aligned). */
    public void setCellSize(double width, double height) {
        if (width != cellWidth || height != cellHeight) {
            cellWidth = width;
            cellHeight = height;
            requestLayout();
        }
    }

    public double cellWidth() {
        return cellWidth;
    }

    public double cellHeight() {
        return cellHeight;
    }

    /** Outlines the cell, or clears the outline with (-1, -1). */
    public void setSelectedCell(int row, int col) {
        selectedRow = row >= 0 && row < rows && col >= 0 && col < cols ? row : -1;
        selectedCol = selectedRow >= 0 ? col : -1;
        placeSelection();
    }

    public int selectedRow() {
        return selectedRow;
    }

    public int selectedCol() {
        return selectedCol;
    }

    public void setOnCellClicked(CellHandler handler) {
        onClick = handler;
    }

    public void setOnCellHovered(CellHandler handler) {
        onHover = handler;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Image pixels per cell at the current shape. */
    public int cellPixels() {
        return cellPixels;
    }

    WritableImage image() {
        return image;
    }

    /** The cell under a point in this node's coordinates, or null. */
    int[] cellAt(double x, double y) {
        if (rows == 0 || cols == 0 || x < 0 || y < 0) {
            return null;
        }
        int c = (int) (x / cellWidth);
        int r = (int) (y / cellHeight);
        return r < rows && c < cols ? new int[] {r, c} : null;
    }

    private void hover(double x, double y) {
        int[] rc = cellAt(x, y);
        if (rc == null) {
            hoverBox.setVisible(false);
            onHover.cell(-1, -1);
            return;
        }
        hoverBox.setX(rc[1] * cellWidth + 0.75);
        hoverBox.setY(rc[0] * cellHeight + 0.75);
        hoverBox.setWidth(Math.max(1, cellWidth - 1.5));
        hoverBox.setHeight(Math.max(1, cellHeight - 1.5));
        hoverBox.setVisible(true);
        onHover.cell(rc[0], rc[1]);
    }

    private void placeSelection() {
        boolean show = selectedRow >= 0;
        selectionOuter.setVisible(show);
        double small = Math.min(cellWidth, cellHeight);
        selectionInner.setVisible(show && small >= 8);
        if (!show) {
            return;
        }
        // The outer stroke lies inside the cell; around tiny cells it grows so it stays visible.
        double pad = small < 6 ? 3 : 0;
        selectionOuter.setX(selectedCol * cellWidth + 1.5 - pad);
        selectionOuter.setY(selectedRow * cellHeight + 1.5 - pad);
        selectionOuter.setWidth(Math.max(1, cellWidth - 3 + 2 * pad));
        selectionOuter.setHeight(Math.max(1, cellHeight - 3 + 2 * pad));
        selectionInner.setX(selectedCol * cellWidth + 3.5);
        selectionInner.setY(selectedRow * cellHeight + 3.5);
        selectionInner.setWidth(Math.max(1, cellWidth - 7));
        selectionInner.setHeight(Math.max(1, cellHeight - 7));
    }

    @Override
    protected double computePrefWidth(double height) {
        return cols * cellWidth;
    }

    @Override
    protected double computePrefHeight(double width) {
        return rows * cellHeight;
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        imageView.setFitWidth(cols * cellWidth);
        imageView.setFitHeight(rows * cellHeight);
        imageView.relocate(0, 0);
        placeSelection();
    }
}
