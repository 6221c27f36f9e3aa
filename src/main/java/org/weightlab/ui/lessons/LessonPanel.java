package org.weightlab.ui.lessons;

import java.util.Objects;
import java.util.function.Supplier;
import javafx.event.EventHandler;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.weightlab.lessons.LessonDriver;
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
 * Lessons in the older free-text form show their text as one section; guided lessons show their
 * steps ({@link LessonStepsView}) first. Set the lesson with {@link #setLesson}; null shows a short
 * hint instead.
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
    private final LessonStepsView steps = new LessonStepsView();
    private final VBox sections = new VBox(6);
    private Supplier<LessonDriver> drivers;

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
        sections.getChildren().addAll(steps, look, tryIt, explain, text, empty);
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
        sceneProperty().addListener((obs, was, now) -> {
            if (was != null) {
                was.removeEventHandler(KeyEvent.KEY_PRESSED, keys);
            }
            if (now != null) {
                now.addEventHandler(KeyEvent.KEY_PRESSED, keys);
            }
        });
        fold.selectedProperty().addListener((obs, was, folded) -> {
            sections.setVisible(!folded);
            sections.setManaged(!folded);
            fold.setGraphic(new FontIcon(folded ? "mdi2c-chevron-down" : "mdi2c-chevron-up"));
        });
    }

    /**
     * Lesson keys, after the window's own (which leave these alone): N / PageDown next, P / PageUp
     * back, 1 to 4 pick an answer; only while a guided lesson shows and no text field has the keys.
     */
    private final EventHandler<KeyEvent> keys = e -> {
        if (e.isConsumed() || !isVisible() || steps.stepCount() == 0 || isFolded() || e.isShortcutDown()
                || e.isAltDown() || e.getTarget() instanceof TextInputControl) {
            return;
        }
        switch (e.getCode()) {
            case N, PAGE_DOWN -> steps.next();
            case P, PAGE_UP -> steps.back();
            case DIGIT1, DIGIT2, DIGIT3, DIGIT4 -> steps.choose(e.getCode().ordinal() - KeyCode.DIGIT1.ordinal());
            default -> {
                return;
            }
        }
        e.consume();
    };

    private void show(Lesson l) {
        title.setText(l == null ? "Lesson" : l.title());
        boolean guided = l != null && !l.steps().isEmpty();
        steps.setSteps(guided ? l.steps() : java.util.List.of(), drivers);
        steps.setVisible(guided);
        steps.setManaged(guided);
        fill(look, l == null ? "" : l.look());
        fill(tryIt, l == null ? "" : l.tryIt());
        fill(explain, l == null ? "" : l.explain());
        fill(text, l == null ? "" : l.text());
        // A guided lesson's steps come first; its explanation waits, folded, below them.
        explain.setExpanded(!guided);
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
        if (Objects.equals(l, lesson.get())) {
            show(l); // the same lesson opened again starts again from its first step
        }
        lesson.set(l);
    }

    /**
     * Where guided steps act: each opened lesson gets a driver from {@code factory} (the window's
     * run); without one the steps show but cannot run.
     */
    public void setDrivers(Supplier<LessonDriver> factory) {
        drivers = factory;
    }

    public LessonStepsView steps() {
        return steps;
    }

    /** True when only the title bar shows. */
    public boolean isFolded() {
        return fold.isSelected();
    }

    public void setFolded(boolean folded) {
        fold.setSelected(folded);
    }
}
