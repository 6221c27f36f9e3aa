package org.weightlab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;

/** A long run with views attached: nothing leaks, nothing is lost. Run with -Dgroups=slow -DexcludedGroups=. */
@Tag("slow")
class SessionSoakTest {

    private static final long STEPS = 1_000_000;

    @Test
    void aMillionStepsWithSubscribersKeepTheHeapBoundedAndLoseNoLossPoint() throws Exception {
        RunConfig config = RunConfig.defaults();
        SnapshotBus bus = new SnapshotBus();
        SnapshotBus.Mailbox mailbox = bus.openMailbox();
        AtomicLong snapshotsSeen = new AtomicLong();
        bus.onSnapshot(s -> snapshotsSeen.incrementAndGet());
        bus.onEvent(e -> { });
        SessionSettings settings = SessionSettings.defaults().withHistoryBudget(64L << 20);
        long heapAtStart = heapAfterGc();
        System.out.printf("soak: heap after GC at start %.1f MB%n", heapAtStart / 1e6);

        // A simulated 60 Hz view: one snapshot, every loss point, every event per frame.
        long[] stepPoints = new long[1];
        long[] outOfOrder = new long[1];
        CompletableFuture<Void> view = new CompletableFuture<>();
        Thread viewThread = new Thread(() -> {
            List<LossPoint> points = new ArrayList<>();
            List<SessionEvent> events = new ArrayList<>();
            long last = 0;
            while (!view.isDone()) {
                mailbox.pollSnapshot();
                points.clear();
                mailbox.drainLossPoints(points);
                for (LossPoint p : points) {
                    if (!p.epochEnd()) {
                        stepPoints[0]++;
                        if (p.step() != last + 1) {
                            outOfOrder[0]++;
                        }
                        last = p.step();
                    }
                }
                mailbox.drainEvents(events);
                LockSupport.parkNanos(16_666_667L);
            }
        }, "soak-view");
        viewThread.start();

        try (TrainingSession session = new TrainingSession(config, DataGenerator.generate(config), null, bus,
                DataGenerator::generate, settings)) {
            session.start();
            session.requestFields(true);
            session.runSteps((int) STEPS);
            TrainingSnapshot end = session.whenIdle().get(600, TimeUnit.SECONDS);
            assertEquals(STEPS, end.step());
            Timeline t = session.timeline();
            System.out.printf("soak: %d records from step %d, thinning %d, %.1f MB of %.1f MB%n",
                    t.recordedSteps().length, t.earliestStep(), t.thinning(), t.byteSize() / 1e6, t.budget() / 1e6);
            assertTrue(t.byteSize() <= t.budget());
            long heapAtEnd = heapAfterGc();
            System.out.printf("soak: heap after GC at end %.1f MB, of which the history holds %.1f MB%n",
                    heapAtEnd / 1e6, t.byteSize() / 1e6);
            // Everything beyond the budgeted history must have been let go.
            assertTrue(heapAtEnd - t.byteSize() < heapAtStart + (32L << 20),
                    "heap grew from " + heapAtStart + " to " + heapAtEnd);
        }
        // Let the view take the last frame, then stop it.
        while (stepPoints[0] + mailbox.droppedLossPoints() < STEPS) {
            LockSupport.parkNanos(1_000_000);
        }
        view.complete(null);
        viewThread.join(10_000);
        System.out.printf("soak: %d snapshots published, %d loss points dropped%n", snapshotsSeen.get(),
                mailbox.droppedLossPoints());
        assertEquals(0, mailbox.droppedLossPoints(), "the view kept up: nothing dropped");
        assertEquals(STEPS, stepPoints[0]);
        assertEquals(0, outOfOrder[0]);
    }

    private static long heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
