package org.weightlab.ui.digits;

import org.weightlab.analysis.ClassRule;
import org.weightlab.analysis.SnapshotForward;
import org.weightlab.engine.data.Dataset;
import org.weightlab.session.TrainingSnapshot;

/**
 * What the network of one moment says about some test digits: for each, the class it predicts, the
 * true class and its outputs (the class probabilities of a softmax network). One forward pass per
 * digit over the moment's immutable weights, convolutions first when the run has them, as the
 * drawing pad asks the network.
 *
 * @param rows          the test rows, in the order shown
 * @param predicted     the class the network predicts for each row (the engine's rule: argmax)
 * @param truth         each row's true class
 * @param probabilities each row's outputs, a copy
 */
record GalleryPredictions(int[] rows, int[] predicted, int[] truth, double[][] probabilities) {

    /** The predictions of {@code s}'s network for test rows {@code rows}; null when the moment has no data or classes. */
    static GalleryPredictions of(TrainingSnapshot s, int[] rows) {
        ClassRule rule = ClassRule.of(s.config());
        if (rule == null || s.data() == null) {
            return null;
        }
        Dataset test = s.data().test();
        SnapshotForward forward = SnapshotForward.of(s);
        int[] predicted = new int[rows.length];
        int[] truth = new int[rows.length];
        double[][] p = new double[rows.length][];
        for (int k = 0; k < rows.length; k++) {
            double[] out = forward.forward(test.points(), rows[k] * test.dims());
            p[k] = out.clone();
            predicted[k] = rule.ofOutputs(out);
            truth[k] = rule.ofLabel(test.label(rows[k]));
        }
        return new GalleryPredictions(rows.clone(), predicted, truth, p);
    }

    boolean right(int k) {
        return predicted[k] == truth[k];
    }

    int size() {
        return rows.length;
    }
}
