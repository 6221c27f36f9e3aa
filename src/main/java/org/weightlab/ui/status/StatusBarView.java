package org.weightlab.ui.status;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.weightlab.engine.config.ProblemKind;
import org.weightlab.session.SessionState;
import org.weightlab.session.TrainingSnapshot;

/**
 * The bottom bar: session state (with an icon), step, epoch, train/test loss, train/test
 * accuracy (hidden for regression), steps per second and frames per second, in large text.
 */
public final class StatusBarView extends FlowPane {

    public static final String STYLESHEET = "/org/weightlab/ui/status/status.css";

    private final Label state = new Label();
    private final FontIcon stateIcon = new FontIcon();
    private final Label step = value("statusStep");
    private final Label epoch = value("statusEpoch");
    private final Label trainLoss = value("statusTrainLoss");
    private final Label testLoss = value("statusTestLoss");
    private final Label trainAccuracy = value("statusTrainAccuracy");
    private final Label testAccuracy = value("statusTestAccuracy");
    private final Label stepsPerSecond = value("statusStepsPerSecond");
    private final Label fps = value("statusFps");
    private final HBox accuracyGroup;
    private SessionState shownState;
    /** The step shown from the timeline, or -1 while the bar follows the live run. */
    private long viewingStep = -1;
    /** The last thing the window wants to tell (a file saved, a file refused); it stays until the next. */
    private final Label message = new Label();

    public StatusBarView() {
        getStyleClass().add("wl-status");
        getStylesheets().add(StatusBarView.class.getResource(STYLESHEET).toExternalForm());
        setId("statusBarView");
        setAlignment(Pos.CENTER_LEFT);
        // wraps onto a second line on a narrow (projector) window instead of clipping
        setHgap(18);
        setVgap(2);
        state.setId("statusState");
        state.setGraphic(stateIcon);
        state.getStyleClass().add("wl-status-state");
        state.setTooltip(new Tooltip("What training is doing: running, paused, or stopped because it diverged;"
                + " or which past step the views show (the timeline)."));
        stateIcon.getStyleClass().add("wl-status-icon");
        accuracyGroup = new HBox(18, pair("train acc", trainAccuracy, "Share of training examples classified right"),
                pair("test acc", testAccuracy, "Share of test examples classified right"));
        accuracyGroup.setAlignment(Pos.CENTER_LEFT);
        accuracyGroup.setId("statusAccuracy");
        // The frame rate is for whoever tunes the window, not for the class: presentation mode hides it.
        HBox fpsPair = pair("fps", fps, "Frames drawn per second");
        fpsPair.setId("statusFpsPair");
        getChildren().addAll(state,
                pair("step", step, "Optimizer steps so far (one per minibatch)"),
                pair("epoch", epoch, "Full passes over the training set so far"),
                pair("train loss", trainLoss, "Loss over the whole training set (no penalty)"),
                pair("test loss", testLoss, "Loss over the test set"),
                accuracyGroup, message,
                pair("steps/s", stepsPerSecond, "Training speed"),
                fpsPair);
        message.setId("statusMessage");
        message.getStyleClass().add("wl-status-message");
        message.setMinWidth(0);
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        setState(SessionState.PAUSED);
        clearValues();
    }

    /** Shows a one-line message (what was saved, why a file was refused), with the full text as tooltip. */
    public void setMessage(String text) {
        message.setText(text);
        message.setTooltip(text == null || text.isEmpty() ? null : new Tooltip(text));
    }

    public String getMessage() {
        return message.getText();
    }

    private static Label value(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("wl-status-value");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static HBox pair(String caption, Label value, String tip) {
        Label c = new Label(caption);
        c.getStyleClass().add("wl-status-caption");
        c.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(6, c, value);
        box.setAlignment(Pos.BASELINE_LEFT);
        Tooltip.install(box, new Tooltip(tip));
        return box;
    }

    private void clearValues() {
        for (Label l : new Label[] {step, epoch, trainLoss, testLoss, trainAccuracy, testAccuracy, stepsPerSecond, fps}) {
            l.setText("\u2013");
        }
    }

    /** Shows a snapshot and the measured rates. */
    public void show(TrainingSnapshot s, double stepsPerSecond, double framesPerSecond) {
        show(s);
        setStepsPerSecond(stepsPerSecond);
        setFps(framesPerSecond);
    }

    /**
     * Shows a past moment from the timeline: "Viewing step N" instead of the run's state, and that
     * moment's numbers, until the next {@link #show(TrainingSnapshot)} of the live run.
     */
    public void showPast(TrainingSnapshot s) {
        showNumbers(s);
        if (viewingStep != s.step()) {
            viewingStep = s.step();
            shownState = null;
            state.setText(String.format(Locale.ROOT, "Viewing step %,d", s.step()));
            stateIcon.setIconLiteral("mdi2h-history");
            setStateStyle("wl-state-viewing");
        }
    }

    /** True while the bar shows a past moment. */
    public boolean isViewingPast() {
        return viewingStep >= 0;
    }

    /** Shows a snapshot of the live run; the rates keep their last values. */
    public void show(TrainingSnapshot s) {
        viewingStep = -1;
        showNumbers(s);
        setState(s.state());
    }

    private void showNumbers(TrainingSnapshot s) {
        step.setText(String.format(Locale.ROOT, "%,d", s.step()));
        epoch.setText(Integer.toString(s.epoch()));
        trainLoss.setText(loss(s.trainLoss()));
        testLoss.setText(loss(s.testLoss()));
        boolean classification = s.config() == null ? !Double.isNaN(s.trainAccuracy())
                : s.config().problem() == ProblemKind.CLASSIFICATION;
        accuracyGroup.setVisible(classification);
        accuracyGroup.setManaged(classification);
        trainAccuracy.setText(percent(s.trainAccuracy()));
        testAccuracy.setText(percent(s.testAccuracy()));
    }

    public void setStepsPerSecond(double v) {
        stepsPerSecond.setText(Double.isFinite(v) ? String.format(Locale.ROOT, "%,.0f", v) : "\u2013");
    }

    public void setFps(double v) {
        fps.setText(Double.isFinite(v) ? String.format(Locale.ROOT, "%.0f", v) : "\u2013");
    }

    public void setState(SessionState s) {
        if (s == shownState && viewingStep < 0) {
            return; // changing style classes costs a CSS pass: only when the state changes
        }
        shownState = s;
        viewingStep = -1;
        String text;
        String icon;
        String style;
        switch (s) {
            case RUNNING -> {
                text = "Running";
                icon = "mdi2p-play-circle";
                style = "wl-state-running";
            }
            case DIVERGED -> {
                text = "Diverged";
                icon = "mdi2a-alert-octagon";
                style = "wl-state-diverged";
            }
            default -> {
                text = "Paused";
                icon = "mdi2p-pause-circle";
                style = "wl-state-paused";
            }
        }
        state.setText(text);
        stateIcon.setIconLiteral(icon);
        setStateStyle(style);
    }

    private void setStateStyle(String style) {
        state.getStyleClass().removeAll("wl-state-running", "wl-state-diverged", "wl-state-paused", "wl-state-viewing");
        state.getStyleClass().add(style);
    }

    /** The state text shown now ("Running", "Viewing step 909", ...). */
    public String stateText() {
        return state.getText();
    }

    static String loss(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "\u221e" : "-\u221e";
        }
        double a = Math.abs(v);
        return a != 0 && (a < 1e-3 || a >= 1e5) ? String.format(Locale.ROOT, "%.3e", v)
                : String.format(Locale.ROOT, "%.4f", v);
    }

    static String percent(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f%%", v * 100) : "\u2013";
    }
}
