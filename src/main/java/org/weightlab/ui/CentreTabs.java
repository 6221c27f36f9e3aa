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
    private final Tab stepperTab = new Tab("Step-through", new StepThroughView(stepper));
    private final Tab networkTab = new Tab("Network");
    private final Tab inspectorTab = new Tab("Inspector");
    private final Tab compressTab = new Tab("Compress");
    private final Tab confusionTab = new Tab("Confusion");
    private final ConfusionPanel confusion = new ConfusionPanel();
    private final Tab drawTab = new Tab("Draw");
    private final DrawPanel draw = new DrawPanel();
    private final CompressionPanel compression;
    private final NetworkGraphView graph;
    private final ToggleButton stepThrough = new ToggleButton("Step-through", new FontIcon("mdi2s-stairs"));

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
        this.compression = new CompressionPanel(host, () -> host.session().whenIdle());
        createView(graph);
        initListeners();
    }

    private void createView(NetworkGraphView graph) {
        graph.setId("networkArea");
        networkTab.setContent(graph);
        networkTab.setClosable(false);
        stepperTab.setClosable(false);
        InspectorView inspectorView = new InspectorView(inspector);
        // A tab that is not selected keeps its content in the scene: hidden, the inspector does
        // not repaint its canvases for every snapshot (it still records them, for its histories).
        inspectorView.visibleProperty().bind(inspectorTab.selectedProperty());
        inspectorTab.setContent(inspectorView);
        inspectorTab.setClosable(false);
        inspectorTab.setTooltip(new Tooltip("Every weight of a layer, histograms over time, gradient flow, diagnostics (I)"));
        // Like the inspector, the compression panel computes its what-ifs only while it is seen.
        compression.visibleProperty().bind(compressTab.selectedProperty());
        compressTab.setContent(compression);
        compressTab.setClosable(false);
        compressTab.setTooltip(new Tooltip("How big the weights are; pruning and quantization as what-ifs, then applied"));
        // Like the compression panel, the confusion matrix is computed only while it is seen.
        confusion.visibleProperty().bind(confusionTab.selectedProperty());
        confusionTab.setContent(confusion);
        confusionTab.setClosable(false);
        confusionTab.setTooltip(new Tooltip("Test examples by true and predicted class, each class's accuracy"));
        drawTab.setContent(draw);
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
            host.requestStats(on);
            TrainingSnapshot s = shown.get();
            if (on && s != null) {
                inspector.show(s);
            }
        });
        compressTab.selectedProperty().addListener((obs, was, on) -> {
            if (on) {
                compression.show(shown.get());
            }
        });
        // The what-if is drawn by the graph and the output view while it is shown there.
        compression.setOnPreview(s -> {
            graph.show(s);
            heatmap.show(s);
        });
        confusion.setOnPointPicked(heatmap::highlightExample);
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
        PointClicks points = new PointClicks(heatmap, () -> {
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
        confusion.show(s);
        draw.show(s);
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

    /** The compression panel (the window shows its what-if in the graph and the output view). */
    CompressionPanel compression() {
        return compression;
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
