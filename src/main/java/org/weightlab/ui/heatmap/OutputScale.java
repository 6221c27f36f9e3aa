package org.weightlab.ui.heatmap;

import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.LossKind;
import org.weightlab.engine.config.ProblemKind;
import org.weightlab.session.TrainingSnapshot;

/** How the output view turns values into colours. */
enum OutputScale {
    /** tanh or another unbounded output of a classifier: -1..+1. */
    SIGNED,
    /** A sigmoid output: 0..1. */
    PROBABILITY,
    /** Softmax: the most likely class, faded by its confidence. */
    CLASSES,
    /** Regression: a range symmetric around 0 that covers the data's labels. */
    REGRESSION,
    /** One neuron's field. */
    NODE;

    /** The scale for the output of {@code s} (SIGNED before any snapshot). */
    static OutputScale ofOutput(TrainingSnapshot s) {
        if (s == null) {
            return SIGNED;
        }
        var c = s.config();
        if (c.loss() == LossKind.CROSS_ENTROPY || c.outputActivation() == ActivationKind.SOFTMAX) {
            return CLASSES;
        }
        if (c.problem() == ProblemKind.REGRESSION) {
            return REGRESSION;
        }
        return c.outputActivation() == ActivationKind.SIGMOID ? PROBABILITY : SIGNED;
    }
}
