package org.weightlab.ui.stepper;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightlab.engine.config.Feature;
import org.weightlab.explain.DiagramMarks;
import org.weightlab.explain.Phase;

/**
 * The step-through diagram of a deep network (seven features, six hidden layers of eight, one
 * output) in the space the window gives it at 1600x1000 and at 1024x768: no column heading, value
 * badge or feature name covers a circle or another label.
 */
@ExtendWith(ApplicationExtension.class)
class NetworkDiagramLayoutTest {

    private static final int[] WIDTHS = {7, 8, 8, 8, 8, 8, 8, 1};

    private NetworkDiagram diagram;

    @Start
    void start(Stage stage) {
        diagram = new NetworkDiagram();
        Pane root = new Pane(diagram);
        Scene scene = new Scene(root, 1000, 800);
        scene.getStylesheets().add(StepThroughView.class.getResource(StepThroughView.STYLESHEET).toExternalForm());
        diagram.getStyleClass().add(StepThroughView.STYLE);
        stage.setScene(scene);
        stage.show();
    }

    /** Every node's value known, neuron {@code neuron} of column {@code column} active with its edges. */
    private static DiagramMarks marks(int column, int neuron) {
        double[][] values = new double[WIDTHS.length][];
        boolean[][] shown = new boolean[WIDTHS.length][];
        for (int c = 0; c < WIDTHS.length; c++) {
            values[c] = new double[WIDTHS[c]];
            shown[c] = new boolean[WIDTHS[c]];
            for (int o = 0; o < WIDTHS[c]; o++) {
                values[c][o] = -0.123456 * (o + 1) / (c + 1);
                shown[c][o] = true;
            }
        }
        double[] edges = new double[WIDTHS[column - 1]];
        for (int k = 0; k < edges.length; k++) {
            edges[k] = 0.04321 * (k - 3);
        }
        return new DiagramMarks(column, neuron, edges, DiagramMarks.EdgeKind.INPUT, values, shown, "a");
    }

    @ParameterizedTest(name = "{0}x{1}, active column {2}")
    @CsvSource({"430, 560, 1", "430, 560, 3", "300, 420, 1", "300, 420, 7"})
    void noLabelCoversACircleOrAnotherLabel(double width, double height, int column) throws Exception {
        List<String> problems = WaitForAsyncUtils.asyncFx(() -> {
            diagram.setTopology(WIDTHS, List.of(Feature.values()));
            diagram.show(marks(column, 2 % WIDTHS[column]), Phase.values()[1]);
            diagram.resize(width, height);
            diagram.applyCss();
            diagram.layout();
            List<String> out = new ArrayList<>();
            List<Bounds> boxes = diagram.shownBoxes();
            for (int i = 0; i < boxes.size(); i++) {
                for (int j = i + 1; j < boxes.size(); j++) {
                    Bounds a = boxes.get(i);
                    Bounds b = boxes.get(j);
                    // Circles are given by their square boxes: allow the corners to touch.
                    if (a.intersects(b.getMinX() + 1, b.getMinY() + 1, b.getWidth() - 2, b.getHeight() - 2)) {
                        out.add(a + " overlaps " + b);
                    }
                }
            }
            // Between hidden columns wide enough for a badge the lit edges carry their values (next to the
            // inputs the badges often find no free place: the formula panel lists every value).
            if (width >= 430 && column > 1 && diagram.edgeLabel(0) == null && diagram.edgeLabel(WIDTHS[column - 1] - 1) == null) {
                out.add("no value on the lit edges is shown");
            }
            return out;
        }).get(10, TimeUnit.SECONDS);
        assertTrue(problems.isEmpty(), problems.size() + " overlaps, e.g. " + problems.subList(0, Math.min(5, problems.size())));
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"430, 560, true", "230, 270, false"})
    void theCaptionNeverCoversACircle(double width, double height, boolean roomy) throws Exception {
        Object[] r = WaitForAsyncUtils.asyncFx(() -> {
            diagram.setTopology(WIDTHS, List.of(Feature.values()));
            diagram.show(marks(1, 2), Phase.values()[1]);
            diagram.resize(width, height);
            diagram.applyCss();
            diagram.layout();
            Bounds caption = diagram.captionBounds();
            List<String> covered = new ArrayList<>();
            if (caption != null) {
                for (Bounds b : diagram.shownBoxes()) {
                    if (b.getWidth() == b.getHeight() && caption.intersects(b.getMinX() + 1, b.getMinY() + 1,
                            b.getWidth() - 2, b.getHeight() - 2)) {
                        covered.add(b.toString());
                    }
                }
            }
            return new Object[] {caption, covered};
        }).get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(((List<?>) r[1]).isEmpty(), "the caption covers " + r[1]);
        if (roomy) {
            assertNotNull(r[0], "with room, the caption says what the lit edges carry");
        }
    }
}
