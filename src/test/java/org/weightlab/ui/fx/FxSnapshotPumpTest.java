package org.weightlab.ui.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.weightlab.session.LossPoint;
import org.weightlab.session.SessionEvent;
import org.weightlab.session.SnapshotBus;
import org.weightlab.session.Snapshots;
import org.weightlab.session.TrainingSnapshot;

class FxSnapshotPumpTest {

    private static final int COUNT = 100_000;

    @Test
    void aPulseSeesAtMostOneSnapshotAlwaysTheNewestAndEveryLossPointInOrder() throws Exception {
        SnapshotBus bus = new SnapshotBus();
        FxSnapshotPump pump = new FxSnapshotPump(bus);
        List<Long> snapshotSteps = new ArrayList<>();
        List<LossPoint> points = new ArrayList<>();
        int[] perPulse = new int[1];
        pump.onSnapshot(s -> {
            perPulse[0]++;
            snapshotSteps.add(s.step());
            // Always the newest: nothing newer than what the producer had published at this moment.
            assertTrue(s.step() <= bus.latestSnapshot().step());
        });
        pump.onLossPoints(points::addAll);

        CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> {
            for (int i = 1; i <= COUNT; i++) {
                bus.publish(new LossPoint(i, 0, 1.0 / i, Double.NaN, false));
                bus.publish(Snapshots.at(i));
            }
        });
        long frame = 0;
        int maxPerPulse = 0;
        // The simulated pulse loop: runs until the producer is done, then one last frame.
        while (!producer.isDone()) {
            perPulse[0] = 0;
            pump.pulse(frame++ * 16_666_667L);
            maxPerPulse = Math.max(maxPerPulse, perPulse[0]);
            Thread.onSpinWait();
        }
        producer.get(30, TimeUnit.SECONDS);
        perPulse[0] = 0;
        pump.pulse(frame * 16_666_667L);
        maxPerPulse = Math.max(maxPerPulse, perPulse[0]);

        assertTrue(maxPerPulse <= 1, "a pulse handed out " + maxPerPulse + " snapshots");
        assertEquals(COUNT, snapshotSteps.get(snapshotSteps.size() - 1), "the last pulse shows the newest snapshot");
        for (int i = 1; i < snapshotSteps.size(); i++) {
            assertTrue(snapshotSteps.get(i) > snapshotSteps.get(i - 1), "snapshots never go back in time");
        }
        assertEquals(COUNT, points.size(), "every loss point arrives");
        for (int i = 0; i < COUNT; i++) {
            assertEquals(i + 1, points.get(i).step(), "in order");
        }
        assertEquals(0, pump.droppedLossPointsProperty().get());
    }

    @Test
    void thePumpFeedsTheLossHistoryInOrderSoAJumpDropsOnlyTheOldBranch() {
        SnapshotBus bus = new SnapshotBus();
        FxSnapshotPump pump = new FxSnapshotPump(bus);
        for (int i = 1; i <= 50; i++) {
            bus.publish(new LossPoint(i, (i - 1) / 25, 1.0 / i, Double.NaN, false));
        }
        bus.publish(new LossPoint(25, 1, 0.5, 0.6, true, 0.7, 0.8));
        bus.publish(new LossPoint(50, 2, 0.4, 0.5, true, 0.8, 0.9));
        bus.publish(new SessionEvent.SettingChanged(40, "lr", "0.03", "0.3"));
        bus.publish(new SessionEvent.Jumped(50, 30));
        bus.publish(new LossPoint(31, 1, 0.25, Double.NaN, false)); // the new branch, in the same frame
        pump.pulse(0);

        var history = pump.lossHistory();
        assertEquals(31, history.batches().size());
        assertEquals(0.25, history.batches().value(30));
        assertEquals(List.of(new LossPoint(25, 1, 0.5, 0.6, true, 0.7, 0.8)), history.epochEndsUpTo(Long.MAX_VALUE));
        assertTrue(history.markers().isEmpty(), "the change at step 40 belonged to the old branch");
        pump.close();
    }

    @Test
    void eventsComeBeforeTheSnapshotOfTheSameFrameAndAThrowingViewDoesNotStopTheOthers() {
        SnapshotBus bus = new SnapshotBus();
        FxSnapshotPump pump = new FxSnapshotPump(bus);
        List<String> order = new ArrayList<>();
        pump.onEvent(e -> {
            throw new IllegalStateException("broken view");
        });
        pump.onEvent(e -> order.add("event"));
        pump.onSnapshot(s -> order.add("snapshot " + s.step()));
        bus.publish(Snapshots.at(7));
        bus.publish(new SessionEvent.Rebuilt(0, "hidden [4, 2] -> [3]"));
        pump.pulse(0);
        assertEquals(List.of("event", "snapshot 7"), order);
        assertEquals(1, pump.listenerFailures());
        pump.pulse(1);
        assertEquals(2, order.size(), "nothing new, nothing delivered");
    }

    @Test
    void measuresFramesAndStepsPerSecond() {
        SnapshotBus bus = new SnapshotBus();
        FxSnapshotPump pump = new FxSnapshotPump(bus);
        // 61 pulses 1/60 s apart over one second, 100 steps per frame: 60 fps, 6000 steps/s.
        for (int f = 0; f <= 60; f++) {
            bus.publish(Snapshots.at(100L * f));
            pump.pulse(f * 1_000_000_000L / 60);
        }
        assertEquals(60, pump.framesPerSecondProperty().get(), 1e-6);
        assertEquals(6000, pump.stepsPerSecondProperty().get(), 1e-6);
    }

    @Test
    void listenersRunOnTheFxThreadOncePumpingStarts() throws Exception {
        // Starts the FX platform the way TestFX does, so that the order of test classes does not matter.
        FxToolkit.registerPrimaryStage();
        SnapshotBus bus = new SnapshotBus();
        FxSnapshotPump pump = new FxSnapshotPump(bus);
        CompletableFuture<TrainingSnapshot> got = new CompletableFuture<>();
        AtomicBoolean onFxThread = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        pump.onSnapshot(s -> {
            onFxThread.set(Platform.isFxApplicationThread());
            got.complete(s);
        });
        Platform.runLater(() -> {
            try {
                pump.start();
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        bus.publish(Snapshots.at(42));
        assertEquals(42, got.get(30, TimeUnit.SECONDS).step());
        assertTrue(onFxThread.get(), "listener ran off the FX thread");
        Platform.runLater(pump::close);
        assertEquals(null, failure.get());
    }
}
