package org.weightlab.analysis;

import java.util.ArrayList;
import java.util.List;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.LossKind;
import org.weightlab.engine.config.ProblemKind;
import org.weightlab.engine.config.RunConfig;

/**
 * How a classification run names its classes and reads its labels and outputs as class numbers
 * 0..count-1, the way the engine counts an example correct: argmax of a softmax output; for one
 * output, above 0.5 (sigmoid) or above 0 (otherwise) is the positive class. Two-class labels -1/+1
 * are classes 0 and 1, named "-1" and "+1".
 */
public record ClassRule(int count, boolean softmax, double threshold) {

    public ClassRule {
        if (count < 2) {
            throw new IllegalArgumentException("a classification has at least two classes, got " + count);
        }
    }

    /** The rule of {@code c}'s run, or null for regression. */
    public static ClassRule of(RunConfig c) {
        if (c.problem() != ProblemKind.CLASSIFICATION) {
            return null;
        }
        boolean softmax = c.loss() == LossKind.CROSS_ENTROPY;
        int count = softmax ? c.outputs() : 2;
        return new ClassRule(count, softmax, c.outputActivation() == ActivationKind.SIGMOID ? 0.5 : 0.0);
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
        for (int k = 1; k < count; k++) {
            if (outputs[k] > outputs[best]) {
                best = k;
            }
        }
        return best;
    }

    /** The class names, in class order: "-1", "+1" for two classes read by sign, else "0", "1", .... */
    public List<String> names() {
        List<String> names = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            names.add(softmax ? Integer.toString(k) : k == 0 ? "-1" : "+1");
        }
        return names;
    }
}
