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
import org.weightlab.engine.config.RunConfig;
import org.weightlab.session.race.Race;
import org.weightlab.session.race.RaceSetting;

/**
 * Asks which setting to race and at which 2 to 4 values, starting from sensible ones for the run
 * (for the learning rate: a tenth, the same, ten times). A value that does not fit is named
 * before the dialog closes.
 */
final class RaceDialog extends Dialog<RaceDialog.Request> {

    /** The race asked for. */
    record Request(RaceSetting setting, List<String> values) {
    }

    static final ButtonType START = new ButtonType("Start race", ButtonBar.ButtonData.OK_DONE);

    private final RunConfig config;
    private final ChoiceBox<RaceSetting> setting = new ChoiceBox<>();
    private final TextField[] values = new TextField[Race.MAX_RUNS];
    private final Label problem = new Label();

    RaceDialog(Window owner, RunConfig config) {
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
        problem.setId("raceProblem");
        problem.setWrapText(true);
        grid.add(problem, 0, 2, 5, 1);
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
        setResultConverter(b -> b == START ? new Request(setting.getValue(), entered()) : null);
    }

    /** A row's caption, never shortened to "Set...". */
    private static Label caption(String text) {
        Label l = new Label(text);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private void fill(RaceSetting s) {
        List<String> d = s.defaults(config);
        for (int k = 0; k < values.length; k++) {
            values[k].setText(k < d.size() ? d.get(k) : "");
        }
        problem.setText(s.keepsWeights() ? "Every run starts from the weights the network has now."
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
        for (String one : v) {
            try {
                setting.getValue().apply(config, one);
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

    /** Shows the dialog and waits for the answer. */
    static Optional<Request> ask(Window owner, RunConfig config) {
        return new RaceDialog(owner, config).showAndWait();
    }
}
