package org.weightlab.session;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded FIFO that never blocks its producer: when it is full, offering drops the oldest item
 * and counts it. Lock-free (one producer and one consumer, or more of either).
 */
final class DropOldestQueue<T> {

    private final ConcurrentLinkedQueue<T> items = new ConcurrentLinkedQueue<>();
    // Approximate size: incremented after an offer, decremented after a successful poll.
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final int capacity;

    DropOldestQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("queue capacity must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    void offer(T item) {
        items.offer(item);
        if (size.incrementAndGet() > capacity && items.poll() != null) {
            size.decrementAndGet();
            dropped.incrementAndGet();
        }
    }

    /** Moves the items waiting at the call, oldest first; later arrivals wait for the next call. */
    int drainTo(List<? super T> into) {
        int limit = size.get();
        int n = 0;
        T item;
        while (n < limit && (item = items.poll()) != null) {
            size.decrementAndGet();
            into.add(item);
            n++;
        }
        return n;
    }

    long dropped() {
        return dropped.get();
    }

    int capacity() {
        return capacity;
    }
}
