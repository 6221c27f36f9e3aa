package org.weightlab.ui.confusion;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.weightlab.analysis.ConfusionMatrix;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.data.Dataset;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.fx.Redraw;
import org.weightlab.ui.theme.Palette;

/**
 * The confusion matrix of the moment on screen over the test split, with each class's accuracy;
 * clicking a cell lists the test examples in it. The matrix is computed off the FX thread (at
 * most {@link ConfusionWorker#RUNNING_PER_SECOND} times a second while training runs) and only
 * while the panel is seen.
 */
public final class ConfusionPanel extends ScrollPane {

    public static final String STYLE_CLASS = "confusion-panel";
    public static final String STYLESHEET = "/org/weightlab/ui/confusion/confusion.css";

    /** Dirty bits: a new matrix arrived; the palette changed. */
    private static final int MATRIX = 1;
    private static final int COLOURS = 2;

    private final Palette palette = new Palette();
    private final ConfusionGrid grid = new ConfusionGrid(palette);
    private final Label summary = new Label("Train a classifier to see which classes it confuses.");
    private final Label cellTitle = new Label("Click a cell to list its test examples.");
    private final ExampleList examples = new ExampleList(palette);
    private final AtomicReference<ConfusionWorker.Result> arrived = new AtomicReference<>();
    private final ConfusionWorker worker = new ConfusionWorker(this::arrive);
    private final Redraw redraw;
    private Label heading;
    private VBox cellList;
    private TrainingSnapshot latest;
    /** The moment the matrix on screen was computed from. */
    private TrainingSnapshot computedFrom;

    public ConfusionPanel() {
        createView();
        redraw = new Redraw(grid, this::draw);
        initListeners();
    }

    private void createView() {
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add(STYLESHEET);
        setId("confusionPanel");
        setFitToWidth(true);
        // ten classes at a projector's type size may be wider than the view: scroll rather than cut
        setHbarPolicy(ScrollBarPolicy.AS_NEEDED);
        heading = new Label("Confusion matrix: test examples by true class (rows) and predicted class "
                + "(columns)");
        heading.setMinWidth(0);
        heading.setPrefWidth(420);
        heading.getStyleClass().add("confusion-heading");
        heading.setWrapText(true);
        summary.setId("confusionSummary");
        summary.setWrapText(true);
        summary.setMinWidth(0);
        summary.setPrefWidth(420);
        summary.getStyleClass().add("confusion-summary");
        cellTitle.setId("confusionCellTitle");
        cellTitle.setWrapText(true);
        cellTitle.getStyleClass().add("confusion-heading");
        grid.setId("confusionGrid");
        cellList = new VBox(6, cellTitle, examples);
        cellList.managedProperty().bind(cellList.visibleProperty());
        heading.managedProperty().bind(heading.visibleProperty());
        summary.managedProperty().bind(summary.visibleProperty());
        FlowPane body = new FlowPane(24, 12, grid, cellList);
        VBox content = new VBox(10, heading, summary, body, palette);
        content.setPadding(new Insets(10));
        setContent(content);
    }

    private void initListeners() {
        palette.revisionProperty().addListener((o, was, now) -> redraw.mark(COLOURS));
        grid.selectedProperty().addListener((o, was, now) -> listSelected());
        visibleProperty().addListener((o, was, now) -> {
            if (now) {
                request();
            }
        });
    }

    /**
     * Compact: the grid only (each row's accuracy at its end), no heading, summary or list of a cell's
     * examples (where a caption above already says what the matrix is and room is short, as in the
     * output view; the status bar gives the test accuracy).
     */
    public void setCompact(boolean compact) {
        heading.setVisible(!compact);
        summary.setVisible(!compact);
        cellList.setVisible(!compact);
        grid.setCompact(compact);
    }

    /** The moment on screen; its matrix is computed while the panel is seen. */
    public void show(TrainingSnapshot s) {
        if (s == null) {
            return;
        }
        latest = s;
        if (isVisible()) {
            request();
        }
    }

    /** Called with (x1, x2) of a listed 2-D test example the user picks (the window marks it in the output view). */
    public void setOnPointPicked(BiConsumer<Double, Double> onPoint) {
        examples.setOnPointPicked(onPoint);
    }

    /** The matrix on screen (null before the first, and for regression). */
    public ConfusionMatrix matrix() {
        return grid.matrix();
    }

    ConfusionGrid grid() {
        return grid;
    }

    java.util.List<org.weightlab.ui.digits.PixelPicture> pictures() {
        return examples.pictures();
    }

    ListView<String> pointList() {
        return examples.points();
    }

    Label summary() {
        return summary;
    }

    Label cellTitle() {
        return cellTitle;
    }

    private void request() {
        if (latest != null && latest != computedFrom) {
            worker.request(latest);
        }
    }

    /** Worker thread: keeps the newest result, hopping to the FX thread only when none is waiting. */
    private void arrive(ConfusionWorker.Result r) {
        if (arrived.getAndSet(r) == null) {
            Platform.runLater(() -> redraw.mark(MATRIX));
        }
    }

    private void draw(int bits) {
        ConfusionWorker.Result r = arrived.getAndSet(null);
        if (r != null) {
            computedFrom = r.snapshot();
            grid.show(r.matrix());
            summary.setText(summary(r.matrix()));
            listSelected();
        } else if ((bits & COLOURS) != 0) {
            grid.restyle();
        }
    }

    private static String summary(ConfusionMatrix m) {
        if (m == null) {
            return "A regression has no classes: the confusion matrix is for classification data sets.";
        }
        if (m.total() == 0) {
            return "The test split is empty.";
        }
        return String.format(Locale.ROOT, "Test accuracy %.1f%%: %d of %d test examples on the diagonal.",
                100 * m.accuracy(), m.correct(), m.total());
    }

    private void listSelected() {
        ConfusionMatrix m = grid.matrix();
        ConfusionGrid.Cell c = grid.selectedProperty().get();
        if (m == null || c == null || computedFrom == null || computedFrom.data() == null) {
            cellTitle.setText("Click a cell to list its test examples.");
            examples.clear();
            return;
        }
        int[] which = m.examples(c.trueClass(), c.predicted());
        String trueName = m.classNames().get(c.trueClass());
        String predicted = m.classNames().get(c.predicted());
        cellTitle.setText(String.format(Locale.ROOT, "True %s, predicted %s: %d test example%s%s", trueName,
                predicted, which.length, which.length == 1 ? "" : "s",
                c.trueClass() == c.predicted() ? " (right)" : " (wrong)"));
        Dataset test = computedFrom.data().test();
        examples.show(test, which, computedFrom.config().dataset() == DatasetKind.DIGITS);
    }
}
