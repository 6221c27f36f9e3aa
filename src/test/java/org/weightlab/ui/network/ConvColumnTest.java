package org.weightlab.ui.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.util.List;
import javafx.application.Application;
import javafx.geometry.Bounds;
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
import org.testfx.util.WaitForAsyncUtils;
import org.weightlab.engine.ConvLayer;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.ConfigEdits;
import org.weightlab.engine.config.ConvSpec;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.config.RunExtras;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.session.SessionState;
import org.weightlab.session.SnapshotParts;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.digits.PixelPicture;
import org.weightlab.ui.theme.RecordingControl;

/** Image mode of a convolutional network: a picture per kernel, its feature map for the example, freezing. */
@ExtendWith(ApplicationExtension.class)
class ConvColumnTest {

    private static final RunConfig CONV = ConfigEdits.withDataset(RunConfig.defaults(), DatasetKind.DIGITS)
            .withHidden(List.of(8), List.of()).withData(200, 0, 0.5, 2)
            .withExtras(RunExtras.NONE.withConv(List.of(new ConvSpec(4, 3))));
    private static final DataSplit DATA = DataGenerator.generate(CONV);

    private final RecordingControl control = new RecordingControl();
    private NetworkGraphView view;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        view = new NetworkGraphView(control);
        Scene scene = new Scene(view, 1200, 760);
        scene.getStylesheets().add(getClass().getResource("/org/weightlab/ui/weightlab.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private static Trainer trained(int frozenKernel) {
        Trainer t = new Trainer(CONV, DATA);
        if (frozenKernel >= 0) {
            t.freezeKernel(0, frozenKernel, true);
        }
        for (int i = 0; i < 5; i++) {
            t.step();
        }
        return t;
    }

    private ImageNetworkView show(FxRobot robot, Trainer t) {
        TrainingSnapshot s = SnapshotParts.moment(t, SessionState.PAUSED, t.evaluate(), null, DATA, false);
        robot.interact(() -> view.show(s));
        ImageNetworkView image = view.imageView();
        assertNotNull(image, "a convolutional digits network is drawn in image mode");
        robot.interact(image::drawNow);
        return image;
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Point2D centre(Node n) {
        return fx(() -> {
            Bounds b = n.localToScreen(n.getBoundsInLocal());
            return new Point2D(b.getCenterX(), b.getCenterY());
        });
    }

    @Test
    void eachKernelIsAPictureAndEachFeatureMapIsTheModulesForwardForTheExample(FxRobot robot) {
        Trainer t = trained(-1);
        ImageNetworkView image = show(robot, t);
        ConvColumn column = image.convColumn();
        assertTrue(fx(column::isVisible));
        assertFalse(fx(() -> image.layerTitle().getParent().isVisible()),
                "the 144-input layer is not drawn as 8x8 pictures");
        ConvLayer conv = t.network().conv(0);
        List<PixelPicture> kernels = column.kernelPictures();
        List<PixelPicture> maps = column.mapPictures();
        assertEquals(4, kernels.size());
        assertEquals(4, maps.size());
        for (int step = 0; step < 2; step++) {
            double[] x = DATA.test().row(image.example());
            ConvLayer.FeatureMaps expected = conv.featureMaps(x);
            for (int o = 0; o < 4; o++) {
                assertArrayEquals(conv.kernel(o, 0), kernels.get(o).values(), "kernel " + o);
                assertArrayEquals(expected.map(o), maps.get(o).values(), "map " + o + " of example "
                        + image.example());
            }
            robot.interact(() -> image.pick(image.example() + 1));
            robot.interact(image::drawNow);
        }
        assertEquals("conv: 4x(3x3)+4 = 40 parameters; a dense layer to the same 144 outputs: 64x144+144 = 9,360",
                fx(() -> column.parametersLine().getText()));
    }

    @Test
    void hoveringAFeatureMapNamesItsValue(FxRobot robot) {
        ImageNetworkView image = show(robot, trained(-1));
        PixelPicture map = image.convColumn().mapPictures().get(2);
        Bounds b = fx(() -> map.localToScreen(map.getBoundsInLocal()));
        // row 1, column 6 of the 6x6 map: its top right cell
        robot.moveTo(new Point2D(b.getMaxX() - b.getWidth() / 12, b.getMinY() + b.getHeight() / 12));
        WaitForAsyncUtils.waitForFxEvents();
        String text = fx(() -> image.convColumn().hoverLine().getText());
        assertTrue(text.startsWith("Feature map 3 at row 1, column 6: "), text);
        assertTrue(text.endsWith(String.format(java.util.Locale.ROOT, "%+.3f", map.values()[5])), text);
    }

    @Test
    void altClickOnAKernelFreezesItAndItsTileShowsFrozen(FxRobot robot) {
        ImageNetworkView image = show(robot, trained(-1));
        altClick(robot, centre(image.convColumn().kernelPictures().get(1)));
        assertEquals(List.of("freezeKernel 0 1 true"), control.calls());
        robot.moveTo(centre(image.convColumn().kernelPictures().get(2))).clickOn(MouseButton.PRIMARY);
        assertEquals(1, control.calls().size(), "a plain click freezes nothing");

        ImageNetworkView frozen = show(robot, trained(1));
        assertTrue(fx(() -> frozen.convColumn().kernelTile(1).getStyleClass().contains(ImageNetworkView.FROZEN_CLASS)));
        assertFalse(fx(() -> frozen.convColumn().kernelTile(0).getStyleClass()
                .contains(ImageNetworkView.FROZEN_CLASS)));
        control.clear();
        altClick(robot, centre(frozen.convColumn().kernelPictures().get(1)));
        assertEquals(List.of("freezeKernel 0 1 false"), control.calls());
    }

    private static void altClick(FxRobot robot, Point2D screen) {
        robot.press(KeyCode.ALT);
        try {
            robot.moveTo(screen).clickOn(MouseButton.PRIMARY);
        } finally {
            robot.release(KeyCode.ALT);
        }
    }
}
