package org.weightlab.ui.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.weightlab.scenario.NetworkState;
import org.weightlab.scenario.Pretrained;
import org.weightlab.scenario.Scenario;
import org.weightlab.scenario.ScenarioException;
import org.weightlab.scenario.ScenarioFile;
import org.weightlab.scenario.safetensors.NetworkWeights;
import org.weightlab.scenario.safetensors.SafetensorsFile;
import org.weightlab.ui.status.StatusBarView;

/**
 * Weights as starting points: open a built-in pre-trained start, save the weights shown as one's
 * own, and import weights from a .safetensors file into the network shown. Each opens a new start
 * at step 0 (the run's history begins again there: a time-travel back past an import would mix two
 * runs). Files are read off the FX thread; a wrong or damaged file changes nothing and says why.
 */
public final class WeightFiles {

    private final StatusBarView status;
    private final ErrorReporter errors;
    private final WindowPreferences prefs;
    private final Supplier<Scenario> currentScenario;
    private final BiConsumer<Scenario, String> opener;
    private final Supplier<Stage> stage;

    /** {@code opener} opens a scenario as a new run under a name; {@code currentScenario} is the run shown. */
    public WeightFiles(StatusBarView status, ErrorReporter errors, WindowPreferences prefs,
                       Supplier<Scenario> currentScenario, BiConsumer<Scenario, String> opener, Supplier<Stage> stage) {
        this.status = status;
        this.errors = errors;
        this.prefs = prefs;
        this.currentScenario = currentScenario;
        this.opener = opener;
        this.stage = stage;
    }

