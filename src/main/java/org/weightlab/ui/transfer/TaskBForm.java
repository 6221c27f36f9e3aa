package org.weightlab.ui.transfer;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.geometry.Pos;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.session.TaskMove;

/**
 * The choices of a move to task B: the new data set (among those the network fits as it is) and
 * whether to freeze every layer but the last. The weights are always kept: that is the point.
 */
public final class TaskBForm extends VBox {

    /** What the student chose: the config to train on next, and whether the base is frozen. */
    public record Choice(RunConfig next, boolean freezeBase) {
    }

    private final RunConfig current;
    private final ComboBox<DatasetKind> dataset = new ComboBox<>();
    private final CheckBox freezeBase = new CheckBox("Freeze every layer but the last");

    public TaskBForm(RunConfig current) {
        this.current = current;
        createView();
    }

    private void createView() {
        setSpacing(12);
        setPadding(new Insets(8));
        getStyleClass().add("wl-task-b-form");
        Label intro = new Label("The network keeps the weights it learned on " + current.dataset().id()
                + " (task A) and trains on a new data set (task B). The loss chart then also shows task A's"
                + " test loss, so you can watch how much of task A is forgotten.");
        intro.setWrapText(true);
        intro.setPrefWidth(420);
        List<DatasetKind> candidates = TaskMove.candidates(current);
        dataset.getItems().setAll(candidates);
        dataset.setId("taskBDataset");
        dataset.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(DatasetKind d) {
                return d == null ? "" : d.id();
            }

            @Override
            public DatasetKind fromString(String s) {
                return DatasetKind.fromId(s);
            }
        });
        if (!candidates.isEmpty()) {
            dataset.getSelectionModel().select(candidates.contains(DatasetKind.SPIRAL) ? DatasetKind.SPIRAL : candidates.get(0));
        }
        Label dataLabel = new Label("Task B data set:");
        dataLabel.setLabelFor(dataset);
        HBox dataRow = new HBox(8, dataLabel, dataset);
        dataRow.setAlignment(Pos.CENTER_LEFT);
        freezeBase.setId("taskBFreezeBase");
        freezeBase.setTooltip(new Tooltip("Fine-tuning with a frozen base: only the output layer learns task B,"
                + " so the features learned on task A stay as they are."));
        getChildren().addAll(intro, dataRow, freezeBase);
        if (candidates.isEmpty()) {
            Label none = new Label("No built-in data set has this network's inputs and outputs.");
            none.setId("taskBNone");
            none.setWrapText(true);
            getChildren().add(none);
        }
    }

    /** True when there is a data set to move to. */
    public boolean canMove() {
        return dataset.getValue() != null;
    }

    /** The choice as the form shows it now; null when there is no data set to move to. */
    public Choice choice() {
        DatasetKind d = dataset.getValue();
        return d == null ? null : new Choice(TaskMove.next(current, d), freezeBase.isSelected());
    }

    /** The data sets offered, in order. */
    public List<DatasetKind> offered() {
        return List.copyOf(dataset.getItems());
    }

    ComboBox<DatasetKind> datasetBox() {
        return dataset;
    }

    CheckBox freezeBaseBox() {
        return freezeBase;
    }
}
