package org.weightlab.analysis;

import java.util.ArrayList;
import java.util.List;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.InlineData;
import org.weightlab.engine.config.LossKind;
import org.weightlab.engine.config.ProblemKind;
import org.weightlab.engine.config.RunConfig;

/**
 * How a classification run names its classes and reads its labels and outputs as class numbers
 * 0..count-1, the way the engine counts an example correct: argmax of a softmax output; for one
 * output, above 0.5 (sigmoid) or above 0 (otherwise) is the positive class. Two-class labels -1/+1
 * are classes 0 and 1. Names are the data's own (an imported file's class names), else "-1" and
 * "+1" for two classes read by sign and "0", "1", ... otherwise.
 */
public record ClassRule(List<String> names, boolean softmax, double threshold) {

    public ClassRule {
        names = List.copyOf(names);
        if (names.size() < 2) {
            throw new IllegalArgumentException("a classification has at least two classes, got " + names.size());
        }
    }

    /** {@code count} classes with the default names. */
    public ClassRule(int count, boolean softmax, double threshold) {
        this(defaultNames(count, softmax), softmax, threshold);
    }

    public int count() {
        return names.size();
    }

    /** The rule of {@code c}'s run, or null for regression. */
    public static ClassRule of(RunConfig c) {
        if (c.problem() != ProblemKind.CLASSIFICATION) {
            return null;
        }
        boolean softmax = c.loss() == LossKind.CROSS_ENTROPY;
        int count = softmax ? c.outputs() : 2;
        double threshold = c.outputActivation() == ActivationKind.SIGMOID ? 0.5 : 0.0;
        InlineData data = c.extras().data();
        List<String> names = data != null && data.classes().size() == count ? data.classes()
                : defaultNames(count, softmax);
        return new ClassRule(names, softmax, threshold);
    }

    /** The class of a stored label. */
    public int ofLabel(double label) {
        if (softmax) {
            return label < 0 ? 0 : (int) label;
        }
        return label > 0 ? 1 : 0;
    }

    /** The class the network predicts from its outputs. */
    public int ofOutputs(double[] outputs) {
        if (!softmax) {
            return outputs[0] > threshold ? 1 : 0;
        }
        int best = 0;
        for (int k = 1; k < outputs.length; k++) {
            if (outputs[k] > outputs[best]) {
                best = k;
            }
        }
        return best;
    }

    private static List<String> defaultNames(int count, boolean softmax) {
        List<String> names = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            names.add(softmax ? Integer.toString(k) : k == 0 ? "-1" : "+1");
        }
        return names;
    }
}
