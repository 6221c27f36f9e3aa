package org.weightlab.ui.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.weightlab.lessons.LessonDriver;
import org.weightlab.lessons.Measurement;
import org.weightlab.lessons.StepPlayer;
import org.weightlab.scenario.LessonStep;

/**
 * The guided steps of a lesson, one at a time: the step's text, its "predict first" question,
 * Next (which performs the step's actions on the run, then shows what the checks measured) and
 * Back. Keys, installed by the panel: N / PageDown next, P / PageUp back, 1 to 4 pick an answer.
 */
public final class LessonStepsView extends VBox {

    public static final String CHECK_OK = "wl-lesson-check-ok";
    public static final String CHECK_FAIL = "wl-lesson-check-fail";

    private final Label counter = new Label();
    private final Label text = new Label();
    private final Label question = new Label();
    private final VBox choices = new VBox(4);
    private final ToggleGroup picked = new ToggleGroup();
    private final VBox predictBox = new VBox(6, question, choices);
    private final Label status = new Label();
    private final VBox checks = new VBox(4);
    private final Button back = new Button("Back");
    private final Button next = new Button("Next");
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index", -1);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    private List<LessonStep> steps = List.of();
    private Supplier<LessonDriver> drivers;
    private StepPlayer player;
    /** What each step's checks measured once played (null: not played yet), and the answer picked. */
    private final List<List<Measurement>> results = new ArrayList<>();
    private final List<Integer> answers = new ArrayList<>();

    public LessonStepsView() {
        createView();
        initListeners();
    }

