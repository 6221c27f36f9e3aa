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
import org.junit.jupiter.api.Test;
import org.weightlab.engine.Layer;
import org.weightlab.engine.Network;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.session.TaskMove;
import org.weightlab.session.TrainingSession;

/** Train all, freeze the base, LoRA: raced on task B from one pre-trained start, each measuring task A. */
class FineTuningRaceTest {

    /** 2 inputs, hidden 6 and 4, one output: the network of the lesson on LoRA. */
    private static final RunConfig TASK_A = RunConfig.defaults().withData(200, 0, 0.5, 1)
            .withHidden(List.of(6, 4), List.of())
            .withOptimizer(RunConfig.defaults().optimizer().withLearningRate(0.1));
    private static final DataSplit DATA_A = DataGenerator.generate(TASK_A);
    private static final RunConfig TASK_B = TaskMove.next(TASK_A, DatasetKind.MOONS);

    private static Race race(int pretrainEpochs) {
        Trainer pre = new Trainer(TASK_A, DATA_A);
        pre.runEpochs(pretrainEpochs);
        return race(pre);
    }

    private static Race race(Trainer pre) {
        pre.freezeLayer(0, true); // masks of the window's run do not carry into the race
        TrainingSession.RunCopy copy = new TrainingSession.RunCopy(pre.checkpoint(), DATA_A, null);
        FineTuningStart start = FineTuningStart.of(copy, TASK_B, DataGenerator::generate);
        return Race.fineTune(start, FineTuning.defaults());
    }

    private static double[] weightsAndBiases(Layer l) {
        double[] w = l.weightsCopy();
        double[] b = l.biasesCopy();
        double[] out = Arrays.copyOf(w, w.length + b.length);
        System.arraycopy(b, 0, out, w.length, b.length);
        return out;
    }

    @Test
    void theThreeRunsStartBitIdenticalOnTaskB() {
        Trainer pre = new Trainer(TASK_A, DATA_A);
        pre.runEpochs(5);
        double taskAThen = pre.evaluate().testAccuracy();
        Race race = race(pre);
        assertEquals(List.of("train all", "freeze base", "LoRA r=2"),
                race.variants().stream().map(Race.Variant::label).toList());
        assertEquals(DatasetKind.MOONS, race.trainer(0).config().dataset());
        Network a = race.trainer(0).network();
        for (int k = 1; k < 3; k++) {
            Network other = race.trainer(k).network();
            for (int l = 0; l < a.layerCount(); l++) {
                assertArrayEquals(weightsAndBiases(a.layer(l)), weightsAndBiases(other.layer(l)), 0.0);
                assertArrayEquals(a.layer(l).effectiveWeightsCopy(), other.layer(l).effectiveWeightsCopy(), 0.0,
                        "a fresh adapter (B = 0) changes nothing at the start");
            }
        }
        RaceSnapshot s = race.snapshot(false, false);
        for (RaceSnapshot.Run r : s.runs()) {
            assertEquals(s.runs().get(0).trainLoss(), r.trainLoss(), 0.0);
            assertEquals(s.runs().get(0).taskA().accuracy(), r.taskA().accuracy(), 0.0);
            assertEquals(taskAThen, r.taskA().accuracy(), 0.0, "task A as the pre-trained run left it");
        }
        assertArrayEquals(race.trainer(0).nextBatch(), race.trainer(2).nextBatch(), "the same example order");
    }

    @Test
    void freezingTheBaseKeepsItsLayersBitIdenticalWhileTheOutputLearns() {
        Race race = race(3);
        Network start = race.trainer(1).network().copy();
        race.runEpochs(3);
        Network after = race.trainer(1).network();
        for (int l = 0; l < 2; l++) {
            assertArrayEquals(weightsAndBiases(start.layer(l)), weightsAndBiases(after.layer(l)), 0.0, "layer " + l);
        }
        assertFalse(Arrays.equals(weightsAndBiases(start.layer(2)), weightsAndBiases(after.layer(2))));
        Network all = race.trainer(0).network();
        assertFalse(Arrays.equals(weightsAndBiases(start.layer(0)), weightsAndBiases(all.layer(0))),
                "training everything moves the first layer");
    }

