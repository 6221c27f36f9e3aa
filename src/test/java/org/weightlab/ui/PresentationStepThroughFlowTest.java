package org.weightlab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weightlab.ui.FlowWaits.fx;
import static org.weightlab.ui.FlowWaits.waitUntil;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightlab.scenario.LessonCatalog;
import org.weightlab.ui.stepper.StepThroughView;

/**
 * The step-through in presentation mode at 1024 x 768, beside a lesson's text: the loss chart keeps
 * a plot tall enough for labelled ticks on both axes, whole in its column, and the formula panel
 * keeps a line of numbers' width instead of a word per line.
 */
@ExtendWith(ApplicationExtension.class)
class PresentationStepThroughFlowTest {

    private OpenWindow open;
    private MainWindow window;

    @Start
    void start(Stage primary) {
        open = OpenWindow.onDefaults();
        window = open.window();
    }

    @AfterEach
    void stop() throws Exception {
        open.close();
    }

    @Test
    void atTenTwentyFourTheLossChartKeepsItsAxesAndTheFormulasTheirWidth(FxRobot robot) throws Exception {
        waitUntil("the first snapshot", () -> fx(window::shownSnapshot) != null);
        LessonCatalog.Entry lesson = LessonCatalog.builtIn().stream()
                .filter(e -> e.scenario().lesson() != null).findFirst().orElseThrow();
        robot.interact(() -> {
            open.stage().setWidth(1024);
            open.stage().setHeight(768);
            window.openScenario(lesson.scenario(), lesson.name());
            window.setPresentation(true);
        });
        robot.interact(window::enterStepThrough);
        waitUntil("the step-through is laid out beside the lesson", () -> fx(() -> {
            Node formulas = window.root().lookup(".wl-formula-scroll");
            return window.root().getWidth() <= 1024 && formulas != null && formulas.getLayoutBounds().getWidth() > 0
                    && window.root().lookup("#outputColumn").getLayoutBounds().getWidth() <= 0.4 * window.root().getWidth();
        }));
        WaitForAsyncUtils.waitForFxEvents();

        double fontSize = fx(() -> fontOf(window.root()));
        Bounds plot = fx(() -> scene(window.root().lookup("#lossPlot")));
        Bounds column = fx(() -> scene(window.root().lookup("#outputColumn")));
        // Three labelled ticks a line apart and more, the tick labels and the axis name below.
        assertTrue(plot.getHeight() >= 8.5 * fontSize, "the loss plot is " + plot.getHeight() + " px tall at "
                + fontSize + " px type");
        assertTrue(plot.getMaxY() <= column.getMaxY() + 0.5, "the loss plot ends in its column: " + plot
                + " in " + column);
        double formulas = fx(() -> window.root().lookup(".wl-formula-scroll").getLayoutBounds().getWidth());
        assertTrue(formulas >= StepThroughView.FORMULA_MIN_WIDTH - 0.5, "the formula panel is " + formulas + " px wide");
        Bounds diagram = fx(() -> scene(window.root().lookup("#stepperDiagram")));
        Bounds centre = fx(() -> scene(window.root().lookup("#centreArea")));
        assertTrue(diagram.getMinX() >= centre.getMinX() - 0.5 && diagram.getWidth() > 100,
                "the diagram stays in the centre: " + diagram + " in " + centre);
    }

    /** The type size on the window's root, as its style sets it (presentation mode sets it in px). */
    private static double fontOf(javafx.scene.layout.Region root) {
        String style = root.getStyle();
        int at = style.indexOf("-fx-font-size:");
        if (at < 0) {
            return Font.getDefault().getSize();
        }
        String px = style.substring(at + "-fx-font-size:".length(), style.indexOf("px", at)).trim();
        return Double.parseDouble(px);
    }

    private static Bounds scene(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }
}
