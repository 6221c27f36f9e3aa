package org.weightlab.ui.shell;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import org.weightlab.ui.status.StatusBarView;

/** Tells the person that something could not be done: in the status line, and in a dialog on screen. */
public final class ErrorReporter {

    private static final System.Logger LOG = System.getLogger(ErrorReporter.class.getName());

    private final StatusBarView status;
    private Stage stage;

    public ErrorReporter(StatusBarView status) {
        this.status = status;
    }

    /** The window the dialogs belong to; null once it is closed. */
    public void setStage(Stage stage) {
        this.stage = stage;
    }

    public void error(String title, String message) {
        LOG.log(System.Logger.Level.INFO, title + ": " + message);
        status.setMessage(title + ": " + message);
        if (stage == null || !stage.isShowing() || Boolean.getBoolean("testfx.headless")) {
            return; // headless runs and tests read the status line; no modal dialog to block them
        }
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        alert.initOwner(stage);
        alert.setHeaderText(title);
        alert.show();
    }
}