    @Test
    void loraKeepsTheHiddenWeightsAndMovesOnlyItsAdaptersAndTheOutput() {
        Race race = race(3);
        Network start = race.trainer(2).network().copy();
        race.runEpochs(3);
        Network after = race.trainer(2).network();
        for (int l = 0; l < 2; l++) {
            assertArrayEquals(weightsAndBiases(start.layer(l)), weightsAndBiases(after.layer(l)), 0.0, "W of " + l);
            assertNotNull(after.layer(l).adapter(), "an adapter on hidden layer " + l);
            assertFalse(Arrays.equals(start.layer(l).adapter().parameterA().valuesCopy(),
                    after.layer(l).adapter().parameterA().valuesCopy()), "A of " + l + " learns");
            assertFalse(Arrays.equals(start.layer(l).adapter().parameterB().valuesCopy(),
                    after.layer(l).adapter().parameterB().valuesCopy()), "B of " + l + " learns");
        }
        assertNull(after.layer(2).adapter());
        assertFalse(Arrays.equals(weightsAndBiases(start.layer(2)), weightsAndBiases(after.layer(2))));
    }

    @Test
    void trainableCountsAreTheHandCount() {
        RaceSnapshot s = race(1).snapshot(false, false);
        // 2 -> 6 -> 4 -> 1: 2*6+6 + 6*4+4 + 4*1+1
        assertEquals(18 + 28 + 5, s.runs().get(0).trainable());
        assertEquals(5, s.runs().get(1).trainable(), "only the output layer");
        // rank 2: layer 0 A 2x2 + B 6x2, layer 1 A 2x6 + B 4x2, and the output layer
        assertEquals(4 + 12 + 12 + 8 + 5, s.runs().get(2).trainable());
    }

    @Test
    void taskAKeptIsAFreshEvaluationOfTaskAWithTheRunsWeights() {
        Race race = race(5);
        race.runEpochs(4);
        RaceSnapshot s = race.snapshot(false, false);
        for (int k = 0; k < 3; k++) {
            String v = race.variants().get(k).value();
            RunConfig onA = RaceSetting.FINE_TUNING.apply(TASK_A, v);
            Trainer fresh = new Trainer(onA, DATA_A, race.checkpoint(k).network());
            assertEquals(fresh.evaluate().testAccuracy(), s.runs().get(k).taskA().accuracy(), 0.0, v);
            assertEquals(fresh.evaluate().testLoss(), s.runs().get(k).taskA().loss(), 1e-12, v);
            List<org.weightlab.session.LossPoint> curve = s.runs().get(k).curve();
            assertEquals(s.runs().get(k).taskA().accuracy(), curve.get(curve.size() - 1).taskAAccuracy(), 0.0,
                    "the curve carries task A too");
        }
        assertTrue(s.runs().get(1).taskA().accuracy() != s.runs().get(0).taskA().accuracy()
                || s.runs().get(1).testAccuracy() != s.runs().get(0).testAccuracy(), "the choices differ");
    }

    @Test
    void aMovedRunRacesOnItsTaskBAndMeasuresItsFirstTask() {
        Trainer pre = new Trainer(TASK_A, DATA_A);
        pre.runEpochs(2);
        DataSplit dataB = DataGenerator.generate(TASK_B);
        Trainer moved = pre.continueOn(TASK_B, dataB);
        TrainingSession.RunCopy copy = new TrainingSession.RunCopy(moved.checkpoint(), dataB,
                new TaskMove.Task(TASK_A, DATA_A));
        Race race = Race.fineTune(FineTuningStart.of(copy, null, c -> {
            throw new AssertionError("no new data is made");
        }), List.of("all", "lora(1,2)"));
        RaceSnapshot s = race.snapshot(false, false);
        assertEquals(moved.taskAScore(), s.runs().get(0).taskA());
        assertEquals("LoRA r=1", race.variants().get(1).label());
        assertThrows(IllegalArgumentException.class, () -> FineTuningStart.of(
                new TrainingSession.RunCopy(pre.checkpoint(), DATA_A, null), null, DataGenerator::generate));
    }

    @Test
    void badChoicesAreNamedAndTheOtherForkRefusesFineTuning() {
        Trainer pre = new Trainer(TASK_A, DATA_A);
        assertThrows(IllegalArgumentException.class,
                () -> Race.fork(pre.checkpoint(), DATA_A, RaceSetting.FINE_TUNING, FineTuning.defaults()));
        for (String bad : List.of("everything", "lora(0,4)", "lora(2,-1)", "lora(x)")) {
            assertThrows(IllegalArgumentException.class, () -> FineTuning.check(bad), bad);
        }
        assertEquals(RaceSetting.FINE_TUNING, RaceSetting.fromId("fineTuning"));
    }
}
