package org.weightlab.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.weightlab.engine.config.RunConfig;

/**
 * Past moments of a run under a memory budget: at each record, the engine's checkpoint (weights,
 * optimizer state, position in the data) and the snapshot that was published. Written only by
 * the engine thread; read through {@link Timeline} from any thread (short synchronized sections).
 *
 * <p>Thinning: the newest {@code recentEntries} records are always kept. Older ones are kept only
 * if their record number is a multiple of {@code k} ({@link #thinning()}); when the budget is
 * exceeded, {@code k} doubles (every other old record goes), so the span covered doubles each
 * time the budget fills, dense near the present and evenly spaced further back. Records at a <em>command boundary</em> (a step at
 * which a command changed the run: a setting, a freeze, an edited weight) are not thinned, so
 * between two consecutive records the run only trained: any step in between can be reached
 * exactly by restoring the earlier record and replaying. If boundaries alone overflow the
 * budget, the oldest records go.
 *
 * @param <C> the engine's checkpoint type
 */
final class History<C> implements Timeline {

    /** One stored moment. {@code boundary}: a command changed the run at this step. */
    record Entry<C>(long step, long seq, C checkpoint, TrainingSnapshot snapshot, boolean boundary, long bytes) {
        RunConfig config() {
            return snapshot.config();
        }
    }

    /** An epoch end that improved the test loss, with its checkpoint while it is the best. */
    private record Best<C>(LossPoint point, RunConfig config, C checkpoint) {
    }

