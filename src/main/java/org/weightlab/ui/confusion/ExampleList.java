package org.weightlab.ui.confusion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.scene.control.ListView;
import javafx.scene.layout.StackPane;
import org.weightlab.engine.data.Dataset;

/**
 * The test examples of one cell of the confusion matrix: for 2-D data their coordinates, and
 * picking one hands its point to the window (which marks it in the output view).
 */
final class ExampleList extends StackPane {

    /** Most examples listed; a cell can hold hundreds, and a list that long says nothing more. */
    static final int MOST = 200;

    private final ListView<String> points = new ListView<>();
    private final javafx.scene.control.Label placeholder = new javafx.scene.control.Label();
    private BiConsumer<Double, Double> onPoint = (x, y) -> { };
    private Dataset shown;
    private int[] indices = new int[0];

    ExampleList() {
        points.setId("confusionExamples");
        points.setPrefSize(260, 240);
        points.setPlaceholder(placeholder);
        getChildren().add(points);
        points.getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> {
            int i = now.intValue();
            if (shown != null && i >= 0 && i < indices.length) {
                onPoint.accept(shown.x1(indices[i]), shown.x2(indices[i]));
            }
        });
    }

    ListView<String> points() {
        return points;
    }

    void setOnPointPicked(BiConsumer<Double, Double> onPoint) {
        this.onPoint = onPoint;
    }

    void clear() {
        placeholder.setText("");
        shown = null;
        indices = new int[0];
        points.getItems().clear();
    }

    /** Lists examples {@code which} of {@code test}, keeping the pick when the same cell is shown again. */
    void show(Dataset test, int[] which) {
        placeholder.setText("No test example here.");
        int n = Math.min(which.length, MOST);
        List<String> rows = new ArrayList<>(n + 1);
        for (int k = 0; k < n; k++) {
            int i = which[k];
            rows.add(String.format(Locale.ROOT, "#%d  (%.2f, %.2f)", i, test.x1(i), test.x2(i)));
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
        shown = test;
    }
}
