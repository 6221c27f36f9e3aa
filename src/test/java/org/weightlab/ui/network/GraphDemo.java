package org.weightlab.ui.network;

import atlantafx.base.theme.PrimerLight;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.LossKind;
import org.weightlab.engine.config.ProblemKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.engine.data.Dataset;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.heatmap.DecisionHeatmapView;
import org.weightlab.ui.theme.RecordingControl;
import org.weightlab.ui.theme.TestSnapshots;

/**
 * Shows the network graph and the decision heatmap fed with synthetic snapshots, to look at them.
 * Arguments: {@code frozen} (freeze a neuron and some weights), {@code gradient} (edges show
 * gradients), {@code softmax} (three classes), {@code big} (8 layers of 16), {@code hover} (the
 * heatmap shows neuron 1 of layer 1), {@code test} (show test data), {@code nan} (a NaN weight).
 */
public final class GraphDemo {

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    public static final class App extends Application {
        private RunConfig config;
        private long frame;

        @Override
        public void start(Stage stage) {
            List<String> args = getParameters().getRaw();
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            config = RunConfig.defaults().withFeatures(List.of(Feature.X1, Feature.X2, Feature.X1_SQUARED))
                    .withHidden(List.of(4, 3), List.of());
            if (args.contains("softmax")) {
                config = config.withActivations(ActivationKind.TANH, ActivationKind.SOFTMAX,
                        LossKind.CROSS_ENTROPY, ProblemKind.CLASSIFICATION).withDataset(DatasetKind.SPIRAL3);
            }
            if (args.contains("big")) {
                config = config.withHidden(List.of(16, 16, 16, 16, 16, 16, 16, 16), List.of());
            }
            RecordingControl recorder = new RecordingControl();
            NetworkGraphView graph = new NetworkGraphView(new DemoControl(recorder));
            DecisionHeatmapView heatmap = new DecisionHeatmapView();
            heatmap.setData(circle(args.contains("softmax")));
            heatmap.setPrefWidth(380);
            if (args.contains("gradient")) {
                graph.edgeModeProperty().set(EdgeMode.GRADIENT);
            }
            if (args.contains("test")) {
                heatmap.showTestDataProperty().set(true);
            }
            graph.hoveredNodeProperty().addListener((obs, old, now) -> {
                if (now == null) {
                    heatmap.clearNodeField();
                } else {
                    heatmap.showNodeField(now.layer(), now.index());
                }
            });
            if (args.contains("hover")) {
                heatmap.showNodeField(1, 0);
            }
            BorderPane root = new BorderPane(graph);
            root.setRight(heatmap);
            Scene scene = new Scene(root, 1400, 850);
            scene.getStylesheets().add(GraphDemo.class.getResource("/org/weightlab/ui/weightlab.css").toExternalForm());
            stage.setTitle("WeightLab graph demo");
            stage.setScene(scene);
            stage.show();
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    frame++;
                    graph.show(snapshot(args, frame));
                    heatmap.show(snapshot(args, frame));
                    if (frame == 10) {
                        poke(graph, args);
                    }
                }
            }.start();
        }

        /** Opens the editor with bad text ({@code edit}) or an edge's tooltip ({@code tip}), to look at them. */
        private void poke(NetworkGraphView graph, List<String> args) {
            var hit = graph.edgeHit(0, 1, 0);
            var p = hit.localToScreen((hit.getStartX() + hit.getEndX()) / 2, (hit.getStartY() + hit.getEndY()) / 2);
            var local = hit.localToParent((hit.getStartX() + hit.getEndX()) / 2, (hit.getStartY() + hit.getEndY()) / 2);
            if (args.contains("edit")) {
                graph.editor().open("Weight x1 \u2192 layer 1 neuron 2", 0.4321, local.getX() + 8, local.getY() + 8,
                        v -> { });
                graph.editor().field().setText("12o");
                graph.editor().field().fireEvent(new javafx.scene.input.KeyEvent(
                        javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", javafx.scene.input.KeyCode.ENTER,
                        false, false, false, false));
            }
            if (args.contains("tip")) {
                hit.fireEvent(new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_ENTERED, 0, 0, 0,
                        0, javafx.scene.input.MouseButton.NONE, 0, false, false, false, false, false, false, false,
                        false, false, true, null));
                graph.tooltip().show(hit, p.getX() + 12, p.getY() + 12);
            }
        }

        private TrainingSnapshot snapshot(List<String> args, long f) {
            TestSnapshots t = TestSnapshots.of(config).step(f).phase(f * 0.01).grid(50);
            if (args.contains("frozen") && config.hidden().size() >= 2) {
                int in0 = config.features().size();
                boolean[] fw = new boolean[config.hidden().get(0) * in0];
                Arrays.fill(fw, 0, in0, true); // neuron 1 of layer 1: all incoming weights
                fw[in0 + 1] = true;            // one more weight
                boolean[] fb = new boolean[config.hidden().get(0)];
                fb[0] = true;
                t.frozenWeights(0, fw).frozenBiases(0, fb);
            }
            if (args.contains("nan")) {
                int n = config.features().size() * config.hidden().get(0);
                double[] w = new double[n];
                for (int k = 0; k < n; k++) {
                    w[k] = 0.9 * Math.sin(1.3 * k + 0.4 + f * 0.01);
                }
                w[1] = Double.NaN;
                t.weights(0, w);
            }
            return t.build();
        }

        /** Applies config changes to the demo, so the buttons do something visible. */
        private final class DemoControl implements org.weightlab.session.TrainingControl {
            private final RecordingControl log;

            DemoControl(RecordingControl log) {
                this.log = log;
            }

            @Override public void play() { }
            @Override public void pause() { }
            @Override public void stepBatch() { }
            @Override public void stepEpoch() { }
            @Override public void runSteps(int n) { }
            @Override public void reset() { }
            @Override public void reinitialize() { }
            @Override public void applyConfig(RunConfig c) { config = c; }
            @Override public void setSpeed(double s) { }
            @Override public void freezeWeight(int l, int o, int i, boolean f) { log.freezeWeight(l, o, i, f); }
            @Override public void freezeBias(int l, int o, boolean f) { log.freezeBias(l, o, f); }
            @Override public void freezeNeuron(int l, int o, boolean f) { log.freezeNeuron(l, o, f); }
            @Override public void freezeLayer(int l, boolean f) { log.freezeLayer(l, f); }
            @Override public void setWeight(int l, int o, int i, double v) { log.setWeight(l, o, i, v); }
            @Override public void setBias(int l, int o, double v) { log.setBias(l, o, v); }
            @Override public void jumpTo(long s) { }
            @Override public void requestFields(boolean w) { }
            @Override public void requestStats(boolean w) { }
        }
    }

    /** Two rings (or three arms) of points, half for training, half for testing. */
    static DataSplit circle(boolean threeClasses) {
        Random r = new Random(1);
        int n = 200;
        double[][] p = new double[2][n];
        double[][] y = new double[2][n / 2];
        for (int s = 0; s < 2; s++) {
            for (int i = 0; i < n / 2; i++) {
                double radius = r.nextBoolean() ? r.nextDouble() * 2.5 : 3.5 + r.nextDouble() * 1.5;
                double angle = r.nextDouble() * 2 * Math.PI;
                p[s][2 * i] = radius * Math.cos(angle);
                p[s][2 * i + 1] = radius * Math.sin(angle);
                y[s][i] = threeClasses ? (int) (angle / (2 * Math.PI / 3)) : radius < 3 ? 1 : -1;
            }
        }
        return new DataSplit(new Dataset(p[0], y[0]), new Dataset(p[1], y[1]));
    }
}
