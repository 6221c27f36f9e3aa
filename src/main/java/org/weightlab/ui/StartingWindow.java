package org.weightlab.ui;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.weightlab.ui.shell.WindowPreferences;

/**
 * The window as it first appears, at its remembered size and in its remembered theme, saying that
 * WeightLab opens; the main window then fills the same scene ({@link MainWindow#show}). Building
 * and styling the main window's thousand-odd nodes takes the FX thread a second or more on a cold
 * JVM: the window is there meanwhile, instead of nothing.
 */
public final class StartingWindow {

    public static final String STYLE_CLASS = "wl-starting";

    private StartingWindow() {
    }

    /** Shows {@code stage} with the starting scene, then calls {@code fill} once that scene was laid out. */
    public static void show(Stage stage, Runnable fill) {
        WindowPreferences prefs = WindowPreferences.ofUser();
        MainWindow.applyTheme(prefs.dark());
        Label opening = new Label("Opening WeightLab\u2026");
        StackPane root = new StackPane(opening);
        root.getStyleClass().add(STYLE_CLASS);
        opening.setStyle("-fx-font-size: 1.5em;");
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, MainWindow.width(screen), MainWindow.height(screen));
        stage.setTitle(MainWindow.TITLE);
        stage.setScene(scene);
        MainWindow.setMinSize(stage, screen);
        prefs.restoreBounds(stage, screen);
        // After this pulse's layout the frame goes to the renderer; the main window is built on the next turn.
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            javafx.application.Platform.runLater(fill);
        };
        scene.addPostLayoutPulseListener(once[0]);
        stage.show();
    }
}
