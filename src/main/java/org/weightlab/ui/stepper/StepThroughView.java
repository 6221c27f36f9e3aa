package org.weightlab.ui.stepper;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.weightlab.explain.Phase;
import org.weightlab.explain.Stage;

/**
 * Step-through mode: a real training step walked one neuron at a time. Left, a compact network
 * diagram with the active neuron and its edges lit; right, the formulas with the actual numbers;
 * above, where in the step we are; below, the keys. Keyboard only: the view takes focus when a
 * walk starts and handles the keys of {@link StepThroughViewModel#handleKey}.
 */
public final class StepThroughView extends BorderPane {

    public static final String STYLESHEET = "/org/weightlab/ui/stepper/stepper.css";
    static final String STYLE = "wl-stepper";
    static final String PHASE_CHIP = "wl-stepper-phase";
    static final String PHASE_CURRENT = "current";

    private static final String KEYS = "\u2192 next   \u21e7\u2192 next layer   \u2190 back   Home / End   "
            + "N next example of the batch   B the batch   Enter apply   Esc back to training";

    /** The formula panel's least width: a line of numbers, not a word per line. */
    public static final double FORMULA_MIN_WIDTH = 250;

    private final StepThroughViewModel model;
    private final NetworkDiagram diagram = new NetworkDiagram();
    /** The convolution's sliding kernel, under the formulas (networks with convolutions only). */
    private final ConvSlidePane conv = new ConvSlidePane();
    private final VBox formula = new VBox();
    private final Label title = new Label();
    private final Label position = new Label();
    private final Label status = new Label();
    private final List<Label> phaseChips = new ArrayList<>();

    public StepThroughView(StepThroughViewModel model) {
        this.model = model;
        createView();
        initListeners();
    }

    public StepThroughViewModel viewModel() {
        return model;
    }

    private void createView() {
        getStyleClass().add(STYLE);
        getStylesheets().add(StepThroughView.class.getResource(STYLESHEET).toExternalForm());
        setId("stepThroughView");
        setFocusTraversable(true);

        // The phase chips wrap onto a second row rather than shrink to "..." in a narrow window.
        FlowPane phases = new FlowPane(6, 6);
        phases.setAlignment(Pos.CENTER_LEFT);
        for (Phase p : Phase.values()) {
            Label chip = new Label(p.label());
            chip.getStyleClass().add(PHASE_CHIP);
            chip.setUserData(p);
            chip.setMinWidth(Region.USE_PREF_SIZE);
            phaseChips.add(chip);
            phases.getChildren().add(chip);
        }
        HBox.setHgrow(phases, Priority.ALWAYS);
        position.setId("stepperPosition");
        position.getStyleClass().add("wl-stepper-position");
        position.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(12, phases, position);
        top.setAlignment(Pos.CENTER_LEFT);
        title.setId("stepperTitle");
        title.getStyleClass().add("wl-stepper-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        VBox header = new VBox(6, top, title);
        header.getStyleClass().add("wl-stepper-header");
        setTop(header);

        diagram.setId("stepperDiagram");
        formula.setId("stepperFormula");
        formula.getStyleClass().add("wl-formula-panel");
        formula.setSpacing(10);
        formula.setPadding(new Insets(16, 8, 16, 20));
        ScrollPane scroll = new ScrollPane(formula);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("wl-formula-scroll");
        scroll.setFocusTraversable(false);
        // In a narrow centre (a projector, the lesson text beside it) the diagram gives way, not the formulas.
        scroll.setMinWidth(FORMULA_MIN_WIDTH);
        // the formulas above, the convolution's sliding kernel below (when the network has one)
        SplitPane right = new SplitPane(scroll);
        right.setOrientation(javafx.geometry.Orientation.VERTICAL);
        ScrollPane convScroll = new ScrollPane(conv);
        convScroll.setFitToWidth(true);
        convScroll.setFocusTraversable(false);
        conv.visibleProperty().addListener((obs, was, shown) -> {
            if (shown && !right.getItems().contains(convScroll)) {
                right.getItems().add(convScroll);
                right.setDividerPositions(0.3);
            } else if (!shown) {
                right.getItems().remove(convScroll);
            }
        });
        SplitPane split = new SplitPane(diagram, right);
        split.setDividerPositions(0.45);
        split.setFocusTraversable(false);
        setCenter(split);

        Label keys = new Label(KEYS);
        keys.getStyleClass().add("wl-stepper-keys");
        keys.setId("stepperKeys");
        keys.setWrapText(true);
        keys.setMinHeight(Region.USE_PREF_SIZE);
        status.setId("stepperStatus");
        status.getStyleClass().add("wl-stepper-status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        VBox footer = new VBox(4, status, keys);
        footer.getStyleClass().add("wl-stepper-footer");
        setBottom(footer);
    }

    private void initListeners() {
        // A filter, so arrows reach the walk before the split pane or scroll pane use them.
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (model.handleKey(e.getCode(), e.isShiftDown())) {
                e.consume();
            }
        });
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> requestFocus());
        model.setMoreKeys(conv::handleKey);
        model.topologyProperty().addListener((obs, old, widths) -> {
            if (widths != null && model.model() != null) {
                diagram.setTopology(widths, model.model().features());
            }
        });
        model.stageProperty().addListener((obs, old, stage) -> render(stage));
        model.indexProperty().addListener((obs, old, i) -> updatePosition());
        model.sizeProperty().addListener((obs, old, n) -> updatePosition());
        status.textProperty().bind(model.statusProperty());
        model.activeProperty().addListener((obs, was, active) -> {
            if (active) {
                requestFocus();
            }
        });
        if (model.getStage() != null) {
            diagram.setTopology(model.topologyProperty().get(), model.model().features());
            render(model.getStage());
        }
    }

    private void updatePosition() {
        position.setText((model.indexProperty().get() + 1) + " / " + model.sizeProperty().get());
    }

    private void render(Stage s) {
        if (s == null) {
            return;
        }
        title.setText(s.title());
        String phase = "phase-" + s.phase().name().toLowerCase(java.util.Locale.ROOT);
        if (!getStyleClass().contains(phase)) {
            getStyleClass().removeIf(c -> c.startsWith("phase-"));
            getStyleClass().add(phase);
        }
        for (Label chip : phaseChips) {
            if (chip.getUserData() == s.phase()) {
                if (!chip.getStyleClass().contains(PHASE_CURRENT)) {
                    chip.getStyleClass().add(PHASE_CURRENT);
                }
            } else {
                chip.getStyleClass().remove(PHASE_CURRENT);
            }
        }
        formula.getChildren().setAll(FormulaRenderer.stage(s));
        diagram.show(s.marks(), s.phase());
        conv.update(model.model());
        updatePosition();
    }

    /** Everything the formula panel shows, as text (for tests and copying). */
    public String panelText() {
        return title.getText() + "\n" + FormulaRenderer.text(formula);
    }

    ConvSlidePane convPane() {
        return conv;
    }

    NetworkDiagram diagram() {
        return diagram;
    }
}
