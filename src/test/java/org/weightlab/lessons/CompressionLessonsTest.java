package org.weightlab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.weightlab.compress.PruneMask;
import org.weightlab.compress.PruneScope;
import org.weightlab.compress.Pruning;
import org.weightlab.compress.QuantSpec;
import org.weightlab.compress.Sweep;
import org.weightlab.compress.SweepPoint;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.data.DataGenerator;

/** What the two compression lessons promise, measured with the real engine at their seeds. */
class CompressionLessonsTest {

    private static Trainer trained(String lesson) {
        Trainer t = LessonRuns.trainer(LessonRuns.lesson(lesson));
        t.runEpochs(100);
        assertEquals(1.0, t.evaluate().testAccuracy(), "the lesson starts from a network that gets every test point");
        return t;
    }

    private static double accuracyAt(List<SweepPoint> curve, String label) {
        return curve.stream().filter(p -> p.label().equals(label)).findFirst().orElseThrow().testAccuracy();
    }

    @Test
    void aFifthOfTheWeightsGoForFreeHalfHurtsAndNinetyNinePercentCollapses() {
        Trainer t = trained("how-many-weights-can-go");
        List<SweepPoint> curve = Sweep.sparsity(t.config(), DataGenerator.generate(t.config()), t.network(),
                PruneScope.GLOBAL);
        assertEquals(1.0, accuracyAt(curve, "20%"));
        assertTrue(accuracyAt(curve, "50%") < 0.8, "half pruned: " + accuracyAt(curve, "50%"));
        assertTrue(accuracyAt(curve, "99%") < 0.6, "99% pruned: " + accuracyAt(curve, "99%"));
    }

    @Test
    void pruningHalfThenFineTuningWithTheMaskKeptRecoversAccuracy() {
        Trainer t = trained("how-many-weights-can-go");
        PruneMask mask = Pruning.mask(t.network(), 0.5, PruneScope.GLOBAL);
        for (int l = 0; l < t.network().layerCount(); l++) {
            int in = t.network().layer(l).inputs();
            for (int j = 0; j < t.network().layer(l).weightsCopy().length; j++) {
                if (mask.weightPruned(l, j)) {
                    t.setWeight(l, j / in, j % in, 0);
                    t.freezeWeight(l, j / in, j % in, true);
                }
            }
        }
        double pruned = t.evaluate().testAccuracy();
        t.runEpochs(20);
        double tuned = t.evaluate().testAccuracy();
        assertTrue(pruned < 0.8 && tuned > 0.97, "pruned " + pruned + ", after 20 epochs " + tuned);
        for (int l = 0; l < t.network().layerCount(); l++) {
            double[] w = t.network().layer(l).weightsCopy();
            for (int j = 0; j < w.length; j++) {
                if (mask.weightPruned(l, j)) {
                    assertEquals(0.0, w[j]);
                }
            }
        }
    }

    @Test
    void eightFourAndThreeBitsKeepEveryTestPointTwoBitsTernaryAndOneBitDoNot() {
        Trainer t = trained("down-to-one-bit");
        List<SweepPoint> curve = Sweep.bits(t.config(), DataGenerator.generate(t.config()), t.network(), 0,
                PruneScope.GLOBAL, Sweep.STANDARD_BITS);
        for (String kept : new String[]{"8 bits", "4 bits", "3 bits"}) {
            assertEquals(1.0, accuracyAt(curve, kept), kept);
        }
        for (QuantSpec lost : new QuantSpec[]{QuantSpec.BITS2, QuantSpec.TERNARY, QuantSpec.BINARY}) {
            String label = lost.bits() > 0 ? lost.bits() + " bits" : lost.id();
            assertTrue(accuracyAt(curve, label) < 0.9, label + ": " + accuracyAt(curve, label));
        }
    }
}
