package org.weightlab.ui.shell;

import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The keyboard cheat-sheet overlay, shown on "?" and hidden on Esc or "?" again. */
public final class ShortcutSheet extends StackPane {

    public static final String STYLE_CLASS = "wl-shortcut-sheet";

    /** One row of the sheet: the keys and what they do. */
    public record Shortcut(String keys, String action) {
    }

    public static final List<Shortcut> SHORTCUTS = List.of(
            new Shortcut("Space", "Play / pause training"),
            new Shortcut("\u2192", "Step one batch"),
            new Shortcut("E", "Step one epoch"),
            new Shortcut("[ / ]", "Slower / faster (epochs per second)"),
            new Shortcut("M", "Max speed / back to 20 epochs per second"),
            new Shortcut("R", "Reset to the initial weights"),
            new Shortcut("T", "Step-through: one example, neuron by neuron"),
            new Shortcut("I", "Weight inspector / network"),
            new Shortcut("\u2192 / \u2190 (step-through)", "Next / previous neuron; Shift: whole layer"),
            new Shortcut("Home / End / Enter", "First stage / last stage / apply the step"),
            new Shortcut("Ctrl+\u2190 / Ctrl+\u2192", "Timeline: back / forward"),
            new Shortcut("Ctrl+O / Ctrl+S", "Open / save a scenario"),
            new Shortcut("Ctrl+T", "Light / dark theme"),
            new Shortcut("Ctrl+R / Ctrl+U", "Race runs / loss surface over two parameters"),
            new Shortcut("F11", "Presentation mode"),
            new Shortcut("F3", "Frame-time meter"),
            new Shortcut("?", "This sheet"),
            new Shortcut("Esc", "Close this sheet"));

    public ShortcutSheet() {
        getStyleClass().add(STYLE_CLASS);
        setId("shortcutSheet");
        setAlignment(Pos.CENTER);
        setVisible(false);
        setOnMouseClicked(e -> setVisible(false));
        // The card's hundred-odd nodes are made when the sheet is first shown, not with the window.
        visibleProperty().addListener((obs, was, visible) -> {
            if (visible && getChildren().isEmpty()) {
                getChildren().add(card());
            }
        });
    }

    private static VBox card() {
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(8);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setHalignment(HPos.RIGHT);
        grid.getColumnConstraints().addAll(keys, new ColumnConstraints());
        int row = 0;
        for (Shortcut s : SHORTCUTS) {
            Label k = new Label(s.keys());
            k.getStyleClass().add("wl-shortcut-keys");
            grid.addRow(row++, k, new Label(s.action()));
        }
        Label title = new Label("Keyboard");
        title.getStyleClass().add("wl-shortcut-title");
        VBox card = new VBox(16, title, grid);
        card.getStyleClass().add("wl-shortcut-card");
        card.setPadding(new Insets(24, 32, 24, 32));
        card.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        return card;
    }
}
