package org.weightlab.ui.controls;

import atlantafx.base.theme.PrimerLight;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.session.LossPoint;
import org.weightlab.session.SessionEvent;
import org.weightlab.session.SessionState;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.loss.LossChartView;
import org.weightlab.ui.status.DivergenceBanner;
import org.weightlab.ui.status.StatusBarView;

/**
 * Shows the controls column, the loss chart (fed 1,000 synthetic points per frame up to 120,000,
 * with two setting markers), the divergence banner and the status bar in a 1024x768 window, to
 * look at them. Commands go to a recording control and are printed. Arguments: {@code dark},
 * {@code log}, {@code adam}, {@code scroll}, {@code bottom}.
 * <pre>mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.weightlab.ui.controls.ViewsDemo</pre>
 */
public final class ViewsDemo {

    private ViewsDemo() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The demo application. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            Application.setUserAgentStylesheet(getParameters().getRaw().contains("dark")
                    ? new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet()
                    : new PrimerLight().getUserAgentStylesheet());
            RecordingControl control = new RecordingControl();
            RunConfig config = RunConfig.defaults();
            ControlsPanel controls = new ControlsPanel(control, config);
            LossChartView chart = new LossChartView();
            StatusBarView status = new StatusBarView();
            DivergenceBanner banner = new DivergenceBanner(control);
            banner.show(new SessionEvent.Diverged(48_213, "loss"), 48_000);
            if (getParameters().getRaw().contains("log")) {
                chart.logScaleProperty().set(true);
            }
            if (getParameters().getRaw().contains("adam")) {
                controls.setConfig(config.withOptimizer(
                        org.weightlab.engine.config.OptimizerConfig.defaults(
                                org.weightlab.engine.config.OptimizerKind.ADAMW, 0.003)));
            }
            BorderPane root = new BorderPane(chart, banner, null, status, controls);
            Scene scene = new Scene(root, 1024, 768);
            scene.getStylesheets().add(ViewsDemo.class.getResource("/org/weightlab/ui/weightlab.css").toExternalForm());
            stage.setScene(scene);
            stage.setTitle("WeightLab views");
            stage.show();
            if (getParameters().getRaw().contains("scroll")) {
                controls.setVvalue(getParameters().getRaw().contains("bottom") ? 1.0 : 0.55);
            }

            Random random = new Random(3);
            long[] step = {0};
            long[] frames = {0};
            long[] start = {System.nanoTime()};
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    frames[0]++;
                    List<LossPoint> points = new ArrayList<>();
                    for (int i = 0; i < 1000 && step[0] < 120_000; i++) {
                        step[0]++;
                        double clean = 0.04 + 0.6 * Math.exp(-step[0] / 25_000.0);
                        points.add(new LossPoint(step[0], (int) (step[0] / 250), clean * Math.exp(0.35 * random.nextGaussian()),
                                Double.NaN, false));
                        if (step[0] % 2500 == 0) {
                            points.add(new LossPoint(step[0], (int) (step[0] / 250), clean, clean * 1.15 + 0.01, true));
                        }
                        if (step[0] == 30_000) {
                            chart.mark(new SessionEvent.SettingChanged(step[0], "lr", "0.03", "0.3"));
                        }
                        if (step[0] == 70_000) {
                            chart.mark(new SessionEvent.SettingChanged(step[0], "froze layer", "", "2"));
                        }
                    }
                    chart.append(points);
                    double seconds = (System.nanoTime() - start[0]) / 1e9;
                    double clean = 0.04 + 0.6 * Math.exp(-step[0] / 25_000.0);
                    status.show(new TrainingSnapshot(step[0], (int) (step[0] / 250), SessionState.RUNNING,
                            config, config.features(), List.of(), clean, clean * 1.15 + 0.01, 0.962, 0.948, 0, 0.03,
                            null), step[0] / seconds, frames[0] / seconds);
                    if (frames[0] % 30 == 0) {
                        System.out.printf("frame %d step %d fps %.1f chart frames %d%n", frames[0], step[0],
                                frames[0] / seconds, chart.framesDrawn());
                    }
                    if (!control.commands.isEmpty()) {
                        System.out.println("commands: " + control.commands);
                        control.commands.clear();
                    }
                }
            }.start();
        }
    }
}
