package org.weightlab.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.weightlab.scenario.LayerState;
import org.weightlab.scenario.NetworkState;
import org.weightlab.scenario.NormState;
import org.weightlab.session.LayerSnapshot;
import org.weightlab.session.LossPoint;
import org.weightlab.session.NormSnapshot;
import org.weightlab.session.TrainingSnapshot;

/** Turns what the window shows into the contents of scenario, run and CSV files. */
public final class RunFiles {

    private RunFiles() {
    }

    /** The weights, biases and frozen masks of a snapshot, as a scenario's "initial" block holds them. */
    public static NetworkState networkState(TrainingSnapshot s) {
        List<LayerState> layers = new ArrayList<>();
        for (LayerSnapshot l : s.layers()) {
            double[][] w = new double[l.outputs()][l.inputs()];
            boolean[][] fw = new boolean[l.outputs()][l.inputs()];
            for (int o = 0; o < l.outputs(); o++) {
                for (int i = 0; i < l.inputs(); i++) {
                    w[o][i] = l.weights()[o * l.inputs() + i];
                    fw[o][i] = l.frozenWeights()[o * l.inputs() + i];
                }
            }
            LayerState state = new LayerState(w, l.biases().clone(), l.activation(), fw, l.frozenBiases().clone());
            NormSnapshot n = l.norm();
            layers.add(n == null ? state : state.withNorm(new NormState(n.gamma(), n.beta(), n.runningMean(),
                    n.runningVar(), n.batchesTracked(), n.frozenGamma(), n.frozenBeta())));
        }
        return new NetworkState(layers);
    }

    /**
     * The loss history as CSV: one line per point, {@code step,epoch,kind,train_loss,test_loss}
     * where kind is "batch" (the loss of one minibatch) or "epoch" (train and test loss over the
     * whole sets). Empty cells for values that were not measured.
     */
    public static String lossCsv(List<LossPoint> points) {
        StringBuilder b = new StringBuilder("step,epoch,kind,train_loss,test_loss\n");
        for (LossPoint p : points) {
            b.append(p.step()).append(',').append(p.epoch()).append(',')
                    .append(p.epochEnd() ? "epoch" : "batch").append(',')
                    .append(number(p.trainLoss())).append(',').append(number(p.testLoss())).append('\n');
        }
        return b.toString();
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%s", v) : "";
    }
}
