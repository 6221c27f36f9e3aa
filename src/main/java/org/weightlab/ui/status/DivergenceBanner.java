package org.weightlab.ui.status;

import java.util.Locale;
import javafx.event.EventHandler;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.session.SessionEvent.Diverged;
import org.weightlab.session.TrainingControl;

/**
 * One line at the top of the centre area when training diverged: "Training diverged at step N:
 * loss became NaN. Training paused." with "Go back to step N", "Lower the learning rate" (go back
 * and divide it by ten) and a close button. Hidden (and taking no room) until {@link #show} is
 * called. While it shows, the keyboard reaches it before the window's shortcuts: Enter goes back,
 * Escape closes it, Space presses the bar's button that has the focus. In a narrow centre the
 * buttons show only their icons (their names in tooltips) and the sentence ends in an ellipsis
 * (whole in its tooltip), so the bar stays one line and every view stays in sight.
 */
public final class DivergenceBanner extends HBox {

    /** Below this width the buttons show only their icons. */
    static final double ICONS_ONLY_BELOW = 760;
    /** The learning rate "Lower the learning rate" divides by. */
    static final double LOWER_BY = 10;

    private final TrainingControl control;
    private final Label message = new Label();
    private final Tooltip messageTip = new Tooltip();
    private final Button goBack = new Button();
    private final Button lower = new Button("Lower the learning rate", new FontIcon("mdi2s-speedometer-slow"));
    private final Button dismiss = new Button(null, new FontIcon("mdi2c-close"));
    private final EventHandler<KeyEvent> keys = this::onKey;
    private long goBackStep = -1;
    private RunConfig config;

    public DivergenceBanner(TrainingControl control) {
        this.control = control;
        getStyleClass().add("wl-divergence-banner");
        getStylesheets().add(StatusBarView.class.getResource(StatusBarView.STYLESHEET).toExternalForm());
        setId("divergenceBanner");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        FontIcon icon = new FontIcon("mdi2a-alert-octagon");
        icon.getStyleClass().add("wl-banner-icon");
        message.setId("divergenceMessage");
        message.getStyleClass().add("wl-banner-text");
        message.setWrapText(false);
        message.setTextOverrun(OverrunStyle.ELLIPSIS);
        message.setMinWidth(0);
        message.setMaxWidth(Double.MAX_VALUE);
        message.setTooltip(messageTip);
        HBox.setHgrow(message, Priority.ALWAYS);
        goBack.setId("goBackButton");
        goBack.setGraphic(new FontIcon("mdi2h-history"));
        goBack.setTooltip(new Tooltip("Restore the weights of an earlier step, before anything became NaN (Enter)"));
        goBack.setOnAction(e -> goBack());
        lower.setId("lowerLearningRateButton");
        lower.setOnAction(e -> lowerLearningRate());
        dismiss.setId("dismissBannerButton");
        dismiss.setTooltip(new Tooltip("Hide this message; training stays paused (Esc)"));
        dismiss.setOnAction(e -> hide());
        for (Button b : new Button[] {goBack, lower, dismiss}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        getChildren().addAll(icon, message, goBack, lower, dismiss);
        widthProperty().addListener((obs, was, w) -> fitButtons(w.doubleValue()));
        sceneProperty().addListener((obs, was, now) -> {
            if (was != null) {
                was.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
            }
            if (now != null) {
                now.addEventFilter(KeyEvent.KEY_PRESSED, keys);
            }
        });
        hide();
    }

    /** Shows the bar for {@code e}, offering to go back to {@code lastGoodStep} (a recorded step before it). */
    public void show(Diverged e, long lastGoodStep) {
        show(e, lastGoodStep, null);
    }

    /**
     * Shows the bar for {@code e}, offering to go back to {@code lastGoodStep} and, when the run's
     * {@code config} is known, to go back with a learning rate ten times smaller.
     */
    public void show(Diverged e, long lastGoodStep, RunConfig config) {
        message.setText(text(e));
        messageTip.setText(text(e));
        goBackStep = lastGoodStep;
        this.config = config;
        goBack.setText(String.format(Locale.ROOT, "Go back to step %,d", lastGoodStep));
        goBack.setVisible(lastGoodStep >= 0);
        goBack.setManaged(lastGoodStep >= 0);
        boolean canLower = lastGoodStep >= 0 && config != null
                && config.optimizer().learningRate() > OptimizerConfig.MIN_LEARNING_RATE;
        lower.setVisible(canLower);
        lower.setManaged(canLower);
        if (canLower) {
            lower.setTooltip(new Tooltip(String.format(Locale.ROOT,
                    "Go back to step %,d and train on with learning rate %s instead of %s", lastGoodStep,
                    rate(lowered(config.optimizer().learningRate())),
                    rate(config.optimizer().learningRate()))));
        }
        setVisible(true);
        setManaged(true);
        fitButtons(getWidth());
    }

    /** The bar's sentence for {@code e}: an overflow is called infinite, anything else NaN. */
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

    private void goBack() {
        if (goBackStep >= 0) {
            control.jumpTo(goBackStep);
        }
        hide();
    }

    private void lowerLearningRate() {
        RunConfig c = config;
        goBack();
        if (c != null) {
            OptimizerConfig o = c.optimizer();
            control.applyConfig(c.withOptimizer(o.withLearningRate(lowered(o.learningRate()))));
        }
    }

    private static double lowered(double lr) {
        return Math.max(OptimizerConfig.MIN_LEARNING_RATE, lr / LOWER_BY);
    }

    /** Enter goes back, Escape closes the bar, Space presses the bar's focused button; other keys pass. */
    private void onKey(KeyEvent e) {
        if (!isShowing() || e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        Node focus = getScene() == null ? null : getScene().getFocusOwner();
        switch (e.getCode()) {
            case ENTER -> {
                if (focus instanceof Button b && getChildren().contains(b)) {
                    b.fire();
                } else {
                    goBack();
                }
            }
            case ESCAPE -> hide();
            case SPACE -> {
                if (focus instanceof Button b && getChildren().contains(b)) {
                    b.fire();
                } else {
                    return;
                }
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void fitButtons(double width) {
        ContentDisplay d = width > 0 && width < ICONS_ONLY_BELOW ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT;
        for (Button b : new Button[] {goBack, lower}) {
            b.setContentDisplay(d);
        }
    }

    /** True when the buttons show only their icons (a narrow centre). */
    boolean iconsOnly() {
        return goBack.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY;
    }

    /** 0.3 as 0.3, 1e-5 as 1e-05, 10 as 10. */
    private static String rate(double v) {
        return v == Math.rint(v) ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.4g", v).replaceAll("\\.?0+(e|$)", "$1");
    }
}
