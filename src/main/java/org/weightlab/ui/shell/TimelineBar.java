package org.weightlab.ui.shell;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.javafx.FontIcon;
import org.weightlab.session.LossPoint;
import org.weightlab.session.Timeline;
import org.weightlab.session.TrainingControl;
import org.weightlab.session.TrainingSnapshot;

/**
 * The timeline scrubber over the run's history. Dragging back pauses training and shows that
 * moment in every view (through {@code onShow}) without changing the run; "Continue from here"
 * forks the run at the shown step; "Live" returns to the present.
 */
public final class TimelineBar extends HBox {

    private final TrainingControl control;
    private final Supplier<Timeline> timeline;
    private final Consumer<TrainingSnapshot> onShow;
    private final Slider slider = new Slider(0, 1, 1);
    private final Label stepLabel = new Label("step 0");
    private final Button fork = new Button("Continue from here", new FontIcon("mdi2s-source-fork"));
    private final Button live = new Button("Live", new FontIcon("mdi2p-page-last"));
    private final Button best = new Button(null, new FontIcon("mdi2t-trophy-outline"));
    /** True while the views show a past moment instead of the live run. */
    private boolean scrubbing;
    /** True while the slider is moved by code, so its listener knows the user did not move it. */
    private boolean updating;
    private long shownStep;

    public TimelineBar(TrainingControl control, Supplier<Timeline> timeline, Consumer<TrainingSnapshot> onShow) {
        this.control = control;
        this.timeline = timeline;
        this.onShow = onShow;
        createView();
        initListeners();
    }

    private void createView() {
        setId("timelineBar");
        setSpacing(6);
        setAlignment(Pos.CENTER_LEFT);
        slider.setId("timelineSlider");
        slider.setTooltip(new Tooltip("Timeline: drag back to see an earlier moment (Ctrl+Left / Ctrl+Right)"));
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.setMinWidth(160);
        stepLabel.setId("timelineLabel");
        stepLabel.setMinWidth(110);
        fork.setId("forkButton");
        fork.setTooltip(new Tooltip("Continue training from the moment shown (the later history is replaced)"));
        live.setId("liveButton");
        live.setTooltip(new Tooltip("Back to the present"));
        best.setId("bestButton");
        best.setTooltip(new Tooltip("Show the moment with the lowest test loss (early stopping)"));
        for (Button b : new Button[] {fork, live, best}) {
            b.setFocusTraversable(false);
        }
        getChildren().addAll(new Label("Timeline"), slider, stepLabel, best, fork, live);
        refreshButtons();
    }

    private void initListeners() {
        slider.valueProperty().addListener((obs, was, now) -> {
            if (!updating) {
                scrubTo(Math.round(now.doubleValue()));
            }
        });
        fork.setOnAction(e -> continueFromHere());
        live.setOnAction(e -> goLive());
        best.setOnAction(e -> timeline.get().bestTestLoss().map(LossPoint::step).ifPresent(this::scrubTo));
    }

    /** Shows the recorded moment nearest to {@code step}, pausing training. */
    public void scrubTo(long step) {
        Timeline t = timeline.get();
        TrainingSnapshot s = t.snapshotAt(step);
        if (s == null) {
            return;
        }
        if (!scrubbing) {
            control.pause();
            scrubbing = true;
        }
        shownStep = s.step();
        stepLabel.setText("step " + shownStep + " (past)");
        setSlider(t.earliestStep(), t.latestStep(), shownStep);
        refreshButtons();
        onShow.accept(s);
    }

    /** Moves the shown moment to the previous (-1) or next (+1) recorded step. */
    public void nudge(int direction) {
        long[] steps = timeline.get().recordedSteps();
        if (steps.length == 0) {
            return;
        }
        long from = scrubbing ? shownStep : steps[steps.length - 1];
        int i = java.util.Arrays.binarySearch(steps, from);
        if (i < 0) {
            i = -i - 1 - (direction < 0 ? 1 : 0);
        } else {
            i += direction;
        }
        i = Math.max(0, Math.min(steps.length - 1, i));
        scrubTo(steps[i]);
    }

    public void continueFromHere() {
        if (scrubbing) {
            control.jumpTo(shownStep);
            scrubbing = false;
            refreshButtons();
        }
    }

    public void goLive() {
        if (scrubbing) {
            scrubbing = false;
            refreshButtons();
            Timeline t = timeline.get();
            TrainingSnapshot s = t.snapshotAt(t.latestStep());
            if (s != null) {
                onShow.accept(s);
            }
        }
    }

    /** Follows the live run: called with each live snapshot while not scrubbing. */
    public void follow(TrainingSnapshot s) {
        if (scrubbing) {
            return;
        }
        Timeline t = timeline.get();
        stepLabel.setText("step " + s.step());
        setSlider(Math.max(0, t.earliestStep()), Math.max(s.step(), t.latestStep()), s.step());
        Optional<LossPoint> b = t.bestTestLoss();
        best.setDisable(b.isEmpty());
    }

    private void setSlider(long min, long max, long value) {
        updating = true;
        try {
            slider.setMin(min);
            slider.setMax(Math.max(max, min + 1));
            slider.setValue(value);
        } finally {
            updating = false;
        }
    }

    private void refreshButtons() {
        fork.setDisable(!scrubbing);
        live.setDisable(!scrubbing);
    }

    public boolean isScrubbing() {
        return scrubbing;
    }

    /** Forgets the past moment without showing anything (a new run was opened). */
    public void reset() {
        scrubbing = false;
        refreshButtons();
    }

    public long shownStep() {
        return shownStep;
    }
}
