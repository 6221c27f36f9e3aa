package org.weightlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.ConfigEdits;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.InlineData;
import org.weightlab.engine.config.LossKind;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.OptimizerKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;

/** Training on data of other than two columns, and softmax with cross_entropy on -1/+1 labels. */
class NdDataTrainingTest {

    static RunConfig digits() {
        return ConfigEdits.withDataset(RunConfig.defaults(), DatasetKind.DIGITS).withData(1797, 0, 0.8, 1)
                .withHidden(List.of(32), List.of()).withOptimizer(OptimizerConfig.defaults(OptimizerKind.SGD, 0.1))
                .withBatch(32, true);
    }

    @Test
    void digitsLearnToRecogniseTheTestImages() {
        RunConfig c = digits();
        Trainer t = new Trainer(c, DataGenerator.generate(c));
        assertEquals(64, t.network().inputs());
        assertEquals(10, t.network().outputs());
        double before = t.evaluate().trainLoss();
        t.runEpochs(10);
        Evaluation e = t.evaluate();
        assertTrue(e.trainLoss() < before / 4, "loss " + before + " -> " + e.trainLoss());
        assertTrue(e.testAccuracy() > 0.9, "test accuracy " + e.testAccuracy());
    }

    @Test
    void aDigitsTraceHoldsThe64PixelsAndNoPoint() {
        RunConfig c = digits();
        DataSplit data = DataGenerator.generate(c);
        Trainer t = new Trainer(c, data);
        Trace tr = t.trace(3);
        assertArrayEquals(data.train().row(3), tr.features());
        assertTrue(Double.isNaN(tr.x1()));
        assertEquals(10, tr.output().z().length);
        assertArrayEquals(t.network().predictInputs(data.train().row(3)), tr.output().a(), 1e-15);
        assertThrows(IllegalStateException.class, () -> t.computeField(10, -6, 6, null),
                "64 inputs have no 2-D plane");
    }

    @Test
    void wideLayersAreForNdDataOnly() {
        assertThrows(IllegalArgumentException.class,
                () -> RunConfig.defaults().withHidden(List.of(32), List.of()));
        RunConfig wide = digits().withHidden(List.of(64, 20), List.of());
        assertEquals(List.of(64, 20), wide.hidden());
        assertThrows(IllegalArgumentException.class, () -> digits().withHidden(List.of(65), List.of()));
        RunConfig back = ConfigEdits.withDataset(wide, DatasetKind.CIRCLE);
        assertEquals(List.of(16, 16), back.hidden());
        assertEquals(2, back.inputs());
    }

    @Test
    void softmaxCrossEntropyTrainsOnTwoClassMinusOnePlusOneLabels() {
        RunConfig c = ConfigEdits.setOutputActivation(RunConfig.defaults(), ActivationKind.SOFTMAX);
        assertEquals(LossKind.CROSS_ENTROPY, c.loss());
        assertEquals(2, c.outputs());
        assertTrue(ConfigEdits.validOutputs(c).contains(new ConfigEdits.Output(ActivationKind.SOFTMAX,
                LossKind.CROSS_ENTROPY)), "offered, and it must train");
        c = c.withFeatures(List.of(org.weightlab.engine.config.Feature.X1_SQUARED,
                org.weightlab.engine.config.Feature.X2_SQUARED));
        DataSplit data = DataGenerator.generate(c);
        Trainer t = new Trainer(c, data);
        t.runEpochs(30);
        assertTrue(t.evaluate().testAccuracy() > 0.9, "accuracy " + t.evaluate().testAccuracy());
        // Label +1 is class 1: a point deep inside the circle (label +1) gets class 1's probability highest.
        double[] p = t.network().predict(0, 0);
        assertTrue(p[1] > p[0], "inside the circle: " + p[0] + ", " + p[1]);
    }

    @Test
    void customDataIsSplitBySeedAndStandardizedWithTheTrainingPart() {
        double[] rows = new double[40];
        double[] labels = new double[20];
        for (int i = 0; i < 20; i++) {
            rows[2 * i] = 100 + i;
            rows[2 * i + 1] = -3 * i;
            labels[i] = i < 10 ? -1 : 1;
        }
        InlineData d = new InlineData(List.of("a", "b"), List.of("no", "yes"), rows, labels, true);
        RunConfig c = ConfigEdits.withInlineData(RunConfig.defaults(), d);
        assertEquals(DatasetKind.CUSTOM, c.dataset());
        assertEquals(20, c.samples());
        DataSplit s = DataGenerator.generate(c);
        assertEquals(10, s.train().size());
        double mean = 0;
        for (int i = 0; i < 10; i++) {
            mean += s.train().value(i, 0);
        }
        assertEquals(0, mean / 10, 1e-12, "the training part has mean 0 after standardization");
        double raw = (s.train().value(0, 0) * s.standardization().std()[0]) + s.standardization().mean()[0];
        assertTrue(raw >= 100 && raw <= 119, "the recorded numbers undo the standardization: " + raw);
        assertArrayEquals(s.train().points(), DataGenerator.generate(c).train().points(), "same seed, same split");
        Trainer t = new Trainer(c, s);
        t.runEpochs(20);
        assertTrue(t.evaluate().trainAccuracy() > 0.8, "accuracy " + t.evaluate().trainAccuracy());
    }
}
