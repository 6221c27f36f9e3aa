package org.weightlab.ui.lessons;

import atlantafx.base.theme.PrimerLight;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.weightlab.scenario.LessonCatalog;
import org.weightlab.ui.MainWindow;

/**
 * Shows the lesson gallery with the lesson panel beside it, for looking at them by eye:
 * {@code java -cp ... org.weightlab.ui.lessons.LessonGalleryDemo [--projector] [LESSON]}. A main
 * class that does not extend Application, so JavaFX starts from the classpath.
 */
public final class LessonGalleryDemo {

    private LessonGalleryDemo() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The demo window. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            List<String> args = getParameters().getRaw();
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            List<LessonCatalog.Entry> lessons = LessonCatalog.builtIn();
            LessonPanel panel = new LessonPanel();
            panel.setPrefWidth(420);
            LessonGalleryView gallery = new LessonGalleryView(lessons, s -> panel.setLesson(s.lesson()));
            String open = args.stream().filter(a -> !a.startsWith("--")).findFirst().orElse(null);
            if (open != null) {
                lessons.stream().filter(e -> e.name().equals(open)).findFirst().ifPresent(e -> {
                    gallery.markCurrent(e.name());
                    panel.setLesson(e.lesson());
                });
            }
            ScrollPane side = new ScrollPane(panel);
            side.setFitToWidth(true);
            side.setPrefWidth(440);
            BorderPane root = new BorderPane(gallery);
            root.setRight(side);
            var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
            Scene scene = new Scene(root, Math.min(1600, screen.getWidth()), Math.min(1000, screen.getHeight()));
            scene.getStylesheets().add(MainWindow.class.getResource(MainWindow.STYLESHEET).toExternalForm());
            if (args.contains("--projector")) {
                scene.getStylesheets().add(MainWindow.class.getResource("/org/weightlab/ui/projector.css").toExternalForm());
            }
            stage.setTitle("WeightLab lessons");
            stage.setScene(scene);
            stage.show();
        }
    }
}
