package org.weightlab.ui.stepper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightlab.explain.FormulaLine;

/**
 * A forward step's sum of products in a formula panel as narrow as a projector at 1024x768 leaves
 * it: the line wraps between the factors, never inside a number.
 */
@ExtendWith(ApplicationExtension.class)
class FormulaLineBreakTest {

    private static final FormulaLine SUM = FormulaLine.of(FormulaLine.Kind.NUMBERS).op("= ").num(0.1317).op("\u00b7")
            .num(0.1354).op(" + ").num(0.2974).op("\u00b7").num(-0.4415).op(" + ").num(0.0123).build();

    private final VBox panel = new VBox();

    @Start
    void start(Stage stage) {
        Scene scene = new Scene(panel, 200, 400);
        scene.getStylesheets().add(StepThroughView.class.getResource(StepThroughView.STYLESHEET).toExternalForm());
        panel.getStyleClass().add("wl-formula-panel");
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aNarrowPanelBreaksBetweenFactorsNotInsideNumbers() throws Exception {
        List<double[]> numbers = new ArrayList<>();
        double[] lineHeight = new double[1];
        String[] text = new String[1];
        WaitForAsyncUtils.asyncFx(() -> {
            TextFlow flow = FormulaRenderer.line(SUM, FormulaRenderer.FORMULA_SIZE);
            flow.setMaxWidth(170);
            panel.getChildren().setAll(flow);
            panel.applyCss();
            panel.layout();
            for (var n : flow.getChildren()) {
                Text t = (Text) n;
                if (t.getStyleClass().contains(FormulaRenderer.NUM)) {
                    numbers.add(new double[] {t.getBoundsInParent().getHeight(), t.getBoundsInParent().getMinY()});
                }
            }
            Text probe = new Text("0");
            probe.setFont(((Text) flow.getChildren().get(1)).getFont());
            lineHeight[0] = probe.getLayoutBounds().getHeight();
            text[0] = FormulaRenderer.text(panel);
        }).get(10, TimeUnit.SECONDS);
        assertEquals(5, numbers.size());
        double firstTop = numbers.get(0)[1];
        assertTrue(numbers.stream().anyMatch(n -> n[1] > firstTop + lineHeight[0] / 2), "170 px make the line wrap");
        for (double[] n : numbers) {
            assertTrue(n[0] < 1.5 * lineHeight[0], "a number spans " + n[0] + " px, lines are " + lineHeight[0] + " px");
        }
        assertEquals("= 0.1317\u00b70.1354 + 0.2974\u00b7\u22120.4415 + 0.01230\n", text[0].replace("\u2009", "|"),
                "the break opportunity is no text of the formula");
    }
}
