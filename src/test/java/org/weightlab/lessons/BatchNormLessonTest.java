package org.weightlab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weightlab.lessons.LessonRuns.lesson;
import static org.weightlab.lessons.LessonRuns.trainer;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.RunConfig;

/** The batch-norm lesson's promise: eight sigmoid layers barely learn, and learn with batch normalization. */
class BatchNormLessonTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void eightSigmoidLayersLearnOnlyWithBatchNormalization(long seed) {
        RunConfig plain = lesson("batch-norm").config().withData(200, 0.0, 0.5, seed);
        assertEquals(8, plain.hidden().size());
        assertTrue(plain.extras().batchNorm().isEmpty(), "the lesson starts without batch normalization");
        RunConfig normed = LessonSettings.apply(plain, Map.of("batchNorm", "on"));
        assertEquals(List.of(true, true, true, true, true, true, true, true), normed.extras().batchNorm());
        Trainer without = trainer(plain, null);
        without.runEpochs(30);
        Trainer with = trainer(normed, null);
        with.runEpochs(30);
        double a = without.evaluate().testLoss();
        double b = with.evaluate().testLoss();
        assertTrue(a >= 0.45, "without batch norm the test loss stays near 0.5: " + a);
        assertTrue(b < 0.5 * a, "with batch norm the test loss falls below half: " + b + " against " + a);
    }
}
