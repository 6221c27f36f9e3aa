package org.weightlab.app;

import javafx.application.Application;
import javafx.stage.Stage;
import org.weightlab.ui.MainWindow;

/** The JavaFX application: builds the main window and wires it to the training session. */
public final class WeightLabApp extends Application {

    private MainWindow window;

    @Override
    public void start(Stage stage) {
        window = new MainWindow();
        window.show(stage);
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
