package org.weightlab.ui.heatmap;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.ClickedPoints;
import org.weightlab.engine.data.DataSplit;

/**
 * Clicking in the output view edits the data: a click adds a point where it lands, of the class (or,
 * for regression, the target value) picked in the {@link ClickPicker} under the view; Shift+click one
 * of the other class; a right-click removes the nearest point within a few pixels. Keys 1 to 9 pick
 * while the view has the focus (a click gives it). The data becomes "custom" and is saved with the
 * scenario; the change goes through the session as a new config. Data of the plane only.
 */
public final class PointClicks {

    /** How near (in pixels) a right-click must be to the point it removes. */
    static final double REMOVE_RADIUS_PX = 14;

    private final DecisionHeatmapView view;
    private final Supplier<RunConfig> config;
    private final Supplier<DataSplit> data;
    private final Consumer<RunConfig> apply;
    private final ClickPicker picker;
    private RunConfig followed;
    private DataSplit followedData;

    public PointClicks(DecisionHeatmapView view, Supplier<RunConfig> config, Supplier<DataSplit> data,
                       Consumer<RunConfig> apply) {
        this.view = view;
        this.config = config;
        this.data = data;
        this.apply = apply;
        this.picker = new ClickPicker(view.palette());
        view.addBelowToggles(picker);
        view.addEventHandler(KeyEvent.KEY_PRESSED, this::key);
    }

    /** Follows the run's config and data (the picker offers the data's classes); cheap when nothing changed. */
    public void follow(RunConfig c, DataSplit d) {
        if (c != followed || d != followedData) {
            followed = c;
            followedData = d;
            picker.update(c, d);
        }
    }

    public ClickPicker picker() {
        return picker;
    }

    /** Handles a click on the view; returns whether it changed the data. */
    public boolean click(MouseEvent e) {
        if (!e.isStillSincePress()) {
            return false;
        }
        view.requestFocus(); // keys 1..9 now pick what the next click adds
        return click(e.getX(), e.getY(), e.getButton(), e.isShiftDown());
    }

    private void key(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        KeyCode k = e.getCode();
        int digit = k.isDigitKey() ? digitOf(k) : -1;
        if (digit > 0 && picker.pickKey(digit)) {
            e.consume();
        }
    }

    private static int digitOf(KeyCode k) {
        String name = k.getName(); // "1", "Numpad 1"
        char last = name.charAt(name.length() - 1);
        return Character.isDigit(last) ? last - '0' : -1;
    }

    /** A click at ({@code x}, {@code y}) of the view with {@code button}; Shift picks the other class. */
    boolean click(double x, double y, MouseButton button, boolean shift) {
        RunConfig c = config.get();
        DataSplit shown = data.get();
        Point2D p = view.inputAt(x, y);
        if (c == null || shown == null || p == null || !ClickedPoints.accepts(c)) {
            return false;
        }
        follow(c, shown);
        RunConfig next;
        if (button == MouseButton.SECONDARY) {
            next = ClickedPoints.removeNearest(c, shown, p.getX(), p.getY(),
                    REMOVE_RADIUS_PX * view.inputPerPixel());
        } else if (button == MouseButton.PRIMARY) {
            next = ClickedPoints.add(c, shown, p.getX(), p.getY(), picker.label(shift));
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
