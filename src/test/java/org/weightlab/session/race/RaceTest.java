package org.weightlab.session.race;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.Checkpoint;
import org.weightlab.engine.Network;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.LossKind;
import org.weightlab.engine.config.ProblemKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.session.LayerSnapshot;

class RaceTest {

    private static final RunConfig BASE = RunConfig.defaults();
    private static final DataSplit DATA = DataGenerator.generate(BASE);

    /** A run trained a few steps, so the race forks from the middle of an epoch with optimizer state. */
    private static Checkpoint midRun(RunConfig c, DataSplit data, int steps) {
        Trainer t = new Trainer(c, data);
        t.runSteps(steps);
        return t.checkpoint();
    }

    private static double[] allWeights(Network n) {
        double[] out = new double[0];
        for (int l = 0; l < n.layerCount(); l++) {
            double[] w = n.layer(l).weightsCopy();
            double[] b = n.layer(l).biasesCopy();
            double[] next = Arrays.copyOf(out, out.length + w.length + b.length);
            System.arraycopy(w, 0, next, out.length, w.length);
            System.arraycopy(b, 0, next, out.length + w.length, b.length);
            out = next;
        }
        return out;
    }

    @Test
    void runsWithTheSameSettingStayBitIdentical() {
        Race race = Race.fork(midRun(BASE, DATA, 13), DATA, RaceSetting.LEARNING_RATE, List.of("0.03", "0.03", "0.1"));
        race.runEpochs(4);
        double[] a = allWeights(race.trainer(0).network());
        double[] b = allWeights(race.trainer(1).network());
        double[] c = allWeights(race.trainer(2).network());
        assertArrayEquals(a, b, 0.0);
        assertFalse(Arrays.equals(a, c), "another learning rate must end elsewhere");
        RaceSnapshot s = race.snapshot(false, false);
        assertEquals(s.runs().get(0).curve(), s.runs().get(1).curve());
        assertEquals(4, s.runs().get(0).epochs());
    }

    @Test
    void aRacedRunIsExactlyTheRunContinuedWithThatSetting() {
        Checkpoint from = midRun(BASE, DATA, 7);
        Race race = Race.fork(from, DATA, RaceSetting.LEARNING_RATE, List.of("0.01", "0.3"));
        race.runEpochs(3);
        Trainer alone = new Trainer(BASE, DATA, from.network());
        alone.restore(from);
        alone.updateHyperparameters(BASE.withOptimizer(BASE.optimizer().withLearningRate(0.3)));
        alone.runSteps(race.trainer(1).stepCount() - from.step());
        assertArrayEquals(allWeights(alone.network()), allWeights(race.trainer(1).network()), 0.0);
        assertEquals(alone.stepCount(), race.trainer(1).stepCount());
    }

    @Test
    void twoLearningRatesTakeTheSameFirstStepScaledByTheirRate() {
        Checkpoint from = midRun(BASE, DATA, 7);
        double[] start = allWeights(from.network());
        Race race = Race.fork(from, DATA, RaceSetting.LEARNING_RATE, List.of("0.01", "0.3"));
        race.tick();
        double[] slow = allWeights(race.trainer(0).network());
        double[] fast = allWeights(race.trainer(1).network());
        int moved = 0;
        for (int i = 0; i < start.length; i++) {
            // plain SGD: w1 = w0 - lr * g with the same gradient g at the same weights and batch
            double gSlow = (start[i] - slow[i]) / 0.01;
            double gFast = (start[i] - fast[i]) / 0.3;
            assertEquals(gSlow, gFast, 1e-9 * Math.max(1, Math.abs(gSlow)), "parameter " + i);
            moved += gSlow != 0 ? 1 : 0;
        }
        assertTrue(moved > start.length / 2, "most parameters have a gradient");
        assertEquals(from.step() + 1, race.trainer(0).stepCount());
        assertEquals(from.step() + 1, race.trainer(1).stepCount());
    }

    @Test
    void aDivergingRunStopsAtItsLastFiniteStepWhileTheOthersGoOn() {
        RunConfig c = BASE.withActivations(ActivationKind.TANH, ActivationKind.LINEAR, LossKind.MSE,
                ProblemKind.CLASSIFICATION);
        Race race = Race.fork(new Trainer(c, DATA).checkpoint(), DATA, RaceSetting.LEARNING_RATE,
                List.of("0.03", "10"));
        race.runEpochs(20);
        RaceSnapshot s = race.snapshot(false, true);
        RaceSnapshot.Run good = s.runs().get(0);
        RaceSnapshot.Run bad = s.runs().get(1);
        assertNull(good.divergence());
        assertEquals(20, good.epochs());
        assertNotNull(bad.divergence());
        assertTrue(bad.steps() < good.steps());
        for (LayerSnapshot l : bad.moment().layers()) {
            assertTrue(Arrays.stream(l.weights()).allMatch(Double::isFinite), "weights before the bad step");
        }
        assertEquals(2, s.rank(1));
        assertEquals(1, s.rank(0));
        assertNotNull(good.moment().field());
    }

    @Test
    void batchSizesRaceInLockstepByEpochs() {
        Race race = Race.fork(new Trainer(BASE, DATA).checkpoint(), DATA, RaceSetting.BATCH_SIZE, List.of("5", "50"));
        race.runEpochs(2);
        RaceSnapshot s = race.snapshot(false, false);
        assertEquals(2, s.runs().get(0).epochs());
        assertEquals(2, s.runs().get(1).epochs());
        assertEquals(10 * s.runs().get(1).steps(), s.runs().get(0).steps());
    }

    @Test
    void initializersStartFromStepZeroWithTheSameSeed() {
        Race race = Race.fork(midRun(BASE, DATA, 30), DATA, RaceSetting.INIT, List.of("xavier_uniform", "zeros"));
        assertEquals(0, race.trainer(0).stepCount());
        assertArrayEquals(allWeights(new Trainer(BASE, DATA).network()), allWeights(race.trainer(0).network()), 0.0);
        assertTrue(Arrays.stream(race.trainer(1).network().layer(0).weightsCopy()).allMatch(w -> w == 0));
    }

    @Test
    void aRaceNeedsTwoToFourRunsAndReadableValues() {
        Checkpoint c = new Trainer(BASE, DATA).checkpoint();
        assertThrows(IllegalArgumentException.class, () -> Race.fork(c, DATA, RaceSetting.LEARNING_RATE, List.of("1")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Race.fork(c, DATA, RaceSetting.LEARNING_RATE, List.of("0.1", "fast")));
        assertTrue(e.getMessage().contains("learning rate"), e.getMessage());
    }

    @Test
    void theRunnerPlaysEpochsOffTheCallersThreadAndStopsThere() throws Exception {
        Race race = Race.fork(new Trainer(BASE, DATA).checkpoint(), DATA, RaceSetting.OPTIMIZER,
                List.of("sgd", "adam", "rmsprop"));
        Thread[] seen = new Thread[1];
        try (RaceRunner runner = new RaceRunner(race, Double.POSITIVE_INFINITY, false,
                s -> seen[0] = Thread.currentThread()).start()) {
            RaceSnapshot s = runner.runEpochs(3).get(20, TimeUnit.SECONDS);
            assertFalse(s.running());
            for (RaceSnapshot.Run r : s.runs()) {
                assertEquals(3, r.epochs());
                assertEquals(4, r.curve().size(), "the start and three epoch ends");
            }
            assertEquals(RaceRunner.THREAD_NAME, seen[0].getName());
            assertEquals(3 * 25, runner.checkpoint(1).get(20, TimeUnit.SECONDS).step());
        }
    }
}
