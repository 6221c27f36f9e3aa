package org.weightlab.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.Network;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.ConfigEdits;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.engine.data.Dataset;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.session.LayerSnapshot;
import org.weightlab.session.SessionState;
import org.weightlab.session.TrainingSnapshot;

class ConfusionMatrixTest {

    /** One softmax layer with identity weights: the predicted class is the largest input. */
    private static SnapshotForward argmaxNetwork(int k) {
        double[] w = new double[k * k];
        for (int i = 0; i < k; i++) {
            w[i * k + i] = 1;
        }
        return new SnapshotForward(List.of(layer(k, k, ActivationKind.SOFTMAX, w, new double[k])));
    }

    private static LayerSnapshot layer(int in, int out, ActivationKind act, double[] w, double[] b) {
        return new LayerSnapshot(in, out, act, w, b, new double[w.length], new double[out], new double[w.length],
                new double[out], new boolean[w.length], new boolean[out], null);
    }

    @Test
    void countsTrueClassAgainstTheLargestOutputForAHandBuiltCase() {
        double[] x = {
            0.9, 0.1, 0.0,   // true 0, predicted 0
            0.2, 0.7, 0.1,   // true 0, predicted 1
            0.1, 0.8, 0.1,   // true 1, predicted 1
            0.0, 0.3, 0.6,   // true 1, predicted 2
            0.1, 0.1, 0.9,   // true 2, predicted 2
            0.5, 0.1, 0.2,   // true 2, predicted 0
            0.0, 0.1, 0.95,  // true 2, predicted 2
        };
        double[] labels = {0, 0, 1, 1, 2, 2, 2};
        ConfusionMatrix m = ConfusionMatrix.of(argmaxNetwork(3), x, labels, new ClassRule(3, true, 0));

        assertArrayEquals(new int[]{1, 1, 0, 0, 1, 1, 1, 0, 2}, m.counts());
        assertArrayEquals(new int[]{3}, m.examples(1, 2));
        assertArrayEquals(new int[]{4, 6}, m.examples(2, 2));
        assertArrayEquals(new int[]{5}, m.examples(2, 0));
        assertEquals(4, m.correct());
        assertEquals(7, m.total());
        assertEquals(4 / 7.0, m.accuracy(), 1e-15);
        assertEquals(0.5, m.classAccuracy(0), 1e-15);
        assertEquals(2 / 3.0, m.classAccuracy(2), 1e-15);
        assertEquals(List.of("0", "1", "2"), m.classNames());
    }

    @Test
    void oneOutputIsReadBySignAndLabelsMinusOnePlusOneAreClassesZeroAndOne() {
        // one tanh unit computing tanh(x1 - x2)
        SnapshotForward net = new SnapshotForward(List.of(layer(2, 1, ActivationKind.TANH,
                new double[]{1, -1}, new double[]{0})));
        double[] x = {2, 1, 1, 2, 3, 0, 0, 0.5};
        double[] labels = {1, -1, -1, 1};
        ConfusionMatrix m = ConfusionMatrix.of(net, x, labels, new ClassRule(2, false, 0));

        assertEquals(List.of("-1", "+1"), m.classNames());
        assertEquals(1, m.count(0, 0)); // example 1
        assertEquals(1, m.count(0, 1)); // example 2
        assertEquals(1, m.count(1, 1)); // example 0
        assertEquals(1, m.count(1, 0)); // example 3
        assertArrayEquals(new int[]{2}, m.examples(0, 1));
        assertTrue(Double.isNaN(ConfusionMatrix.of(net, new double[0], new double[0],
                new ClassRule(2, false, 0)).accuracy()));
    }

    @Test
    void agreesWithTheEnginesOwnEvaluationOnEveryClassificationDataSet() {
        for (DatasetKind kind : List.of(DatasetKind.CIRCLE, DatasetKind.XOR, DatasetKind.GAUSS3, DatasetKind.SPIRAL3)) {
            RunConfig c = ConfigEdits.withDataset(RunConfig.defaults(), kind);
            DataSplit data = DataGenerator.generate(c);
            EngineRun run = new EngineRun(c);
            Trainer trainer = run.trainer();
            for (int i = 0; i < 300; i++) {
                trainer.step();
            }
            TrainingSnapshot s = withData(run.snapshot(0), data);
            ConfusionMatrix m = Confusion.ofTest(s);

            assertEquals(data.test().size(), m.total(), kind.id());
            assertEquals(trainer.evaluate().testAccuracy(), m.accuracy(), 1e-12, kind.id());
            // every cell holds exactly the examples the network puts there, predicted point by point
            Network net = trainer.network();
            ClassRule rule = ClassRule.of(c);
            Dataset test = data.test();
            for (int t = 0; t < m.classes(); t++) {
                for (int p = 0; p < m.classes(); p++) {
                    for (int i : m.examples(t, p)) {
                        assertEquals(t, rule.ofLabel(test.label(i)), kind.id());
                        assertEquals(p, rule.ofOutputs(net.predict(test.x1(i), test.x2(i))), kind.id());
                    }
                }
            }
        }
    }

    @Test
    void regressionHasNoConfusionMatrix() {
        RunConfig c = ConfigEdits.withDataset(RunConfig.defaults(), DatasetKind.PLANE);
        DataSplit data = DataGenerator.generate(c);
        assertNull(Confusion.ofTest(withData(new EngineRun(c).snapshot(0), data)));
    }

    /** {@code s} with the split the run trains on (the same seed generates the same split). */
    static TrainingSnapshot withData(TrainingSnapshot s, DataSplit data) {
        return new TrainingSnapshot(s.step(), s.epoch(), SessionState.PAUSED, s.config(), s.features(), s.layers(),
                s.trainLoss(), s.testLoss(), s.trainAccuracy(), s.testAccuracy(), s.penalty(), s.learningRate(),
                null, data);
    }
}
