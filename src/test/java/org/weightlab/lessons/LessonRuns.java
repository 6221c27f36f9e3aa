package org.weightlab.lessons;

import java.util.ArrayList;
import java.util.List;
import org.weightlab.engine.Evaluation;
import org.weightlab.engine.Network;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.scenario.NetworkState;
import org.weightlab.scenario.Scenario;
import org.weightlab.scenario.ScenarioException;
import org.weightlab.scenario.ScenarioFile;

/** Runs built-in lessons, and variants of their configs, with the real engine and no window. */
final class LessonRuns {

    private LessonRuns() {
    }

    static Scenario lesson(String name) {
        try {
            Scenario s = ScenarioFile.builtIn(name);
            if (s == null) {
                throw new AssertionError("no built-in lesson " + name);
            }
            return s;
        } catch (ScenarioException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** A trainer for the lesson as its file says: its config, and its stored weights if it has any. */
    static Trainer trainer(Scenario s) {
        return trainer(s.config(), s.initial());
    }

    /** A trainer for a changed config, starting from {@code initial} (null: the config's initializer). */
    static Trainer trainer(RunConfig config, NetworkState initial) {
        Network start = initial == null ? null : initial.toNetwork(config);
        return new Trainer(config, DataGenerator.generate(config), start);
    }

    /** Train and test loss after each of {@code epochs} epochs: {@code [epoch][0 train, 1 test]}. */
    static List<double[]> losses(Trainer t, int epochs) {
        List<double[]> curve = new ArrayList<>();
        for (int e = 0; e < epochs; e++) {
            t.runEpoch();
            Evaluation ev = t.evaluate();
            curve.add(new double[]{ev.trainLoss(), ev.testLoss()});
        }
        return curve;
    }

    /** Index of the epoch with the lowest test loss (the first one on a tie). */
    static int bestTestEpoch(List<double[]> curve) {
        int best = 0;
        for (int i = 1; i < curve.size(); i++) {
            if (curve.get(i)[1] < curve.get(best)[1]) {
                best = i;
            }
        }
        return best;
    }

    static double finalTestLoss(RunConfig config, int epochs) {
        Trainer t = trainer(config, null);
        t.runEpochs(epochs);
        return t.evaluate().testLoss();
    }
}
