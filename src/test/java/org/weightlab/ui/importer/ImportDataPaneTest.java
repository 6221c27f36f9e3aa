package org.weightlab.ui.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.InlineData;
import org.weightlab.engine.config.RunConfig;

@ExtendWith(ApplicationExtension.class)
class ImportDataPaneTest {

    private Stage stage;

    @Start
    void start(Stage s) {
        stage = s;
    }

    private static String iris() throws Exception {
        try (InputStream in = ImportDataPaneTest.class.getResourceAsStream("/org/weightlab/engine/data/csv/iris.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static <T> T fx(Supplier<T> action) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(action.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }

    private ImportDataPane show(String text) throws Exception {
        return fx(() -> {
            ImportDataPane pane = new ImportDataPane(text, RunConfig.defaults());
            stage.setScene(new Scene(pane, 760, 560));
            stage.show();
            return pane;
        });
    }

    @Test
    void irisIsPreviewedWithItsColumnsPickedAndItsStandardizationShown() throws Exception {
        ImportDataPane pane = show(iris());
        fx(() -> {
            TableView<?> table = (TableView<?>) pane.lookup("#importPreview");
            assertEquals(5, table.getColumns().size());
            assertEquals(150, table.getItems().size());
            assertTrue(((CheckBox) pane.lookup("#importInput-0")).isSelected());
            assertTrue(((CheckBox) pane.lookup("#importInput-4")).isDisabled(), "the target is no input");
            assertEquals("species", ((ComboBox<?>) pane.lookup("#importTarget")).getValue());
            InlineData d = pane.dataProperty().get();
            assertNotNull(d);
            assertEquals(List.of("setosa", "versicolor", "virginica"), d.classes());
            String summary = ((Label) pane.lookup("#importSummary")).getText();
            assertTrue(summary.startsWith("150 rows, 3 classes"), summary);
            String st = ((Label) pane.lookup("#importStandardization")).getText();
            assertTrue(st.contains("sepal_length_cm mean"), st);
            return null;
        });
    }

    @Test
    void aBadChoiceShowsItsLineAndColumnAndOffersNothing() throws Exception {
        ImportDataPane pane = show(iris());
        fx(() -> {
            ((RadioButton) pane.lookup("#importRegression")).setSelected(true);
            assertNull(pane.dataProperty().get());
            assertEquals("line 2, column 5 (species): \"setosa\" is not a number", pane.errorText());
            ((RadioButton) pane.lookup("#importClassification")).setSelected(true);
            assertNotNull(pane.dataProperty().get());
            for (int c = 0; c < 4; c++) {
                ((CheckBox) pane.lookup("#importInput-" + c)).setSelected(false);
            }
            assertNull(pane.dataProperty().get());
            assertEquals("choose at least one input column", pane.errorText());
            ((CheckBox) pane.lookup("#importInput-2")).setSelected(true);
            ((CheckBox) pane.lookup("#importInput-3")).setSelected(true);
            InlineData two = pane.dataProperty().get();
            assertEquals(List.of("petal_length_cm", "petal_width_cm"), two.columns());
            assertTrue(((Label) pane.lookup("#importSummary")).getText().contains("output view shows the plane"));
            return null;
        });
    }

    @Test
    void aRaggedFileShowsOnlyItsProblem() throws Exception {
        ImportDataPane pane = show("a,b,c\n1,2,3\n4,5\n");
        fx(() -> {
            assertNull(pane.dataProperty().get());
            assertEquals("line 3, column 3: the row has 2 values, the header has 3", pane.errorText());
            assertNull(pane.lookup("#importPreview"));
            return null;
        });
    }

    @Test
    void okGivesTheDataAndANewCustomConfigCancelGivesNothing() throws Exception {
        String text = iris();
        fx(() -> {
            Dialog<InlineData> dialog = DataImporter.dialog("iris.csv", text, RunConfig.defaults());
            assertFalse(dialog.getDialogPane().lookupButton(ButtonType.OK).isDisabled());
            assertNull(dialog.getResultConverter().call(ButtonType.CANCEL));
            InlineData d = dialog.getResultConverter().call(ButtonType.OK);
            assertNotNull(d);
            RunConfig next = DataImporter.configFor(RunConfig.defaults(), d);
            assertEquals(DatasetKind.CUSTOM, next.dataset());
            assertEquals(3, next.outputs());
            assertEquals(4, next.inputs());
            Dialog<InlineData> bad = DataImporter.dialog("bad.csv", "", RunConfig.defaults());
            assertTrue(bad.getDialogPane().lookupButton(ButtonType.OK).isDisabled(), "an empty file imports nothing");
            return null;
        });
    }
}
