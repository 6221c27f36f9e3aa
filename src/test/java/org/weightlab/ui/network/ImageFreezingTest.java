package org.weightlab.ui.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.util.List;
import javafx.application.Application;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.weightlab.analysis.EngineRun;
import org.weightlab.engine.config.ConfigEdits;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.theme.RecordingControl;

/** Image mode freezes as the graph does: Alt+click a neuron's picture, a deeper neuron or a layer's title. */
@ExtendWith(ApplicationExtension.class)
class ImageFreezingTest {

    private final RecordingControl control = new RecordingControl();
    private NetworkGraphView view;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        view = new NetworkGraphView(control);
        Scene scene = new Scene(view, 1100, 760);
        scene.getStylesheets().add(getClass().getResource("/org/weightlab/ui/weightlab.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    /** A digits run with layers of 8 and 6 neurons; {@code frozenNeuron} of the first layer frozen (or -1). */
    private static TrainingSnapshot digits(int frozenNeuron, int frozenDeep) {
        RunConfig c = ConfigEdits.withDataset(RunConfig.defaults(), DatasetKind.DIGITS).withHidden(List.of(8, 6),
                List.of()).withData(200, 0, 0.5, 2);
        EngineRun run = new EngineRun(c);
        if (frozenNeuron >= 0) {
            run.trainer().freezeNeuron(0, frozenNeuron, true);
        }
        if (frozenDeep >= 0) {
            run.trainer().freezeNeuron(1, frozenDeep, true);
        }
        TrainingSnapshot s = run.snapshot(0);
        return new TrainingSnapshot(s.step(), s.epoch(), s.state(), c, s.features(), s.layers(), 0, 0, 0, 0, 0, 0,
                null, DataGenerator.generate(c));
    }

    private ImageNetworkView show(FxRobot robot, TrainingSnapshot s) {
        robot.interact(() -> view.show(s));
        ImageNetworkView image = view.imageView();
        assertNotNull(image);
        robot.interact(image::drawNow);
        return image;
    }

    private static void altClick(FxRobot robot, Point2D screen) {
        robot.press(KeyCode.ALT);
        try {
            robot.moveTo(screen).clickOn(MouseButton.PRIMARY);
        } finally {
            robot.release(KeyCode.ALT);
        }
    }

    private static Point2D centre(FxRobot robot, Node n) {
        return fx(() -> {
            javafx.geometry.Bounds b = n.localToScreen(n.getBoundsInLocal());
            return new Point2D(b.getCenterX(), b.getCenterY());
        });
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) {
        try {
            return org.testfx.util.WaitForAsyncUtils.asyncFx(c).get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void altClickOnANeuronsPictureFreezesItAndItsTileShowsFrozen(FxRobot robot) {
        ImageNetworkView image = show(robot, digits(-1, -1));
        assertFalse(image.tileShowsFrozen(3));
        altClick(robot, centre(robot, image.neuronTile(3)));
        assertEquals(List.of("freezeNeuron 0 3 true"), control.calls());
        robot.moveTo(centre(robot, image.neuronTile(4))).clickOn(MouseButton.PRIMARY);
        assertEquals(1, control.calls().size(), "a plain click freezes nothing");

        // the next snapshot has neuron 3 frozen: its tile is marked, and Alt+click unfreezes it
        image = show(robot, digits(3, -1));
        assertTrue(image.tileShowsFrozen(3));
        assertTrue(image.neuronTile(3).getChildren().get(1) instanceof javafx.scene.control.Label l
                && l.getGraphic().isVisible(), "the lock shows");
        assertFalse(image.tileShowsFrozen(2));
        control.clear();
        altClick(robot, centre(robot, image.neuronTile(3)));
        assertEquals(List.of("freezeNeuron 0 3 false"), control.calls());
    }

    /** An Alt+click at ({@code x}, {@code y}) of {@code n}, fired at the node (its place on screen does not matter). */
    private static void fireAltClick(FxRobot robot, Node n, double x, double y) {
        robot.interact(() -> {
            Point2D s = n.localToScreen(x, y);
            Point2D sc = n.localToScene(x, y); // the event takes scene coordinates and gives the node its own
            n.fireEvent(new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_CLICKED, sc.getX(),
                    sc.getY(), s.getX(), s.getY(), MouseButton.PRIMARY, 1, false, false, true, false, true, false,
                    false, true, false, true, null));
        });
    }

    @Test
    void deeperNeuronsAndLayerTitlesTakeTheSameGestures(FxRobot robot) {
        ImageNetworkView image = show(robot, digits(-1, 2));
        DeepLayersCanvas deep = image.deepLayers();
        Point2D n = fx(() -> deep.neuronCentre(1, 2));
        assertNotNull(n, "the columns were painted");
        fireAltClick(robot, deep, n.getX(), n.getY());
        assertEquals(List.of("freezeNeuron 1 2 false"), control.calls(), "neuron 2 of layer 2 was frozen");
        Point2D other = fx(() -> deep.neuronCentre(2, 5));
        fireAltClick(robot, deep, other.getX(), other.getY());
        fireAltClick(robot, image.layerTitle(), 5, 5);
        fireAltClick(robot, deep, n.getX(), 4);
        assertEquals(List.of("freezeNeuron 1 2 false", "freezeNeuron 2 5 true", "freezeLayer 0 true",
                "freezeLayer 1 true"), control.calls(), "the title above a column freezes its layer");
        // a click without Alt freezes nothing
        robot.interact(() -> {
            Point2D sc = deep.localToScene(n);
            deep.fireEvent(new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_CLICKED,
                    sc.getX(), sc.getY(), 0, 0, MouseButton.PRIMARY, 1, false, false, false, false, true, false, false,
                    true, false, true, null));
        });
        assertEquals(4, control.calls().size());
    }
}
