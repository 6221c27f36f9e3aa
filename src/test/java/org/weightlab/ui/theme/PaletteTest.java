package org.weightlab.ui.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class PaletteTest {

    private Scene scene;
    private Palette palette;

    @Start
    void start(Stage stage) {
        palette = new Palette();
        StackPane root = new StackPane(palette);
        scene = new Scene(root, 100, 100);
        scene.getStylesheets().add(getClass().getResource("/org/weightlab/ui/weightlab.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void paletteReadsTheNamedColoursOfTheStylesheet(FxRobot robot) {
        robot.interact(() -> palette.applyCss());
        assertEquals(Color.web("#2166ac"), palette.weightMap().color(1));
        assertEquals(Color.web("#e08214"), palette.weightMap().color(-1));
        assertEquals(Color.web("#e08214"), palette.classColor(-1));
        assertEquals(Color.web("#7f7f7f"), palette.frozenColor());
    }

    @Test
    void aThemeStylesheetChangesEveryColourMap(FxRobot robot) throws Exception {
        Path theme = Files.createTempFile("projector", ".css");
        Files.writeString(theme, ".root { -wl-weight-positive: #0000ff; -wl-class-negative: #ffaa00; }");
        long before = palette.revisionProperty().get();
        robot.interact(() -> {
            scene.getStylesheets().add(theme.toUri().toString());
            palette.applyCss();
        });
        assertEquals(0xff0000ff, palette.weightMap().argb(1));
        assertEquals(0xffffaa00, palette.classMap().argb(-1));
        assertTrue(palette.revisionProperty().get() > before, "views are told to repaint");
        Files.deleteIfExists(theme);
    }
}
