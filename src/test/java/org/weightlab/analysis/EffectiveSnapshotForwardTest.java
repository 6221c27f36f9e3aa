package org.weightlab.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.ConfigEdits;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.LoraSpec;
import org.weightlab.engine.config.QuantizationSpec;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.engine.data.Dataset;
import org.weightlab.session.SessionState;
import org.weightlab.session.SnapshotParts;
import org.weightlab.session.TrainingSnapshot;

/**
 * A moment's forward pass (confusion matrix, drawing pad, test digits) computes as the engine
 * evaluates when the layers compute with other weights than W (a LoRA adapter, quantization-aware
 * training) or normalize their batch: the same outputs, the same test accuracy.
 */
class EffectiveSnapshotForwardTest {

    private static RunConfig config(String kind) {
        RunConfig digits = ConfigEdits.withDataset(RunConfig.defaults(), DatasetKind.DIGITS)
                .withHidden(List.of(12), List.of()).withData(300, 0, 0.5, 5);
        return switch (kind) {
            case "lora" -> digits.withLora(List.of(new LoraSpec(0, 2, 4.0)));
            case "ternary" -> digits.withExtras(digits.extras().withQuantization(new QuantizationSpec("ternary")));
            case "batchNorm" -> digits.withExtras(digits.extras().withBatchNorm(List.of(true)));
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"lora", "ternary", "batchNorm"})
    void aMomentsOutputsAndTestAccuracyAreTheEnginesOwn(String kind) {
        RunConfig c = config(kind);
        DataSplit d = DataGenerator.generate(c);
        Trainer t = new Trainer(c, d);
        for (int i = 0; i < 60; i++) {
            t.step();
        }
        TrainingSnapshot s = SnapshotParts.moment(t, SessionState.PAUSED, t.evaluate(), null, d, false);
        assertTrue(s.layers().get(0).computesWithOtherWeights() || s.layers().get(0).norm() != null,
                kind + ": the first layer computes with more than W");
        SnapshotForward net = SnapshotForward.of(s);
        Dataset test = d.test();
        int right = 0;
        for (int e = 0; e < test.size(); e++) {
            double[] x = test.row(e);
            double[] engine = t.network().predictInputs(x);
            double[] moment = net.forward(x, 0);
            assertArrayEquals(engine, moment, 1e-12, kind + ", test example " + e);
            right += argmax(moment) == (int) Math.round(test.label(e)) ? 1 : 0;
        }
        assertEquals(t.evaluate().testAccuracy(), right / (double) test.size(), 1e-12, kind + ": test accuracy");
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int k = 1; k < v.length; k++) {
            if (v[k] > v[best]) {
                best = k;
            }
        }
        return best;
    }
}
