package org.weightlab.ui.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.AccessibleAction;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.scenario.Lesson;
import org.weightlab.scenario.LessonCatalog;
import org.weightlab.scenario.Scenario;

/**
 * The lesson gallery: a grid of cards, one per lesson in catalog order, each with its number,
 * title, one-line summary and a picture of its data. One click (or Enter / Space on a focused
 * card) opens the lesson: the view hands the lesson's scenario to the callback given to it, and
 * the caller opens it. Cards take the keyboard focus, so Tab moves between them.
 */
public final class LessonGalleryView extends BorderPane {

    public static final String STYLESHEET = "/org/weightlab/ui/lessons/lessons.css";
    public static final String STYLE_CLASS = "wl-lesson-gallery";
    public static final String CARD = "wl-lesson-card";
    public static final String CARD_NUMBER = "wl-lesson-card-number";
    public static final String CARD_TITLE = "wl-lesson-card-title";
    public static final String CARD_SUMMARY = "wl-lesson-card-summary";
    public static final String CARD_TAG = "wl-lesson-card-tag";
    /** The card of the lesson that is open now. */
    public static final String CURRENT = "wl-current";

    public static final String CARD_META = "wl-lesson-card-meta";

    private static final double THUMBNAIL = 110;
    /** Cards are at least this wide; the columns share out the rest of the width. */
    private static final double MIN_CARD_WIDTH = 420;
    private static final double GAP = 16;
    private static final double SIDE = 20;

    private final List<LessonCatalog.Entry> lessons;
    private final Consumer<Scenario> onOpen;
    private final FlowPane grid = new FlowPane();
    private final List<Region> cards = new ArrayList<>();

    /**
     * @param lessons the lessons in the order to show them, e.g. {@link LessonCatalog#builtIn()}
     * @param onOpen  called on the FX thread with the scenario of the lesson that was clicked
     */
    public LessonGalleryView(List<LessonCatalog.Entry> lessons, Consumer<Scenario> onOpen) {
        this.lessons = List.copyOf(lessons);
        this.onOpen = Objects.requireNonNull(onOpen, "onOpen");
        createView();
    }

