package org.weightlab.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.scenario.LessonCatalog;
import org.weightlab.scenario.Scenario;
import org.weightlab.scenario.ScenarioFile;
import org.weightlab.ui.MainWindow;

@ExtendWith(ApplicationExtension.class)
class LessonGalleryViewTest {

    private final List<Scenario> opened = new ArrayList<>();
    private LessonGalleryView gallery;
    private List<LessonCatalog.Entry> lessons;

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        lessons = LessonCatalog.builtIn();
        gallery = new LessonGalleryView(lessons, opened::add);
        Scene scene = new Scene(gallery, 1200, 900);
        scene.getStylesheets().add(MainWindow.class.getResource(MainWindow.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void galleryListsEveryLessonInCatalogOrderWithNumberTitleAndSummary(FxRobot robot) {
        List<Region> cards = gallery.cards();
        assertEquals(lessons.size(), cards.size());
        assertEquals(22, cards.size());
        for (int i = 0; i < cards.size(); i++) {
            LessonCatalog.Entry e = lessons.get(i);
            Region card = cards.get(i);
            assertEquals("lesson-" + e.name(), card.getId());
            assertEquals(String.valueOf(i + 1), text(card, LessonGalleryView.CARD_NUMBER));
            assertEquals(e.title(), text(card, LessonGalleryView.CARD_TITLE));
            assertEquals(e.lesson().summary(), text(card, LessonGalleryView.CARD_SUMMARY));
        }
        assertEquals("Linear regression: y = wx + b", text(cards.get(0), LessonGalleryView.CARD_TITLE));
        // Cards follow each other in reading order: left to right, then top to bottom.
        for (int i = 1; i < cards.size(); i++) {
            var a = cards.get(i - 1).localToScene(0, 0);
            var b = cards.get(i).localToScene(0, 0);
            assertTrue(b.getY() > a.getY() + 1 || (Math.abs(b.getY() - a.getY()) <= 1 && b.getX() > a.getX()),
                    "card " + (i + 1) + " comes after card " + i);
        }
    }

    @Test
    void onlyTheStepThroughLessonCarriesTheStepThroughTag(FxRobot robot) {
        for (int i = 0; i < lessons.size(); i++) {
            boolean tagged = !gallery.cards().get(i).lookupAll("." + LessonGalleryView.CARD_TAG).isEmpty();
            assertEquals(lessons.get(i).name().equals("forward-backward"), tagged, lessons.get(i).name());
        }
    }

    @Test
    void clickingACardOpensThatLessonsScenario(FxRobot robot) throws Exception {
        robot.clickOn("#lesson-learning-rate");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(ScenarioFile.builtIn("learning-rate")), opened);
        assertTrue(robot.lookup("#lesson-learning-rate").query().getStyleClass().contains(LessonGalleryView.CURRENT));

        robot.clickOn("#lesson-linear-regression");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ScenarioFile.builtIn("linear-regression"), opened.get(1));
        assertFalse(robot.lookup("#lesson-learning-rate").query().getStyleClass().contains(LessonGalleryView.CURRENT),
                "one current lesson at a time");
    }

    @Test
    void enterOnAFocusedCardOpensIt(FxRobot robot) throws Exception {
        Node card = robot.lookup("#lesson-forward-backward").query();
        robot.interact(card::requestFocus);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(ScenarioFile.builtIn("forward-backward")), opened);
    }

    @Test
    void thumbnailsShowBothClassesInThePaletteColours(FxRobot robot) {
        Region circleCard = gallery.cards().get(2);
        DatasetThumbnail thumb = (DatasetThumbnail) circleCard.lookup("." + DatasetThumbnail.STYLE_CLASS);
        long positive = thumb.getChildren().stream()
                .filter(n -> n.getStyleClass().contains(DatasetThumbnail.POSITIVE)).count();
        long negative = thumb.getChildren().stream()
                .filter(n -> n.getStyleClass().contains(DatasetThumbnail.NEGATIVE)).count();
        assertTrue(positive > 10 && negative > 10, positive + " blue, " + negative + " orange");
        Circle dot = (Circle) thumb.getChildren().stream()
                .filter(n -> n.getStyleClass().contains(DatasetThumbnail.POSITIVE)).findFirst().orElseThrow();
        assertEquals(Color.web("#2166ac"), dot.getFill(), "the dot takes -wl-class-positive from weightlab.css");

        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = thumb.snapshot(null, null));
        assertTrue(countNear(image[0], Color.web("#2166ac")) > 20, "blue dots are drawn");
        assertTrue(countNear(image[0], Color.web("#e08214")) > 20, "orange dots are drawn");
    }

    @Test
    void setupLineNamesDataFeaturesNetworkAndOptimizer() {
        RunConfig deep = ScenarioFileLessons.config("vanishing-gradients");
        assertEquals("circle · x1, x2 · 8 layers of 8 sigmoid · sgd 0.03", LessonGalleryView.describe(deep));
        assertEquals("line · x1 · no hidden layer · sgd 0.3",
                LessonGalleryView.describe(ScenarioFileLessons.config("linear-regression")));
        assertEquals("gauss · x1, x2 · hidden 8-8 tanh · adam 0.01",
                LessonGalleryView.describe(ScenarioFileLessons.config("overfitting")));
    }

    private static long countNear(WritableImage image, Color c) {
        PixelReader r = image.getPixelReader();
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color p = r.getColor(x, y);
                if (Math.abs(p.getRed() - c.getRed()) < 0.08 && Math.abs(p.getGreen() - c.getGreen()) < 0.08
                        && Math.abs(p.getBlue() - c.getBlue()) < 0.08) {
                    n++;
                }
            }
        }
        return n;
    }

    private static String text(Node card, String styleClass) {
        return ((Label) card.lookup("." + styleClass)).getText();
    }

    /** Configs of built-in lessons, for checks that need no window. */
    static final class ScenarioFileLessons {
        static RunConfig config(String name) {
            try {
                return ScenarioFile.builtIn(name).config();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }
}
