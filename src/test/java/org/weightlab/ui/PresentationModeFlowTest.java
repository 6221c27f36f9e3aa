package org.weightlab.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weightlab.ui.FlowWaits.fx;
import static org.weightlab.ui.FlowWaits.waitUntil;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightlab.scenario.LessonCatalog;

/**
 * Presentation mode at 1024 x 768 with a lesson open: the toolbar fits one row (no overflow
 * menu), the lesson text stays in sight, and the network's bar and input names are not cut.
 */
@ExtendWith(ApplicationExtension.class)
class PresentationModeFlowTest {

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
    void atTenTwentyFourTheToolbarFitsTheLessonStaysAndTheGraphKeepsItsNames(FxRobot robot) throws Exception {
        waitUntil("the first snapshot", () -> fx(window::shownSnapshot) != null);
        LessonCatalog.Entry lesson = LessonCatalog.builtIn().stream()
                .filter(e -> e.scenario().lesson() != null).findFirst().orElseThrow();
        robot.interact(() -> {
            open.stage().setWidth(1024);
            open.stage().setHeight(768);
            window.openScenario(lesson.scenario(), lesson.name());
            window.setPresentation(true);
        });
        // Beside a lesson's text the pictures leave the centre its least width, and take the rest.
        waitUntil("presentation mode laid out", () -> fx(() -> window.root().getWidth() <= 1024
                && window.root().lookup("#outputColumn").getLayoutBounds().getWidth() >= 0.38 * window.root().getWidth()
                && window.root().lookup("#centreArea").getLayoutBounds().getWidth()
                        >= WindowLayout.PRESENTING_MIN_CENTRE - 1));
        WaitForAsyncUtils.waitForFxEvents();

        assertFalse(fx(() -> window.root().lookupAll(".tool-bar-overflow-button").stream().anyMatch(Node::isVisible)),
                "no overflow menu on the toolbar");
        assertTrue(fx(() -> shown(window.root().lookup("#stepThroughButton"))), "the step-through switch is on the bar");
        assertTrue(fx(() -> shown(window.root().lookup("#lessonPanel"))
                && window.root().lookup("#lessonPanel").getLayoutBounds().getWidth() > 150),
                "the lesson text stays in sight");
        assertFalse(fx(() -> shown(window.root().lookup("#controlsPanel"))),
                "the advanced controls make way");

        List<String> cut = fx(() -> {
            List<String> out = new ArrayList<>();
            Node graph = window.root().lookup("#networkArea");
            Bounds area = graph.localToScene(graph.getLayoutBounds());
            for (Node n : graph.lookupAll(".labeled, .label, .toggle-button, .button")) {
                if (n instanceof Labeled l && shown(n) && l.getText() != null && !l.getText().isEmpty()) {
                    Text t = (Text) l.lookup(".text");
                    if (t != null && !t.getText().equals(l.getText())) {
                        out.add("cut: " + l.getText() + " -> " + t.getText());
                    }
                    Bounds b = n.localToScene(n.getLayoutBounds());
                    if (b.getMinX() < area.getMinX() - 0.5 || b.getMaxX() > area.getMaxX() + 0.5) {
                        out.add("outside the graph: " + l.getText() + " " + b);
                    }
                }
            }
            return out;
        });
        assertTrue(cut.isEmpty(), String.join("\n", cut));
    }

    @Test
    void theStepThroughTakesTheCentreFromThePicturesWhilePresenting(FxRobot robot) throws Exception {
        waitUntil("the first snapshot", () -> fx(window::shownSnapshot) != null);
        robot.interact(() -> {
            open.stage().setWidth(1024);
            open.stage().setHeight(768);
            window.setPresentation(true);
        });
        waitUntil("the pictures take half the width", () -> fx(() -> window.root().lookup("#outputColumn")
                .getLayoutBounds().getWidth() >= 0.5 * window.root().getWidth()));
        robot.interact(window::enterStepThrough);
        waitUntil("the step-through gets the centre", () -> fx(() -> window.root().lookup("#outputColumn")
                .getLayoutBounds().getWidth() <= 0.4 * window.root().getWidth()));
        robot.interact(() -> window.setPresentation(false));
        waitUntil("out of presentation mode, the desk layout", () -> fx(() -> window.root().lookup("#outputColumn")
                .getLayoutBounds().getWidth() <= 480));
    }

    @Test
    void dataWithoutAPlaneGivesTheCentreTheOutputColumnsWidth(FxRobot robot) throws Exception {
        waitUntil("the first snapshot", () -> fx(window::shownSnapshot) != null);
        robot.interact(() -> {
            open.stage().setWidth(1024);
            open.stage().setHeight(768);
            window.setPresentation(true);
        });
        waitUntil("the pictures take half the width", () -> fx(() -> window.root().lookup("#outputColumn")
                .getLayoutBounds().getWidth() >= 0.5 * window.root().getWidth()));
        open.host().applyConfig(org.weightlab.engine.config.ConfigEdits.withDataset(
                org.weightlab.engine.config.RunConfig.defaults(), org.weightlab.engine.config.DatasetKind.DIGITS));
        // digits have no plane to colour: the loss chart alone keeps the column, the kernels and weights get the centre
        waitUntil("the output column keeps to the loss chart", () -> fx(() -> window.root().lookup("#outputColumn")
                .getLayoutBounds().getWidth() <= WindowLayout.PLANELESS_WIDTH + 20));
        assertTrue(fx(() -> window.root().lookup("#centreArea").getLayoutBounds().getWidth() >= 450),
                "the centre takes the width");
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n != null;
    }
}
