package org.weightlab.ui.heatmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.engine.data.Dataset;
import org.weightlab.scenario.Scenario;
import org.weightlab.scenario.ScenarioFile;
import org.weightlab.session.FieldSnapshot;
import org.weightlab.ui.theme.TestSnapshots;

/** Clicked points: a click adds, Shift+click adds the other class, a right-click removes; saved and reopened. */
@ExtendWith(ApplicationExtension.class)
class PointClicksTest {

    private DecisionHeatmapView view;
    private final List<RunConfig> applied = new ArrayList<>();
    private RunConfig config;
    private DataSplit data;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        view = new DecisionHeatmapView();
        Pane root = new Pane(view);
        view.setManaged(false);
        view.resizeRelocate(0, 0, 420, 520);
        Scene scene = new Scene(root, 420, 520);
        scene.getStylesheets().add(getClass().getResource("/org/weightlab/ui/weightlab.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private void showRun(RunConfig c) {
        config = c;
        data = DataGenerator.generate(c);
        FieldSnapshot f = TestSnapshots.uniformField(DecisionHeatmapView.RESOLUTION, new int[] {2, 2, c.outputs()},
                (x1, x2) -> 0);
        DecisionHeatmapViewTest.fx(() -> {
            view.setData(data);
            view.show(TestSnapshots.of(c).field(f).build());
            view.drawNow();
        });
    }

    private PointClicks clicks() {
        // the picker it puts under the view joins a shown scene: made on the FX thread
        return DecisionHeatmapViewTest.fxGet(() -> new PointClicks(view, () -> config, () -> data, applied::add));
    }

    @Test
    void clicksAddPointsOfBothClassesWhereTheyLandAndRightClickRemovesOne() throws Exception {
        showRun(TestSnapshots.config(List.of(Feature.X1, Feature.X2), 2).withData(10, 0, 0.5, 1));
        PointClicks clicks = clicks();
        Point2D at = DecisionHeatmapViewTest.fxGet(() -> view.plotPoint(2, -3));
        assertTrue(DecisionHeatmapViewTest.fxGet(() -> clicks.click(at.getX(), at.getY(), MouseButton.PRIMARY, false)));
        RunConfig one = applied.get(0);
        assertEquals(DatasetKind.CUSTOM, one.dataset());
        assertEquals(11, one.samples());
        assertEquals(2, one.inlineData().value(10, 0), 0.05);
        assertEquals(-3, one.inlineData().value(10, 1), 0.05);
        assertEquals(1.0, one.inlineData().label(10));

        showRun(one);
        Point2D other = DecisionHeatmapViewTest.fxGet(() -> view.plotPoint(-4, 4));
        DecisionHeatmapViewTest.fx(() -> clicks.click(other.getX(), other.getY(), MouseButton.PRIMARY, true));
        RunConfig two = applied.get(1);
        assertEquals(12, two.samples());
        assertEquals(-1.0, two.inlineData().label(11), "Shift adds the other class");

        showRun(two);
        DecisionHeatmapViewTest.fx(() -> clicks.click(other.getX() + 3, other.getY(), MouseButton.SECONDARY, false));
        RunConfig three = applied.get(2);
        assertEquals(11, three.samples());
        assertEquals(one.inlineData(), three.inlineData(), "the clicked point is gone again");

        // saved with the scenario and reopened: the same points
        RunConfig back = ScenarioFile.parse(ScenarioFile.toJson(Scenario.of(two)), "clicked.json").config();
        assertEquals(two.inlineData(), back.inlineData());
    }

    @Test
    void clicksOutsideThePlotOrOnNdDataChangeNothing() {
        showRun(TestSnapshots.config(List.of(Feature.X1, Feature.X2), 2).withData(10, 0, 0.5, 1));
        PointClicks clicks = clicks();
        Point2D corner = DecisionHeatmapViewTest.fxGet(() -> view.plotPoint(-6, 6));
        assertFalse(DecisionHeatmapViewTest.fxGet(
                () -> clicks.click(corner.getX() - 20, corner.getY() - 20, MouseButton.PRIMARY, false)));
        assertTrue(applied.isEmpty());
        DataSplit nd = new DataSplit(new Dataset(new double[8], new double[] {0, 1}, 4),
                new Dataset(new double[4], new double[] {1}, 4));
        DecisionHeatmapViewTest.fx(() -> {
            view.setData(nd);
            view.drawNow();
        });
        Point2D mid = DecisionHeatmapViewTest.fxGet(() -> new Point2D(view.plotBounds()[0] + view.plotBounds()[2] / 2,
                view.plotBounds()[1] + view.plotBounds()[2] / 2));
        assertNotNull(mid);
        assertFalse(DecisionHeatmapViewTest.fxGet(() -> clicks.click(mid.getX(), mid.getY(), MouseButton.PRIMARY,
                false)), "4 inputs: no plane to click in");
        assertEquals("4 inputs: no 2-D plane", DecisionHeatmapView.noPlaneMessage(4));
    }
}
