package org.weightlab.session;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The one channel from the engine thread to everything that watches a run, created once by the
 * application and passed in. Three typed streams:
 * <ul>
 *   <li>snapshots: latest wins. Publishing replaces one slot; a reader takes the newest.</li>
 *   <li>loss points: every one is kept, in order, in each {@link Mailbox}'s bounded queue.</li>
 *   <li>events: every one is kept, in order, likewise.</li>
 * </ul>
 * Publishing never blocks: mailboxes that are full drop their oldest item and count it.
 * Views pull from a {@link Mailbox} once per frame; small headless consumers (recorders, tests)
 * may instead register a listener that runs on the publishing thread. A listener that throws is
 * reported (an {@link SessionEvent.EngineError} plus a log line, on its 1st, 10th, 100th...
 * failure) and stays registered; the publisher carries on.
 *
 * <p>A mailbox remembers where each event fell among the loss points, so that a reader can take
 * both in the order they were published ({@link Mailbox#drainInOrder}).
 *
 * <p>Why not {@code java.util.concurrent.SubmissionPublisher}: it delivers every item through an
 * executor task per subscriber (a thread hop and a task per training step on a two-core machine),
 * it has no latest-wins mode, when a buffer is full {@code offer} drops the <em>new</em> item
 * whereas a loss chart wants the newest points, and separate publishers for loss points and
 * events could not say in which order a reader should take them. A slot plus lock-free queues
 * is smaller and does exactly that.
 */
public final class SnapshotBus {

    /** Loss points a mailbox holds before it drops the oldest: about two seconds at full speed. */
    public static final int DEFAULT_LOSS_CAPACITY = 1 << 18;
    public static final int DEFAULT_EVENT_CAPACITY = 4096;

    private static final System.Logger LOG = System.getLogger(SnapshotBus.class.getName());

    private final AtomicReference<TrainingSnapshot> latest = new AtomicReference<>();
    private final AtomicLong snapshotsPublished = new AtomicLong();
    private final AtomicLong listenerFailures = new AtomicLong();
    private final Map<Object, AtomicLong> failuresByListener = new ConcurrentHashMap<>();
    private final List<Mailbox> mailboxes = new CopyOnWriteArrayList<>();
    private final List<Consumer<TrainingSnapshot>> snapshotListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<LossPoint>> lossListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<SessionEvent>> eventListeners = new CopyOnWriteArrayList<>();
    // Set while an event listener runs on this thread, so a failure there is not re-reported in a loop.
    private final ThreadLocal<Boolean> reporting = ThreadLocal.withInitial(() -> Boolean.FALSE);

    public void publish(TrainingSnapshot snapshot) {
        if (snapshot == null) {
            throw new IllegalArgumentException("snapshot is null");
        }
        latest.set(snapshot);
        snapshotsPublished.incrementAndGet();
        for (Consumer<TrainingSnapshot> l : snapshotListeners) {
            deliver(l, snapshot);
        }
    }

    public void publish(LossPoint point) {
        if (point == null) {
            throw new IllegalArgumentException("loss point is null");
        }
        for (Mailbox m : mailboxes) {
            m.loss.offer(point);
        }
        for (Consumer<LossPoint> l : lossListeners) {
            deliver(l, point);
        }
    }

    public void publish(SessionEvent event) {
        if (event == null) {
            throw new IllegalArgumentException("event is null");
        }
        for (Mailbox m : mailboxes) {
            m.events.offer(new Marked(m.loss.mark(), event));
        }
        for (Consumer<SessionEvent> l : eventListeners) {
            deliver(l, event);
        }
    }

    /** The newest snapshot, or null before the first. */
    public TrainingSnapshot latestSnapshot() {
        return latest.get();
    }

    public long snapshotsPublished() {
        return snapshotsPublished.get();
    }

    /** How many times a listener threw. */
    public long listenerFailures() {
        return listenerFailures.get();
    }

    /** A mailbox with the default capacities; close it when the view goes away. */
    public Mailbox openMailbox() {
        return openMailbox(DEFAULT_LOSS_CAPACITY, DEFAULT_EVENT_CAPACITY);
    }

    public Mailbox openMailbox(int lossCapacity, int eventCapacity) {
        Mailbox m = new Mailbox(lossCapacity, eventCapacity);
        mailboxes.add(m);
        return m;
    }

    /** Calls {@code listener} on the publishing thread for every snapshot: keep it short. */
    public Subscription onSnapshot(Consumer<TrainingSnapshot> listener) {
        return register(snapshotListeners, listener);
    }

    /** Calls {@code listener} on the publishing thread for every loss point: keep it short. */
    public Subscription onLossPoint(Consumer<LossPoint> listener) {
        return register(lossListeners, listener);
    }

    /** Calls {@code listener} on the publishing thread for every event. */
    public Subscription onEvent(Consumer<SessionEvent> listener) {
        return register(eventListeners, listener);
    }

    private <T> Subscription register(List<Consumer<T>> list, Consumer<T> listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener is null");
        }
        list.add(listener);
        return () -> list.remove(listener);
    }

    private <T> void deliver(Consumer<T> listener, T item) {
        try {
            listener.accept(item);
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable t) { // any failure of a subscriber must not stop the engine
            listenerFailures.incrementAndGet();
            long n = failuresByListener.computeIfAbsent(listener, k -> new AtomicLong()).incrementAndGet();
            if (!isPowerOfTen(n)) {
                return; // a listener failing at every step would flood the log and the views
            }
            String what = "a session subscriber failed on " + item.getClass().getSimpleName()
                    + (n > 1 ? " (" + n + " times)" : "");
            LOG.log(System.Logger.Level.WARNING, what, t);
            if (!reporting.get()) {
                reporting.set(Boolean.TRUE);
                try {
                    publish(new SessionEvent.EngineError("a subscriber failed" + (n > 1 ? " " + n + " times" : "")
                            + ": " + describe(t)));
                } finally {
                    reporting.set(Boolean.FALSE);
                }
            }
        }
    }

    private static boolean isPowerOfTen(long n) {
        while (n % 10 == 0) {
            n /= 10;
        }
        return n == 1;
    }

    static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** Ends a listener registration. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** An event and how many loss points its mailbox had received before it. */
    private record Marked(long lossMark, SessionEvent event) {
    }

    /**
     * One reader's view of the bus: the newest snapshot it has not seen yet, and its own bounded
     * queues of loss points and events. Drain it from one thread (a view's pulse).
     */
    public final class Mailbox implements AutoCloseable {
        private final LossRing<LossPoint> loss;
        private final DropOldestQueue<Marked> events;
        private final List<Marked> marked = new java.util.ArrayList<>();
        private final List<LossPoint> segment = new java.util.ArrayList<>();
        private TrainingSnapshot seen;

        private Mailbox(int lossCapacity, int eventCapacity) {
            loss = new LossRing<>(lossCapacity);
            events = new DropOldestQueue<>(eventCapacity);
        }

        /** The newest snapshot if it changed since the last call, else null. */
        public TrainingSnapshot pollSnapshot() {
            TrainingSnapshot s = latest.get();
            if (s == seen) {
                return null;
            }
            seen = s;
            return s;
        }

        /**
         * Hands out every waiting loss point and event in the order they were published: runs of
         * loss points (oldest first, never empty) to {@code lossRun}, each event to {@code event}
         * between them. So a chart sees the points of the old branch, then the
         * {@link SessionEvent.Jumped} event, then the points of the new one. The list given to
         * {@code lossRun} is reused: copy what you keep.
         */
        public void drainInOrder(Consumer<List<LossPoint>> lossRun, Consumer<SessionEvent> event) {
            // Any event drained below, or published later, is marked at or after this point.
            long before = loss.mark();
            marked.clear();
            events.drainTo(marked);
            long upTo = before;
            for (Marked m : marked) {
                run(m.lossMark(), lossRun);
                event.accept(m.event());
                upTo = Math.max(upTo, m.lossMark());
            }
            run(upTo, lossRun);
            marked.clear();
        }

        private void run(long upTo, Consumer<List<LossPoint>> lossRun) {
            segment.clear();
            if (loss.drainTo(segment, upTo) > 0) {
                lossRun.accept(segment);
            }
            segment.clear();
        }

        /** Moves every waiting loss point, oldest first, into {@code into}; returns how many. */
        public int drainLossPoints(List<LossPoint> into) {
            return loss.drainTo(into, Long.MAX_VALUE);
        }

        /** Moves every waiting event, in order, into {@code into} (without their place among loss points). */
        public int drainEvents(List<SessionEvent> into) {
            marked.clear();
            int n = events.drainTo(marked);
            for (Marked m : marked) {
                into.add(m.event());
            }
            marked.clear();
            return n;
        }

        /** Loss points dropped because this mailbox was full (its reader stalled). */
        public long droppedLossPoints() {
            return loss.dropped();
        }

        public long droppedEvents() {
            return events.dropped();
        }

        @Override
        public void close() {
            mailboxes.remove(this);
        }
    }
}
