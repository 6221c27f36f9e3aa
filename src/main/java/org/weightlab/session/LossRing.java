package org.weightlab.session;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A bounded ring of items numbered in order of arrival, which never blocks its producer: when
 * full, offering drops the oldest item and counts it. Items carry their number implicitly, so a reader can stop at a given number: that is how events are put back in
 * order among loss points. One reader at a time; producers are serialized among themselves only.
 * Item {@code n} lives in slot {@code n % capacity}.
 */
final class LossRing<T> {

    private final AtomicReferenceArray<T> slots;
    private final int capacity;
    // head: number of the oldest item still held; tail: number the next item will get.
    private final AtomicLong head = new AtomicLong();
    private final AtomicLong tail = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    LossRing(int capacity) {
        if (capacity < 1 || capacity > 1 << 30) {
            throw new IllegalArgumentException("ring capacity must be between 1 and 2^30, got " + capacity);
        }
        this.capacity = capacity;
        slots = new AtomicReferenceArray<>(capacity);
    }

    int capacity() {
        return capacity;
    }

    /** The number the next item will get: every item offered so far has a smaller one. */
    long mark() {
        return tail.get();
    }

    synchronized void offer(T item) {
        long t = tail.get();
        long h = head.get();
        while (t - h >= capacity) {
            // Full: take the oldest away from the reader. If the reader moved head first, look again.
            if (head.compareAndSet(h, h + 1)) {
                dropped.incrementAndGet();
                break;
            }
            h = head.get();
        }
        slots.set((int) (t % capacity), item);
        tail.set(t + 1);
    }

    /** Moves the held items numbered below {@code upTo}, oldest first, into {@code into}; returns how many. */
    int drainTo(List<? super T> into, long upTo) {
        int start = into.size();
        while (true) {
            long h = head.get();
            long t = Math.min(tail.get(), upTo);
            if (h >= t) {
                return 0;
            }
            for (long n = h; n < t; n++) {
                into.add(slots.get((int) (n % capacity)));
            }
            // Succeeds only if the producer dropped nothing meanwhile (so no slot read was overwritten).
            if (head.compareAndSet(h, t)) {
                // Let go of what was handed out (unless the producer has already reused the slot),
                // so that a large ring does not keep thousands of old points alive.
                for (long n = h; n < t; n++) {
                    @SuppressWarnings("unchecked")
                    T handedOut = (T) into.get(start + (int) (n - h));
                    slots.compareAndSet((int) (n % capacity), handedOut, null);
                }
                return (int) (t - h);
            }
            into.subList(start, into.size()).clear();
        }
    }

    long dropped() {
        return dropped.get();
    }
}
