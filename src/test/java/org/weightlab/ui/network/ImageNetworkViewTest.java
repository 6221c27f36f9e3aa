package org.weightlab.ui.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.weightlab.analysis.EngineRun;
import org.weightlab.analysis.SnapshotForward;
import org.weightlab.engine.config.ConfigEdits;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.controls.RecordingControl;
import org.weightlab.ui.digits.WeightPictures;

@ExtendWith(ApplicationExtension.class)
class ImageNetworkViewTest {

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

    /** A digits run with a first layer of 12 neurons, trained a few steps, as the session publishes it. */
    private static TrainingSnapshot digits(int steps) {
        RunConfig c = ConfigEdits.withDataset(RunConfig.defaults(), DatasetKind.DIGITS).withHidden(List.of(12, 6),
                List.of()).withData(300, 0, 0.5, 2);
        EngineRun run = new EngineRun(c);
        for (int i = 0; i < steps; i++) {
            run.trainer().step();
        }
        TrainingSnapshot s = run.snapshot(0);
        DataSplit data = DataGenerator.generate(c);
        return new TrainingSnapshot(s.step(), s.epoch(), s.state(), c, s.features(), s.layers(), 0, 0, 0, 0, 0, 0,
                null, data);
    }

    @Test
    void digitsAreDrawnAsPicturesOfTheInputAndOfEachFirstLayerNeuronsWeights(FxRobot robot) {
        TrainingSnapshot s = digits(20);
        robot.interact(() -> view.show(s));
        ImageNetworkView image = view.imageView();
        assertNotNull(image, "digits switch the graph to image mode");
        assertSame(image, view.getCenter());
        robot.interact(image::drawNow);

        assertEquals(12, image.weightPictures().size());
        for (int o = 0; o < 12; o++) {
            assertArrayEquals(WeightPictures.incoming(s.layers().get(0), o), image.weightPictures().get(o).values());
        }
        assertArrayEquals(s.data().test().row(0), image.inputPicture().values());
        SnapshotForward net = new SnapshotForward(s.layers());
        net.forward(s.data().test().row(0), 0);
        assertEquals(String.format(Locale.ROOT, "%+.2f", net.layerOutputs(0)[7]),
                image.neuronOutputs().get(7).getText());

        robot.clickOn("#imageNext");
        robot.interact(image::drawNow);
        assertEquals(1, image.example());
        assertArrayEquals(s.data().test().row(1), image.inputPicture().values());
        robot.clickOn("#imagePrevious");
        robot.clickOn("#imagePrevious");
        assertEquals(s.data().test().size() - 1, image.example(), "the arrows wrap around");
    }

    @Test
    void theWeightPicturesFollowTrainingAndTheGraphComesBackForPlaneData(FxRobot robot) {
        TrainingSnapshot early = digits(0);
        TrainingSnapshot later = digits(60);
        robot.interact(() -> view.show(early));
        robot.interact(() -> view.imageView().drawNow());
        double[] before = view.imageView().weightPictures().get(3).values();
        robot.interact(() -> view.show(later));
        robot.interact(() -> view.imageView().drawNow());
        double[] after = view.imageView().weightPictures().get(3).values();
        assertArrayEquals(WeightPictures.incoming(later.layers().get(0), 3), after);
        double moved = 0;
        for (int i = 0; i < 64; i++) {
            moved += Math.abs(after[i] - before[i]);
        }
        assertTrue(moved > 0, "training changed what neuron 4 looks for");

        RunConfig circle = RunConfig.defaults();
        TrainingSnapshot plane = new EngineRun(circle).snapshot(0);
        robot.interact(() -> view.show(plane));
        assertTrue(view.getCenter() instanceof GraphPane, "2-D data is drawn as the graph again");
    }
}
