package org.weightlab.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.OptimizerKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;

class TrainingSessionTest {

    /** Circle, 500 points, half for training, batch 10: 25 steps per epoch. */
    private static final RunConfig CONFIG = RunConfig.defaults();
    private static final int TIMEOUT_S = 30;

    private final SnapshotBus bus = new SnapshotBus();
    private final List<SessionEvent> events = new CopyOnWriteArrayList<>();
    private TrainingSession session;

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    private TrainingSession start(RunConfig config, SessionSettings settings) {
        bus.onEvent(events::add);
        session = new TrainingSession(config, DataGenerator.generate(config), null, bus, DataGenerator::generate,
                settings);
        session.start();
        return session;
    }

    private TrainingSession start(RunConfig config) {
        return start(config, SessionSettings.defaults());
    }

    private TrainingSnapshot idle() throws Exception {
        return session.whenIdle().get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    /** The weights of every layer, concatenated: compared bit for bit. */
    private static double[] weights(TrainingSnapshot s) {
        return s.layers().stream()
                .flatMapToDouble(l -> Arrays.stream(concat(l.weights(), l.biases())))
                .toArray();
    }

    private static double[] weights(Trainer t) {
        List<Double> all = new ArrayList<>();
        for (int l = 0; l < t.network().layerCount(); l++) {
            for (double w : concat(t.network().layer(l).weightsCopy(), t.network().layer(l).biasesCopy())) {
                all.add(w);
            }
        }
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private <E extends SessionEvent> List<E> eventsOf(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void stepsMatchABareTrainerAndEveryLossPointArrivesInOrder() throws Exception {
        SnapshotBus.Mailbox mailbox = bus.openMailbox();
        start(CONFIG, SessionSettings.defaults().evaluatingEveryEpoch());
        session.runSteps(260);
        TrainingSnapshot s = idle();
        assertEquals(260, s.step());
        assertEquals(10, s.epoch());
        assertEquals(SessionState.PAUSED, s.state());

        Trainer reference = new Trainer(CONFIG, DataGenerator.generate(CONFIG));
        List<Double> batchLosses = new ArrayList<>();
        for (int i = 0; i < 260; i++) {
            batchLosses.add(reference.step().batchLoss());
        }
        assertArrayEquals(weights(reference), weights(s));
        assertEquals(reference.evaluate().testLoss(), s.testLoss());

        List<LossPoint> points = new ArrayList<>();
        mailbox.drainLossPoints(points);
        List<LossPoint> perStep = points.stream().filter(p -> !p.epochEnd()).toList();
        List<LossPoint> perEpoch = points.stream().filter(LossPoint::epochEnd).toList();
        assertEquals(260, perStep.size());
        for (int i = 0; i < 260; i++) {
            assertEquals(i + 1, perStep.get(i).step());
            assertEquals(batchLosses.get(i), perStep.get(i).trainLoss(), "step " + (i + 1));
        }
        assertEquals(10, perEpoch.size());
        for (int e = 0; e < 10; e++) {
            assertEquals(25L * (e + 1), perEpoch.get(e).step());
        }
        for (int i = 1; i < points.size(); i++) {
            assertTrue(points.get(i).step() >= points.get(i - 1).step(), "in step order");
        }
    }

    @Test
    void eachRequestedEpochEndsWithItsEvaluatedLossPoint() throws Exception {
        start(CONFIG); // the default evaluation budget
        List<LossPoint> epochEnds = new CopyOnWriteArrayList<>();
        bus.onLossPoint(p -> {
            if (p.epochEnd()) {
                epochEnds.add(p);
            }
        });
        Trainer reference = new Trainer(CONFIG, DataGenerator.generate(CONFIG));
        for (int e = 1; e <= 3; e++) {
            session.stepEpoch();
            assertEquals(25L * e, idle().step());
            reference.runEpoch();
            LossPoint p = epochEnds.get(e - 1);
            var expected = reference.evaluate();
            assertEquals(new LossPoint(25L * e, e, expected.trainLoss(), expected.testLoss(), true,
                    expected.trainAccuracy(), expected.testAccuracy()), p);
        }
    }

    @Test
    void commandsApplyInTheOrderTheyWereSent() throws Exception {
        start(CONFIG);
        for (int i = 1; i <= 40; i++) {
            session.setWeight(1, 0, 1, i / 8.0);
            session.freezeLayer(0, i % 2 == 1);
        }
        TrainingSnapshot s = idle();
        List<SessionEvent.SettingChanged> changes = eventsOf(SessionEvent.SettingChanged.class);
        assertEquals(80, changes.size());
        for (int i = 1; i <= 40; i++) {
            SessionEvent.SettingChanged set = changes.get(2 * (i - 1));
            SessionEvent.SettingChanged freeze = changes.get(2 * i - 1);
            assertEquals(String.valueOf(i / 8.0), set.newValue());
            if (i > 1) {
                assertEquals(String.valueOf((i - 1) / 8.0), set.oldValue(), "each set sees the one before");
            }
            assertEquals(i % 2 == 1 ? "froze Layer 1" : "unfroze Layer 1", freeze.label());
        }
        assertEquals(5.0, s.layers().get(1).weight(0, 1));
        assertFalse(s.layers().get(0).frozenWeights()[0], "the last command unfroze the layer");
    }

    @Test
    void aCommandSentDuringARunningEpochAppliesAtTheNextStep() throws Exception {
        start(CONFIG);
        RunConfig faster = CONFIG.withOptimizer(CONFIG.optimizer().withLearningRate(0.3));
        AtomicBoolean sent = new AtomicBoolean();
        // Runs on the engine thread right after step 3 is published, in the middle of the epoch.
        bus.onLossPoint(p -> {
            if (p.step() == 3 && sent.compareAndSet(false, true)) {
                session.applyConfig(faster);
            }
        });
        session.stepEpoch();
        TrainingSnapshot s = idle();
        assertEquals(25, s.step(), "the epoch still runs to its end");
        SessionEvent.SettingChanged lr = eventsOf(SessionEvent.SettingChanged.class).get(0);
        assertEquals(new SessionEvent.SettingChanged(3, "lr", "0.03", "0.3"), lr);

        Trainer reference = new Trainer(CONFIG, DataGenerator.generate(CONFIG));
        reference.runSteps(3);
        reference.updateHyperparameters(faster);
        reference.runSteps(22);
        assertArrayEquals(weights(reference), weights(s));
    }

    @Test
    void jumpingBackAndRunningAgainReproducesTheRunBitForBit() throws Exception {
        start(CONFIG);
        RunConfig faster = CONFIG.withOptimizer(CONFIG.optimizer().withLearningRate(0.1));
        session.runSteps(100);
        idle();
        session.applyConfig(faster);
        session.runSteps(200);
        TrainingSnapshot original = idle();
        assertEquals(300, original.step());

        // Between records, and after the change of learning rate: restore and replay.
        session.jumpTo(237);
        TrainingSnapshot at237 = idle();
        assertEquals(237, at237.step());
        Trainer reference = new Trainer(CONFIG, DataGenerator.generate(CONFIG));
        reference.runSteps(100);
        reference.updateHyperparameters(faster);
        reference.runSteps(137);
        assertArrayEquals(weights(reference), weights(at237));
        assertEquals(300 - 237, 63);
        session.runSteps(63);
        assertArrayEquals(weights(original), weights(idle()), "the same continuation, bit for bit");
        assertEquals(237, eventsOf(SessionEvent.Jumped.class).get(0).toStep());

        // Before the change: the old learning rate comes back with the weights.
        session.jumpTo(40);
        TrainingSnapshot at40 = idle();
        assertEquals(0.03, at40.config().optimizer().learningRate());
        assertTrue(session.timeline().latestStep() <= 40, "the later history is forgotten (a fork)");
        session.runSteps(60);
        idle();
        session.applyConfig(faster);
        session.runSteps(200);
        assertArrayEquals(weights(original), weights(idle()));
    }

    @Test
    void aReaderSeesTheOldBranchThenTheJumpThenTheNewBranch() throws Exception {
        SnapshotBus.Mailbox mailbox = bus.openMailbox();
        start(CONFIG);
        session.runSteps(50);
        idle();
        session.jumpTo(20);
        session.runSteps(5);
        idle();
        List<String> seen = new ArrayList<>();
        mailbox.drainInOrder(run -> run.stream().filter(p -> !p.epochEnd()).forEach(p -> seen.add("" + p.step())),
                e -> seen.add(e.toString()));
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            expected.add("" + i);
        }
        expected.add(new SessionEvent.Jumped(50, 20).toString());
        for (int i = 21; i <= 25; i++) {
            expected.add("" + i);
        }
        assertEquals(expected, seen);
    }

    @Test
    void historyStaysWithinASmallBudget() throws Exception {
        long budget = 300_000;
        // A snapshot (and a record) at every step, to fill the history fast.
        SessionSettings tight = SessionSettings.defaults().withHistoryBudget(budget)
                .withRecentRecords(16).withSnapshotsPerSecond(1e9);
        start(CONFIG, tight);
        session.runSteps(3000);
        TrainingSnapshot s = idle();
        Timeline t = session.timeline();
        assertTrue(t.byteSize() <= budget, t.byteSize() + " bytes held");
        assertEquals(0, t.earliestStep());
        assertEquals(3000, t.latestStep());
        assertTrue(t.thinning() > 1);
        long[] steps = t.recordedSteps();
        // Independent accounting: every record holds one checkpoint of this network and one snapshot.
        // (Before its first step the engine has drawn no example order yet, so step 0 is smaller.)
        Trainer reference = new Trainer(CONFIG, DataGenerator.generate(CONFIG));
        long atStart = reference.checkpoint().byteSize() + History.byteSize(s);
        reference.runSteps(30);
        long perRecord = reference.checkpoint().byteSize() + History.byteSize(s);
        long best = t.bestTestLoss().isPresent() ? reference.checkpoint().byteSize() : 0;
        assertEquals(atStart + (steps.length - 1) * perRecord + best, t.byteSize());
        // Scrubbing reads old moments without changing the run.
        TrainingSnapshot old = t.snapshotAt(steps[1]);
        assertEquals(steps[1], old.step());
        assertEquals(3000, idle().step());
    }

    @Test
    void divergingStopsTheRunKeepsFiniteWeightsAndJumpingBackRecovers() throws Exception {
        RunConfig wild = CONFIG.withDataset(DatasetKind.SPIRAL)
                .withHidden(List.of(8, 8), List.of())
                .withActivations(ActivationKind.RELU, ActivationKind.LINEAR, CONFIG.loss(), CONFIG.problem())
                .withOptimizer(OptimizerConfig.defaults(OptimizerKind.SGD, 10));
        start(wild);
        CompletableFuture<SessionEvent.Diverged> diverged = new CompletableFuture<>();
        bus.onEvent(e -> {
            if (e instanceof SessionEvent.Diverged d) {
                diverged.complete(d);
            }
        });
        session.play();
        SessionEvent.Diverged d = await(diverged);
        TrainingSnapshot s = idle();
        assertEquals(SessionState.DIVERGED, s.state());
        assertEquals(SessionState.DIVERGED, session.state());
        assertEquals(d.step() - 1, s.step(), "the weights are those before the failing step");
        assertTrue(Arrays.stream(weights(s)).allMatch(Double::isFinite), "no NaN in the weights");
        assertFalse(d.what().isEmpty());

        session.jumpTo(s.step() / 2);
        TrainingSnapshot back = idle();
        assertEquals(SessionState.PAUSED, back.state());
        assertEquals(s.step() / 2, back.step());
        // A gentler learning rate now trains on.
        session.applyConfig(wild.withOptimizer(OptimizerConfig.defaults(OptimizerKind.SGD, 0.01)));
        session.runSteps(50);
        TrainingSnapshot on = idle();
        assertEquals(SessionState.PAUSED, on.state());
        assertEquals(back.step() + 50, on.step());
    }

    @Test
    void aThrowingSubscriberDoesNotStopTheEngine() throws Exception {
        start(CONFIG);
        bus.onSnapshot(s -> {
            throw new IllegalStateException("a broken view");
        });
        bus.onLossPoint(p -> {
            throw new IllegalStateException("a broken chart");
        });
        session.runSteps(500);
        assertEquals(500, idle().step());
        assertTrue(bus.listenerFailures() >= 500);
        assertTrue(eventsOf(SessionEvent.EngineError.class).stream().anyMatch(e -> e.message().contains("broken")));
    }

    @Test
    void aFailingCommandIsReportedAndChangesNothing() throws Exception {
        start(CONFIG);
        session.runSteps(10);
        TrainingSnapshot before = idle();
        session.setWeight(7, 0, 0, 1.0);
        session.freezeNeuron(0, 99, true);
        session.jumpTo(5000);
        TrainingSnapshot after = idle();
        List<SessionEvent.EngineError> errors = eventsOf(SessionEvent.EngineError.class);
        assertEquals(3, errors.size(), errors.toString());
        assertTrue(errors.get(0).message().contains("layer 7"), errors.get(0).message());
        assertTrue(errors.get(2).message().contains("5000"), errors.get(2).message());
        assertArrayEquals(weights(before), weights(after));
        assertEquals(10, after.step());
        assertThrows(IllegalArgumentException.class, () -> session.setWeight(0, 0, 0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> session.runSteps(-1));
        assertThrows(IllegalArgumentException.class, () -> session.setSpeed(0));
        session.runSteps(5);
        assertEquals(15, idle().step(), "still usable");
    }

    @Test
    void structuralChangesRebuildAndHyperparametersChangeLive() throws Exception {
        start(CONFIG);
        session.runSteps(30);
        session.applyConfig(CONFIG.withHidden(List.of(3), List.of()));
        TrainingSnapshot rebuilt = idle();
        assertEquals(0, rebuilt.step());
        assertEquals(2, rebuilt.layers().size());
        assertEquals(3, rebuilt.layers().get(0).outputs());
        SessionEvent.Rebuilt r = eventsOf(SessionEvent.Rebuilt.class).get(0);
        assertTrue(r.reason().contains("hidden [4, 2] \u2192 [3]"), r.reason());
        assertEquals(0, session.timeline().earliestStep());

        session.runSteps(7);
        idle();
        session.applyConfig(CONFIG.withHidden(List.of(3), List.of()).withBatch(5, true));
        idle();
        assertEquals(new SessionEvent.SettingChanged(7, "batch size", "10", "5"),
                eventsOf(SessionEvent.SettingChanged.class).get(0));
    }

    @Test
    void resetGoesBackToTheSameStartAndReinitializeDrawsNewWeightsOnTheSameData() throws Exception {
        start(CONFIG);
        TrainingSnapshot first = idle();
        session.runSteps(40);
        idle();
        session.reset();
        TrainingSnapshot reset = idle();
        assertEquals(0, reset.step());
        assertArrayEquals(weights(first), weights(reset));
        session.runSteps(40);
        TrainingSnapshot again = idle();
        Trainer reference = new Trainer(CONFIG, DataGenerator.generate(CONFIG));
        reference.runSteps(40);
        assertArrayEquals(weights(reference), weights(again), "the same run again");

        session.reinitialize();
        TrainingSnapshot fresh = idle();
        assertEquals(0, fresh.step());
        assertFalse(Arrays.equals(weights(first), weights(fresh)));
        assertEquals(CONFIG, fresh.config(), "the data and its seed stay");
        assertEquals(first.trainLoss() == fresh.trainLoss(), false);
        session.reset();
        assertArrayEquals(weights(fresh), weights(idle()), "reset now returns to the new start");
    }

    @Test
    void aCommandWakesTheWaitBetweenSlowSteps() throws Exception {
        start(CONFIG);
        CompletableFuture<LossPoint> firstStep = new CompletableFuture<>();
        bus.onLossPoint(firstStep::complete);
        session.setSpeed(0.001); // one step every 1000 s
        session.play();
        assertEquals(1, await(firstStep).step(), "the first step comes at once");
        session.pause(); // must not wait for the next step's turn
        TrainingSnapshot s = idle();
        assertEquals(1, s.step());
        assertEquals(SessionState.PAUSED, s.state());
    }

    @Test
    void fieldsAndStatsComeOnlyWhenAsked() throws Exception {
        start(CONFIG);
        TrainingSnapshot plain = idle();
        assertNull(plain.field());
        assertNull(plain.layers().get(0).stats());
        session.requestFields(true);
        session.requestStats(true);
        TrainingSnapshot rich = idle();
        FieldSnapshot f = rich.field();
        assertNotNull(f);
        assertEquals(4, f.values().length, "inputs, two hidden layers, output");
        assertEquals(2, f.values()[0].length);
        assertEquals(4, f.values()[1].length);
        assertEquals(f.grid() * f.grid(), f.node(3, 0).length);
        assertNotNull(rich.layers().get(1).stats());
        // The output field at a grid point is the network's prediction there (pixels: 1e-5).
        Trainer reference = new Trainer(CONFIG, DataGenerator.generate(CONFIG));
        int row = 7;
        int col = 31;
        double step = (f.max() - f.min()) / (f.grid() - 1);
        double predicted = reference.network().predict(f.min() + col * step, f.max() - row * step)[0];
        assertEquals(predicted, f.node(3, 0)[row * f.grid() + col], 1e-5);
        session.requestFields(false);
        assertNull(idle().field());
    }

    @Test
    void theBestTestLossIsTheLowestEpochEndAndCanBeJumpedTo() throws Exception {
        start(CONFIG);
        List<LossPoint> epochEnds = new CopyOnWriteArrayList<>();
        bus.onLossPoint(p -> {
            if (p.epochEnd()) {
                epochEnds.add(p);
            }
        });
        session.runSteps(25 * 40);
        idle();
        LossPoint lowest = epochEnds.stream().min((a, b) -> Double.compare(a.testLoss(), b.testLoss())).orElseThrow();
        LossPoint best = session.timeline().bestTestLoss().orElseThrow();
        assertEquals(lowest, best);
        session.jumpTo(best.step());
        TrainingSnapshot there = idle();
        assertEquals(best.step(), there.step());
        assertEquals(best.testLoss(), there.testLoss());
        assertNotEquals(0, best.step());
    }
}
