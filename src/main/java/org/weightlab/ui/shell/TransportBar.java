package org.weightlab.ui.shell;

import atlantafx.base.theme.Styles;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.weightlab.session.SessionState;
import org.weightlab.session.TrainingControl;
import org.weightlab.session.TrainingSnapshot;

/**
 * Reset, play/pause, step one batch, step one epoch, the pace in epochs per second (with "max"
 * one click away) and the epoch to stop at. Each control's tooltip names its shortcut; the
 * window's key handler calls the same methods.
 */
public final class TransportBar extends HBox {

    public static final String PLAY_ICON = "mdi2p-play";
    public static final String PAUSE_ICON = "mdi2p-pause";
    /** The paces offered, in epochs per second; the last, infinite, is "max" (as fast as possible). */
    public static final double[] PACES = {1, 5, 20, 60, Double.POSITIVE_INFINITY};
    /**
     * The pace a window starts at. The circle default separates its two classes between epochs 75
     * and 100 and settles by 150: at 20 epochs per second that is the fourth to eighth second, slow
     * enough to watch the boundary form, fast enough not to wait (at TF Playground's ~60 it is over
     * in under three seconds; "max" finishes before anyone looks).
     */
    public static final double DEFAULT_PACE = 20;
    public static final String STOPPED_STYLE = "wl-stop-reached";

    private final TrainingControl control;
    private final Button reset = iconButton("resetButton", "mdi2r-restart", "Reset to the initial weights (R)");
    private final Button play = iconButton("playButton", PLAY_ICON, "Play / pause training (Space)");
    private final Button step = iconButton("stepButton", "mdi2s-skip-next", "Step one batch (Right arrow)");
    private final Button epoch = iconButton("epochButton", "mdi2s-skip-forward", "Step one epoch (E)");
    private final Button race = iconButton("raceButton", "mdi2s-source-fork",
            "Race: train 2 to 4 variants of this run from the same start, side by side (Ctrl+R)");
    private final ToggleGroup paces = new ToggleGroup();
    private final TextField stopAt = new TextField();
    private boolean running;
    private double pace = Double.NaN;
    private int stopEpoch;

    public TransportBar(TrainingControl control) {
        this.control = control;
        createView();
        initListeners();
        setPace(DEFAULT_PACE);
    }

