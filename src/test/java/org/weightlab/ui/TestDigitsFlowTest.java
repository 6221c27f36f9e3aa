package org.weightlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weightlab.ui.FlowWaits.fx;
import static org.weightlab.ui.FlowWaits.waitUntil;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
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
 * A digits lesson: the output column shows the test digits (framed, with the predicted class
 * written out in full) instead of a message that there is no plane, at a desk and on a projector.
 */
@ExtendWith(ApplicationExtension.class)
class TestDigitsFlowTest {

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

    private void openDigitsLesson(FxRobot robot) throws Exception {
        LessonCatalog.Entry lesson = LessonCatalog.builtIn().stream()
                .filter(e -> e.name().equals("what-a-neuron-looks-for")).findFirst().orElseThrow();
        robot.interact(() -> window.openScenario(lesson.scenario(), lesson.name()));
        waitUntil("the test digits show", () -> fx(() -> shown(window.root().lookup("#testDigits"))));
    }

    @Test
    void aDigitsLessonShowsFramedTestDigitsAtADesk(FxRobot robot) throws Exception {
        waitUntil("the first snapshot", () -> fx(window::shownSnapshot) != null);
        robot.interact(() -> {
            open.stage().setWidth(1600);
            open.stage().setHeight(1000);
        });
        openDigitsLesson(robot);
        assertFramedAndWhole("at a desk");
        open.host().play();
        long from = fx(() -> window.shownSnapshot().step());
        waitUntil("training runs", () -> fx(() -> window.shownSnapshot().step()) > from + 200);
        waitUntil("the tiles stay framed while training", () -> fx(() -> frames().stream().allMatch(b -> b)));
        open.host().pause();
        assertFramedAndWhole("paused after training");
        assertTrue(fx(() -> shown(window.root().lookup("#testDigitsBars"))), "the selected digit's bars show");

        // a click selects a digit; the arrow keys then move the selection, not the run
        robot.clickOn(fx(() -> window.root().lookup("#testDigit-1")));
        long step = fx(() -> window.shownSnapshot().step());
        String before = fx(() -> ((Label) window.root().lookup("#testDigitsCaption")).getText());
        robot.type(KeyCode.RIGHT);
        waitUntil("the selection moves on", () -> !fx(() -> ((Label) window.root().lookup("#testDigitsCaption"))
                .getText()).equals(before) && fx(() -> window.root().lookup("#testDigit-2").getStyleClass()
                .contains("test-digit-selected")));
        assertEquals(step, (long) fx(() -> window.shownSnapshot().step()), "Right did not step the run");
    }

    @Test
    void aDigitsLessonShowsFramedTestDigitsOnAProjector(FxRobot robot) throws Exception {
        waitUntil("the first snapshot", () -> fx(window::shownSnapshot) != null);
        robot.interact(() -> {
            open.stage().setWidth(1024);
            open.stage().setHeight(768);
            window.setPresentation(true);
        });
        waitUntil("presentation mode laid out", () -> fx(() -> window.root().getWidth() <= 1024));
        openDigitsLesson(robot);
        waitUntil("the output column keeps to the loss chart", () -> fx(() -> window.root()
                .lookup("#outputColumn").getLayoutBounds().getWidth() <= WindowLayout.PLANELESS_WIDTH + 20));
        assertFramedAndWhole("on a projector");
    }

    @Test
    void pressingF11InADigitsLessonKeepsTheTestDigitsFramed(FxRobot robot) throws Exception {
        waitUntil("the first snapshot", () -> fx(window::shownSnapshot) != null);
        robot.interact(() -> {
            open.stage().setWidth(1024);
            open.stage().setHeight(768);
        });
        openDigitsLesson(robot);
        assertFramedAndWhole("before presenting");
        open.host().play();
        long from = fx(() -> window.shownSnapshot().step());
        waitUntil("training runs", () -> fx(() -> window.shownSnapshot().step()) > from + 200);
        waitUntil("the tiles stay framed while training", () -> fx(() -> frames().stream().allMatch(b -> b)));
        robot.interact(() -> window.setPresentation(true));
        waitUntil("the output column keeps to the loss chart", () -> fx(() -> window.root()
                .lookup("#outputColumn").getLayoutBounds().getWidth() <= WindowLayout.PLANELESS_WIDTH + 20));
        long later = fx(() -> window.shownSnapshot().step());
        waitUntil("training runs on", () -> fx(() -> window.shownSnapshot().step()) > later + 200);
        waitUntil("the tiles stay framed after F11 while training",
                () -> fx(() -> frames().stream().allMatch(b -> b)));
        open.host().pause();
        assertFramedAndWhole("after F11, paused");
    }

    private void assertFramedAndWhole(String where) throws Exception {
        waitUntil("the tiles are framed " + where, () -> fx(() -> !frames().isEmpty()
                && frames().stream().allMatch(b -> b)));
        // a paused view settles within a frame or two; a failure lists what stayed wrong
        try {
            waitUntil("the view settles " + where, () -> fx(this::problems).isEmpty());
        } catch (AssertionError e) {
            assertEquals(List.of(), fx(this::problems), where);
        }
        assertFalse(fx(() -> window.root().lookupAll(".label").stream().anyMatch(n -> n instanceof Label l
                && shown(n) && l.getText() != null && l.getText().contains("no 2-D plane"))),
                "no message that there is no plane");
    }

    /** Labels of the view cut short or outside the output area, and predicted classes in small type. */
    private List<String> problems() {
        List<String> out = new ArrayList<>();
        Node digits = window.root().lookup("#testDigits");
        Node output = window.root().lookup("#outputArea");
        Bounds area = output.localToScene(output.getLayoutBounds());
        for (Node n : digits.lookupAll(".label")) {
            if (n instanceof Label l && shown(n) && l.getText() != null && !l.getText().isEmpty()) {
                Text t = (Text) l.lookup(".text");
                if (t != null && !t.getText().equals(l.getText())) {
                    out.add("cut: " + l.getText() + " -> " + t.getText());
                }
                Bounds b = n.localToScene(n.getLayoutBounds());
                if (b.getMinX() < area.getMinX() - 0.5 || b.getMaxX() > area.getMaxX() + 0.5
                        || b.getMaxY() > area.getMaxY() + 0.5) {
                    out.add("outside the output: " + l.getText() + " " + b);
                }
            }
        }
        for (Node n : digits.lookupAll(".test-digit-predicted")) {
            if (shown(n) && ((Label) n).getFont().getSize() < 18) {
                out.add("predicted class in small type: " + ((Label) n).getFont());
            }
        }
        return out;
    }

    /** For each tile shown: whether the stylesheet framed it (a border) by the network's answer. */
    private List<Boolean> frames() {
        List<Boolean> out = new ArrayList<>();
        for (Node n : window.root().lookup("#testDigits").lookupAll(".test-digit-tile")) {
            if (shown(n)) {
                Region r = (Region) n;
                boolean classed = r.getStyleClass().contains("test-digit-right")
                        || r.getStyleClass().contains("test-digit-wrong");
                out.add(classed && r.getBorder() != null && !r.getBorder().getStrokes().isEmpty());
            }
        }
        return out;
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
