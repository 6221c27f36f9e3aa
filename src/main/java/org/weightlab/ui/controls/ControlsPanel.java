package org.weightlab.ui.controls;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.session.TrainingControl;

/**
 * The left column: data, training and model settings. Every change builds a new
 * {@link RunConfig} with RunConfig's own rules and sends it with
 * {@link TrainingControl#applyConfig}; a change RunConfig refuses shows its message and sends
 * nothing ({@link PanelEdits}). Each section says whether its changes apply to the running network
 * or rebuild it. {@link #setConfig} shows a config without sending anything.
 */
public final class ControlsPanel extends ScrollPane {

    public static final String STYLESHEET = "/org/weightlab/ui/controls/controls.css";
    public static final String LIVE_TEXT = Effect.LIVE_TEXT;
    public static final String REBUILD_TEXT = Effect.REBUILD_TEXT;

    private final PanelEdits edits;
    private final DataSection data;
    /** The sections below the first screenful: null until made (see {@link #layOutLowerSectionsAfterFirstFrame}). */
    private OptimizerSection optimizer;
    private RegularizationSection regularization;
    private ModelSection model;
    /** Never seen: CSS gives them the class colours that the thumbnail canvases draw with. */
    private final Label[] paletteProbes = {new Label(), new Label(), new Label()};
    private boolean thumbnailsDrawn;
    private final TitledPane trainingSection;
    private final TitledPane modelSection;
    /** True while the lower sections wait for the panel's first frame. */
    private boolean waitingForFirstFrame;

    public ControlsPanel(TrainingControl control, RunConfig initial) {
        edits = new PanelEdits(control, initial, this::setConfig);
        data = new DataSection(edits);
        trainingSection = section("trainingSection", "Training", true, new VBox());
        modelSection = section("modelSection", "Model", false, new VBox());
        createView();
        initListeners();
        setConfig(initial);
    }

    /** The config the panel shows (the last one sent or set). */
    public RunConfig config() {
        return edits.config();
    }

    private void createView() {
        getStyleClass().add("wl-controls");
        getStylesheets().add(ControlsPanel.class.getResource(STYLESHEET).toExternalForm());
        setId("controlsPanel");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setPrefViewportWidth(300);
        setMinWidth(260);
        VBox sections = new VBox(6,
                section("dataSection", "Data", false, data),
                trainingSection,
                modelSection,
                edits.lastChange());
        sections.setPadding(new Insets(6));
        String[] probeClasses = {"wl-thumb-negative", "wl-thumb-positive", "wl-thumb-third"};
        for (int i = 0; i < paletteProbes.length; i++) {
            paletteProbes[i].getStyleClass().add(probeClasses[i]);
            paletteProbes[i].setManaged(false);
            paletteProbes[i].setOpacity(0);
            paletteProbes[i].setMouseTransparent(true);
            sections.getChildren().add(paletteProbes[i]);
        }
        setContent(sections);
    }

    private static TitledPane section(String id, String title, boolean live, Node content) {
        Label heading = new Label(title);
        heading.getStyleClass().add("wl-section-title");
        Label mode = new Label(live ? "live" : "rebuilds",
                new FontIcon(live ? "mdi2l-lightning-bolt" : "mdi2r-restart"));
        mode.setId(id.replace("Section", "Mode"));
        mode.getStyleClass().addAll("wl-mode-badge", live ? "wl-mode-live" : "wl-mode-rebuild");
        mode.setTooltip(new Tooltip(live
                ? "Changes here " + LIVE_TEXT + ": training goes on with the new setting, optimizer state kept."
                : "Changes here " + REBUILD_TEXT + ": data/topology changed, so training starts again from step 0."));
        HBox header = new HBox(10, heading, mode);
        header.setAlignment(Pos.CENTER_LEFT);
        TitledPane pane = new TitledPane(null, content);
        pane.setGraphic(header);
        pane.setId(id);
        pane.setAnimated(false);
        return pane;
    }

    private void initListeners() {
        // a new scene may bring a new theme: draw the data set pictures again in its colours
        sceneProperty().addListener((o, was, scene) -> {
            thumbnailsDrawn = false;
            if (scene != null && !waitingForFirstFrame) {
                makeLowerSections();
            }
        });
    }

    /** Shows {@code c} in every control without sending any command. */
    public void setConfig(RunConfig c) {
        edits.showConfig(c, () -> {
            data.show(c);
            if (optimizer != null) {
                optimizer.show(c);
                regularization.show(c);
                model.show(c);
            }
        });
    }

    /**
     * Leaves the Training and Model sections (some 500 nodes, below the first screenful at any
     * window size) out of the panel's first frame: making, styling and laying them out costs a
     * cold JVM about half a second. They are made on the turn after the panel's first layout,
     * before anyone can scroll to them, and show the config of that moment. Without this call
     * they are made when the panel is first put in a scene. Call before that.
     */
    public void layOutLowerSectionsAfterFirstFrame() {
        if (optimizer == null && getScene() == null) {
            waitingForFirstFrame = true;
        }
    }

    /** True once every section holds its controls. */
    public boolean lowerSectionsLaidOut() {
        return optimizer != null;
    }

    private void makeLowerSections() {
        waitingForFirstFrame = false;
        if (optimizer != null) {
            return;
        }
        optimizer = new OptimizerSection(edits);
        regularization = new RegularizationSection(edits);
        model = new ModelSection(edits);
        setConfig(edits.config());
        trainingSection.setContent(new VBox(6, optimizer, regularization));
        modelSection.setContent(model);
    }

    // ---------------------------------------------------------------- thumbnails, drawn once CSS gives the palette

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (waitingForFirstFrame && getScene() != null) {
            Platform.runLater(this::makeLowerSections);
        }
        if (!thumbnailsDrawn && getScene() != null) {
            thumbnailsDrawn = true;
            data.drawThumbnails(new DatasetThumbnails.Palette(paletteProbes[0].getTextFill(),
                    paletteProbes[1].getTextFill(), paletteProbes[2].getTextFill()));
        }
    }
}