    private void createView() {
        setSpacing(4);
        setAlignment(Pos.CENTER_LEFT);
        HBox paceButtons = new HBox();
        paceButtons.setId("paceButtons");
        paceButtons.setAlignment(Pos.CENTER_LEFT);
        for (int i = 0; i < PACES.length; i++) {
            double p = PACES[i];
            ToggleButton b = new ToggleButton(paceText(p));
            b.setId("pace-" + paceText(p));
            b.setUserData(p);
            b.setToggleGroup(paces);
            b.setFocusTraversable(false);
            b.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == PACES.length - 1 ? Styles.RIGHT_PILL
                    : Styles.CENTER_PILL);
            b.setTooltip(new Tooltip(Double.isInfinite(p)
                    ? "Train as fast as possible (M switches between max and " + paceText(DEFAULT_PACE)
                            + " epochs/s)"
                    : "Train " + paceText(p) + " epoch" + (p == 1 ? "" : "s")
                            + " a second: one epoch is a full pass over the training set ([ slower, ] faster)"));
            paceButtons.getChildren().add(b);
        }
        Label unit = new Label("epochs/s");
        unit.setId("paceUnit");
        // a flag, not words: the bar must fit a 1024-pixel projector at presentation size
        Label stopTitle = new Label(null, new FontIcon("mdi2f-flag-checkered"));
        stopTitle.setId("stopAtIcon");
        stopTitle.setTooltip(new Tooltip("Stop at epoch: pause by itself when this epoch ends"));
        HBox.setMargin(stopTitle, new javafx.geometry.Insets(0, 0, 0, 6));
        HBox.setMargin(paceButtons, new javafx.geometry.Insets(0, 0, 0, 4));
        stopAt.setId("stopAtField");
        stopAt.setPrefColumnCount(3);
        stopAt.setPromptText("stop");
        // Not a stop of keyboard focus: Space, E, R must reach the window's shortcuts, not this field.
        stopAt.setFocusTraversable(false);
        stopAt.setTooltip(new Tooltip("Stop at epoch: pause by itself when this epoch ends (empty: never)."
                + " Enter to set."));
        getChildren().addAll(reset, play, step, epoch, paceButtons, unit, stopTitle, stopAt);
    }

    private void initListeners() {
        reset.setOnAction(e -> reset());
        play.setOnAction(e -> togglePlay());
        step.setOnAction(e -> stepBatch());
        epoch.setOnAction(e -> stepEpoch());
        paces.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one pace is always chosen
            } else {
                applyPace((Double) now.getUserData());
            }
        });
        stopAt.setOnAction(e -> {
            commitStop();
            requestFocus(); // Enter sets it and gives the keys back to the window
        });
        stopAt.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                commitStop();
            }
        });
    }

    static Button iconButton(String id, String icon, String tip) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.getStyleClass().add("wl-tool-button");
        b.setFocusTraversable(false);
        return b;
    }

    static String paceText(double epochsPerSecond) {
        return Double.isInfinite(epochsPerSecond) ? "max" : String.format(Locale.ROOT, "%.0f", epochsPerSecond);
    }

    /** The "Race" button; the window places it in its toolbar and gives it its action. */
    public Button raceButton() {
        return race;
    }

    /** The pace asked for, in epochs per second (infinite: as fast as possible). */
    public double epochsPerSecond() {
        return pace;
    }

    /** Chooses the offered pace nearest to {@code epochsPerSecond} (infinite: max) and sends it. */
    public void setPace(double epochsPerSecond) {
        Toggle nearest = null;
        double best = Double.POSITIVE_INFINITY;
        for (Toggle t : paces.getToggles()) {
            double p = (Double) t.getUserData();
            double d = Double.isInfinite(p) || Double.isInfinite(epochsPerSecond)
                    ? (p == epochsPerSecond ? 0 : Double.POSITIVE_INFINITY)
                    : Math.abs(Math.log(p / epochsPerSecond));
            if (nearest == null || d < best) {
                nearest = t;
                best = d;
            }
        }
        if (nearest.isSelected()) {
            applyPace((Double) nearest.getUserData());
        } else {
            nearest.setSelected(true);
        }
    }

    private void applyPace(double p) {
        pace = p;
        control.setEpochsPerSecond(p);
    }

    /** One offered pace slower (-1) or faster (+1). */
    public void nudgePace(int direction) {
        int i = paces.getToggles().indexOf(paces.getSelectedToggle());
        int next = Math.max(0, Math.min(PACES.length - 1, i + direction));
        setPace(PACES[next]);
    }

    /** Between "max" and the watchable default. */
    public void toggleMax() {
        setPace(Double.isInfinite(pace) ? DEFAULT_PACE : Double.POSITIVE_INFINITY);
    }

    /** The epoch at which a free run pauses by itself; 0 for none. */
    public int stopEpoch() {
        return stopEpoch;
    }

    /** Sets the epoch to stop at (0: none), shows it and sends it. */
    public void setStopEpoch(int epochNumber) {
        stopEpoch = Math.max(0, epochNumber);
        stopAt.setText(stopEpoch == 0 ? "" : Integer.toString(stopEpoch));
        stopAt.getStyleClass().remove(Styles.DANGER);
        control.stopAtEpoch(stopEpoch);
    }

    private void commitStop() {
        String t = stopAt.getText().strip();
        if (t.isEmpty()) {
            setStopEpoch(0);
            return;
        }
        try {
            int n = Integer.parseInt(t);
            if (n < 0) {
                throw new NumberFormatException();
            }
            setStopEpoch(n);
        } catch (NumberFormatException e) {
            if (!stopAt.getStyleClass().contains(Styles.DANGER)) {
                stopAt.getStyleClass().add(Styles.DANGER); // the old stop stays until a whole number is typed
            }
        }
    }

    public TextField stopAtField() {
        return stopAt;
    }

    /** Marks the stop field while the run rests at its stop epoch. */
    public void showStopReached(boolean reached) {
        stopAt.getStyleClass().remove(STOPPED_STYLE);
        if (reached) {
            stopAt.getStyleClass().add(STOPPED_STYLE);
        }
    }

    public void togglePlay() {
        if (running) {
            control.pause();
        } else {
            control.play();
        }
        // Show the intent at once; the next snapshot confirms the state.
        setRunning(!running);
    }

    public void stepBatch() {
        control.stepBatch();
    }

    public void stepEpoch() {
        control.stepEpoch();
    }

    public void reset() {
        control.reset();
    }

    /** Follows the session's state, shown in the play button's icon. */
    public void show(TrainingSnapshot s) {
        setRunning(s.state() == SessionState.RUNNING);
        if (s.state() == SessionState.RUNNING || s.epoch() != stopEpoch) {
            showStopReached(false);
        }
    }

    private void setRunning(boolean now) {
        if (now != running) {
            running = now;
            ((FontIcon) play.getGraphic()).setIconLiteral(now ? PAUSE_ICON : PLAY_ICON);
        }
    }

    public boolean isRunning() {
        return running;
    }
}
