package org.weightlab.ui.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.weightlab.engine.config.InlineData;
import org.weightlab.engine.config.ProblemKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.Standardization;
import org.weightlab.engine.data.csv.CsvException;
import org.weightlab.engine.data.csv.CsvImport;
import org.weightlab.engine.data.csv.CsvTable;

/**
 * The import dialog's content: a preview of the file, the input columns (check boxes), the
 * target column, classification or regression, and one line that says what the data will be
 * (rows, inputs, classes, the standardization from the training part) or what is wrong with it
 * ("line 4, column 2: ..."). {@link #dataProperty()} holds the data to import, or null while the
 * choice cannot be imported.
 */
public final class ImportDataPane extends VBox {

    /** Rows shown in the preview table. */
    static final int PREVIEW_ROWS = 200;

    private final RunConfig current;
    private final CsvTable table;
    private final List<CheckBox> inputBoxes = new ArrayList<>();
    private final ComboBox<String> target = new ComboBox<>();
    private final ToggleGroup problem = new ToggleGroup();
    private final RadioButton classification = new RadioButton("Classification");
    private final RadioButton regression = new RadioButton("Regression");
    private final Label summary = new Label();
    private final Label standardization = new Label();
    private final Label error = new Label();
    private final ReadOnlyObjectWrapper<InlineData> data = new ReadOnlyObjectWrapper<>();

    /**
     * A pane for {@code text} (a CSV file's content) that will train with {@code current}'s seed and
     * training share. A file that cannot be read shows its problem and offers nothing to import.
     */
    public ImportDataPane(String text, RunConfig current) {
        super(8);
        this.current = current;
        CsvTable t;
        String problemText = null;
        try {
            t = CsvTable.parse(text);
        } catch (CsvException e) {
            t = null;
            problemText = e.getMessage();
        }
        this.table = t;
        setId("importDataPane");
        getStyleClass().add("wl-import");
        createView();
        if (table == null) {
            showError(problemText);
        } else {
            initListeners();
            update();
        }
    }

    private void createView() {
        error.setId("importError");
        error.getStyleClass().add("wl-field-message");
        error.setWrapText(true);
        summary.setId("importSummary");
        summary.setWrapText(true);
        standardization.setId("importStandardization");
        standardization.setWrapText(true);
        if (table == null) {
            getChildren().add(error);
            return;
        }
        TableView<List<String>> preview = new TableView<>();
        preview.setId("importPreview");
        preview.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        for (int c = 0; c < table.columns().size(); c++) {
            int col = c;
            TableColumn<List<String>, String> column = new TableColumn<>(table.columns().get(c));
            column.setCellValueFactory(row -> new SimpleStringProperty(row.getValue().get(col)));
            column.setSortable(false);
            preview.getColumns().add(column);
        }
        preview.setItems(FXCollections.observableArrayList(table.rows().subList(0, Math.min(PREVIEW_ROWS,
                table.size()))));
        preview.setPrefHeight(220);
        VBox.setVgrow(preview, Priority.ALWAYS);

        FlowPane inputs = new FlowPane(10, 4);
        inputs.setId("importInputs");
        for (int c = 0; c < table.columns().size(); c++) {
            CheckBox box = new CheckBox(table.columns().get(c));
            box.setId("importInput-" + c);
            inputBoxes.add(box);
            inputs.getChildren().add(box);
        }
        target.setId("importTarget");
        target.setItems(FXCollections.observableArrayList(table.columns()));
        classification.setId("importClassification");
        regression.setId("importRegression");
        classification.setToggleGroup(problem);
        regression.setToggleGroup(problem);

        CsvImport.Choice guess = CsvImport.guess(table);
        for (int c : guess.inputs()) {
            inputBoxes.get(c).setSelected(true);
        }
        target.getSelectionModel().select(guess.target());
        (guess.problem() == ProblemKind.CLASSIFICATION ? classification : regression).setSelected(true);

        HBox targetRow = new HBox(10, new Label("Target"), target, classification, regression);
        targetRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label hint = new Label("Inputs (two give the 2-D views; any number trains)");
        getChildren().addAll(new Label(table.size() + " rows, " + table.columns().size() + " columns"), preview,
                hint, inputs, targetRow, summary, standardization, error);
    }

    private void initListeners() {
        inputBoxes.forEach(b -> b.selectedProperty().addListener((o, a, v) -> update()));
        target.getSelectionModel().selectedIndexProperty().addListener((o, a, v) -> update());
        problem.selectedToggleProperty().addListener((o, a, v) -> update());
    }

    /** The current choice of columns and problem kind. */
    CsvImport.Choice choice() {
        List<Integer> inputs = new ArrayList<>();
        int t = target.getSelectionModel().getSelectedIndex();
        for (int c = 0; c < inputBoxes.size(); c++) {
            if (inputBoxes.get(c).isSelected() && c != t) {
                inputs.add(c);
            }
        }
        return new CsvImport.Choice(inputs, t, regression.isSelected() ? ProblemKind.REGRESSION
                : ProblemKind.CLASSIFICATION);
    }

    private void update() {
        int t = target.getSelectionModel().getSelectedIndex();
        for (int c = 0; c < inputBoxes.size(); c++) {
            inputBoxes.get(c).setDisable(c == t); // the target is never an input
        }
        try {
            InlineData d = CsvImport.build(table, choice());
            Standardization st = CsvImport.standardization(current, d);
            summary.setText(describe(d));
            standardization.setText(describe(d, st));
            error.setText("");
            error.setVisible(false);
            data.set(d);
        } catch (CsvException | IllegalArgumentException e) {
            showError(e.getMessage());
        }
    }

    private void showError(String message) {
        summary.setText("");
        standardization.setText("");
        error.setText(message);
        error.setVisible(true);
        data.set(null);
    }

    private static String describe(InlineData d) {
        String kind = d.problem() == ProblemKind.REGRESSION ? "regression"
                : d.classes().size() + " classes (" + String.join(", ", d.classes().subList(0,
                Math.min(6, d.classes().size()))) + (d.classes().size() > 6 ? ", ..." : "") + ")";
        String views = d.dims() == 2 ? "two inputs: the output view shows the plane"
                : d.dims() + " inputs: no 2-D plane to draw";
        return d.size() + " rows, " + kind + "; " + views + ".";
    }

    private String describe(InlineData d, Standardization st) {
        StringBuilder b = new StringBuilder("Inputs are standardized with the training part's mean and "
                + "standard deviation (" + Math.round(current.trainFraction() * 100) + "% of the rows): ");
        double[] mean = st.mean();
        double[] std = st.std();
        for (int j = 0; j < d.dims(); j++) {
            if (j == 6) {
                b.append(", ...");
                break;
            }
            b.append(j == 0 ? "" : "; ").append(d.columns().get(j)).append(" ")
                    .append(String.format(Locale.ROOT, "mean %.4g, sd %.4g", mean[j], std[j]));
        }
        return b.append('.').toString();
    }

    /** The data to import, or null while the file or the choice cannot be imported. */
    public ReadOnlyObjectProperty<InlineData> dataProperty() {
        return data.getReadOnlyProperty();
    }

    /** The problem shown, or empty when the choice can be imported. */
    public String errorText() {
        return error.getText();
    }
}
