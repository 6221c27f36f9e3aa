package org.weightlab.ui.confusion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.weightlab.engine.data.Dataset;
import org.weightlab.ui.digits.InkReduction;
import org.weightlab.ui.digits.PixelPicture;
import org.weightlab.ui.theme.Palette;

/**
 * The test examples of one cell of the confusion matrix: for digits their pictures; for 2-D data
 * their coordinates, and picking one hands its point to the window (which marks it in the output
 * view); for other data their first values.
 */
final class ExampleList extends StackPane {

    /** Most digit pictures shown at once (each is a small canvas). */
    static final int MOST_PICTURES = 60;
    /** Side of a digit picture, in pixels. */
    static final double PICTURE = 48;

    /** Most examples listed; a cell can hold hundreds, and a list that long says nothing more. */
    static final int MOST = 200;

    private final ListView<String> points = new ListView<>();
    private final javafx.scene.control.Label placeholder = new javafx.scene.control.Label();
    private final FlowPane pictures = new FlowPane(6, 6);
    private final ScrollPane pictureScroll = new ScrollPane(pictures);
    private final Palette palette;
    private BiConsumer<Double, Double> onPoint = (x, y) -> { };
    private Dataset shown;
    private int[] indices = new int[0];

    ExampleList(Palette palette) {
        this.palette = palette;
        pictures.setId("confusionPictures");
        pictures.setPrefWrapLength(8 * (PICTURE + 6));
        pictureScroll.setFitToWidth(true);
        pictureScroll.setPrefSize(8 * (PICTURE + 6) + 20, 300);
        pictureScroll.setVisible(false);
        points.setId("confusionExamples");
        points.setPrefSize(260, 240);
        points.setPlaceholder(placeholder);
        getChildren().addAll(points, pictureScroll);
        points.getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> {
            int i = now.intValue();
            if (shown != null && i >= 0 && i < indices.length) {
                onPoint.accept(shown.x1(indices[i]), shown.x2(indices[i]));
            }
        });
    }

    /** The digit pictures shown (tests). */
    List<PixelPicture> pictures() {
        return pictures.getChildren().stream().map(n -> (PixelPicture) ((VBox) n).getChildren().get(0)).toList();
    }

    ListView<String> points() {
        return points;
    }

    void setOnPointPicked(BiConsumer<Double, Double> onPoint) {
        this.onPoint = onPoint;
    }

    void clear() {
        placeholder.setText("");
        pictures.getChildren().clear();
        shown = null;
        indices = new int[0];
        points.getItems().clear();
    }

    /** Shows examples {@code which} of {@code test}: as pictures when {@code digits}, else as a list. */
    void show(Dataset test, int[] which, boolean digits) {
        pictureScroll.setVisible(digits);
        points.setVisible(!digits);
        if (digits) {
            showPictures(test, which);
        } else {
            showList(test, which);
        }
    }

    private void showPictures(Dataset test, int[] which) {
        int n = Math.min(which.length, MOST_PICTURES);
        List<javafx.scene.Node> tiles = new ArrayList<>(n + 1);
        for (int k = 0; k < n; k++) {
            PixelPicture p = new PixelPicture(palette, InkReduction.CELLS, PixelPicture.Scale.INK, PICTURE);
            p.show(test.row(which[k]));
            Label index = new Label("#" + which[k]);
            index.getStyleClass().add("confusion-picture-index");
            VBox tile = new VBox(1, p, index);
            tile.setAlignment(Pos.CENTER);
            tiles.add(tile);
        }
        pictures.getChildren().setAll(tiles);
        if (which.length > n) {
            pictures.getChildren().add(new Label(String.format(Locale.ROOT, "... %d more", which.length - n)));
        }
        if (which.length == 0) {
            pictures.getChildren().add(new Label("No test example here."));
        }
        shown = null;
        indices = new int[0];
        points.getItems().clear();
    }

    /** Lists examples {@code which} of {@code test}, keeping the pick when the same cell is shown again. */
    private void showList(Dataset test, int[] which) {
        pictures.getChildren().clear();
        placeholder.setText("No test example here.");
        int n = Math.min(which.length, MOST);
        List<String> rows = new ArrayList<>(n + 1);
        for (int k = 0; k < n; k++) {
            int i = which[k];
            rows.add(test.planar() ? String.format(Locale.ROOT, "#%d  (%.2f, %.2f)", i, test.x1(i), test.x2(i))
                    : "#" + i + "  " + firstValues(test, i));
        }
        if (which.length > n) {
            rows.add(String.format(Locale.ROOT, "... %d more", which.length - n));
        }
        if (rows.equals(points.getItems())) {
            return;
        }
        shown = null; // the selection listener must not fire for rows being replaced
        indices = java.util.Arrays.copyOf(which, n);
        points.getItems().setAll(rows);
        shown = test.planar() ? test : null;
    }

    /** The first few input values of row {@code i}, for data of other than two columns. */
    private static String firstValues(Dataset d, int i) {
        StringBuilder b = new StringBuilder("(");
        int n = Math.min(d.dims(), 4);
        for (int j = 0; j < n; j++) {
            b.append(j == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", d.value(i, j)));
        }
        return b.append(d.dims() > n ? ", ...)" : ")").toString();
    }
}
