package org.weightlab.ui.shell;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

/**
 * The window in a lecture hall: the interface size (100 to 200 percent) and presentation mode
 * (full screen, larger type, the projector palette, advanced controls hidden).
 */
public final class PresentationMode {

    /** The projector palette, laid over the window's own stylesheet. */
    public static final String PROJECTOR_STYLESHEET = "/org/weightlab/ui/projector.css";
    /**
     * Secondary parts of the toolbar that make way on a projector, so that the transport, the pace
     * and the step-through switch fit one row in the larger type at 1024 x 768: the application's
     * name (full screen needs none) and the stop-at-epoch field (a scenario or lesson sets it).
     */
    /** On the window's root while presentation mode is on. */
    public static final String PRESENTING_CLASS = "wl-presenting";
    static final java.util.List<String> PROJECTOR_HIDES = java.util.List.of("appTitle", "appTitleSeparator", "stopAtIcon", "stopAtField",
            "statusFpsPair");

    private final Region root;
    private final Node controls;
    private final WindowPreferences prefs;
    private Scene scene;
    private Stage stage;
    private final Consumer<Boolean> layout;
    /** The interface size in use, in percent (the View menu ticks it). */
    private final ReadOnlyIntegerWrapper scale = new ReadOnlyIntegerWrapper(this, "scale", 100);
    private boolean on;

    /**
     * Sizes {@code root}'s type; {@code controls} are the advanced controls a projector hides;
     * {@code layout} gives the pictures their presentation share of the window (true) or their
     * usual one (false).
     */
    public PresentationMode(Region root, Node controls, WindowPreferences prefs, Consumer<Boolean> layout) {
        this.root = root;
        this.controls = controls;
        this.prefs = prefs;
        this.layout = layout;
    }

    /** Sizes {@code root}'s type and hides {@code controls} in presentation mode; the layout stays. */
    public PresentationMode(Region root, Node controls, WindowPreferences prefs) {
        this(root, controls, prefs, on -> { });
    }

    /** The window is on screen: its scene takes the projector palette, its stage goes full screen. */
    public void attach(Scene scene, Stage stage) {
        this.scene = scene;
        this.stage = stage;
    }

    /** The window closed: nothing more to put full screen. */
    public void detach() {
        stage = null;
    }

    /** Sets the interface size for a projector: 100, 125, 150 or 200 percent. */
    public void setScale(int percent) {
        scale.set(percent);
        if (!on) {
            root.setStyle(percent == 100 ? "" : "-fx-font-size: " + (14 * percent / 100.0) + "px;");
        } else {
            root.setStyle("-fx-font-size: " + (14 * Math.max(150, percent) / 100.0) + "px;");
        }
        prefs.setScale(percent);
    }

    /** The interface size in use, in percent: 100, 125, 150 or 200. */
    public ReadOnlyIntegerProperty scaleProperty() {
        return scale.getReadOnlyProperty();
    }

    /** Full screen, larger type, the projector palette, advanced controls hidden. */
    public void set(boolean presentation) {
        on = presentation;
        String projector = Objects.requireNonNull(PresentationMode.class.getResource(PROJECTOR_STYLESHEET))
                .toExternalForm();
        if (presentation) {
            if (!scene.getStylesheets().contains(projector)) {
                scene.getStylesheets().add(projector);
            }
        } else {
            scene.getStylesheets().remove(projector);
        }
        // Views whose own stylesheets size their type for a desk scale it back under this class.
        if (presentation) {
            if (!root.getStyleClass().contains(PRESENTING_CLASS)) {
                root.getStyleClass().add(PRESENTING_CLASS);
            }
        } else {
            root.getStyleClass().remove(PRESENTING_CLASS);
        }
        setScale(scale.get());
        // the output and the loss chart take the larger share on a projector
        layout.accept(presentation);
        // Advanced controls give way to the pictures on a projector.
        controls.setVisible(!presentation);
        controls.setManaged(!presentation);
        for (String id : PROJECTOR_HIDES) {
            Node n = root.lookup("#" + id);
            if (n != null) {
                n.setVisible(!presentation);
                n.setManaged(!presentation);
            }
        }
        if (stage != null) {
            stage.setFullScreen(presentation);
        }
    }

    public boolean isOn() {
        return on;
    }
}
