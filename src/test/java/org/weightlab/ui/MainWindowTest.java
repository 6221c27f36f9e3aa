package org.weightlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Button;
import javafx.scene.control.ToolBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new MainWindow().show(stage);
    }

    @Test
    void windowIsTitledAndHasItsRegions(FxRobot robot) {
        assertEquals("WeightLab", stage.getTitle());
        for (String id : new String[] {"#toolbar", "#controlsColumn", "#networkArea", "#outputColumn", "#statusBar"}) {
            assertNotNull(robot.lookup(id).tryQuery().orElse(null), id + " is missing");
        }
    }

    @Test
    void toolbarHoldsThePlayButton(FxRobot robot) {
        Button play = robot.lookup("#playButton").queryAs(Button.class);
        ToolBar bar = robot.lookup("#toolbar").queryAs(ToolBar.class);
        assertTrue(bar.getItems().contains(play), "play button is not in the toolbar");
        assertTrue(play.getTooltip().getText().contains("Space"), "the tooltip names the shortcut");
    }
}
