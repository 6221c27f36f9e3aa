package org.weightlab.ui.shell;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.weightlab.session.SessionState;
import org.weightlab.session.TrainingControl;
import org.weightlab.session.TrainingSnapshot;

/**
 * Reset, play/pause, step one batch, step one epoch and the speed control. Each button's tooltip
 * names its shortcut; the window's key handler calls the same methods.
 */
public final class TransportBar extends HBox {

    public static final String PLAY_ICON = "mdi2p-play";
    public static final String PAUSE_ICON = "mdi2p-pause";
    /** Slider positions are log10 of steps per second; the top of the scale means "as fast as possible". */
    static final double SPEED_MAX_POSITION = 4.0;

    private final TrainingControl control;
    private final Button reset = iconButton("resetButton", "mdi2r-restart", "Reset to the initial weights (R)");
    private final Button play = iconButton("playButton", PLAY_ICON, "Play / pause training (Space)");
    private final Button step = iconButton("stepButton", "mdi2s-skip-next", "Step one batch (Right arrow)");
    private final Button epoch = iconButton("epochButton", "mdi2s-skip-forward", "Step one epoch (E)");
    private final Slider speed = new Slider(0, SPEED_MAX_POSITION, SPEED_MAX_POSITION);
    private final Label speedLabel = new Label();
    private boolean running;

    public TransportBar(TrainingControl control) {
        this.control = control;
        createView();
        initListeners();
    }

    private void createView() {
        setSpacing(4);
        setAlignment(Pos.CENTER_LEFT);
        speed.setId("speedSlider");
        speed.setPrefWidth(120);
        speed.setTooltip(new Tooltip("Training speed: from 1 step per second (for lectures) to as fast as possible"));
        speedLabel.setId("speedLabel");
        speedLabel.setMinWidth(70);
        updateSpeedLabel();
        Label speedTitle = new Label("Speed");
        getChildren().addAll(reset, play, step, epoch, speedTitle, speed, speedLabel);
    }

    private void initListeners() {
        reset.setOnAction(e -> reset());
        play.setOnAction(e -> togglePlay());
        step.setOnAction(e -> stepBatch());
        epoch.setOnAction(e -> stepEpoch());
        speed.valueProperty().addListener((obs, was, now) -> {
            updateSpeedLabel();
            control.setSpeed(stepsPerSecond());
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

    /** The speed the slider asks for, in steps per second (infinite at the top of the scale). */
    public double stepsPerSecond() {
        double v = speed.getValue();
        return v >= SPEED_MAX_POSITION - 1e-9 ? Double.POSITIVE_INFINITY : Math.pow(10, v);
    }

    public Slider speedSlider() {
        return speed;
    }

    private void updateSpeedLabel() {
        double s = stepsPerSecond();
        speedLabel.setText(Double.isInfinite(s) ? "max" : s < 9.5 ? String.format("%.1f/s", s)
                : String.format("%.0f/s", s));
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
