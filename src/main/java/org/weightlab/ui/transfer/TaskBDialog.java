package org.weightlab.ui.transfer;

import java.io.File;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.session.SessionHost;
import org.weightlab.ui.importer.DataImporter;

/**
 * "Move to task B…": asks for the new data set (a built-in one, or the person's own from a CSV
 * file) and the frozen base, then moves the window's run; or races the fine-tuning choices on that
 * data set from the weights as they are, leaving the run where it is.
 */
public final class TaskBDialog {

    /** What the dialog was closed with: the choice, and whether to race the fine-tuning choices instead of moving. */
    public record Outcome(TaskBForm.Choice choice, boolean race) {
    }

    static final ButtonType MOVE = new ButtonType("Move", ButtonBar.ButtonData.OK_DONE);
    static final ButtonType RACE = new ButtonType("Race the fine-tuning choices", ButtonBar.ButtonData.LEFT);

    private TaskBDialog() {
    }

    /**
     * A dialog over {@code owner} for a run on {@code current}; its result is the outcome, or null
     * when cancelled. {@code error} shows a file that could not be read (title, message).
     */
    public static Dialog<Outcome> create(Window owner, RunConfig current, BiConsumer<String, String> error) {
        TaskBForm form = new TaskBForm(current);
        Dialog<Outcome> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Move to task B");
        d.setHeaderText("Go on training on a second data set, keeping the weights");
        d.getDialogPane().getButtonTypes().addAll(RACE, MOVE, ButtonType.CANCEL);
        d.getDialogPane().setContent(form);
        for (ButtonType b : new ButtonType[] {MOVE, RACE}) {
            d.getDialogPane().lookupButton(b).disableProperty().bind(form.datasetBox().valueProperty().isNull());
        }
        form.ownDataButton().setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Own data for task B");
            chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV", "*.csv", "*.txt"),
                    new FileChooser.ExtensionFilter("All files", "*.*"));
            File f = chooser.showOpenDialog(d.getDialogPane().getScene().getWindow());
            if (f != null) {
                DataImporter.askForData(f.toPath(), () -> current,
                        data -> form.offerOwnData(f.getName(), data), error);
            }
        });
        d.setResultConverter(b -> b == MOVE || b == RACE ? new Outcome(form.choice(), b == RACE) : null);
        return d;
    }

    /**
     * Asks, then moves {@code host}'s run when the student confirms, or hands task B's config to
     * {@code race} when they ask to race the fine-tuning choices.
     */
    public static void askAndMove(Window owner, RunConfig current, SessionHost host, Consumer<RunConfig> race,
                                  BiConsumer<String, String> error) {
        Optional<Outcome> outcome = create(owner, current, error).showAndWait();
        outcome.filter(o -> o.choice() != null).ifPresent(o -> {
            if (o.race()) {
                race.accept(o.choice().next());
            } else {
                host.moveToTaskB(o.choice().next(), o.choice().freezeBase());
            }
        });
    }
}
