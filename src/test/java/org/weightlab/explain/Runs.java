package org.weightlab.explain;

import java.util.List;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.LossKind;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.OptimizerKind;
import org.weightlab.engine.config.ProblemKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;

/** Small seeded runs for stepper tests. */
final class Runs {

    private Runs() {
    }

    /** Circle data, 4-3 hidden layers of {@code hidden}, the output and loss given. */
    static RunConfig config(ActivationKind hidden, ActivationKind out, LossKind loss, OptimizerConfig opt) {
        DatasetKind data = loss == LossKind.CROSS_ENTROPY ? DatasetKind.GAUSS3 : DatasetKind.CIRCLE;
        RunConfig d = RunConfig.defaults();
        return new RunConfig(data, 60, 0.1, 0.5, 7,
                List.of(Feature.X1, Feature.X2, Feature.X1_SQUARED, Feature.SIN_X2), ProblemKind.CLASSIFICATION,
                List.of(4, 3), hidden, List.of(), out, loss, d.init(), d.biasInit(), opt, d.regularization(),
                d.schedule(), 5, true, 0.0);
    }

    static RunConfig tanhMse(OptimizerConfig opt) {
        return config(ActivationKind.TANH, ActivationKind.TANH, LossKind.MSE, opt);
    }

    static OptimizerConfig sgd(double lr) {
        return OptimizerConfig.defaults(OptimizerKind.SGD, lr);
    }

    static DataSplit data(RunConfig c) {
        return DataGenerator.generate(c);
    }

    /** A trainer that has already taken {@code steps} steps, so optimizer state and order are non-trivial. */
    static Trainer trained(RunConfig c, DataSplit d, int steps) {
        Trainer t = new Trainer(c, d);
        t.runSteps(steps);
        return t;
    }
}
