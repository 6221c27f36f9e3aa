package org.weightlab.ui.lessons;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Modality;
import javafx.stage.Stage;
import org.weightlab.scenario.LessonCatalog;
import org.weightlab.scenario.Scenario;
import org.weightlab.scenario.ScenarioException;

/**
 * The lesson gallery in a window of its own beside the main one (not modal: the run stays in
 * view). Built the first time it is asked for; Escape hides it.
 */
public final class LessonGalleryWindow {

    private final Consumer<Scenario> opener;
    private final BiConsumer<String, String> failure;
    private Stage stage;

    /** A gallery whose lessons open with {@code opener}; {@code failure} gets a title and a message when it cannot show. */
    public LessonGalleryWindow(Consumer<Scenario> opener, BiConsumer<String, String> failure) {
        this.opener = opener;
        this.failure = failure;
    }

    /** Shows the gallery in front of {@code owner}, with {@code owner}'s stylesheets. */
    public void show(Stage owner) {
        if (stage == null) {
            List<LessonCatalog.Entry> lessons;
            try {
                lessons = LessonCatalog.builtIn();
            } catch (ScenarioException e) {
                failure.accept("Could not read the lessons", e.getMessage());
                return;
            }
            LessonGalleryView gallery = new LessonGalleryView(lessons, opener);
            stage = new Stage();
            stage.initOwner(owner);
            stage.initModality(Modality.NONE);
            stage.setTitle("WeightLab lessons");
            Scene galleryScene = new Scene(gallery, 1100, 760);
            galleryScene.getStylesheets().addAll(owner.getScene().getStylesheets());
            galleryScene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.ESCAPE) {
                    stage.hide();
                }
            });
            stage.setScene(galleryScene);
        }
        stage.show();
        stage.toFront();
    }

    /** Out of the way once a lesson opened. */
    public void hide() {
        if (stage != null) {
            stage.hide();
        }
    }

    public void close() {
        if (stage != null) {
            stage.close();
        }
    }
}