    private void createView() {
        setId("lessonSteps");
        getStyleClass().add("wl-lesson-steps");
        setSpacing(10);
        counter.setId("lessonStepCounter");
        counter.getStyleClass().add("wl-lesson-step-counter");
        text.setId("lessonStepText");
        text.getStyleClass().add(LessonPanel.SECTION_TEXT);
        question.setId("lessonQuestion");
        question.getStyleClass().add("wl-lesson-question");
        status.setId("lessonStatus");
        status.getStyleClass().add("wl-lesson-status");
        for (Label l : new Label[]{text, question, status}) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            l.setMaxWidth(Double.MAX_VALUE);
        }
        predictBox.setId("lessonPredict");
        predictBox.getStyleClass().add("wl-lesson-predict");
        checks.setId("lessonChecks");
        back.setId("lessonBack");
        back.setGraphic(new FontIcon("mdi2c-chevron-left"));
        next.setId("lessonNext");
        next.setGraphic(new FontIcon("mdi2c-chevron-right"));
        next.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        next.getStyleClass().add("accent");
        back.setFocusTraversable(false);
        next.setFocusTraversable(false);
        // A narrow panel in a projector's type: "Back" keeps its word, the step's button takes two lines
        // ("Run: train 100 / epochs") rather than "‹ …" and "Run: train 100 …".
        back.setMinWidth(Region.USE_PREF_SIZE);
        next.setWrapText(true);
        next.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        // A grid, not a box: it sizes the row for the step button's wrapped text at the width it gets.
        GridPane buttons = new GridPane();
        buttons.setHgap(8);
        ColumnConstraints backColumn = new ColumnConstraints();
        backColumn.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints nextColumn = new ColumnConstraints();
        nextColumn.setHgrow(Priority.ALWAYS);
        nextColumn.setHalignment(javafx.geometry.HPos.RIGHT);
        buttons.getColumnConstraints().addAll(backColumn, nextColumn);
        buttons.addRow(0, back, next);
        GridPane.setValignment(back, javafx.geometry.VPos.CENTER);
        getChildren().addAll(counter, text, predictBox, buttons, status, checks);
    }

    private void initListeners() {
        back.setOnAction(e -> back());
        next.setOnAction(e -> next());
        picked.selectedToggleProperty().addListener((obs, was, now) -> {
            int i = index.get();
            if (i >= 0 && now != null && results.get(i) == null) {
                answers.set(i, choices.getChildren().indexOf(now));
                status.setText("");
            }
        });
    }

    /** Shows {@code lessonSteps} from the first; {@code driverFactory} gives each opened lesson its run. */
    public void setSteps(List<LessonStep> lessonSteps, Supplier<LessonDriver> driverFactory) {
        steps = List.copyOf(lessonSteps);
        drivers = driverFactory;
        player = null;
        results.clear();
        answers.clear();
        for (int i = 0; i < steps.size(); i++) {
            results.add(null);
            answers.add(-1);
        }
        busy.set(false);
        show(steps.isEmpty() ? -1 : 0);
    }

    /** Next: plays the current step if it has not run yet (asking its question first), else moves on. */
    public void next() {
        int i = index.get();
        if (i < 0 || busy.get()) {
            return;
        }
        LessonStep step = steps.get(i);
        boolean acts = !step.actions().isEmpty() || !step.checks().isEmpty();
        if (acts && results.get(i) == null) {
            if (step.predict() != null && answers.get(i) < 0) {
                status.setText("First pick what you expect (keys 1\u2013" + step.predict().choices().size() + ").");
                return;
            }
            play(i);
        } else if (i + 1 < steps.size()) {
            show(i + 1);
        }
    }

    /** Back: shows the step before (the run stays as it is). */
    public void back() {
        int i = index.get();
        if (i > 0 && !busy.get()) {
            show(i - 1);
        }
    }

    /** Picks answer {@code n} (from 0) of the current step's question, before it has run. */
    public void choose(int n) {
        int i = index.get();
        if (i < 0 || busy.get() || results.get(i) != null || steps.get(i).predict() == null
                || n >= choices.getChildren().size()) {
            return;
        }
        ((ToggleButton) choices.getChildren().get(n)).setSelected(true);
    }

    private void play(int i) {
        if (drivers == null) {
            status.setText("This lesson's steps need an open run.");
            return;
        }
        if (player == null) {
            player = new StepPlayer(drivers.get());
        }
        busy.set(true);
        LessonStep step = steps.get(i);
        status.setText("Running: " + String.join(", ", step.actions().stream().map(LessonStep.Action::label).toList())
                + "\u2026");
        refreshButtons();
        player.play(step).whenComplete((ms, error) -> Platform.runLater(() -> {
            busy.set(false);
            results.set(i, error == null ? ms
                    : List.of(new Measurement(false, "could not run this step: " + rootMessage(error))));
            if (index.get() == i) {
                show(i);
            }
        }));
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }

    private void show(int i) {
        index.set(i);
        checks.getChildren().clear();
        choices.getChildren().clear();
        picked.getToggles().clear();
        if (i < 0) {
            counter.setText("");
            text.setText("");
            setPredict(false);
            status.setText("");
            refreshButtons();
            return;
        }
        LessonStep step = steps.get(i);
        counter.setText("Step " + (i + 1) + " of " + steps.size());
        text.setText(step.text());
        List<Measurement> done = results.get(i);
        LessonStep.Prediction p = step.predict();
        setPredict(p != null);
        if (p != null) {
            question.setText("Predict first: " + p.question());
            for (int c = 0; c < p.choices().size(); c++) {
                ToggleButton b = new ToggleButton((c + 1) + "  " + p.choices().get(c));
                b.setId("lessonChoice" + (c + 1));
                b.getStyleClass().add("wl-lesson-choice");
                b.setToggleGroup(picked);
                b.setWrapText(true);
                b.setMaxWidth(Double.MAX_VALUE);
                b.setMinHeight(Region.USE_PREF_SIZE);
                b.setAlignment(Pos.CENTER_LEFT);
                b.setFocusTraversable(false);
                b.setDisable(done != null);
                if (done != null && c == p.answer()) {
                    b.setText(b.getText() + "   \u2190 answer");
                    b.getStyleClass().add("wl-lesson-answer");
                }
                choices.getChildren().add(b);
            }
            if (answers.get(i) >= 0) {
                picked.selectToggle((ToggleButton) choices.getChildren().get(answers.get(i)));
            }
        }
        if (done != null) {
            status.setText(verdict(p, answers.get(i)));
            for (Measurement m : done) {
                Label l = new Label((m.ok() ? "\u2713 " : "\u2717 ") + m.text());
                l.getStyleClass().addAll(LessonPanel.SECTION_TEXT, m.ok() ? CHECK_OK : CHECK_FAIL);
                l.setWrapText(true);
                l.setMinHeight(Region.USE_PREF_SIZE);
                checks.getChildren().add(l);
            }
        } else {
            status.setText("");
        }
        refreshButtons();
    }

    private static String verdict(LessonStep.Prediction p, int answer) {
        if (p == null || p.answer() < 0) {
            return "Measured on the run:";
        }
        return (answer == p.answer() ? "Your prediction was right." : "Not what you predicted: look again.")
                + " Measured on the run:";
    }

    private void setPredict(boolean shown) {
        predictBox.setVisible(shown);
        predictBox.setManaged(shown);
    }

    private void refreshButtons() {
        int i = index.get();
        back.setDisable(i <= 0 || busy.get());
        if (i < 0) {
            next.setDisable(true);
            next.setText("Next");
            return;
        }
        LessonStep step = steps.get(i);
        boolean pending = (!step.actions().isEmpty() || !step.checks().isEmpty()) && results.get(i) == null;
        next.setDisable(busy.get() || (!pending && i + 1 >= steps.size()));
        String run = step.actions().size() == 1 ? "Run: " + step.actions().get(0).label() : "Run step " + (i + 1);
        next.setText(!pending ? "Next" : step.actions().isEmpty() ? "Check" : run);
    }

    /** The step shown, from 0; -1 without steps. */
    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    /** True while a step's actions run. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What step {@code i}'s checks measured, or null before it has run. */
    public List<Measurement> results(int i) {
        return results.get(i);
    }

    public int stepCount() {
        return steps.size();
    }
}
