package org.weightlab.analysis;

import org.weightlab.session.TrainingSnapshot;

/** The confusion matrix of a published moment on its test split. */
public final class Confusion {

    private Confusion() {
    }

    /**
     * The test split's confusion matrix under {@code s}'s weights, or null when the run is a
     * regression or the moment carries no data. Costs one forward pass per test example: call it
     * off the FX thread.
     */
    public static ConfusionMatrix ofTest(TrainingSnapshot s) {
        ClassRule rule = ClassRule.of(s.config());
        if (rule == null || s.data() == null) {
            return null;
        }
        var test = s.data().test();
        return ConfusionMatrix.of(SnapshotForward.of(s), ExampleInputs.of(s.features(), test),
                test.labels(), rule);
    }
}
