package org.weightlab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SnapshotBusTest {

    @Test
    void publishingNeverWaitsForAReaderAndAFullMailboxKeepsTheNewestPoints() {
        SnapshotBus bus = new SnapshotBus();
        SnapshotBus.Mailbox mailbox = bus.openMailbox(1000, 10);
        // Nobody drains: if publishing waited for a reader, this would hang and the guard would fire.
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 1; i <= 100_000; i++) {
                bus.publish(Snapshots.at(i));
                bus.publish(new LossPoint(i, 0, i, Double.NaN, false));
            }
        });
        List<LossPoint> points = new ArrayList<>();
        assertEquals(1000, mailbox.drainLossPoints(points));
        for (int k = 0; k < 1000; k++) {
            assertEquals(99_001 + k, points.get(k).step(), "the newest points, oldest first");
        }
        assertEquals(99_000, mailbox.droppedLossPoints());
        assertEquals(100_000, mailbox.pollSnapshot().step());
        assertNull(mailbox.pollSnapshot(), "an unchanged snapshot is not handed out twice");
    }

    @Test
    void lossPointsAndEventsComeOutInTheOrderTheyWerePublished() {
        SnapshotBus bus = new SnapshotBus();
        SnapshotBus.Mailbox mailbox = bus.openMailbox();
        SnapshotBus.Mailbox small = bus.openMailbox(4, 10);
        for (int i = 1; i <= 10; i++) {
            bus.publish(new LossPoint(i, 0, 1, Double.NaN, false));
        }
        bus.publish(new SessionEvent.Jumped(10, 5));
        for (int i = 6; i <= 7; i++) {
            bus.publish(new LossPoint(i, 0, 2, Double.NaN, false));
        }
        bus.publish(new SessionEvent.Rebuilt(0, "reset"));
        assertEquals(List.of("1-10", "jumped", "6-7", "rebuilt"), order(mailbox));
        // Full: the oldest points went, the order of what is left stays.
        assertEquals(List.of("9-10", "jumped", "6-7", "rebuilt"), order(small));
        assertEquals(8, small.droppedLossPoints(), "12 points into 4 places");
        bus.publish(new LossPoint(1, 0, 3, Double.NaN, false));
        assertEquals(List.of("1-1"), order(mailbox), "the next frame starts where this one stopped");
    }

    private static List<String> order(SnapshotBus.Mailbox m) {
        List<String> out = new ArrayList<>();
        m.drainInOrder(run -> out.add(run.get(0).step() + "-" + run.get(run.size() - 1).step()),
                e -> out.add(e.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT)));
        return out;
    }

    @Test
    void eachMailboxGetsEveryEventInOrder() {
        SnapshotBus bus = new SnapshotBus();
        SnapshotBus.Mailbox a = bus.openMailbox();
        SnapshotBus.Mailbox b = bus.openMailbox();
        for (int i = 0; i < 50; i++) {
            bus.publish(new SessionEvent.SettingChanged(i, "lr", "a", "b"));
        }
        List<SessionEvent> fromA = new ArrayList<>();
        List<SessionEvent> fromB = new ArrayList<>();
        a.drainEvents(fromA);
        b.drainEvents(fromB);
        assertEquals(fromA, fromB);
        for (int i = 0; i < 50; i++) {
            assertEquals(i, ((SessionEvent.SettingChanged) fromA.get(i)).step());
        }
        b.close();
        bus.publish(new SessionEvent.Rebuilt(0, "x"));
        fromB.clear();
        assertEquals(0, b.drainEvents(fromB), "a closed mailbox receives nothing");
    }

    @Test
    void aThrowingListenerIsReportedAndTheOthersAndThePublisherCarryOn() throws Exception {
        SnapshotBus bus = new SnapshotBus();
        SnapshotBus.Mailbox mailbox = bus.openMailbox();
        List<Long> seen = new ArrayList<>();
        bus.onSnapshot(s -> {
            throw new IllegalStateException("view broke");
        });
        bus.onSnapshot(s -> seen.add(s.step()));
        // The event listener throws too, also on the error report: that must not recurse forever.
        bus.onEvent(e -> {
            throw new IllegalStateException("event view broke");
        });
        CompletableFuture<Void> publisher = CompletableFuture.runAsync(() -> {
            for (int i = 1; i <= 12; i++) {
                bus.publish(Snapshots.at(i));
            }
        });
        publisher.get(30, TimeUnit.SECONDS);
        assertEquals(12, seen.size());
        assertEquals(12L, seen.get(11));
        assertEquals(12 + 2, bus.listenerFailures(), "12 snapshots, plus the event listener on two reports");
        List<SessionEvent> events = new ArrayList<>();
        mailbox.drainEvents(events);
        // Reported on the 1st and the 10th failure, not on every one.
        assertEquals(2, events.size(), events.toString());
        assertTrue(events.get(0) instanceof SessionEvent.EngineError err && err.message().contains("view broke"),
                events.get(0).toString());
        assertTrue(((SessionEvent.EngineError) events.get(1)).message().contains("10 times"), events.get(1).toString());
    }

    @Test
    void aClosedSubscriptionStopsDelivery() {
        SnapshotBus bus = new SnapshotBus();
        List<LossPoint> seen = new ArrayList<>();
        SnapshotBus.Subscription sub = bus.onLossPoint(seen::add);
        LossPoint p = new LossPoint(1, 0, 0.5, Double.NaN, false);
        bus.publish(p);
        sub.close();
        bus.publish(new LossPoint(2, 0, 0.4, Double.NaN, false));
        assertEquals(1, seen.size());
        assertSame(p, seen.get(0));
    }
}
