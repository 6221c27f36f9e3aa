package org.weightlab.app;

import javafx.application.Application;
import javafx.stage.Stage;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.session.SessionHost;
import org.weightlab.session.SnapshotBus;
import org.weightlab.session.TrainingSession;
import org.weightlab.ui.MainWindow;

/** The JavaFX application: creates the one bus and the session host, and the main window on them. */
public final class WeightLabApp extends Application {

    private SessionHost host;
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        RunConfig config = RunConfig.defaults();
        host = new SessionHost(new SnapshotBus(), DataGenerator::generate, TrainingSession.Settings.defaults());
        host.open(config, null);
        window = new MainWindow(host, config);
        window.show(stage);
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
        if (host != null) {
            host.close();
        }
    }
}
