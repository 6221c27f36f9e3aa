package org.weightlab.ui.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The colours canvases draw with are the variables of the stylesheets, in every theme: each
 * {@link PaletteColor} a Palette yields in a styled scene is compared with the value read from the
 * stylesheet text (the AtlantaFX theme, weightlab.css, and projector.css in presentation mode).
 */
@ExtendWith(ApplicationExtension.class)
class PaletteCssTest {

    private static final URL APP = Objects.requireNonNull(Palette.class.getResource(Palette.APP_STYLESHEET));
    private static final URL PROJECTOR = Objects.requireNonNull(
            Palette.class.getResource("/org/weightlab/ui/projector.css"));

    private Scene scene;
    private Palette palette;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        palette = new Palette();
        // Nested as in the window: under a view with its own style class and stylesheet, inside a tab.
        StackPane view = new StackPane(palette);
        view.getStyleClass().add("wl-heatmap");
        view.getStylesheets().add(Objects.requireNonNull(
                Palette.class.getResource("/org/weightlab/ui/heatmap/heatmap.css")).toExternalForm());
        TabPane tabs = new TabPane(new Tab("view", view));
        scene = new Scene(new StackPane(new BorderPane(tabs)), 300, 200);
        scene.getStylesheets().add(APP.toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void backToLight() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    private static URL sheet(Theme theme) {
        return Objects.requireNonNull(Palette.class.getResource(theme.getUserAgentStylesheet()));
    }

    /** Applies {@code theme} (and the projector sheet if asked) and checks every colour against the text. */
    private void assertPaletteFollows(FxRobot robot, Theme theme, boolean projector) {
        robot.interact(() -> {
            Application.setUserAgentStylesheet(theme.getUserAgentStylesheet());
            if (projector) {
                scene.getStylesheets().add(PROJECTOR.toExternalForm());
            }
            palette.applyCss();
        });
        CssVariables vars = projector ? CssVariables.read(sheet(theme), APP, PROJECTOR)
                : CssVariables.read(sheet(theme), APP);
        String where = theme.getName() + (projector ? " + projector" : "");
        for (PaletteColor c : PaletteColor.values()) {
            assertEquals(vars.color(c.variable()), palette.color(c), where + ": " + c.variable());
        }
        // what the canvases actually take: the ends of the maps and the class colours
        assertEquals(vars.color("-wl-weight-positive"), palette.weightMap().color(1), where);
        assertEquals(vars.color("-wl-weight-negative"), palette.weightMap().color(-1), where);
        assertEquals(vars.color("-wl-weight-zero"), palette.weightMap().color(0), where);
        assertEquals(vars.color("-wl-class-positive"), palette.classMap().color(1), where);
        assertEquals(vars.color("-wl-class-negative"), palette.classColor(-1), where);
        assertEquals(vars.color("-wl-class-third"), palette.classColor(2), where);
        assertEquals(vars.color("-wl-value-nan"), palette.weightMap().color(Double.NaN), where);
        assertEquals(vars.color("-color-fg-default"), palette.inkColor(), where + ": ink is the theme's text");
        // the README's promise: positive blue, negative orange
        assertHue(palette.weightMap().color(1), 195, 225, where + " positive is blue");
        assertHue(palette.weightMap().color(-1), 15, 40, where + " negative is orange");
    }

    private static void assertHue(Color c, double from, double to, String what) {
        assertTrue(c.getHue() >= from && c.getHue() <= to && c.getSaturation() > 0.5, what + ": " + c);
    }

    @Test
    void lightThemeColoursAreTheStylesheetVariables(FxRobot robot) {
        assertPaletteFollows(robot, new PrimerLight(), false);
    }

    @Test
    void darkThemeColoursAreTheStylesheetVariables(FxRobot robot) {
        long before = palette.revisionProperty().get();
        assertPaletteFollows(robot, new PrimerDark(), false);
        assertTrue(palette.revisionProperty().get() > before, "the ink changed, so views are told to repaint");
    }

    @Test
    void projectorColoursAreTheProjectorStylesheetVariables(FxRobot robot) {
        assertPaletteFollows(robot, new PrimerLight(), true);
        robot.interact(() -> scene.getStylesheets().remove(PROJECTOR.toExternalForm()));
    }

    @Test
    void aPaletteOutsideAnySceneHasTheLightThemesColours(FxRobot robot) {
        Palette loose = new Palette();
        robot.interact(() -> palette.applyCss());
        for (PaletteColor c : PaletteColor.values()) {
            assertEquals(palette.color(c), loose.color(c), c.variable() + ": as JavaFX styles it in the light theme");
        }
    }

    /**
     * One owner for each colour: no Java source of the window writes a palette colour as a
     * literal (the loss curves included).
     */
    @Test
    void noViewTypesAPaletteColourAgain() throws IOException {
        CssVariables vars = CssVariables.read(sheet(new PrimerLight()), APP, PROJECTOR);
        List<Color> paletteColours = new ArrayList<>();
        for (PaletteColor c : PaletteColor.values()) {
            paletteColours.add(vars.color(c.variable()));
        }
        Pattern literal = Pattern.compile("\"(#[0-9a-fA-F]{6})\"");
        List<String> copies = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/weightlab/ui"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    if (paletteColours.contains(Color.web(m.group(1)))) {
                        copies.add(f + ": " + m.group(1));
                    }
                }
            }
        }
        assertEquals(List.of(), copies, "palette colours written outside weightlab.css");
    }
}
