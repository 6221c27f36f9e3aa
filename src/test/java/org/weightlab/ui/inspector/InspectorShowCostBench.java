package org.weightlab.ui.inspector;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.session.LayerSnapshot;
import org.weightlab.session.SessionState;
import org.weightlab.session.TrainingSnapshot;

/**
 * What one {@code show()} costs the FX thread for a 784-256-10 network, in CPU time (the machine
 * is shared, so wall time says little). A benchmark, not a check:
 * {@code mvn test -Dtest=InspectorShowCostBench -Dgroups=slow -Dexcluded.groups=}.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class InspectorShowCostBench {

    private InspectorModel model;
    private InspectorView view;

    @Start
    void start(Stage stage) {
        model = new InspectorModel();
        view = new InspectorView(model);
        stage.setScene(new Scene(view, 1600, 1000));
        stage.show();
    }

    private static TrainingSnapshot big(long step, Random rng) {
        int[] sizes = {784, 256, 10};
        List<LayerSnapshot> layers = new ArrayList<>();
        for (int l = 0; l < 2; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            double[] w = new double[in * out];
            double[] g = new double[in * out];
            double[] u = new double[in * out];
            for (int i = 0; i < w.length; i++) {
                w[i] = rng.nextGaussian();
                g[i] = rng.nextGaussian();
                u[i] = rng.nextGaussian();
            }
            layers.add(new LayerSnapshot(in, out, ActivationKind.RELU, w, new double[out], g, new double[out], u,
                    new double[out], new boolean[w.length], new boolean[out], null));
        }
        RunConfig c = RunConfig.defaults();
        return new TrainingSnapshot(step, 0, SessionState.RUNNING, c, c.features(), layers, 0, 0, 0, 0, 0, 0.01,
                null);
    }

    private static long cpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    @Test
    void showOfABigLayer() {
        Random rng = new Random(1);
        List<TrainingSnapshot> base = List.of(big(0, rng), big(1, rng), big(2, rng));
        InspectorModel bare = new InspectorModel();
        WaitForAsyncUtils.asyncFx(() -> {
            long step = 0;
            for (int round = 0; round < 12; round++) {
                long t0 = cpu();
                for (int i = 0; i < 20; i++) {
                    TrainingSnapshot s = base.get(i % 3);
                    bare.show(new TrainingSnapshot(step++, 0, s.state(), s.config(), s.features(), s.layers(), 0, 0,
                            0, 0, 0, 0.01, null));
                }
                long t1 = cpu();
                for (int i = 0; i < 20; i++) {
                    TrainingSnapshot s = base.get(i % 3);
                    model.show(new TrainingSnapshot(step++, 0, s.state(), s.config(), s.features(), s.layers(), 0, 0,
                            0, 0, 0, 0.01, null));
                    view.refresh(); // what the queued repaint does later in the same pulse
                }
                long t2 = cpu();
                System.out.printf("bench inspector_show_784x256 model_ms=%.2f model_and_view_ms=%.2f%n",
                        (t1 - t0) / 20e6, (t2 - t1) / 20e6);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void showOfTheDefaultNetwork() {
        org.weightlab.analysis.EngineRun run = new org.weightlab.analysis.EngineRun(
                RunConfig.defaults());
        List<TrainingSnapshot> snaps = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            run.trainer().step();
            snaps.add(run.snapshot(40));
        }
        WaitForAsyncUtils.asyncFx(() -> {
            model.selectNeuron(0, 1);
            for (int round = 0; round < 4; round++) {
                long t0 = cpu();
                for (int i = 0; i < 100; i++) {
                    model.show(snaps.get(round * 100 + i));
                    view.refresh();
                }
                System.out.printf("bench inspector_show_default model_and_view_ms=%.3f%n", (cpu() - t0) / 100e6);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
