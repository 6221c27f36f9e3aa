package org.weightlab.ui;

import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.session.SessionHost;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.compress.CompressionPanel;
import org.weightlab.ui.confusion.ConfusionPanel;
import org.weightlab.ui.digits.DrawPanel;
import org.weightlab.ui.heatmap.DecisionHeatmapView;
import org.weightlab.ui.heatmap.PointClicks;
import org.weightlab.ui.inspector.InspectorModel;
import org.weightlab.ui.inspector.InspectorView;
import org.weightlab.ui.network.NetworkGraphView;
import org.weightlab.ui.shell.TimelineBar;
import org.weightlab.ui.stepper.StepThroughView;
import org.weightlab.ui.stepper.StepThroughViewModel;

/**
 * The centre of the window as tabs: the network, the weight inspector and, while it walks, the
 * step-through. Entering the step-through pauses training and walks an exact copy of the run;
 * while it walks, a click in the output view picks the example.
 *
 * <p>Only the network is built with the window: the inspector, the compression lab, the
 * step-through, the confusion matrix and the drawing pad are built the first time they are shown
 * (their models run from the start), so the window opens sooner.
 */
final class CentreTabs {

    private static final System.Logger LOG = System.getLogger(CentreTabs.class.getName());

    private final SessionHost host;
    private final TimelineBar timelineBar;
    private final InspectorModel inspector;
    private final DecisionHeatmapView heatmap;
    private final Supplier<DataSplit> data;
    private final Supplier<TrainingSnapshot> shown;
    private final TabPane centre = new TabPane();
    private final StepThroughViewModel stepper = new StepThroughViewModel();
    private final Tab stepperTab = new Tab("Step-through");
    private final Tab networkTab = new Tab("Network");
    private final Tab inspectorTab = new Tab("Inspector");
    private final Tab compressTab = new Tab("Compress");
    private final Tab confusionTab = new Tab("Confusion");
    /** Built the first time its tab is shown; null before. */
    private ConfusionPanel confusion;
    /** A race or a loss surface, whichever was opened last. */
    private final Tab compareTab = new Tab("Race");
    private final Tab drawTab = new Tab("Draw");
    /** Built the first time its tab is shown; null before. */
    private DrawPanel draw;
    /** Built on first use (the Compress tab shown, or a file of the window asking for it); null before. */
    private CompressionPanel compression;
    private final NetworkGraphView graph;
    private final ToggleButton stepThrough = new ToggleButton("Step-through", new FontIcon("mdi2s-stairs"));
    /** Clicks in the output view that add or remove points, and the picker of what they add. */
    private PointClicks points;

    /**
     * Tabs for {@code graph} and {@code inspector}; {@code data} and {@code shown} are the run's
     * data split and the moment on screen, as the window last received them.
     */
    CentreTabs(SessionHost host, TimelineBar timelineBar, NetworkGraphView graph, InspectorModel inspector,
               DecisionHeatmapView heatmap, Supplier<DataSplit> data, Supplier<TrainingSnapshot> shown) {
        this.host = host;
        this.timelineBar = timelineBar;
        this.inspector = inspector;
        this.heatmap = heatmap;
        this.data = data;
        this.shown = shown;
        this.graph = graph;
        createView(graph);
        initListeners();
    }

    private void createView(NetworkGraphView graph) {
        graph.setId("networkArea");
        // Like the inspector, the graph paints only while its tab is in front.
        graph.visibleProperty().bind(networkTab.selectedProperty());
        networkTab.setContent(graph);
        networkTab.setClosable(false);
        stepperTab.setClosable(false);
        inspectorTab.setClosable(false);
        inspectorTab.setTooltip(new Tooltip("Every weight of a layer, histograms over time, gradient flow, diagnostics (I)"));
        compressTab.setClosable(false);
        compressTab.setTooltip(new Tooltip("How big the weights are; pruning and quantization as what-ifs, then applied"));
        confusionTab.setClosable(false);
        confusionTab.setTooltip(new Tooltip("Test examples by true and predicted class, each class's accuracy"));
        drawTab.setClosable(false);
        drawTab.setTooltip(new Tooltip("Draw a digit with the mouse and see what the network answers"));
        centre.getTabs().addAll(networkTab, inspectorTab, compressTab, confusionTab, drawTab);
        centre.setId("centreTabs");
        stepThrough.setId("stepThroughButton");
        stepThrough.setTooltip(new Tooltip("Step-through: walk one example forward and backward, neuron by neuron (T)"));
        stepThrough.setFocusTraversable(false);
    }

