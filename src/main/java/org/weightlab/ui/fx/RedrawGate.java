package org.weightlab.ui.fx;

/**
 * Paces a redraw that would otherwise happen on every frame: {@link #isDue} says whether at
 * least the interval passed since the last {@link #mark}. Views use it for what changes
 * continuously while training runs but reads as smooth at a lower rate (a chart scrolling by a
 * pixel, numbers nobody can read at 60 per second), so the render thread has the rest of the
 * frame for what must move every frame. Times are in nanoseconds (pulse times).
 */
public final class RedrawGate {

    private final long intervalNanos;
    private long last;
    private boolean marked;

    /** At most {@code perSecond} redraws a second. */
    public RedrawGate(double perSecond) {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("redraws per second must be positive and finite: " + perSecond);
        }
        intervalNanos = Math.round(1e9 / perSecond);
    }

    /** True when nothing was drawn yet or the interval has passed since the last {@link #mark}. */
    public boolean isDue(long now) {
        return !marked || now - last >= intervalNanos;
    }

    /** Something was drawn at {@code now}. */
    public void mark(long now) {
        last = now;
        marked = true;
    }

    /** The next {@link #isDue} is true, whenever it is asked. */
    public void reset() {
        marked = false;
    }

    /** {@link #isDue}, and when due also {@link #mark}. */
    public boolean take(long now) {
        if (isDue(now)) {
            mark(now);
            return true;
        }
        return false;
    }

    public long intervalNanos() {
        return intervalNanos;
    }
}
