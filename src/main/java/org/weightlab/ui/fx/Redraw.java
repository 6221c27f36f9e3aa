package org.weightlab.ui.fx;

import java.util.function.IntConsumer;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * The one way a view asks to be redrawn: it marks what changed as dirty bits, and the scene's
 * {@link RedrawPass} calls the view's draw function once, after layout, on a later pulse, with
 * every bit marked since the last draw (a producer that marks the same bit a thousand times
 * causes one redraw). Bits given a pace (e.g. "new loss points" while training runs) wait until
 * their interval has passed since the last draw; any other bit is drawn on the next pulse and
 * takes the paced ones along.
 *
 * <p>A view whose node is not in a scene stays dirty and is drawn once it is added to one, or
 * when {@link #drawNow()} is called (exports, tests). FX thread only.
 */
public final class Redraw {

    private final Node owner;
    private final IntConsumer draw;
    private int dirtyBits;
    private int pacedBits;
    private long paceNanos;
    private long lastDraw;
    private boolean drawnOnce;
    private long draws;
    private RedrawPass pass;

    /**
     * A redraw of {@code owner} by {@code draw}, which receives the bits that were dirty. The
     * owner's scene carries the pass; marking before the owner has a scene just remembers the bits.
     */
    public Redraw(Node owner, IntConsumer draw) {
        if (owner == null || draw == null) {
            throw new IllegalArgumentException("a redraw needs its node and its draw function");
        }
        this.owner = owner;
        this.draw = draw;
        owner.sceneProperty().addListener((o, was, now) -> {
            pass = null;
            if (dirtyBits != 0 && now != null) {
                schedule(now);
            }
        });
    }

    /**
     * Bits that alone are drawn at most {@code perSecond} times a second (as long as no other bit
     * is dirty). Returns this redraw, for chaining at construction.
     */
    public Redraw pace(int bits, double perSecond) {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("redraws per second must be positive and finite: " + perSecond);
        }
        pacedBits = bits;
        paceNanos = Math.round(1e9 / perSecond);
        return this;
    }

    /** Marks {@code bits} dirty: the view is drawn on a coming pulse. */
    public void mark(int bits) {
        if (bits == 0) {
            return;
        }
        boolean wasClean = dirtyBits == 0;
        dirtyBits |= bits;
        Scene scene = owner.getScene();
        if (scene != null && (wasClean || pass == null)) {
            schedule(scene);
        }
    }

    /** True while some bit waits to be drawn. */
    public boolean isDirty() {
        return dirtyBits != 0;
    }

    /** The bits waiting to be drawn. */
    public int dirtyBits() {
        return dirtyBits;
    }

    /** Draws what is dirty now, whatever the pace (exports, tests, a picture taken off screen). */
    public void drawNow() {
        if (dirtyBits != 0) {
            drawAt(System.nanoTime());
        }
    }

    /** How many times the draw function ran (views and tests count frames with it). */
    public long draws() {
        return draws;
    }

    /** True when a pass at {@code now} should draw: an unpaced bit is dirty, or the pace allows. */
    boolean isDue(long now) {
        if (dirtyBits == 0) {
            return false;
        }
        if ((dirtyBits & ~pacedBits) != 0 || !drawnOnce) {
            return true;
        }
        return now - lastDraw >= paceNanos;
    }

    /** Called by the pass: draws if due; returns true when bits still wait (paced, not yet due). */
    boolean runPass(long now) {
        if (isDue(now)) {
            drawAt(now);
        }
        return dirtyBits != 0;
    }

    private void drawAt(long now) {
        int bits = dirtyBits;
        dirtyBits = 0;
        lastDraw = now;
        drawnOnce = true;
        draws++;
        draw.accept(bits);
    }

    private void schedule(Scene scene) {
        pass = RedrawPass.of(scene);
        pass.add(this);
    }
}
