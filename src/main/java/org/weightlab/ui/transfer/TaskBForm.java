package org.weightlab.ui.transfer;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.geometry.Pos;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.InlineData;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.session.TaskMove;

/**
 * The choices of a move to task B: the new data set (among those the network fits as it is, and
 * the person's own data once loaded, shown as "own data: NAME") and whether to freeze every layer
 * but the last. The weights are always kept: that is the point.
 */
public final class TaskBForm extends VBox {

    /** What the student chose: the config to train on next, and whether the base is frozen. */
    public record Choice(RunConfig next, boolean freezeBase) {
    }

    private final RunConfig current;
    private final ComboBox<DatasetKind> dataset = new ComboBox<>();
    private final CheckBox freezeBase = new CheckBox("Freeze every layer but the last");
    private final Button ownData = new Button("Own data from a file\u2026");
    private final Label ownDataProblem = new Label();
    /** The person's own data offered as {@link DatasetKind#CUSTOM}, and its name; null until loaded. */
    private InlineData own;
    private String ownName;

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
                return d == null ? "" : d == DatasetKind.CUSTOM ? "own data: " + ownName : d.id();
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
        ownData.setId("taskBOwnData");
        ownData.setTooltip(new Tooltip("Task B from a CSV file whose input columns fit this network"));
        ownDataProblem.setId("taskBOwnDataProblem");
        ownDataProblem.setWrapText(true);
        ownDataProblem.setPrefWidth(420);
        ownDataProblem.setVisible(false);
        ownDataProblem.managedProperty().bind(ownDataProblem.visibleProperty());
        getChildren().addAll(intro, dataRow, ownData, ownDataProblem, freezeBase);
        if (candidates.isEmpty()) {
            Label none = new Label("No built-in data set has this network's inputs and outputs.");
            none.setId("taskBNone");
            none.setWrapText(true);
            getChildren().add(none);
        }
    }

    /**
     * Offers the person's own data {@code d} (named {@code name}) as task B and selects it, when the
     * network fits it as it is; otherwise says why under the button. Returns whether it is offered.
     */
    public boolean offerOwnData(String name, InlineData d) {
        if (!TaskMove.fits(current, d)) {
            ownDataProblem.setText(name + " has " + d.dims() + " input column" + (d.dims() == 1 ? "" : "s")
                    + (d.problem() == current.problem() ? "" : " and another kind of target") + ": this network takes "
                    + current.inputs() + " input" + (current.inputs() == 1 ? "" : "s") + " and "
                    + current.outputs() + " output" + (current.outputs() == 1 ? "" : "s") + ", so it cannot be task B.");
            ownDataProblem.setVisible(true);
            return false;
        }
        own = d;
        ownName = name;
        ownDataProblem.setVisible(false);
        dataset.getItems().remove(DatasetKind.CUSTOM);
        dataset.getItems().add(DatasetKind.CUSTOM);
        dataset.getSelectionModel().select(DatasetKind.CUSTOM);
        return true;
    }

    /** The button that loads own data (the dialog gives it its action). */
    Button ownDataButton() {
        return ownData;
    }


    /** True when there is a data set to move to. */
    public boolean canMove() {
        return dataset.getValue() != null;
    }

    /** The choice as the form shows it now; null when there is no data set to move to. */
    public Choice choice() {
        DatasetKind d = dataset.getValue();
        if (d == null) {
            return null;
        }
        return new Choice(d == DatasetKind.CUSTOM ? TaskMove.next(current, own) : TaskMove.next(current, d),
                freezeBase.isSelected());
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