    /** File > Open pre-trained: a list of the built-in starts with what each was trained on. */
    public void chooseAndOpenPretrained() {
        List<Pretrained.Entry> entries;
        try {
            entries = Pretrained.builtIn();
        } catch (ScenarioException e) {
            errors.error("Could not read the pre-trained starts", e.getMessage());
            return;
        }
        ListView<Pretrained.Entry> list = new ListView<>();
        list.setId("pretrainedList");
        list.getItems().setAll(entries);
        list.setCellFactory(v -> new ListCell<>() {
            private final Label name = new Label();
            private final Label summary = new Label();
            private final VBox card = new VBox(2, name, summary);

            {
                name.setStyle("-fx-font-weight: bold;");
                summary.setWrapText(true);
                // wraps within the list's width instead of widening it (no horizontal scrolling)
                summary.prefWidthProperty().bind(list.widthProperty().subtract(64));
                summary.maxWidthProperty().bind(list.widthProperty().subtract(64));
                card.setMinWidth(0);
                card.prefWidthProperty().bind(list.widthProperty().subtract(64));
                summary.setMinHeight(Region.USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(Pretrained.Entry e, boolean empty) {
                super.updateItem(e, empty);
                if (!empty && e != null) {
                    name.setText(e.title());
                    summary.setText(e.summary());
                }
                setGraphic(empty || e == null ? null : card);
            }
        });
        list.getSelectionModel().selectFirst();
        list.setPrefSize(600, 300);
        Dialog<Pretrained.Entry> dialog = dialog("Open pre-trained", "Start from weights trained on another task");
        dialog.getDialogPane().setContent(list);
        dialog.setResultConverter(b -> b == ButtonType.OK ? list.getSelectionModel().getSelectedItem() : null);
        // a double click or Enter on a start opens it, like OK
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                ((javafx.scene.control.Button) dialog.getDialogPane().lookupButton(ButtonType.OK)).fire();
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                ((javafx.scene.control.Button) dialog.getDialogPane().lookupButton(ButtonType.OK)).fire();
            }
        });
        dialog.showAndWait().ifPresent(this::openPretrained);
    }

    /** Opens a pre-trained start: its config and weights, at step 0. */
    public void openPretrained(Pretrained.Entry e) {
        opener.accept(e.scenario(), e.title());
        status.setMessage("Opened " + e.title() + ": a start at step 0");
    }

    /** File > Save as pre-trained: asks for a title and a summary, then where to save. */
    public void chooseAndSavePretrained() {
        Scenario current = currentScenario.get();
        if (current == null) {
            return;
        }
        TextField title = new TextField("Pre-trained on " + current.config().dataset().id());
        title.setId("pretrainedTitle");
        TextField summary = new TextField();
        summary.setId("pretrainedSummary");
        summary.setPromptText("what it was trained on, and what it is a start for");
        summary.setPrefColumnCount(36);
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label("Title"), title);
        form.addRow(1, new Label("Summary"), summary);
        Dialog<ButtonType> dialog = dialog("Save as pre-trained", "The weights shown and their frozen parts, as a start");
        dialog.getDialogPane().setContent(new VBox(form));
        Optional<ButtonType> answer = dialog.showAndWait();
        if (answer.isEmpty() || answer.get() != ButtonType.OK) {
            return;
        }
        FileChooser chooser = chooser("Save as pre-trained", "WeightLab scenario", "*.json");
        chooser.setInitialFileName("pretrained.json");
        File f = chooser.showSaveDialog(stage.get());
        if (f != null) {
            savePretrained(f.toPath(), title.getText(), summary.getText());
        }
    }

    /** Writes the run shown as a pre-trained start; true when written, else says why. */
    public boolean savePretrained(Path file, String title, String summary) {
        try {
            ScenarioFile.write(Pretrained.of(currentScenario.get(), title, summary), file);
        } catch (ScenarioException | IllegalArgumentException e) {
            errors.error("Could not save " + file.getFileName(), e.getMessage());
            return false;
        }
        prefs.remember(file);
        status.setMessage("Saved " + file.getFileName() + " as a pre-trained start");
        return true;
    }

    /** File > Import weights: a .safetensors file whose layers fit the network shown. */
    public void chooseAndImportWeights() {
        File f = chooser("Import weights", "Safetensors weights", "*.safetensors").showOpenDialog(stage.get());
        if (f != null) {
            importWeights(f.toPath());
        }
    }

    /**
     * Reads {@code file} off the FX thread and, when its layers have the shapes of the network
     * shown, opens the run again from those weights (activations and frozen parts kept) at step 0.
     * A wrong or damaged file leaves the run as it is and says why in one line. Completes once the
     * outcome is on screen.
     */
    public CompletableFuture<Void> importWeights(Path file) {
        Scenario current = currentScenario.get();
        String name = file.getFileName().toString();
        if (current == null || current.initial() == null) {
            errors.error("Could not import " + name, "there is no network to import weights into yet");
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture.supplyAsync(() -> {
            try {
                return NetworkWeights.fit(SafetensorsFile.read(file), current.initial(), name);
            } catch (ScenarioException e) {
                throw new CompletionException(e);
            }
        }).whenComplete((NetworkState fitted, Throwable ex) -> Platform.runLater(() -> {
            try {
                if (ex != null) {
                    Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
                    errors.error("Could not import " + name, cause.getMessage());
                } else {
                    opener.accept(new Scenario(current.config(), fitted, current.lesson(), current.pace()), name);
                    status.setMessage("Imported the weights of " + name + ": a new start at step 0");
                }
            } finally {
                done.complete(null);
            }
        }));
        return done;
    }

    private <T> Dialog<T> dialog(String title, String header) {
        Dialog<T> d = new Dialog<>();
        d.setTitle(title);
        d.setHeaderText(header);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().setPadding(new Insets(4));
        Stage owner = stage.get();
        if (owner != null && owner.getScene() != null) {
            d.initOwner(owner);
            d.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        return d;
    }

    private FileChooser chooser(String title, String description, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, pattern));
        File last = prefs.lastFolder();
        if (last != null) {
            chooser.setInitialDirectory(last);
        }
        return chooser;
    }
}
