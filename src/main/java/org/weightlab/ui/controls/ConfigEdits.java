package org.weightlab.ui.controls;

import java.util.ArrayList;
import java.util.List;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.LossKind;
import org.weightlab.engine.config.RunConfig;

/**
 * Config changes that touch several fields at once and that {@link RunConfig}'s own
 * {@code with*} copies cannot make in one step (a new dataset may need another problem kind,
 * output activation and loss). Every result goes through RunConfig's constructor, so its rules
 * decide what is valid.
 */
final class ConfigEdits {

    /** An output activation with its loss. */
    record Output(ActivationKind activation, LossKind loss) {
        String label() {
            return activation.id() + " + " + loss.id();
        }
    }

    private ConfigEdits() {
    }

    /** The output/loss pairs RunConfig accepts for {@code c}'s dataset, most common first. */
    static List<Output> validOutputs(RunConfig c) {
        List<Output> valid = new ArrayList<>();
        ActivationKind[] order = {ActivationKind.TANH, ActivationKind.SIGMOID, ActivationKind.LINEAR,
            ActivationKind.SOFTMAX, ActivationKind.RELU, ActivationKind.LEAKY_RELU};
        for (LossKind loss : LossKind.values()) {
            for (ActivationKind out : order) {
                try {
                    c.withActivations(c.activation(), out, loss, c.dataset().problem());
                    valid.add(new Output(out, loss));
                } catch (IllegalArgumentException e) {
                    // not a valid pair for this dataset: not offered
                }
            }
        }
        return valid;
    }

    /** {@code c} with dataset {@code d}; keeps the output and loss when they still fit, else takes the first that does. */
    static RunConfig withDataset(RunConfig c, DatasetKind d) {
        Output keep = new Output(c.outputActivation(), c.loss());
        RunConfig probe = build(c, d, keep);
        if (probe != null) {
            return probe;
        }
        Output[] preferred = {new Output(ActivationKind.TANH, LossKind.MSE),
            new Output(ActivationKind.SOFTMAX, LossKind.CROSS_ENTROPY),
            new Output(ActivationKind.LINEAR, LossKind.MSE)};
        for (Output o : preferred) {
            RunConfig next = build(c, d, o);
            if (next != null) {
                return next;
            }
        }
        throw new IllegalArgumentException("no output activation and loss fit dataset " + d.id());
    }

    private static RunConfig build(RunConfig c, DatasetKind d, Output o) {
        try {
            return new RunConfig(d, c.samples(), c.noise(), c.trainFraction(), c.seed(), c.features(),
                    d.problem(), c.hidden(), c.activation(), c.layerActivations(), o.activation(), o.loss(),
                    c.init(), c.biasInit(), c.optimizer(), c.regularization(), c.schedule(),
                    Math.min(c.batchSize(), trainSize(c.samples(), c.trainFraction())), c.shuffle(), c.dropout());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Number of training examples for these data settings (as DataGenerator splits: floor, one point each side at least). */
    static int trainSize(int samples, double trainFraction) {
        return Math.max(1, Math.min(samples - 1, (int) Math.floor(samples * trainFraction)));
    }
}
