package org.weightlab.ui.surface;

import java.util.function.BiConsumer;
import javafx.scene.Node;
import org.weightlab.session.TrainingSnapshot;

/**
 * The window's loss surface: opened from the menu or by a lesson, fed with every moment the window
 * shows while it is open. Built the first time it is asked for.
 */
public final class SurfaceWorkbench {

    private final BiConsumer<Node, Runnable> showView;
    private SurfaceView view;
    private boolean open;
    private TrainingSnapshot latest;

    /** @param showView brings a view to the front and calls the runnable when it is closed */
    public SurfaceWorkbench(BiConsumer<Node, Runnable> showView) {
        this.showView = showView;
    }

    /** Opens the surface of the run on screen. FX thread. */
    public void open() {
        if (view == null) {
            view = new SurfaceView();
        }
        open = true;
        showView.accept(view, () -> open = false);
        if (latest != null) {
            view.show(latest);
        }
    }

    /** Another view took the place: stop following the run. */
    public void hidden() {
        open = false;
    }

    /** The window's newest moment. FX thread. */
    public void offer(TrainingSnapshot s) {
        latest = s;
        if (open) {
            view.show(s);
        }
    }

    public boolean isOpen() {
        return open;
    }

    /** The view, or null before the first {@link #open()}. */
    public SurfaceView view() {
        return view;
    }

    public void close() {
        if (view != null) {
            view.close();
        }
    }
}
