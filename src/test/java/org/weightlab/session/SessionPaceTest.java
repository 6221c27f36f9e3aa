package org.weightlab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.Evaluation;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.RegularizationConfig;
import org.weightlab.engine.config.RegularizationKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;

/** The session's pace (epochs per second, stop at an epoch), its markers' words, and its recorded losses. */
class SessionPaceTest {

    /** Circle, 250 training points, batch 10: 25 steps per epoch. */
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

    private void start() {
        start(SessionSettings.defaults());
    }

    private void start(SessionSettings settings) {
        bus.onEvent(events::add);
        session = new TrainingSession(CONFIG, DataGenerator.generate(CONFIG), null, bus, DataGenerator::generate,
                settings);
        session.start();
    }

    private TrainingSnapshot idle() throws Exception {
        return session.whenIdle().get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    @Test
    void aPaceInEpochsPerSecondIsKeptOnTheEngineThread() throws Exception {
        start();
        double seconds = Double.parseDouble(System.getProperty("weightlab.paceSeconds", "3"));
        double epochsPerSecond = 20;
        List<long[]> points = new CopyOnWriteArrayList<>(); // {step, nanoTime}
        bus.onLossPoint(p -> {
            if (!p.epochEnd()) {
                points.add(new long[] {p.step(), System.nanoTime()});
            }
        });
        session.setEpochsPerSecond(epochsPerSecond);
        session.play();
        long until = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < until) {
            Thread.sleep(50); // the measured interval itself, not a wait for a condition
        }
        session.pause();
        TrainingSnapshot end = idle();
        long[] first = points.get(0);
        long[] last = points.get(points.size() - 1);
        double elapsed = (last[1] - first[1]) / 1e9;
        double stepsPerSecond = (last[0] - first[0]) / elapsed;
        double measuredEpochs = stepsPerSecond / 25;
        System.out.printf("pace: target %.0f epochs/s = %.0f steps/s; measured %.1f epochs/s, %.0f steps/s"
                + " over %.1f s (%d steps, epoch %d)%n", epochsPerSecond, epochsPerSecond * 25, measuredEpochs,
                stepsPerSecond, elapsed, end.step(), end.epoch());
        assertEquals(epochsPerSecond, measuredEpochs, epochsPerSecond * 0.2, "within 20% of the target");
    }

    @Test
    void aFreeRunPausesWhenTheStopEpochEndsAndPlaysOnFromThere() throws Exception {
        start();
        CompletableFuture<SessionEvent.StoppedAtEpoch> stopped = new CompletableFuture<>();
        bus.onEvent(e -> {
            if (e instanceof SessionEvent.StoppedAtEpoch s) {
                stopped.complete(s);
            }
        });
        session.stopAtEpoch(3);
        session.play();
        SessionEvent.StoppedAtEpoch e = stopped.get(TIMEOUT_S, TimeUnit.SECONDS);
        TrainingSnapshot s = idle();
        assertEquals(new SessionEvent.StoppedAtEpoch(75, 3), e);
        assertEquals(75, s.step());
        assertEquals(3, s.epoch());
        assertEquals(SessionState.PAUSED, s.state());
        session.runSteps(30); // on past the stop epoch: it does not stop again
        assertEquals(105, idle().step());
        CompletableFuture<SessionEvent.StoppedAtEpoch> again = new CompletableFuture<>();
        bus.onEvent(ev -> {
            if (ev instanceof SessionEvent.StoppedAtEpoch x && x.epoch() != 3) {
                again.complete(x);
            }
        });
        session.stopAtEpoch(6);
        session.play();
        assertEquals(new SessionEvent.StoppedAtEpoch(150, 6), again.get(TIMEOUT_S, TimeUnit.SECONDS));
    }

