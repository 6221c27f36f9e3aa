package org.weightlab.ui.network;

import atlantafx.base.theme.PrimerLight;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.heatmap.DecisionHeatmapView;
import org.weightlab.ui.theme.RecordingControl;
import org.weightlab.ui.theme.TestSnapshots;

/**
 * Time per frame of {@code show()} on the FX thread, for the default network (x1 x2, 4-2) and the
 * largest one (7 features, 8 x 16 hidden), fields on a 50 x 50 grid: the graph (restyle plus the
 * layout pass that follows; CSS only where something changed, as on a pulse; rendering not) and
 * the heatmap. Run with a display or headless:
 * {@code -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw}.
 * Prints {@code bench NAME METRIC=VALUE} lines.
 */
public final class ViewBenchmark {

    public static void main(String[] args) throws Exception {
        RunConfig small = RunConfig.defaults();
        RunConfig big = TestSnapshots.config(List.of(Feature.values()), 16, 16, 16, 16, 16, 16, 16, 16);
        CountDownLatch done = new CountDownLatch(1);
        Platform.startup(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            run("default_4_2", small);
            run("largest_8x16", big);
            done.countDown();
        });
        done.await();
        Platform.exit();
    }

    private static void run(String name, RunConfig config) {
        List<TrainingSnapshot> frames = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            frames.add(Boolean.getBoolean("bench.nofields") ? TestSnapshots.of(config).phase(i * 0.05).noFields().build() : TestSnapshots.of(config).phase(i * 0.05).grid(50).build());
        }
        NetworkGraphView graph = new NetworkGraphView(new RecordingControl());
        DecisionHeatmapView heatmap = new DecisionHeatmapView();
        BorderPane root = new BorderPane(graph);
        root.setRight(heatmap);
        Stage stage = new Stage();
        Scene scene = new Scene(root, 1400, 900);
        scene.getStylesheets().add(ViewBenchmark.class.getResource("/org/weightlab/ui/weightlab.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        graph.show(frames.get(0));
        root.applyCss();
        root.layout();
        int nodes = graph.drawnNodeCount();
        for (int round = 0; round < 4; round++) {
            long g = 0;
            long lay = 0;
            long h = 0;
            int n = 0;
            for (int rep = 0; rep < 5; rep++) {
                for (TrainingSnapshot s : frames) {
                    long t0 = System.nanoTime();
                    graph.show(s);
                    long t1 = System.nanoTime();
                    root.layout();
                    long t2 = System.nanoTime();
                    heatmap.show(s);
                    long t3 = System.nanoTime();
                    g += t1 - t0;
                    lay += t2 - t1;
                    h += t3 - t2;
                    n++;
                }
            }
            if (round == 3) {
                System.out.printf("bench graph_%s show_ms=%.3f layout_ms=%.3f nodes=%d%n", name, g / 1e6 / n,
                        lay / 1e6 / n, nodes);
                System.out.printf("bench heatmap_%s show_ms=%.3f%n", name, h / 1e6 / n);
            }
        }
        stage.close();
    }
}
