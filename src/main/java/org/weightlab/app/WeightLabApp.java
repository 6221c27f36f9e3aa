package org.weightlab.app;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.weightlab.engine.Activation;
import org.weightlab.scenario.Scenario;
import org.weightlab.scenario.ScenarioException;
import org.weightlab.session.SessionHost;
import org.weightlab.ui.MainWindow;
import org.weightlab.ui.StartingWindow;

/** The JavaFX application: creates the one bus and the session host, and the main window on them. */
public final class WeightLabApp extends Application {

    /** Application parameter: the scenario file or built-in lesson to open first. */
    static final String OPEN = "--open=";
    /** Application parameter: start training at once. */
    static final String PLAY = "--play";
    /** Application parameter: measure frame rate and training speed for this many seconds, then quit. */
    static final String MEASURE = "--measure=";
    /** Application parameter: seconds of warm-up before measuring. */
    static final String WARM_UP = "--warm-up=";
    /** Application parameter: the view to show first. */
    static final String VIEW = "--view=";
    /** The lesson a new window opens with: TF Playground's default circle task. */
    static final String FIRST_LESSON = "circle-basics";

    private final StartClock clock = StartClock.ofThisProgram();
    /** Seconds from the start of the program to the window on screen, and to its views laid out in it. */
    private double windowShownAt;
    private SessionHost host;
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        // The window appears at once; the run (begun while JavaFX started) and the views follow.
        StartingWindow.show(stage, () -> {
            try {
                fill(stage);
            } catch (ScenarioException | RuntimeException e) {
                // as a start() that throws would: say why on the console and end the application
                System.err.println("weightlab: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                Platform.exit();
            }
        });
        windowShownAt = clock.secondsSinceStart();
    }

    private void fill(Stage stage) throws ScenarioException {
        String open = FIRST_LESSON;
        boolean play = false;
        MainWindow.View view = null;
        int measure = 0;
        int warmUp = 2;
        for (String a : getParameters().getRaw()) {
            if (a.startsWith(OPEN)) {
                open = a.substring(OPEN.length());
            } else if (a.startsWith(MEASURE)) {
                measure = Integer.parseInt(a.substring(MEASURE.length()));
            } else if (a.startsWith(WARM_UP)) {
                warmUp = Integer.parseInt(a.substring(WARM_UP.length()));
            } else if (a.startsWith(VIEW)) {
                view = MainWindow.View.valueOf(a.substring(VIEW.length()));
            } else if (PLAY.equals(a)) {
                play = true;
            }
        }
        WindowStart.Opened opened = WindowStart.take(open);
        Scenario scenario = opened.scenario();
        host = opened.host();
        window = new MainWindow(host, scenario.config());
        window.show(stage);
        // The window's one way to open a scenario: its lesson panel, title and views come with it.
        window.openScenario(scenario, open);
        if (play && view != MainWindow.View.STEPPER) {
            host.play();
        }
        if (view != null) {
            window.showView(view);
        }
        int seconds = measure;
        int warm = warmUp;
        // The views are in the first pulse's layout; the controls out of sight follow in a later one.
        double[] viewsShownAt = {Double.NaN};
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (Double.isNaN(viewsShownAt[0])) {
                viewsShownAt[0] = clock.secondsSinceStart();
            }
            if (!window.complete()) {
                return;
            }
            stage.getScene().removePostLayoutPulseListener(listener[0]);
            Activation.startVectorWarmUp();
            if (seconds > 0) {
                new WindowMeasurement(host, warm, seconds, new WindowMeasurement.Start(windowShownAt, viewsShownAt[0],
                        clock.secondsSinceStart())).start();
            }
        };
        stage.getScene().addPostLayoutPulseListener(listener[0]);
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
