package org.weightlab.ui.inspector;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.OptimizerKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.session.LayerSnapshot;
import org.weightlab.session.SessionState;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.analysis.EngineRun;
import org.weightlab.ui.network.EdgeRef;

/**
 * Looks at the inspector on a real run: an engine thread trains and hands its newest snapshot
 * over; the FX pulse shows it at most once per frame.
 * {@code java ... InspectorDemo [default|wide|deep|hot|big]}.
 */
public final class InspectorDemo {

    private InspectorDemo() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    public static final class App extends Application {

        private final AtomicBoolean running = new AtomicBoolean(true);

        @Override
        public void start(Stage stage) {
            String mode = getParameters().getRaw().isEmpty() ? "wide" : getParameters().getRaw().get(0);
            boolean dark = getParameters().getRaw().contains("dark");
            Application.setUserAgentStylesheet(dark ? new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet()
                    : new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            RunConfig d = RunConfig.defaults();
            RunConfig config = switch (mode) {
                case "default" -> d;
                case "deep" -> d.withHidden(List.of(8, 8, 8, 8, 8, 8), List.of())
                        .withActivations(ActivationKind.SIGMOID, ActivationKind.TANH, d.loss(), d.problem());
                case "hot" -> d.withOptimizer(OptimizerConfig.defaults(OptimizerKind.SGD, 10));
                default -> d.withFeatures(List.of(Feature.values())).withHidden(List.of(8, 8, 4), List.of());
            };
            if (mode.equals("big")) {
                startBig(stage);
                return;
            }
            EngineRun run = new EngineRun(config);
            if (mode.equals("wide")) {
                run.trainer().freezeWeight(0, 2, 3, true);
                run.trainer().freezeWeight(0, 5, 0, true);
                run.trainer().freezeNeuron(0, 6, true);
            }
            AtomicReference<TrainingSnapshot> newest = new AtomicReference<>(run.snapshot(40));
            Thread engine = new Thread(() -> {
                long shown = 0;
                while (running.get()) {
                    run.trainer().step();
                    long now = System.nanoTime();
                    if (now - shown > 30_000_000L) {
                        newest.set(run.snapshot(40));
                        shown = now;
                    }
                    if (run.trainer().stepCount() % 4 == 0) {
                        try {
                            Thread.sleep(1); // a watchable pace: a few hundred steps a second
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }, "demo-engine");
            engine.setDaemon(true);
            engine.start();

            InspectorModel model = new InspectorModel();
            InspectorView view = new InspectorView(model);
            new AnimationTimer() {
                private TrainingSnapshot last;

                @Override
                public void handle(long now) {
                    TrainingSnapshot s = newest.get();
                    if (s != last) {
                        last = s;
                        model.show(s);
                    }
                }
            }.start();
            model.show(newest.get());
            if (!mode.equals("default") && !mode.equals("deep")) {
                model.selectionProperty().set(new EdgeRef(0, 2, 4));
            }
            Scene scene = new Scene(view, 1600, 1000);
            scene.getStylesheets().add(InspectorView.class.getResource("/org/weightlab/ui/weightlab.css")
                    .toExternalForm());
            stage.setTitle("WeightLab inspector demo: " + mode);
            stage.setScene(scene);
            stage.show();
        }

        /**
         * A 784-256-10 network (MNIST-sized, beyond what the engine builds for 2-D data) whose
         * weights random-walk: shows the heatmap of a big layer and prints what show() costs.
         */
        private void startBig(Stage stage) {
            Random rng = new Random(1);
            int[] sizes = {784, 256, 10};
            double[][] w = new double[2][];
            for (int l = 0; l < 2; l++) {
                w[l] = new double[sizes[l] * sizes[l + 1]];
                for (int i = 0; i < w[l].length; i++) {
                    w[l][i] = rng.nextGaussian() * Math.sqrt(2.0 / sizes[l]);
                }
            }
            AtomicReference<TrainingSnapshot> newest = new AtomicReference<>();
            Runnable publish = () -> {
                List<LayerSnapshot> layers = new ArrayList<>();
                for (int l = 0; l < 2; l++) {
                    int in = sizes[l];
                    int out = sizes[l + 1];
                    double[] g = new double[w[l].length];
                    double[] u = new double[w[l].length];
                    for (int i = 0; i < g.length; i++) {
                        g[i] = rng.nextGaussian() * 1e-3 * (1 + (i / in) % 7);
                        u[i] = -0.01 * g[i];
                        w[l][i] += u[i];
                    }
                    boolean[] frozen = new boolean[w[l].length];
                    for (int i = 0; i < 40 * in && l == 0; i++) {
                        frozen[i] = true;
                    }
                    layers.add(new LayerSnapshot(in, out, l == 0 ? ActivationKind.RELU : ActivationKind.SOFTMAX,
                            w[l].clone(), new double[out], g, new double[out], u, new double[out], frozen,
                            new boolean[out], null));
                }
                TrainingSnapshot prev = newest.get();
                long step = prev == null ? 0 : prev.step() + 10;
                RunConfig c = RunConfig.defaults();
                newest.set(new TrainingSnapshot(step, 0, SessionState.RUNNING, c, c.features(), layers, 0.3, 0.3,
                        0.9, 0.9, 0, 0.01, null));
            };
            publish.run();
            Thread engine = new Thread(() -> {
                while (running.get()) {
                    publish.run();
                    try {
                        Thread.sleep(30);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "demo-engine");
            engine.setDaemon(true);
            engine.start();
            InspectorModel model = new InspectorModel();
            InspectorView view = new InspectorView(model);
            new AnimationTimer() {
                private TrainingSnapshot last;
                private long total;
                private int frames;

                @Override
                public void handle(long now) {
                    TrainingSnapshot s = newest.get();
                    if (s != last) {
                        last = s;
                        long t0 = System.nanoTime();
                        model.show(s);
                        total += System.nanoTime() - t0;
                        if (++frames % 5 == 0) {
                            System.err.printf("show() of a 784x256 layer, summaries and painting: %.2f ms"
                                    + " (mean of 5 frames)%n", total / 5e6);
                            total = 0;
                        }
                    }
                }
            }.start();
            model.show(newest.get());
            model.selectionProperty().set(new EdgeRef(0, 100, 300));
            Scene scene = new Scene(view, 1600, 1000);
            scene.getStylesheets().add(InspectorView.class.getResource("/org/weightlab/ui/weightlab.css")
                    .toExternalForm());
            stage.setTitle("WeightLab inspector demo: big");
            stage.setScene(scene);
            stage.show();
        }

        @Override
        public void stop() {
            running.set(false);
        }
    }
}