    private void initListeners() {
        // Statistics cost the engine time: ask for them only while the inspector is on screen.
        inspectorTab.selectedProperty().addListener((obs, was, on) -> {
            if (on && inspectorTab.getContent() == null) {
                buildInspector();
            }
            host.requestStats(on);
            TrainingSnapshot s = shown.get();
            if (on && s != null) {
                inspector.show(s);
            }
        });
        compressTab.selectedProperty().addListener((obs, was, on) -> {
            if (on) {
                compression().show(shown.get());
            }
        });
        confusionTab.selectedProperty().addListener((obs, was, on) -> {
            if (on && confusion == null) {
                confusion = new ConfusionPanel();
                // Like the compression panel, the confusion matrix is computed only while it is seen.
                confusion.visibleProperty().bind(confusionTab.selectedProperty());
                confusion.setOnPointPicked(heatmap::highlightExample);
                confusionTab.setContent(confusion);
                showIfAny(confusion::show);
            }
        });
        drawTab.selectedProperty().addListener((obs, was, on) -> {
            if (on && draw == null) {
                draw = new DrawPanel();
                drawTab.setContent(draw);
                showIfAny(draw::show);
            }
        });
        stepper.setTrainingControl(host);
        stepper.setOnExit(this::leaveStepThrough);
        stepThrough.setOnAction(e -> {
            if (stepThrough.isSelected()) {
                enterStepThrough();
            } else {
                stepper.exit();
            }
        });
        // The example being walked is marked in the output plot, and unmarked when the walk ends.
        stepper.stageProperty().addListener((obs, was, now) -> markWalkedExample());
        stepper.activeProperty().addListener((obs, was, active) -> {
            if (!active) {
                heatmap.clearHighlight();
            }
        });
        // Clicks pick the example to walk while stepping through; otherwise they add or remove points.
        points = new PointClicks(heatmap, () -> {
            TrainingSnapshot s = shown.get();
            return s == null ? null : s.config();
        }, data, host::applyConfig);
        heatmap.setOnMouseClicked(e -> {
            if (stepper.isActive()) {
                int i = nearestTrainingPoint(heatmap.sceneToLocal(e.getSceneX(), e.getSceneY()));
                if (i >= 0) {
                    stepper.selectExample(i);
                }
            } else {
                points.click(e);
            }
        });
    }

    private void buildInspector() {
        InspectorView inspectorView = new InspectorView(inspector);
        inspectorView.addEventHandler(org.weightlab.ui.inspector.LoraTile.MergeRequest.MERGE,
                e -> host.mergeAdapter(e.layer()));
        // A tab that is not selected keeps its content in the scene: hidden, the inspector does
        // not repaint its canvases for every snapshot (it still records them, for its histories).
        inspectorView.visibleProperty().bind(inspectorTab.selectedProperty());
        inspectorTab.setContent(inspectorView);
    }

    private void markWalkedExample() {
        double[] p = stepper.isActive() && stepper.model() != null ? stepper.model().walkedPoint() : null;
        if (p == null) {
            heatmap.clearHighlight();
        } else {
            heatmap.highlightExample(p[0], p[1]);
        }
    }

    /** The moment on screen, for the tabs that follow it. */
    void show(TrainingSnapshot s) {
        points.follow(s.config(), data.get());
        if (confusion != null) {
            confusion.show(s);
        }
        if (draw != null) {
            draw.show(s);
        }
    }

    /** Hands the moment on screen, if there is one yet, to a view built just now. */
    private void showIfAny(java.util.function.Consumer<TrainingSnapshot> view) {
        TrainingSnapshot s = shown.get();
        if (s != null) {
            view.accept(s);
        }
    }

    void showDrawingPad() {
        centre.getSelectionModel().select(drawTab);
    }

