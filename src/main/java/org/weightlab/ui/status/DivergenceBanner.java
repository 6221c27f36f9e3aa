package org.weightlab.ui.status;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.javafx.FontIcon;
import org.weightlab.session.SessionEvent.Diverged;
import org.weightlab.session.TrainingControl;

/**
 * A banner across the window when training diverged: "Training diverged at step N: loss became
 * NaN. Training paused." with a button that goes back to an earlier, finite step and one that
 * dismisses the banner. Hidden (and taking no room) until {@link #show} is called.
 */
public final class DivergenceBanner extends HBox {

    private final TrainingControl control;
    private final Label message = new Label();
    private final Button goBack = new Button();
    private final Button dismiss = new Button(null, new FontIcon("mdi2c-close"));
    private long goBackStep = -1;

    public DivergenceBanner(TrainingControl control) {
        this.control = control;
        getStyleClass().add("wl-divergence-banner");
        getStylesheets().add(StatusBarView.class.getResource(StatusBarView.STYLESHEET).toExternalForm());
        setId("divergenceBanner");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(12);
        FontIcon icon = new FontIcon("mdi2a-alert-octagon");
        icon.getStyleClass().add("wl-banner-icon");
        message.setId("divergenceMessage");
        message.getStyleClass().add("wl-banner-text");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        goBack.setId("goBackButton");
        goBack.setMinWidth(USE_PREF_SIZE);
        goBack.setGraphic(new FontIcon("mdi2h-history"));
        goBack.setTooltip(new Tooltip("Restore the weights of an earlier step, before anything became NaN, "
                + "e.g. to lower the learning rate and go on from there."));
        goBack.setOnAction(e -> {
            if (goBackStep >= 0) {
                control.jumpTo(goBackStep);
            }
            hide();
        });
        dismiss.setId("dismissBannerButton");
        dismiss.setMinWidth(USE_PREF_SIZE);
        dismiss.setTooltip(new Tooltip("Hide this message (training stays paused)."));
        dismiss.setOnAction(e -> hide());
        getChildren().addAll(icon, message, goBack, dismiss);
        hide();
    }

    /** Shows the banner for {@code e}, offering to go back to {@code lastGoodStep} (a recorded step before it). */
    public void show(Diverged e, long lastGoodStep) {
        message.setText(text(e));
        goBackStep = lastGoodStep;
        goBack.setText(String.format(Locale.ROOT, "Go back to step %,d", lastGoodStep));
        goBack.setVisible(lastGoodStep >= 0);
        goBack.setManaged(lastGoodStep >= 0);
        setVisible(true);
        setManaged(true);
    }

    /** The banner's sentence for {@code e}: an overflow is called infinite, anything else NaN. */
    public static String text(Diverged e) {
        // the engine names the value it found, e.g. "the loss (Infinity)"
        String became = e.what().contains("Infinity") ? "became infinite" : "became NaN";
        return String.format(Locale.ROOT, "Training diverged at step %,d: %s %s. Training paused.", e.step(),
                e.what(), became);
    }

    public void hide() {
        setVisible(false);
        setManaged(false);
    }

    public boolean isShowing() {
        return isVisible();
    }

    public String messageText() {
        return message.getText();
    }
}
