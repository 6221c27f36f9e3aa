package org.weightlab.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.weightlab.session.TrainingSnapshot;

/**
 * A bounded history of per-layer summaries, one entry per recorded step, in step order. When it
 * is full every second entry is dropped (the first and the newest stay), so a long run keeps an
 * evenly thinned picture of its whole past in constant memory. Not thread-safe: the inspector
 * uses it on the FX thread.
 *
 * <p>Time travel: recording a snapshot of a step that is already held replaces nothing when it
 * is the same moment (same fingerprint), so scrubbing back and forth is free; a different moment
 * at a held step means the run forked there, and every entry from that step on is dropped.
 */
public final class SummaryHistory {

    public static final int DEFAULT_CAPACITY = 512;

    private final int capacity;
    // Sorted by step, no two entries with the same step.
    private final List<StepSummary> entries = new ArrayList<>();

    public SummaryHistory() {
        this(DEFAULT_CAPACITY);
    }

    public SummaryHistory(int capacity) {
        if (capacity < 4) {
            throw new IllegalArgumentException("a summary history needs room for at least 4 steps, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Summarizes {@code s} and records it; returns the summary held for its step. */
    public StepSummary record(TrainingSnapshot s) {
        int at = indexOf(s.step());
        if (at >= 0 && entries.get(at).step() == s.step()) {
            StepSummary held = entries.get(at);
            StepSummary fresh = StepSummary.of(s);
            if (held.fingerprint() == fresh.fingerprint() && held.sameShape(fresh)) {
                return held;
            }
            entries.subList(at, entries.size()).clear();
            return add(fresh);
        }
        return add(StepSummary.of(s));
    }

    /** Adds a summary made elsewhere (tests, replay). */
    public StepSummary add(StepSummary summary) {
        if (!entries.isEmpty() && !entries.get(0).sameShape(summary)) {
            // A rebuilt network: the old population says nothing about the new one.
            entries.clear();
        }
        int at = indexOf(summary.step());
        if (at >= 0 && entries.get(at).step() == summary.step()) {
            entries.set(at, summary);
        } else {
            entries.add(at < 0 ? 0 : at + 1, summary);
        }
        if (entries.size() > capacity) {
            thin();
        }
        return summary;
    }

    /** The recorded entries with {@code step <= upTo}, oldest first. */
    public List<StepSummary> upTo(long upTo) {
        int at = indexOf(upTo);
        return at < 0 ? List.of() : Collections.unmodifiableList(new ArrayList<>(entries.subList(0, at + 1)));
    }

    public List<StepSummary> all() {
        return List.copyOf(entries);
    }

    public int size() {
        return entries.size();
    }

    public int capacity() {
        return capacity;
    }

    public void clear() {
        entries.clear();
    }

    /** Index of the last entry with step <= {@code step}, or -1. */
    private int indexOf(long step) {
        int lo = 0;
        int hi = entries.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (entries.get(mid).step() <= step) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    private void thin() {
        List<StepSummary> kept = new ArrayList<>(capacity / 2 + 2);
        int last = entries.size() - 1;
        for (int i = 0; i < entries.size(); i++) {
            if (i % 2 == 0 || i == last) {
                kept.add(entries.get(i));
            }
        }
        entries.clear();
        entries.addAll(kept);
    }
}