    @Test
    void everyMarkerNamesPartsAndSettingsAsTheWindowShowsThem() throws Exception {
        start();
        session.freezeWeight(0, 1, 0, true);
        session.freezeBias(1, 0, true);
        session.freezeNeuron(0, 2, true);
        session.freezeLayer(2, true);
        session.freezeLayer(0, false);
        session.setWeight(1, 0, 3, 0.5);
        session.setBias(0, 0, 0.25);
        session.applyConfig(CONFIG.withRegularization(new RegularizationConfig(RegularizationKind.L2, 0.01))
                .withBatch(5, true));
        idle();
        List<String> labels = new ArrayList<>();
        String oldWeight = null;
        for (SessionEvent e : events) {
            if (e instanceof SessionEvent.SettingChanged c) {
                labels.add(c.label());
                if (c.setting().startsWith("weight ")) {
                    oldWeight = c.oldValue();
                }
            }
        }
        assertEquals(List.of(
                "froze weight x1 \u2192 layer 1 neuron 2",
                "froze bias of layer 2 neuron 1",
                "froze layer 1 neuron 3",
                "froze Output",
                "unfroze Layer 1",
                "weight layer 1 neuron 4 \u2192 layer 2 neuron 1 " + oldWeight + " \u2192 0.5",
                "bias of layer 1 neuron 1 0.0 \u2192 0.25",
                "regularization none \u2192 l2",
                "regularization rate 0 \u2192 0.01",
                "batch size 10 \u2192 5"), labels);
        for (String l : labels) {
            assertFalse(l.matches(".*[a-z][A-Z].*"), "an internal camelCase name: " + l);
            assertFalse(l.matches(".*\\b(layer|neuron|weight|bias) 0\\b.*"), "a count from 0: " + l);
        }
    }

    @Test
    void aRecordedMomentCarriesTheLossesOfItsOwnStepAndContinuingFromItAgrees() throws Exception {
        // Evaluations while training runs get almost no time: the snapshots between them would
        // carry old losses; the ones kept in the history must not.
        SessionSettings d = SessionSettings.defaults();
        start(new SessionSettings(d.historyBudget(), d.recentRecords(), d.snapshotsPerSecond(),
                d.recordsPerSecond(), d.fieldsPerSecond(), d.fieldGrid(), d.fieldExtent(), 1e-6));
        CompletableFuture<Void> far = new CompletableFuture<>();
        bus.onLossPoint(p -> {
            if (p.step() >= 400) {
                far.complete(null);
            }
        });
        session.setEpochsPerSecond(40); // 1000 steps/s: snapshots come between epoch ends
        session.play();
        far.get(TIMEOUT_S, TimeUnit.SECONDS);
        session.pause();
        idle();
        long[] steps = session.timeline().recordedSteps();
        List<Long> midEpoch = new ArrayList<>();
        for (long st : steps) {
            if (st % 25 != 0 && midEpoch.size() < 4) {
                midEpoch.add(st);
            }
        }
        assertFalse(midEpoch.isEmpty(), "some recorded moments are mid-epoch");
        for (long st : midEpoch) {
            Trainer reference = new Trainer(CONFIG, DataGenerator.generate(CONFIG));
            reference.runSteps(st);
            Evaluation exact = reference.evaluate();
            TrainingSnapshot past = session.timeline().snapshotAt(st);
            assertEquals(st, past.step());
            assertEquals(exact.trainLoss(), past.trainLoss(), 0.0, "train loss recorded at step " + st);
            assertEquals(exact.testLoss(), past.testLoss(), 0.0, "test loss recorded at step " + st);
        }
        long st = midEpoch.get(midEpoch.size() - 1);
        TrainingSnapshot past = session.timeline().snapshotAt(st);
        session.jumpTo(st);
        TrainingSnapshot continued = idle();
        assertEquals(st, continued.step());
        assertEquals(past.trainLoss(), continued.trainLoss(), 0.0, "the past shown and the run continued agree");
        assertTrue(Double.isFinite(continued.testLoss()));
    }
}
