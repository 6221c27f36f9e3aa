package org.weightlab.ui;

import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.session.SessionHost;
import org.weightlab.session.SessionSettings;
import org.weightlab.session.SnapshotBus;

/**
 * A main window on the default run, in a stage of its own, for window flows: the window sizes
 * and maximizes its stage from preferences, which must not leak into the shared primary stage of
 * later tests. Made on the FX thread (a TestFX {@code @Start} method); closed after each test.
 */
public final class OpenWindow implements AutoCloseable {

    private final SessionHost host;
    private final MainWindow window;
    private final Stage stage;

    private OpenWindow() {
        stage = new Stage();
        host = new SessionHost(new SnapshotBus(), DataGenerator::generate, SessionSettings.defaults());
        host.open(RunConfig.defaults(), null);
        window = new MainWindow(host, RunConfig.defaults());
        window.show(stage);
    }

    /** The window on {@link RunConfig#defaults()}; call on the FX thread. */
    public static OpenWindow onDefaults() {
        return new OpenWindow();
    }

    public SessionHost host() {
        return host;
    }

    public MainWindow window() {
        return window;
    }

    public Stage stage() {
        return stage;
    }

    @Override
    public void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            window.close(); // on the FX thread, as the window closes itself: a running race updates its view there
            stage.close();
        }).get();
        host.close();
    }
}
