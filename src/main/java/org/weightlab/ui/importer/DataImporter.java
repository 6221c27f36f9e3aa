package org.weightlab.ui.importer;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.weightlab.engine.config.ConfigEdits;
import org.weightlab.engine.config.InlineData;
import org.weightlab.engine.config.RunConfig;

/**
 * File > Import data (CSV): choose a file, read it off the FX thread, show {@link ImportDataPane}
 * in a dialog; OK applies a new config training on the data (dataset custom), Cancel changes
 * nothing.
 */
public final class DataImporter {

    /** Largest file read (a CSV of 100,000 rows of a few columns fits easily). */
    static final long MAX_BYTES = 20L << 20;

    private final Supplier<Window> owner;
    private final Supplier<RunConfig> current;
    private final Consumer<RunConfig> apply;
    private final java.util.function.BiConsumer<String, String> error;

    /**
     * @param current the config now running (its seed, training share and network are kept)
     * @param apply   applies the new config through the session
     * @param error   shows a problem (title, message)
     */
    public DataImporter(Supplier<Window> owner, Supplier<RunConfig> current, Consumer<RunConfig> apply,
                        java.util.function.BiConsumer<String, String> error) {
        this.owner = owner;
        this.current = current;
        this.apply = apply;
        this.error = error;
    }

    /** Asks for a file and, when one is chosen, shows the import dialog. */
    public void chooseAndImport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import data");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV", "*.csv", "*.txt"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File f = chooser.showOpenDialog(owner.get());
        if (f != null) {
            importFile(f.toPath());
        }
    }

    /** Reads {@code file} off the FX thread, then shows the import dialog. */
    public CompletableFuture<Void> importFile(Path file) {
        return askForData(file, current, d -> apply.accept(configFor(current.get(), d)), error);
    }

    /**
     * Reads {@code file} off the FX thread, then shows the import dialog for a run on the config
     * {@code current} gives; OK hands the data to {@code chosen} (FX thread), a problem goes to
     * {@code error} (title, message).
     */
    public static CompletableFuture<Void> askForData(Path file, Supplier<RunConfig> current,
                                                     Consumer<InlineData> chosen,
                                                     java.util.function.BiConsumer<String, String> error) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                if (Files.size(file) > MAX_BYTES) {
                    throw new IOException("the file is larger than " + (MAX_BYTES >> 20) + " MB");
                }
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }).handle((text, ex) -> {
            Platform.runLater(() -> {
                if (ex != null) {
                    Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
                    error.accept("Could not read " + file.getFileName(), String.valueOf(cause.getMessage()));
                } else {
                    Optional<InlineData> d = dialog(file.getFileName().toString(), text, current.get()).showAndWait();
                    d.ifPresent(chosen);
                }
            });
            return null;
        });
    }

    /** The dialog for a file's text: OK (enabled while the choice imports) gives the data, Cancel nothing. */
    static Dialog<InlineData> dialog(String name, String text, RunConfig config) {
        ImportDataPane pane = new ImportDataPane(text, config);
        Dialog<InlineData> dialog = new Dialog<>();
        dialog.setTitle("Import data: " + name);
        dialog.setHeaderText("Import " + name + ": choose the input columns and the target");
        dialog.setResizable(true);
        dialog.getDialogPane().setContent(pane);
        dialog.getDialogPane().setPrefSize(820, 640);
        dialog.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty()
                .bind(pane.dataProperty().isNull());
        dialog.setResultConverter(b -> b == ButtonType.OK ? pane.dataProperty().get() : null);
        return dialog;
    }

    /** {@code config} training on {@code data}: custom data, the rest kept where it fits. */
    public static RunConfig configFor(RunConfig config, InlineData data) {
        return ConfigEdits.withInlineData(config, data);
    }
}
