package org.weightlab.ui.transfer;

import java.util.Optional;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.session.SessionHost;

/** "Move to task B…": asks for the new data set and the frozen base, then moves the window's run. */
public final class TaskBDialog {

    private TaskBDialog() {
    }

    /** A dialog over {@code owner} for a run on {@code current}; its result is the choice, or null when cancelled. */
    public static Dialog<TaskBForm.Choice> create(Window owner, RunConfig current) {
        TaskBForm form = new TaskBForm(current);
        Dialog<TaskBForm.Choice> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Move to task B");
        d.setHeaderText("Go on training on a second data set, keeping the weights");
        ButtonType move = new ButtonType("Move", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(move, ButtonType.CANCEL);
        d.getDialogPane().setContent(form);
        d.getDialogPane().lookupButton(move).setDisable(!form.canMove());
        d.setResultConverter(b -> b == move ? form.choice() : null);
        return d;
    }

    /** Asks, and moves {@code host}'s run when the student confirms. */
    public static void askAndMove(Window owner, RunConfig current, SessionHost host) {
        Optional<TaskBForm.Choice> choice = create(owner, current).showAndWait();
        choice.ifPresent(c -> host.moveToTaskB(c.next(), c.freezeBase()));
    }
}
