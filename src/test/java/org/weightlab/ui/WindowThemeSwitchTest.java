package org.weightlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.session.SessionSettings;
import org.weightlab.session.SessionHost;
import org.weightlab.session.SnapshotBus;
import org.weightlab.session.TrainingSession;
import org.weightlab.ui.theme.CssVariables;
import org.weightlab.ui.theme.Palette;
import org.weightlab.ui.theme.PaletteColor;

/** The dark-theme button restyles every view's palette in the real window (deeply nested views included). */
@ExtendWith(ApplicationExtension.class)
class WindowThemeSwitchTest {

    private SessionHost host;
    private MainWindow window;
    private Stage ownStage;

    @Start
    void start(Stage primary) {
        // A window of its own, so its size and preferences stay out of the shared primary stage.
        ownStage = new Stage();
        host = new SessionHost(new SnapshotBus(), DataGenerator::generate, SessionSettings.defaults());
        host.open(RunConfig.defaults(), null);
        window = new MainWindow(host, RunConfig.defaults());
        window.show(ownStage);
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
        WaitForAsyncUtils.asyncFx(ownStage::close).get();
        host.close();
    }

    private static CssVariables variables(Theme theme) {
        return CssVariables.read(Objects.requireNonNull(Palette.class.getResource(theme.getUserAgentStylesheet())),
                Objects.requireNonNull(Palette.class.getResource(Palette.APP_STYLESHEET)));
    }

    private static boolean allInk(Set<Node> palettes, Color ink) {
        return palettes.stream().allMatch(p -> ((Palette) p).inkColor().equals(ink));
    }

    @Test
    void darkThemeButtonGivesEveryPaletteTheDarkInkAndBack(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.shownSnapshot() != null);
        Set<Node> palettes = robot.lookup("." + Palette.STYLE_CLASS).queryAll();
        assertTrue(palettes.size() >= 3, "graph, output view and inspector each hold a palette: " + palettes.size());
        Color light = variables(new PrimerLight()).color(PaletteColor.INK.variable());
        Color dark = variables(new PrimerDark()).color(PaletteColor.INK.variable());
        assertTrue(allInk(palettes, light), "light ink at start");
        ToggleButton button = robot.lookup("#themeButton").queryAs(ToggleButton.class);
        try {
            robot.interact(() -> button.setSelected(true));
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> allInk(palettes, dark));
        } finally {
            robot.interact(() -> button.setSelected(false));
        }
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> allInk(palettes, light));
        assertEquals(light, ((Palette) palettes.iterator().next()).inkColor());
    }
}
