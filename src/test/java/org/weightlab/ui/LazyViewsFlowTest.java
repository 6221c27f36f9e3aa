package org.weightlab.ui;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weightlab.ui.FlowWaits.fx;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightlab.ui.compress.CompressionPanel;
import org.weightlab.ui.inspector.InspectorView;
import org.weightlab.ui.stepper.StepThroughView;

/**
 * The window opens with the network only: the inspector, the compression lab and the
 * step-through are built the first time they are shown, and then work as if built at start.
 */
@ExtendWith(ApplicationExtension.class)
class LazyViewsFlowTest {

    private OpenWindow open;
    private MainWindow window;

    @Start
    void start(javafx.stage.Stage primary) {
        open = OpenWindow.onDefaults();
        window = open.window();
    }

    @AfterEach
    void stop() throws Exception {
        open.close();
    }

    @Test
    void theOtherViewsAreBuiltWhenFirstShownAndShowTheRun(FxRobot robot) throws Exception {
        waitUntil("the first snapshot", () -> fx(window::shownSnapshot) != null);
        assertTrue(fx(() -> count(InspectorView.class) == 0 && count(CompressionPanel.class) == 0
                && count(StepThroughView.class) == 0), "only the network is built with the window");

        robot.interact(() -> window.showView(MainWindow.View.INSPECTOR));
        waitUntil("the inspector shows the run's step", () -> fx(() -> {
            Node step = window.root().lookup("#inspectorStep");
            return step != null && step.isVisible()
                    && ((javafx.scene.control.Label) step).getText().startsWith("step ");
        }));
        assertTrue(fx(() -> count(InspectorView.class) == 1), "one inspector");

        robot.interact(() -> window.showView(MainWindow.View.COMPRESSION));
        waitUntil("the compression lab is in front", () -> fx(() -> count(CompressionPanel.class) == 1
                && window.root().lookupAll(".compress-panel").stream().anyMatch(Node::isVisible)));

        robot.interact(() -> window.showView(MainWindow.View.STEPPER));
        waitUntil("the step-through walks", () -> fx(() -> window.stepThrough().isActive()
                && count(StepThroughView.class) == 1));
        robot.interact(() -> window.stepThrough().exit());
        robot.interact(() -> window.showView(MainWindow.View.INSPECTOR));
        assertTrue(fx(() -> count(InspectorView.class) == 1), "built once, kept");
        assertNotNull(fx(() -> window.root().lookup("#inspector")));
    }

    private long count(Class<?> type) {
        return countIn(window.root(), type);
    }

    private static long countIn(Node n, Class<?> type) {
        long c = type.isInstance(n) ? 1 : 0;
        if (n instanceof javafx.scene.Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                c += countIn(child, type);
            }
        }
        if (n instanceof javafx.scene.control.TabPane tabs) {
            for (var t : tabs.getTabs()) {
                if (t.getContent() != null && !inScene(tabs).contains(t.getContent())) {
                    c += countIn(t.getContent(), type);
                }
            }
        }
        return c;
    }

    /** Tab contents the skin put in the scene already (so they are not counted twice). */
    private static java.util.Set<Node> inScene(javafx.scene.control.TabPane tabs) {
        java.util.Set<Node> in = new java.util.HashSet<>();
        tabs.lookupAll("*").forEach(in::add);
        return in;
    }

    private static void waitUntil(String what, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        assertTrue(condition.getAsBoolean(), what);
    }
}
