package org.weightlab.ui.heatmap;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.ClickedPoints;
import org.weightlab.engine.data.DataSplit;

/**
 * Clicking in the output view edits the data: a click adds a point of the first class where it
 * lands (blue, +1), Shift+click one of the other class; a right-click removes the nearest point
 * within a few pixels. The data becomes "custom" and is saved with the scenario. 2-D
 * classification data only; the change goes through the session as a new config.
 */
public final class PointClicks {

    /** How near (in pixels) a right-click must be to the point it removes. */
    static final double REMOVE_RADIUS_PX = 14;

    private final DecisionHeatmapView view;
    private final Supplier<RunConfig> config;
    private final Supplier<DataSplit> data;
    private final Consumer<RunConfig> apply;

    public PointClicks(DecisionHeatmapView view, Supplier<RunConfig> config, Supplier<DataSplit> data,
                       Consumer<RunConfig> apply) {
        this.view = view;
        this.config = config;
        this.data = data;
        this.apply = apply;
    }

    /** Handles a click on the view; returns whether it changed the data. */
    public boolean click(MouseEvent e) {
        if (!e.isStillSincePress()) {
            return false;
        }
        return click(e.getX(), e.getY(), e.getButton(), e.isShiftDown());
    }

    /** A click at ({@code x}, {@code y}) of the view with {@code button}; Shift picks the other class. */
    boolean click(double x, double y, MouseButton button, boolean shift) {
        RunConfig c = config.get();
        DataSplit shown = data.get();
        Point2D p = view.inputAt(x, y);
        if (c == null || shown == null || p == null || !ClickedPoints.accepts(c)) {
            return false;
        }
        RunConfig next;
        if (button == MouseButton.SECONDARY) {
            next = ClickedPoints.removeNearest(c, shown, p.getX(), p.getY(),
                    REMOVE_RADIUS_PX * view.inputPerPixel());
        } else if (button == MouseButton.PRIMARY) {
            next = ClickedPoints.add(c, shown, p.getX(), p.getY(), ClickedPoints.label(c, shift));
        } else {
            return false;
        }
        if (next == null) {
            return false;
        }
        apply.accept(next);
        return true;
    }
}