    private void createView() {
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add(Objects.requireNonNull(LessonGalleryView.class.getResource(STYLESHEET)).toExternalForm());
        setId("lessonGallery");

        Label heading = new Label("Lessons");
        heading.getStyleClass().add("wl-lesson-gallery-title");
        Label hint = new Label("Click a lesson to open it. Each one starts from the same point every time.");
        hint.getStyleClass().add("wl-lesson-gallery-hint");
        hint.setWrapText(true);
        VBox header = new VBox(4, heading, hint);
        header.setPadding(new Insets(16, 20, 8, 20));
        setTop(header);

        grid.setId("lessonGrid");
        grid.getStyleClass().add("wl-lesson-grid");
        grid.setHgap(GAP);
        grid.setVgap(GAP);
        grid.setPadding(new Insets(8, SIDE, SIDE, SIDE));
        grid.setPrefWrapLength(3 * MIN_CARD_WIDTH + 2 * GAP);
        grid.setRowValignment(VPos.TOP);
        for (LessonCatalog.Entry e : lessons) {
            Region card = card(e);
            cards.add(card);
            grid.getChildren().add(card);
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("wl-lesson-scroll");
        setCenter(scroll);
        grid.widthProperty().addListener((obs, old, width) -> fitColumns(width.doubleValue()));
    }

    /** As many columns as fit, the cards widened to fill the row. */
    private void fitColumns(double width) {
        double inner = width - 2 * SIDE;
        int columns = Math.max(1, (int) ((inner + GAP) / (MIN_CARD_WIDTH + GAP)));
        double cardWidth = Math.max(MIN_CARD_WIDTH, Math.floor((inner - (columns - 1) * GAP) / columns));
        for (Region card : cards) {
            card.setPrefWidth(cardWidth);
        }
    }

    private Region card(LessonCatalog.Entry e) {
        Label number = new Label(Integer.toString(e.number()));
        number.getStyleClass().add(CARD_NUMBER);
        number.setMinWidth(Region.USE_PREF_SIZE);
        Label title = new Label(e.title());
        title.getStyleClass().add(CARD_TITLE);
        title.setWrapText(true);
        HBox top = new HBox(10, number, title);
        top.setAlignment(Pos.CENTER_LEFT);

        Label summary = new Label(e.summary());
        summary.getStyleClass().add(CARD_SUMMARY);
        summary.setWrapText(true);
        Label meta = new Label(describe(e.scenario().config()));
        meta.getStyleClass().add(CARD_META);
        meta.setWrapText(true);
        VBox text = new VBox(6, top, summary, meta);
        if (e.lesson().opens() == Lesson.Opens.STEPPER) {
            Label tag = new Label("opens step-through");
            tag.getStyleClass().add(CARD_TAG);
            text.getChildren().add(tag);
        }
        HBox.setHgrow(text, Priority.ALWAYS);

        Card card = new Card(14, () -> open(e), new DatasetThumbnail(e.scenario().config(), THUMBNAIL), text);
        card.setAlignment(Pos.TOP_LEFT);
        card.getStyleClass().add(CARD);
        card.setId("lesson-" + e.name());
        card.setPrefWidth(MIN_CARD_WIDTH);
        card.setMinHeight(Region.USE_PREF_SIZE);
        card.setFocusTraversable(true);
        card.setAccessibleRole(AccessibleRole.BUTTON);
        card.setAccessibleText("Lesson " + e.number() + ": " + e.title() + ". " + e.summary());
        card.addEventHandler(MouseEvent.MOUSE_CLICKED, ev -> {
            if (ev.getButton() == MouseButton.PRIMARY) {
                card.requestFocus();
                open(e);
            }
        });
        card.addEventHandler(KeyEvent.KEY_PRESSED, ev -> {
            if (ev.getCode() == KeyCode.ENTER || ev.getCode() == KeyCode.SPACE) {
                ev.consume();
                open(e);
            }
        });
        return card;
    }

    /** A card is an HBox that screen readers can "press" through its accessible action. */
    private static final class Card extends HBox {
        private final Runnable action;

        Card(double spacing, Runnable action, Node... children) {
            super(spacing, children);
            this.action = action;
        }

        @Override
        public void executeAccessibleAction(AccessibleAction a, Object... parameters) {
            if (a == AccessibleAction.FIRE) {
                action.run();
            } else {
                super.executeAccessibleAction(a, parameters);
            }
        }
    }

    /** The lesson's setup in a few words, e.g. "circle · x1, x2 · hidden 4-2 tanh · sgd 0.03". */
    static String describe(RunConfig c) {
        String features = c.features().stream().map(Feature::id).collect(Collectors.joining(", "));
        String net;
        if (c.hidden().isEmpty()) {
            net = "no hidden layer";
        } else if (c.hidden().size() > 2 && c.hidden().stream().distinct().count() == 1) {
            net = c.hidden().size() + " layers of " + c.hidden().get(0) + " " + c.activation().id();
        } else {
            net = "hidden " + c.hidden().stream().map(String::valueOf).collect(Collectors.joining("-")) + " "
                    + c.activation().id();
        }
        String optimizer = c.optimizer().kind().id() + " " + c.optimizer().learningRate();
        return c.dataset().id() + " · " + features + " · " + net + " · " + optimizer;
    }

    private void open(LessonCatalog.Entry e) {
        markCurrent(e.name());
        onOpen.accept(e.scenario());
    }

    /** Marks the card of lesson {@code name} as the open one (null: none). */
    public void markCurrent(String name) {
        for (int i = 0; i < cards.size(); i++) {
            Region card = cards.get(i);
            card.getStyleClass().remove(CURRENT);
            if (lessons.get(i).name().equals(name)) {
                card.getStyleClass().add(CURRENT);
            }
        }
    }

    /** The lessons shown, in order. */
    public List<LessonCatalog.Entry> lessons() {
        return lessons;
    }

    /** The cards, in the order of {@link #lessons()}. */
    public List<Region> cards() {
        return List.copyOf(cards);
    }
}
