package org.weightlab.ui.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.weightlab.analysis.EngineRun;
import org.weightlab.engine.config.ConfigEdits;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.csv.CsvImport;
import org.weightlab.engine.data.csv.CsvTable;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.theme.RecordingControl;

/** Imported data with four columns: the graph's inputs are the columns, named as the file names them. */
@ExtendWith(ApplicationExtension.class)
class ColumnInputsGraphTest {

    private NetworkGraphView view;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        view = new NetworkGraphView(new RecordingControl());
        Scene scene = new Scene(view, 1000, 700);
        scene.getStylesheets().add(getClass().getResource("/org/weightlab/ui/weightlab.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void irisColumnsAreTheInputsAndEveryEdgeStartsAtItsColumn() throws Exception {
        String csv = new String(ColumnInputsGraphTest.class
                .getResourceAsStream("/org/weightlab/engine/data/csv/iris.csv").readAllBytes());
        CsvTable table = CsvTable.parse(csv);
        RunConfig c = ConfigEdits.withInlineData(RunConfig.defaults(), CsvImport.build(table, CsvImport.guess(table)))
                .withHidden(List.of(3), List.of());
        EngineRun run = new EngineRun(c);
        run.trainer().runSteps(2);
        TrainingSnapshot s = run.snapshot(0);
        NetworkGraphViewTest.fx(() -> {
            view.show(s);
            view.applyCss();
            view.layout();
        });
        List<String> names = c.inputNames();
        assertEquals(4, names.size());
        double lastY = Double.NEGATIVE_INFINITY;
        for (String name : names) {
            Node box = view.lookup("#input-" + name);
            assertNotNull(box, "an input node for column " + name);
            assertTrue(box.getLayoutY() > lastY, name + " sits below the column before it");
            lastY = box.getLayoutY();
        }
        assertTrue(view.lookupAll(".label").stream()
                .anyMatch(n -> n instanceof Label l && names.get(2).equals(l.getText())), "column names are written");
        assertTrue(view.lookup("#input-x1") == null, "no 2-D feature inputs for four-column data");
    }

    @Test
    void aConvolutionNetworksGraphStartsAtTheFlattenedFeatureMaps() throws Exception {
        RunConfig d = ConfigEdits.withDataset(RunConfig.defaults(), org.weightlab.engine.config.DatasetKind.DIGITS)
                .withData(200, 0, 0.5, 1).withHidden(List.of(), List.of());
        RunConfig c = d.withExtras(d.extras().withConv(List.of(new org.weightlab.engine.config.ConvSpec(2, 5))));
        EngineRun run = new EngineRun(c);
        run.trainer().runSteps(2);
        TrainingSnapshot s = run.snapshot(0);
        NetworkGraphViewTest.fx(() -> {
            view.show(s);
            view.applyCss();
            view.layout();
        });
        assertNotNull(view.lookup("#input-f31"), "2 maps of 4x4: 32 inputs to the output layer");
        assertTrue(view.lookup("#input-f32") == null && view.lookup("#input-p00") == null);
    }
}
