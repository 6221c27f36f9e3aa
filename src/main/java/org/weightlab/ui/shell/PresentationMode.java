package org.weightlab.ui.shell;

import java.util.Objects;
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

    private final Region root;
    private final Node controls;
    private final WindowPreferences prefs;
    private Scene scene;
    private Stage stage;
    private int scalePercent = 100;
    private boolean on;

    /** Sizes {@code root}'s type; {@code controls} are the advanced controls a projector hides. */
    public PresentationMode(Region root, Node controls, WindowPreferences prefs) {
        this.root = root;
        this.controls = controls;
        this.prefs = prefs;
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
        scalePercent = percent;
        root.setStyle(percent == 100 ? "" : "-fx-font-size: " + (14 * percent / 100.0) + "px;");
        prefs.setScale(percent);
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
            root.setStyle("-fx-font-size: " + (14 * Math.max(150, scalePercent) / 100.0) + "px;");
        } else {
            scene.getStylesheets().remove(projector);
            setScale(scalePercent);
        }
        // Advanced controls give way to the pictures on a projector.
        controls.setVisible(!presentation);
        controls.setManaged(!presentation);
        if (stage != null) {
            stage.setFullScreen(presentation);
        }
    }

    public boolean isOn() {
        return on;
    }
}
