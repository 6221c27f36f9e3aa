package org.weightlab.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window: toolbar on top, controls on the left, the network in the centre, output and
 * charts on the right, status bar at the bottom.
 */
public final class MainWindow {

    public static final String TITLE = "WeightLab";
    public static final String STYLESHEET = "/org/weightlab/ui/weightlab.css";

    private final BorderPane root = new BorderPane();
    private final ToggleButton darkTheme = new ToggleButton();
    private Stage stage;

    public MainWindow() {
        createView();
        initListeners();
    }

    public Region root() {
        return root;
    }

    private void createView() {
        root.getStyleClass().add("wl-root");
        root.setTop(createToolBar());
        root.setLeft(createControls());
        root.setCenter(placeholder("networkArea", "Network"));
        root.setRight(createOutputColumn());
        root.setBottom(createStatusBar());
    }

    private ToolBar createToolBar() {
        Button reset = iconButton("resetButton", "mdi2r-restart", "Reset to the initial weights (R)");
        Button play = iconButton("playButton", "mdi2p-play", "Play / pause training (Space)");
        Button step = iconButton("stepButton", "mdi2s-skip-next", "Step one batch (Right arrow)");
        Button epoch = iconButton("epochButton", "mdi2s-skip-forward", "Step one epoch (E)");
        darkTheme.setId("themeButton");
        darkTheme.setGraphic(new FontIcon("mdi2w-weather-night"));
        darkTheme.setTooltip(new Tooltip("Dark theme (Ctrl+T)"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label title = new Label(TITLE);
        title.getStyleClass().add("wl-title");
        ToolBar bar = new ToolBar(title, new Separator(), reset, play, step, epoch, spacer, darkTheme);
        bar.setId("toolbar");
        return bar;
    }

    private static Button iconButton(String id, String icon, String tip) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.getStyleClass().add("wl-tool-button");
        return b;
    }

    private Node createControls() {
        VBox box = new VBox(8, placeholder("dataControls", "Data"), placeholder("modelControls", "Model and training"));
        box.setPadding(new Insets(8));
        box.setPrefWidth(280);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setId("controlsColumn");
        scroll.setFitToWidth(true);
        return scroll;
    }

    private Node createOutputColumn() {
        VBox box = new VBox(8, placeholder("outputArea", "Output"), placeholder("lossArea", "Loss"));
        box.setId("outputColumn");
        box.setPadding(new Insets(8));
        box.setPrefWidth(360);
        VBox.setVgrow(box.getChildren().get(0), Priority.ALWAYS);
        VBox.setVgrow(box.getChildren().get(1), Priority.ALWAYS);
        return box;
    }

    private Node createStatusBar() {
        Label status = new Label("Ready");
        status.setId("statusText");
        HBox bar = new HBox(16, status);
        bar.setId("statusBar");
        bar.getStyleClass().add("wl-status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        return bar;
    }

    private static Node placeholder(String id, String text) {
        Label label = new Label(text);
        label.getStyleClass().add("wl-placeholder-label");
        StackPane pane = new StackPane(label);
        pane.setId(id);
        pane.getStyleClass().add("wl-placeholder");
        pane.setMinSize(120, 120);
        return pane;
    }

    private void initListeners() {
        darkTheme.selectedProperty().addListener((obs, was, dark) -> applyTheme(dark));
    }

    private static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /** Shows the window on {@code stage}. */
    public void show(Stage stage) {
        this.stage = stage;
        applyTheme(darkTheme.isSelected());
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1600, screen.getWidth()), Math.min(1000, screen.getHeight()));
        scene.getStylesheets().add(MainWindow.class.getResource(STYLESHEET).toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN),
                () -> darkTheme.setSelected(!darkTheme.isSelected()));
        stage.setTitle(TITLE);
        stage.setScene(scene);
        stage.setMinWidth(Math.min(1000, screen.getWidth()));
        stage.setMinHeight(Math.min(700, screen.getHeight()));
        stage.show();
    }

    /** Releases what the window holds (the training session). */
    public void close() {
        if (stage != null) {
            stage = null;
        }
    }
}
