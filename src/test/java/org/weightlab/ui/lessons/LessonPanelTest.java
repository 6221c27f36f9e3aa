package org.weightlab.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightlab.scenario.Lesson;

@ExtendWith(ApplicationExtension.class)
class LessonPanelTest {

    private LessonPanel panel;

    /** A lesson of texts without guided steps, as files before the steps held. */
    private static final Lesson STRUCTURED = new Lesson("Overfitting", "30 noisy points.", "Watch both loss curves.",
            "Add L2 regularization.", "A big network memorizes few points.", "", null);

    @Start
    void start(Stage stage) {
        panel = new LessonPanel();
        stage.setScene(new Scene(panel, 480, 1100));
        stage.show();
    }

    private static String body(FxRobot robot, String id) {
        TitledPane pane = robot.lookup(id).queryAs(TitledPane.class);
        return ((Label) pane.getContent()).getText();
    }

    private static boolean shown(FxRobot robot, String id) {
        Node n = robot.lookup(id).query();
        return n.isVisible() && n.isManaged();
    }

    @Test
    void showsTheLessonsTitleLookTryAndExplanation(FxRobot robot) throws Exception {
        Lesson l = STRUCTURED;
        robot.interact(() -> panel.setLesson(l));
        assertEquals(l.title(), robot.lookup("#lessonTitle").queryAs(Label.class).getText());
        assertEquals(l.look(), body(robot, "#lessonLook"));
        assertEquals(l.tryIt(), body(robot, "#lessonTry"));
        assertEquals(l.explain(), body(robot, "#lessonExplain"));
        assertTrue(shown(robot, "#lessonLook") && shown(robot, "#lessonTry") && shown(robot, "#lessonExplain"));
        assertFalse(shown(robot, "#lessonText"), "no free text in a structured lesson");
        assertFalse(shown(robot, "#lessonEmpty"));
    }

    @Test
    void olderFreeTextLessonShowsItsTextAsOneSection(FxRobot robot) throws Exception {
        Lesson l = new Lesson("Circle basics", "Blue points inside a circle.\n\nPress play and watch.");
        robot.interact(() -> panel.setLesson(l));
        assertTrue(shown(robot, "#lessonText"));
        assertEquals(l.text(), body(robot, "#lessonText"));
        assertFalse(shown(robot, "#lessonLook"));
    }

    @Test
    void noLessonShowsAHint(FxRobot robot) {
        robot.interact(() -> panel.setLesson(new Lesson("T", "x")));
        robot.interact(() -> panel.setLesson(null));
        assertTrue(shown(robot, "#lessonEmpty"));
        assertFalse(shown(robot, "#lessonText"));
    }

    @Test
    void sectionsCollapseAndThePanelFoldsToItsTitle(FxRobot robot) throws Exception {
        Lesson l = STRUCTURED;
        robot.interact(() -> panel.setLesson(l));
        robot.clickOn(robot.lookup("#lessonExplain").query().lookup(".title"));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#lessonExplain").queryAs(TitledPane.class).isExpanded());
        assertTrue(robot.lookup("#lessonLook").queryAs(TitledPane.class).isExpanded());

        robot.clickOn("#lessonFold");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(panel.isFolded());
        Node sections = robot.lookup("#lessonLook").query().getParent();
        assertFalse(sections.isVisible());
        assertTrue(robot.lookup("#lessonTitle").query().isVisible());

        // A newly opened lesson shows every section again, open.
        robot.interact(() -> panel.setFolded(false));
        Lesson features = new Lesson("Features", "One line.", "Look at this.", "Try that.", "Because.", "", null);
        robot.interact(() -> panel.setLesson(features));
        assertTrue(robot.lookup("#lessonExplain").queryAs(TitledPane.class).isExpanded());
    }
}
