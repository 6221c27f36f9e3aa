package org.weightlab.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.Evaluation;
import org.weightlab.engine.Network;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;

class SweepTest {

    private static final RunConfig CONFIG = RunConfig.defaults().withFeatures(List.of(Feature.values()))
            .withHidden(List.of(8, 8, 8), List.of());
    private static final DataSplit DATA = DataGenerator.generate(CONFIG);

    private static Trainer trained() {
        Trainer t = new Trainer(CONFIG, DATA);
        t.runEpochs(10);
        return t;
    }

    /** The reference: a fresh trainer over the network compressed on its own. */
    private static Evaluation reference(Network net, double s, PruneScope scope, QuantSpec q) {
        Network c = Compressor.apply(net, new CompressionSpec(s, scope, q));
        return new Trainer(CONFIG, DATA, c).evaluate();
    }

    @Test
    void whatIfLeavesTheRunBitIdentical() {
        Trainer t = trained();
        Network before = t.network().copy();
        Evaluation e = t.evaluate();
        long steps = t.stepCount();
        Sweep.sparsity(CONFIG, DATA, t.network(), PruneScope.GLOBAL);
        Sweep.sparsity(CONFIG, DATA, t.network(), PruneScope.LAYER, QuantSpec.BINARY, Sweep.standardSparsities());
        Sweep.bits(CONFIG, DATA, t.network(), 0.5, PruneScope.GLOBAL, Sweep.STANDARD_BITS);
        Pruning.neuronMask(t.network(), 0.5, PruneScope.GLOBAL);
        for (int l = 0; l < before.layerCount(); l++) {
            assertArrayEquals(before.layer(l).weightsCopy(), t.network().layer(l).weightsCopy());
            assertArrayEquals(before.layer(l).biasesCopy(), t.network().layer(l).biasesCopy());
            assertArrayEquals(before.layer(l).weightGradientsCopy(), t.network().layer(l).weightGradientsCopy());
        }
        assertEquals(steps, t.stepCount());
        assertEquals(e, t.evaluate());
        // And the run trains on exactly as a twin that never saw a sweep.
        Trainer twin = trained();
        t.runEpochs(1);
        twin.runEpochs(1);
        assertArrayEquals(twin.network().layer(0).weightsCopy(), t.network().layer(0).weightsCopy());
    }

    @Test
    void sparsityCurveMatchesCompressingEachPointOnItsOwn() {
        Trainer t = trained();
        List<SweepPoint> curve = Sweep.sparsity(CONFIG, DATA, t.network(), PruneScope.GLOBAL);
        assertEquals(21, curve.size());
        assertEquals(0.0, curve.get(0).x());
        assertEquals(0.99, curve.get(20).x());
        int n = WeightSet.of(t.network()).weightCount();
        for (SweepPoint p : curve) {
            Evaluation ref = reference(t.network(), p.x(), PruneScope.GLOBAL, null);
            assertEquals(ref.trainLoss(), p.trainLoss(), 0.0, p.label());
            assertEquals(ref.testLoss(), p.testLoss(), 0.0, p.label());
            assertEquals(ref.testAccuracy(), p.testAccuracy(), 0.0, p.label());
        }
        assertEquals(t.evaluate().testLoss(), curve.get(0).testLoss(), 0.0, "0% is the run itself");
        assertEquals(n - Pruning.count(0.99, n), curve.get(20).nonzeroWeights());
        for (int i = 1; i < curve.size(); i++) {
            assertTrue(curve.get(i).nonzeroWeights() <= curve.get(i - 1).nonzeroWeights());
        }
    }

    @Test
    void bitsCurveStartsAtFullPrecisionAndMatchesEachQuantizer() {
        Trainer t = trained();
        List<SweepPoint> curve = Sweep.bits(CONFIG, DATA, t.network(), 0.3, PruneScope.LAYER, Sweep.STANDARD_BITS);
        assertEquals(7, curve.size());
        assertEquals("float64", curve.get(0).label());
        assertEquals(64.0, curve.get(0).x());
        assertEquals(reference(t.network(), 0.3, PruneScope.LAYER, null).testLoss(), curve.get(0).testLoss(), 0.0);
        for (int i = 0; i < Sweep.STANDARD_BITS.size(); i++) {
            QuantSpec q = Sweep.STANDARD_BITS.get(i);
            SweepPoint p = curve.get(i + 1);
            assertEquals(q.bitsPerWeight(), p.x());
            assertEquals(reference(t.network(), 0.3, PruneScope.LAYER, q).testLoss(), p.testLoss(), 0.0, p.label());
        }
        assertEquals("4 bits", curve.get(2).label());
        assertEquals("binary", curve.get(6).label());
    }

    @Test
    void standardSparsitiesRunFromZeroToNinetyNinePercent() {
        double[] s = Sweep.standardSparsities();
        assertEquals(21, s.length);
        assertEquals(0.05, s[1]);
        assertEquals(0.95, s[19]);
        assertEquals("0%", Sweep.percent(s[0]));
        assertEquals("5%", Sweep.percent(s[1]));
        assertEquals("99%", Sweep.percent(s[20]));
        assertEquals("12.5%", Sweep.percent(0.125));
        assertEquals("29%", Sweep.percent(0.29));
        for (int i = 1; i < s.length; i++) {
            assertTrue(s[i] > s[i - 1]);
        }
    }
}