    /**
     * 256 MB, or a quarter of the heap when that is less: the window's JVM runs with a bounded
     * heap, and the past must leave room for the present.
     */
    public static final long DEFAULT_BUDGET = Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 4);
    public static final int DEFAULT_RECENT_ENTRIES = 256;

    private final long budget;
    private final int recentEntries;
    private final ToLongFunction<C> checkpointBytes;
    private final ArrayList<Entry<C>> entries = new ArrayList<>();
    // Improvements of the test loss, oldest first; the last is the best. Only the last keeps its
    // checkpoint: after a fork pops it, the previous best is reached by replay.
    private final Deque<Best<C>> bests = new ArrayDeque<>();
    private long bytes;
    private long bestBytes;
    private int thinning = 1;
    private long nextSeq;

    History(long budget, int recentEntries, ToLongFunction<C> checkpointBytes) {
        if (budget < 1) {
            throw new IllegalArgumentException("history budget must be positive, got " + budget);
        }
        if (recentEntries < 1) {
            throw new IllegalArgumentException("recentEntries must be >= 1, got " + recentEntries);
        }
        this.budget = budget;
        this.recentEntries = recentEntries;
        this.checkpointBytes = checkpointBytes;
    }

    /**
     * Stores the moment at {@code snapshot.step()}, replacing a record at the same step (several
     * commands at one step leave the last state). Steps must not go backwards: fork first.
     */
    synchronized void record(C checkpoint, TrainingSnapshot snapshot, boolean boundary) {
        long step = snapshot.step();
        long size = checkpointBytes.applyAsLong(checkpoint) + byteSize(snapshot);
        Entry<C> last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
        if (last != null && last.step() > step) {
            throw new IllegalStateException("history at step " + last.step() + " cannot record step " + step);
        }
        long seq = nextSeq;
        if (last != null && last.step() == step) {
            entries.remove(entries.size() - 1);
            bytes -= last.bytes();
            boundary |= last.boundary();
            seq = last.seq();
        } else {
            nextSeq++;
        }
        entries.add(new Entry<>(step, seq, checkpoint, snapshot, boundary, size));
        bytes += size;
        // The record that just left the recent window stays only if it falls on the grid.
        int aged = entries.size() - 1 - recentEntries;
        if (aged > 0 && !keep(entries.get(aged), thinning)) {
            bytes -= entries.remove(aged).bytes();
        }
        enforceBudget();
    }

    /** Notes an epoch end; keeps {@code checkpoint} if its test loss is the best so far. */
    synchronized void recordEpoch(LossPoint epochEnd, RunConfig config, java.util.function.Supplier<C> checkpoint) {
        if (!epochEnd.epochEnd() || !(epochEnd.testLoss() < bestLoss())) {
            return;
        }
        Best<C> old = bests.peekLast();
        if (old != null && old.checkpoint() != null) {
            bests.removeLast();
            bests.addLast(new Best<>(old.point(), old.config(), null));
        }
        C c = checkpoint.get();
        bests.addLast(new Best<>(epochEnd, config, c));
        bestBytes = checkpointBytes.applyAsLong(c);
        enforceBudget();
    }

    private double bestLoss() {
        Best<C> b = bests.peekLast();
        return b == null ? Double.POSITIVE_INFINITY : b.point().testLoss();
    }

    /** Forks at {@code step}: forgets every record and epoch after it. */
    synchronized void truncateAfter(long step) {
        while (!entries.isEmpty() && entries.get(entries.size() - 1).step() > step) {
            bytes -= entries.remove(entries.size() - 1).bytes();
        }
        boolean poppedBest = false;
        while (!bests.isEmpty() && bests.peekLast().point().step() > step) {
            bests.removeLast();
            poppedBest = true;
        }
        if (poppedBest) {
            bestBytes = 0;
        }
    }

    synchronized void clear() {
        entries.clear();
        bests.clear();
        bytes = 0;
        bestBytes = 0;
        thinning = 1;
        nextSeq = 0;
    }

    /** The latest record at or before {@code step}, or null. */
    synchronized Entry<C> floor(long step) {
        int i = floorIndex(step);
        return i < 0 ? null : entries.get(i);
    }

    /** The best epoch's checkpoint if it is exactly at {@code step}, else null. */
    synchronized Entry<C> bestAt(long step) {
        Best<C> b = bests.peekLast();
        if (b == null || b.checkpoint() == null || b.point().step() != step) {
            return null;
        }
        return new Entry<>(step, -1, b.checkpoint(), null, true, 0);
    }

    /** The config in force at the best epoch, if a checkpoint for it is held. */
    synchronized RunConfig bestConfig() {
        Best<C> b = bests.peekLast();
        return b == null ? null : b.config();
    }

    synchronized int size() {
        return entries.size();
    }

    private int floorIndex(long step) {
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

    private void enforceBudget() {
        while (bytes + bestBytes > budget && !entries.isEmpty()) {
            if (!thinOnce()) {
                bytes -= entries.remove(0).bytes();
            }
        }
    }

    private static boolean keep(Entry<?> e, long k) {
        return e.boundary() || e.seq() % k == 0;
    }

    /** Doubles the spacing of the old records; false if that frees nothing. */
    private boolean thinOnce() {
        int old = entries.size() - recentEntries;
        if (old <= 1 || thinning >= 1 << 30) {
            return false;
        }
        int k = thinning * 2;
        List<Entry<C>> kept = new ArrayList<>(entries.size());
        kept.add(entries.get(0)); // the earliest record stays: it is where the timeline starts
        boolean removed = false;
        for (int i = 1; i < old; i++) {
            Entry<C> e = entries.get(i);
            if (keep(e, k)) {
                kept.add(e);
            } else {
                bytes -= e.bytes();
                removed = true;
            }
        }
        kept.addAll(entries.subList(old, entries.size()));
        entries.clear();
        entries.addAll(kept);
        thinning = k;
        return removed;
    }

    /** Estimated heap bytes of a snapshot: its arrays plus a fixed allowance for headers. */
    static long byteSize(TrainingSnapshot s) {
        long b = 256;
        for (LayerSnapshot l : s.layers()) {
            b += 160 + 16L * 8;
            b += 8L * (3L * l.weights().length + 3L * l.biases().length);
            b += l.frozenWeights().length + l.frozenBiases().length;
            if (l.computesWithOtherWeights()) {
                b += 16 + 8L * l.effectiveWeights().length;
            }
            if (l.stats() != null) {
                b += 128 + 4L * l.stats().histogram().length;
            }
        }
        FieldSnapshot f = s.field();
        if (f != null) {
            for (float[][] layer : f.values()) {
                for (float[] node : layer) {
                    b += 16 + 4L * node.length;
                }
                b += 16;
            }
        }
        return b;
    }

    // --- Timeline ---

    @Override
    public synchronized long earliestStep() {
        return entries.isEmpty() ? -1 : entries.get(0).step();
    }

    @Override
    public synchronized long latestStep() {
        return entries.isEmpty() ? -1 : entries.get(entries.size() - 1).step();
    }

    @Override
    public synchronized long[] recordedSteps() {
        long[] steps = new long[entries.size()];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = entries.get(i).step();
        }
        return steps;
    }

    @Override
    public synchronized TrainingSnapshot snapshotAt(long step) {
        if (entries.isEmpty()) {
            return null;
        }
        int i = floorIndex(step);
        if (i < 0) {
            return entries.get(0).snapshot();
        }
        if (i + 1 < entries.size() && entries.get(i + 1).step() - step < step - entries.get(i).step()) {
            i++;
        }
        return entries.get(i).snapshot();
    }

    @Override
    public synchronized Optional<LossPoint> bestTestLoss() {
        Best<C> b = bests.peekLast();
        return b == null ? Optional.empty() : Optional.of(b.point());
    }

    @Override
    public synchronized long byteSize() {
        return bytes + bestBytes;
    }

    @Override
    public long budget() {
        return budget;
    }

    @Override
    public synchronized int thinning() {
        return thinning;
    }
}
