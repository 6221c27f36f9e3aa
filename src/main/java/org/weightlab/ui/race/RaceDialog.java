package org.weightlab.ui.race;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.event.ActionEvent;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.session.TaskMove;
import org.weightlab.session.race.FineTuning;
import org.weightlab.session.race.Race;
import org.weightlab.session.race.RaceSetting;

/**
 * Asks which setting to race and at which 2 to 4 values, starting from sensible ones for the run
 * (for the learning rate: a tenth, the same, ten times). A value that does not fit is named
 * before the dialog closes.
 */
final class RaceDialog extends Dialog<RaceDialog.Request> {

    /**
     * The race asked for; for a fine-tuning race also its task B: a config the network fits, or
     * null for the data the run has already moved to.
     */
    record Request(RaceSetting setting, List<String> values, RunConfig taskB) {
    }

    /** A task B to fine-tune on, as the dialog names it; {@code next} null: the run's own (moved-to) data. */
    record TaskB(String label, RunConfig next) {
        @Override
        public String toString() {
            return label;
        }
    }

    static final ButtonType START = new ButtonType("Start race", ButtonBar.ButtonData.OK_DONE);

    private final RunConfig config;
    private final ChoiceBox<RaceSetting> setting = new ChoiceBox<>();
    private final TextField[] values = new TextField[Race.MAX_RUNS];
    private final Label problem = new Label();
    private final ChoiceBox<TaskB> taskB = new ChoiceBox<>();
    private final Label taskBCaption = caption("Task B");

    /**
     * @param movedFrom the data set the run moved from (task A) when it has moved to task B, else null
     */
    RaceDialog(Window owner, RunConfig config, String movedFrom) {
        this.config = config;
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("Race");
        setHeaderText("Train runs that differ in one setting from the same start, side by side");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        setting.setId("raceSetting");
        setting.getItems().addAll(RaceSetting.values());
        setting.setConverter(new StringConverter<>() {
            @Override
            public String toString(RaceSetting s) {
                return s == null ? "" : s.label();
            }

            @Override
            public RaceSetting fromString(String s) {
                return null;
            }
        });
        grid.add(caption("Setting"), 0, 0);
        grid.add(setting, 1, 0, 4, 1);
        grid.add(caption("Values"), 0, 1);
        for (int k = 0; k < values.length; k++) {
            values[k] = new TextField();
            values[k].setId("raceValue" + k);
            values[k].setPrefColumnCount(8);
            values[k].setPromptText(k < 2 ? "value" : "optional");
            grid.add(values[k], k + 1, 1);
        }
        taskB.setId("raceTaskB");
        taskB.getItems().setAll(taskBOptions(config, movedFrom));
        taskB.getSelectionModel().select(0);
        grid.add(taskBCaption, 0, 2);
        grid.add(taskB, 1, 2, 4, 1);
        problem.setId("raceProblem");
        problem.setWrapText(true);
        problem.setPrefWidth(460);
        grid.add(problem, 0, 3, 5, 1);
        getDialogPane().setContent(grid);
        getDialogPane().setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        setGraphic(null);
        getDialogPane().getButtonTypes().addAll(START, ButtonType.CANCEL);
        setting.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> fill(now));
        setting.getSelectionModel().select(RaceSetting.LEARNING_RATE);
        getDialogPane().lookupButton(START).addEventFilter(ActionEvent.ACTION, e -> {
            String why = check();
            if (why != null) {
                problem.setText(why);
                e.consume();
            }
        });
        setResultConverter(b -> b == START ? new Request(setting.getValue(), entered(),
                setting.getValue().movesToTaskB() && taskB.getValue() != null ? taskB.getValue().next() : null) : null);
    }

    /** A row's caption, never shortened to "Set...". */
    private static Label caption(String text) {
        Label l = new Label(text);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    /** Task B choices: the data the run moved to (when it has), then every built-in set the network fits. */
    static List<TaskB> taskBOptions(RunConfig config, String movedFrom) {
        List<TaskB> out = new ArrayList<>();
        if (movedFrom != null) {
            out.add(new TaskB(config.dataset().id() + " (moved there from " + movedFrom + ")", null));
        }
        for (DatasetKind d : TaskMove.candidates(config)) {
            out.add(new TaskB(d.id(), TaskMove.next(config, d)));
        }
        return out;
    }

    private void fill(RaceSetting s) {
        List<String> d = s.defaults(config);
        for (int k = 0; k < values.length; k++) {
            values[k].setText(k < d.size() ? d.get(k) : "");
        }
        boolean fineTuning = s.movesToTaskB();
        taskB.setVisible(fineTuning);
        taskBCaption.setVisible(fineTuning);
        problem.setText(fineTuning ? "Every run starts from the weights the network has now and trains on task B,"
                + " measuring what it keeps of the task it learned: all (train everything), base (freeze every layer"
                + " but the last) or lora(RANK,ALPHA) (a LoRA adapter on each hidden layer, the output layer trained)."
                : s.keepsWeights() ? "Every run starts from the weights the network has now."
                : "Each run starts from step 0 with the same seed (new weights are drawn).");
    }

    private List<String> entered() {
        List<String> out = new ArrayList<>();
        for (TextField f : values) {
            if (!f.getText().isBlank()) {
                out.add(f.getText().strip());
            }
        }
        return out;
    }

    /** Why the values cannot race, or null. */
    String check() {
        List<String> v = entered();
        if (v.size() < 2) {
            return "Give at least two values.";
        }
        if (setting.getValue().movesToTaskB() && taskB.getValue() == null) {
            return "No data set fits this network as task B.";
        }
        for (String one : v) {
            try {
                setting.getValue().apply(config, one);
                if (setting.getValue().movesToTaskB()) {
                    FineTuning.check(one);
                }
            } catch (IllegalArgumentException e) {
                return one + ": " + e.getMessage();
            }
        }
        return null;
    }

    ChoiceBox<RaceSetting> settingChoice() {
        return setting;
    }

    TextField value(int k) {
        return values[k];
    }

    ChoiceBox<TaskB> taskBChoice() {
        return taskB;
    }

    /** Shows the dialog and waits for the answer; {@code movedFrom} as for the constructor. */
    static Optional<Request> ask(Window owner, RunConfig config, String movedFrom) {
        return new RaceDialog(owner, config, movedFrom).showAndWait();
    }
}
