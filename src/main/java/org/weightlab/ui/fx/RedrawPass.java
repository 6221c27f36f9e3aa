package org.weightlab.ui.fx;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * The scene's one redraw pass: after each pulse's layout (so every canvas has its final size)
 * it draws the {@link Redraw}s that are dirty and due, in the order they were first marked.
 * It asks for another pulse only while some paced redraw still waits, so an idle window does
 * not pulse for it. The pump's AnimationTimer delivers snapshots earlier in the same pulse, so
 * a snapshot that marks a view dirty is drawn in the frame it arrived in.
 */
final class RedrawPass implements Runnable {

    private static final Object KEY = RedrawPass.class;

    private final Set<Redraw> pending = new LinkedHashSet<>();
    private boolean requested;
    private long passes;

    private RedrawPass() {
    }

    /** The pass of {@code scene}, made and registered on first use. */
    static RedrawPass of(Scene scene) {
        Object p = scene.getProperties().get(KEY);
        if (p instanceof RedrawPass pass) {
            return pass;
        }
        RedrawPass pass = new RedrawPass();
        scene.getProperties().put(KEY, pass);
        scene.addPostLayoutPulseListener(pass);
        return pass;
    }

    void add(Redraw r) {
        pending.add(r);
        request();
    }

    /** Passes run so far (tests). */
    long passes() {
        return passes;
    }

    @Override
    public void run() {
        requested = false;
        if (pending.isEmpty()) {
            return;
        }
        passes++;
        long now = System.nanoTime();
        List<Redraw> due = new ArrayList<>(pending);
        pending.clear();
        for (Redraw r : due) {
            boolean waits;
            try {
                waits = r.runPass(now);
            } catch (RuntimeException e) {
                System.getLogger(RedrawPass.class.getName()).log(System.Logger.Level.WARNING,
                        "a view failed to redraw", e);
                waits = false;
            }
            if (waits) {
                pending.add(r);
            }
        }
        if (!pending.isEmpty()) {
            request();
        }
    }

    private void request() {
        if (!requested) {
            requested = true;
            Platform.requestNextPulse();
        }
    }
}