    void showConfusion() {
        centre.getSelectionModel().select(confusionTab);
    }

    TabPane pane() {
        return centre;
    }

    /** The toolbar's switch for the step-through. */
    ToggleButton stepThroughButton() {
        return stepThrough;
    }

    StepThroughViewModel stepper() {
        return stepper;
    }

    /** The compression panel (the window shows its what-if in the graph and the output view), built on first use. */
    CompressionPanel compression() {
        if (compression == null) {
            compression = new CompressionPanel(host, () -> host.session().whenIdle());
            // Like the inspector, the compression panel computes its what-ifs only while it is seen.
            compression.visibleProperty().bind(compressTab.selectedProperty());
            // The what-if is drawn by the graph and the output view while it is shown there.
            compression.setOnPreview(s -> {
                graph.show(s);
                heatmap.show(s);
            });
            compression.show(shown.get());
            compressTab.setContent(compression);
        }
        return compression;
    }

    /**
     * Shows {@code view} (a race, a loss surface) in its tab, titled {@code title}, added on first
     * use and brought to the front; closing the tab calls {@code onClosed}.
     */
    void showCompare(String title, javafx.scene.Node view, Runnable onClosed) {
        compareTab.setText(title);
        compareTab.setContent(view);
        compareTab.setOnClosed(e -> onClosed.run());
        if (!centre.getTabs().contains(compareTab)) {
            centre.getTabs().add(compareTab);
        }
        centre.getSelectionModel().select(compareTab);
    }

    /**
     * Gives the moment on screen to the compression panel, once it was built, and returns what the
     * graph and the output view draw for it: its compressed copy while a what-if is shown there.
     */
    TrainingSnapshot drawnFor(TrainingSnapshot s) {
        if (compression == null) {
            return s;
        }
        compression.show(s);
        return compression.shownFor(s);
    }

    void showCompression() {
        centre.getSelectionModel().select(compressTab);
    }

    boolean inspectorSelected() {
        return inspectorTab.isSelected();
    }

    void showNetwork() {
        centre.getSelectionModel().select(networkTab);
    }

    void showInspector() {
        centre.getSelectionModel().select(inspectorTab);
    }

    /** The inspector if the network is in front, else the network. */
    void toggleInspector() {
        centre.getSelectionModel().select(
                centre.getSelectionModel().getSelectedItem() == inspectorTab ? networkTab : inspectorTab);
    }

    /** Pauses training and walks the next batch of an exact copy of the run. */
    void enterStepThrough() {
        if (stepper.isActive()) {
            return;
        }
        host.pause();
        timelineBar.goLive();
        stepThrough.setSelected(true);
        // One hop back to the FX thread per entry (not per step): the copy is made between steps, with
        // the data the run trains on.
        host.session().copyOfRun().thenAccept(c -> Platform.runLater(() -> {
            try {
                stepper.enter(c.checkpoint(), c.data());
            } catch (RuntimeException ex) {
                LOG.log(System.Logger.Level.WARNING, "step-through could not start", ex);
                stepThrough.setSelected(false);
                return;
            }
            if (stepperTab.getContent() == null) {
                stepperTab.setContent(new StepThroughView(stepper));
            }
            if (!centre.getTabs().contains(stepperTab)) {
                centre.getTabs().add(stepperTab);
            }
            centre.getSelectionModel().select(stepperTab);
        }));
    }

    private void leaveStepThrough() {
        stepThrough.setSelected(false);
        centre.getTabs().remove(stepperTab);
        centre.getSelectionModel().select(networkTab);
    }

    /** The training example drawn nearest to {@code p} in the heatmap, within a few pixels, or -1. */
    private int nearestTrainingPoint(Point2D p) {
        DataSplit split = data.get();
        if (split == null || split.dims() != 2) {
            return -1; // no plane to click in
        }
        int best = -1;
        double bestDistance = 14 * 14;
        var train = split.train();
        for (int i = 0; i < train.size(); i++) {
            Point2D q = heatmap.plotPoint(train.x1(i), train.x2(i));
            double d = (q.getX() - p.getX()) * (q.getX() - p.getX()) + (q.getY() - p.getY()) * (q.getY() - p.getY());
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }
}
