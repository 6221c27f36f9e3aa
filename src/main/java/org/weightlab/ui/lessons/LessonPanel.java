package org.weightlab.ui.lessons;

import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.weightlab.scenario.Lesson;

/**
 * The open lesson beside the controls: its title, then "Look at", "Try" and "Why" in large
 * readable text, each section collapsible, and the whole panel foldable to its title bar.
 * Lessons in the older free-text form show their text as one section. Set the lesson with
 * {@link #setLesson}; null shows a short hint instead.
 */
public final class LessonPanel extends VBox {

    public static final String STYLE_CLASS = "wl-lesson-panel";
    public static final String SECTION = "wl-lesson-section";
    public static final String SECTION_TEXT = "wl-lesson-text";

    private final ObjectProperty<Lesson> lesson = new SimpleObjectProperty<>(this, "lesson");
    private final Label title = new Label();
    private final ToggleButton fold = new ToggleButton();
    private final TitledPane look = section("lessonLook", "Look at");
    private final TitledPane tryIt = section("lessonTry", "Try");
    private final TitledPane explain = section("lessonExplain", "Why");
    private final TitledPane text = section("lessonText", "About");
    private final Label empty = new Label("No lesson open. Pick one in the lesson gallery.");
    private final VBox sections = new VBox(6);

    public LessonPanel() {
        createView();
        initListeners();
        show(null);
    }

    private void createView() {
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add(Objects.requireNonNull(LessonPanel.class.getResource(LessonGalleryView.STYLESHEET))
                .toExternalForm());
        setId("lessonPanel");
        setSpacing(8);
        setPadding(new Insets(10));

        title.setId("lessonTitle");
        title.getStyleClass().add("wl-lesson-title");
        title.setWrapText(true);
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);
        fold.setId("lessonFold");
        fold.getStyleClass().add("wl-lesson-fold");
        fold.setTooltip(new Tooltip("Fold the lesson text away / show it"));
        fold.setGraphic(new FontIcon("mdi2c-chevron-up"));
        fold.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(8, title, fold);
        header.setAlignment(Pos.TOP_LEFT);

        empty.setId("lessonEmpty");
        empty.getStyleClass().add("wl-lesson-empty");
        empty.setWrapText(true);
        sections.getChildren().addAll(look, tryIt, explain, text, empty);
        getChildren().addAll(header, sections);
    }

    private static TitledPane section(String id, String heading) {
        Label body = new Label();
        body.getStyleClass().add(SECTION_TEXT);
        body.setWrapText(true);
        body.setMinHeight(Region.USE_PREF_SIZE);
        TitledPane pane = new TitledPane(heading, body);
        pane.setId(id);
        pane.getStyleClass().add(SECTION);
        pane.setAnimated(false);
        return pane;
    }

    private void initListeners() {
        lesson.addListener((obs, old, now) -> show(now));
        fold.selectedProperty().addListener((obs, was, folded) -> {
            sections.setVisible(!folded);
            sections.setManaged(!folded);
            fold.setGraphic(new FontIcon(folded ? "mdi2c-chevron-down" : "mdi2c-chevron-up"));
        });
    }

    private void show(Lesson l) {
        title.setText(l == null ? "Lesson" : l.title());
        fill(look, l == null ? "" : l.look());
        fill(tryIt, l == null ? "" : l.tryIt());
        fill(explain, l == null ? "" : l.explain());
        fill(text, l == null ? "" : l.text());
        empty.setVisible(l == null);
        empty.setManaged(l == null);
    }

    private static void fill(TitledPane pane, String body) {
        ((Label) pane.getContent()).setText(body);
        boolean shown = !body.isBlank();
        pane.setVisible(shown);
        pane.setManaged(shown);
        pane.setExpanded(true);
    }

    public ObjectProperty<Lesson> lessonProperty() {
        return lesson;
    }

    public Lesson getLesson() {
        return lesson.get();
    }

    /** Shows {@code l}, with every section open; null for no lesson. */
    public void setLesson(Lesson l) {
        lesson.set(l);
    }

    /** True when only the title bar shows. */
    public boolean isFolded() {
        return fold.isSelected();
    }

    public void setFolded(boolean folded) {
        fold.setSelected(folded);
    }
}
