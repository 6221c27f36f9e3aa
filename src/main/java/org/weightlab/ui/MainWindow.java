package org.weightlab.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.List;
import java.util.Objects;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.session.LossPoint;
import org.weightlab.session.SessionEvent;
import org.weightlab.session.SessionHost;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.controls.ControlsPanel;
import org.weightlab.ui.fx.FxSnapshotPump;
import org.weightlab.ui.heatmap.DecisionHeatmapView;
import org.weightlab.ui.inspector.InspectorModel;
import org.weightlab.ui.inspector.InspectorView;
import org.weightlab.ui.loss.LossChartView;
import org.weightlab.ui.network.NetworkGraphView;
import org.weightlab.ui.network.NodeRef;
import org.weightlab.ui.shell.FrameTimeMeter;
import org.weightlab.ui.shell.ShortcutSheet;
import org.weightlab.ui.shell.TimelineBar;
import org.weightlab.ui.shell.TransportBar;
import org.weightlab.ui.status.DivergenceBanner;
import org.weightlab.ui.status.StatusBarView;
import org.weightlab.ui.stepper.StepThroughView;
import org.weightlab.ui.stepper.StepThroughViewModel;

/**
 * The main window: toolbar and timeline on top, controls on the left, the network in the
 * centre, output and loss on the right, status bar at the bottom. It owns the FX side of one
 * {@link SessionHost}: snapshots arrive through an {@link FxSnapshotPump} once per frame and
 * go to every view; commands go out through the host.
 */
public final class MainWindow {

    public static final String TITLE = "WeightLab";
    public static final String STYLESHEET = "/org/weightlab/ui/weightlab.css";
    public static final String PROJECTOR_STYLESHEET = "/org/weightlab/ui/projector.css";

    private static final System.Logger LOG = System.getLogger(MainWindow.class.getName());

    private final SessionHost host;
    private final FxSnapshotPump pump;
    private final StackPane root = new StackPane();
    private final BorderPane frame = new BorderPane();
    private final ToggleButton darkTheme = new ToggleButton();
    private final TransportBar transport;
    private final TimelineBar timelineBar;
    private final NetworkGraphView graph;
    private final DecisionHeatmapView heatmap;
    private final LossChartView lossChart;
    private final ControlsPanel controls;
    private final StatusBarView status;
    private final DivergenceBanner banner;
    private final FrameTimeMeter meter = new FrameTimeMeter();
    private final ShortcutSheet shortcuts = new ShortcutSheet();
    private final TabPane centre = new TabPane();
    private final StepThroughViewModel stepper = new StepThroughViewModel();
    private final StepThroughView stepperView = new StepThroughView(stepper);
    private final Tab stepperTab = new Tab("Step-through", stepperView);
    private final Tab networkTab = new Tab("Network");
    private final InspectorModel inspector = new InspectorModel();
    private final Tab inspectorTab = new Tab("Inspector");
    private final ToggleButton stepThrough = new ToggleButton("Step-through", new FontIcon("mdi2s-stairs"));
    private DataSplit data;
    private Stage stage;
    private Scene scene;
    /** The data the heatmap draws, regenerated only when the config's data part changes. */
    private RunConfig dataConfig;
    private TrainingSnapshot shown;
    private boolean presentation;

    /** A window on {@code host}'s runs; {@code config} is the config of the run open now. */
    public MainWindow(SessionHost host, RunConfig config) {
        this.host = Objects.requireNonNull(host, "host");
        this.pump = new FxSnapshotPump(host.bus());
        this.transport = new TransportBar(host);
        this.timelineBar = new TimelineBar(host, host::timeline, this::showSnapshot);
        this.graph = new NetworkGraphView(host);
        this.heatmap = new DecisionHeatmapView();
        this.lossChart = new LossChartView();
        this.controls = new ControlsPanel(host, config);
        this.status = new StatusBarView();
        this.banner = new DivergenceBanner(host);
        createView();
        initListeners();
        dataConfig = config;
        data = DataGenerator.generate(config);
        heatmap.setData(data);
    }

    public Region root() {
        return root;
    }

    private void createView() {
        root.getStyleClass().add("wl-root");
        frame.setTop(new VBox(createMenuBar(), createToolBar()));
        ScrollPane controlsScroll = new ScrollPane(controls);
        controlsScroll.setId("controlsColumn");
        controlsScroll.setFitToWidth(true);
        controlsScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        controlsScroll.setMinWidth(300);
        controlsScroll.setPrefWidth(330);
        frame.setLeft(controlsScroll);

        graph.setId("networkArea");
        networkTab.setContent(graph);
        networkTab.setClosable(false);
        stepperTab.setClosable(false);
        inspectorTab.setContent(new InspectorView(inspector));
        inspectorTab.setClosable(false);
        inspectorTab.setTooltip(new Tooltip("Every weight of a layer, histograms over time, gradient flow, diagnostics (I)"));
        centre.getTabs().addAll(networkTab, inspectorTab);
        centre.setId("centreTabs");
        frame.setCenter(centre);

        heatmap.setId("outputArea");
        lossChart.setId("lossArea");
        SplitPane right = new SplitPane(heatmap, lossChart);
        right.setOrientation(javafx.geometry.Orientation.VERTICAL);
        right.setDividerPositions(0.55);
        right.setId("outputColumn");
        right.setMinWidth(320);
        right.setPrefWidth(460);
        frame.setRight(right);

        status.setId("statusBar");
        frame.setBottom(status);

        StackPane.setAlignment(banner, Pos.TOP_CENTER);
        StackPane.setMargin(banner, new Insets(110, 0, 0, 0));
        StackPane.setAlignment(meter, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(meter, new Insets(0, 16, 48, 0));
        meter.setVisible(false);
        root.getChildren().addAll(frame, banner, meter, shortcuts);
    }

    private MenuBar createMenuBar() {
        MenuBar bar = new MenuBar();
        bar.setId("menuBar");
        return bar;
    }

    private ToolBar createToolBar() {
        darkTheme.setId("themeButton");
        darkTheme.setGraphic(new FontIcon("mdi2w-weather-night"));
        darkTheme.setTooltip(new Tooltip("Dark theme (Ctrl+T)"));
        darkTheme.setFocusTraversable(false);
        Label title = new Label(TITLE);
        title.getStyleClass().add("wl-title");
        HBox.setHgrow(timelineBar, Priority.ALWAYS);
        stepThrough.setId("stepThroughButton");
        stepThrough.setTooltip(new Tooltip("Step-through: walk one example forward and backward, neuron by neuron (T)"));
        stepThrough.setFocusTraversable(false);
        ToolBar bar = new ToolBar(title, new Separator(), transport, stepThrough, new Separator(), timelineBar,
                darkTheme);
        bar.setId("toolbar");
        return bar;
    }

    private void initListeners() {
        darkTheme.selectedProperty().addListener((obs, was, dark) -> applyTheme(dark));
        pump.onSnapshot(this::onLiveSnapshot);
        pump.onLossPoints(this::onLossPoints);
        pump.onEvent(this::onEvent);
        graph.hoveredNodeProperty().addListener((obs, was, node) -> showHoveredField(node));
        // Linked selection: an edge picked in either view is selected in the other.
        graph.selectedEdgeProperty().addListener((obs, was, now) -> {
            if (now != null && !now.equals(inspector.selectionProperty().get())) {
                inspector.selectionProperty().set(now);
            }
        });
        inspector.selectionProperty().addListener((obs, was, now) -> {
            if (!java.util.Objects.equals(now, graph.selectedEdgeProperty().get())) {
                graph.selectEdge(now);
            }
        });
        // Statistics cost the engine time: ask for them only while the inspector is on screen.
        inspectorTab.selectedProperty().addListener((obs, was, on) -> host.requestStats(on));
        stepper.setTrainingControl(host);
        stepper.setOnExit(this::leaveStepThrough);
        stepThrough.setOnAction(e -> {
            if (stepThrough.isSelected()) {
                enterStepThrough();
            } else {
                stepper.exit();
            }
        });
        heatmap.setOnMouseClicked(e -> {
            if (stepper.isActive()) {
                int i = nearestTrainingPoint(heatmap.sceneToLocal(e.getSceneX(), e.getSceneY()));
                if (i >= 0) {
                    stepper.selectExample(i);
                }
            }
        });
        host.requestFields(true);
        pump.framesPerSecondProperty().addListener((obs, was, now) -> status.setFps(now.doubleValue()));
        pump.stepsPerSecondProperty().addListener((obs, was, now) -> status.setStepsPerSecond(now.doubleValue()));
    }

    private void onLiveSnapshot(TrainingSnapshot s) {
        transport.show(s);
        timelineBar.follow(s);
        if (!timelineBar.isScrubbing()) {
            showSnapshot(s);
        }
        status.show(s);
    }

    /** Shows one moment, live or from the timeline, in every view. */
    private void showSnapshot(TrainingSnapshot s) {
        shown = s;
        if (dataConfig == null || dataChanged(dataConfig, s.config())) {
            dataConfig = s.config();
            data = DataGenerator.generate(s.config());
            heatmap.setData(data);
            controls.setConfig(s.config());
        }
        graph.show(s);
        heatmap.show(s);
        inspector.show(s);
        status.show(s);
    }

    private static boolean dataChanged(RunConfig a, RunConfig b) {
        return a.dataset() != b.dataset() || a.samples() != b.samples() || a.noise() != b.noise()
                || a.trainFraction() != b.trainFraction() || a.seed() != b.seed();
    }

    private void onLossPoints(List<LossPoint> points) {
        lossChart.append(points);
    }

    private void onEvent(SessionEvent e) {
        if (e instanceof SessionEvent.SettingChanged changed) {
            lossChart.mark(changed);
        } else if (e instanceof SessionEvent.Diverged d) {
            long lastGood = host.timeline().snapshotAt(Math.max(0, d.step() - 1)).step();
            banner.show(d, lastGood);
        } else if (e instanceof SessionEvent.Jumped j) {
            banner.hide();
            lossChart.cutAfter(j.toStep());
        } else if (e instanceof SessionEvent.Rebuilt r) {
            banner.hide();
            inspector.clearHistory();
            if (r.reason().startsWith("opened")) {
                lossChart.clear();
                timelineBar.reset();
            }
        }
    }

    /** Pauses training and walks the next batch of an exact copy of the run. */
    public void enterStepThrough() {
        if (stepper.isActive() || data == null) {
            return;
        }
        host.pause();
        timelineBar.goLive();
        stepThrough.setSelected(true);
        DataSplit split = data;
        // One hop back to the FX thread per entry (not per step): the checkpoint is made between steps.
        host.session().checkpoint().thenAccept(c -> javafx.application.Platform.runLater(() -> {
            try {
                stepper.enter(c, split);
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
    private int nearestTrainingPoint(javafx.geometry.Point2D p) {
        if (data == null) {
            return -1;
        }
        int best = -1;
        double bestDistance = 14 * 14;
        var train = data.train();
        for (int i = 0; i < train.size(); i++) {
            javafx.geometry.Point2D q = heatmap.plotPoint(train.x1(i), train.x2(i));
            double d = (q.getX() - p.getX()) * (q.getX() - p.getX()) + (q.getY() - p.getY()) * (q.getY() - p.getY());
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    /** The views a window can open on: the network graph, the weight inspector, the step-through. */
    public enum View { NETWORK, INSPECTOR, STEPPER }

    /** Brings {@code view} to the front (the step-through pauses training and starts a walk). */
    public void showView(View view) {
        switch (view) {
            case NETWORK -> centre.getSelectionModel().select(networkTab);
            case INSPECTOR -> centre.getSelectionModel().select(inspectorTab);
            case STEPPER -> enterStepThrough();
        }
    }

    public StepThroughViewModel stepThrough() {
        return stepper;
    }

    private void showHoveredField(NodeRef node) {
        if (node == null) {
            heatmap.clearNodeField();
        } else {
            heatmap.showNodeField(node.layer(), node.index());
        }
    }

    private static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    private void onKey(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl && !e.isShortcutDown() && e.getCode() != KeyCode.F11
                && e.getCode() != KeyCode.ESCAPE) {
            return;
        }
        if (stepper.isActive() && !e.isShortcutDown() && !shortcuts.isVisible()
                && stepper.handleKey(e.getCode(), e.isShiftDown())) {
            e.consume();
            return;
        }
        boolean handled = true;
        if (e.isShortcutDown()) {
            switch (e.getCode()) {
                case T -> darkTheme.setSelected(!darkTheme.isSelected());
                case LEFT -> timelineBar.nudge(-1);
                case RIGHT -> timelineBar.nudge(1);
                default -> handled = false;
            }
        } else {
            switch (e.getCode()) {
                case SPACE -> transport.togglePlay();
                case RIGHT -> transport.stepBatch();
                case E -> transport.stepEpoch();
                case R -> transport.reset();
                case T -> enterStepThrough();
                case I -> centre.getSelectionModel().select(
                        centre.getSelectionModel().getSelectedItem() == inspectorTab ? networkTab : inspectorTab);
                case F3 -> meter.setVisible(!meter.isVisible());
                case F11 -> setPresentation(!presentation);
                case ESCAPE -> {
                    if (shortcuts.isVisible()) {
                        shortcuts.setVisible(false);
                    } else if (presentation) {
                        setPresentation(false);
                    } else {
                        handled = false;
                    }
                }
                default -> handled = false;
            }
        }
        if (handled) {
            e.consume();
        }
    }

    /** Full screen, larger type, the projector palette, advanced controls hidden. */
    public void setPresentation(boolean on) {
        presentation = on;
        String projector = Objects.requireNonNull(MainWindow.class.getResource(PROJECTOR_STYLESHEET))
                .toExternalForm();
        if (on) {
            if (!scene.getStylesheets().contains(projector)) {
                scene.getStylesheets().add(projector);
            }
            root.setStyle("-fx-font-size: 150%;");
        } else {
            scene.getStylesheets().remove(projector);
            root.setStyle("");
        }
        if (stage != null) {
            stage.setFullScreen(on);
        }
    }

    public boolean isPresentation() {
        return presentation;
    }

    /** Shows the window on {@code stage} and starts following the session. */
    public void show(Stage stage) {
        this.stage = stage;
        applyTheme(darkTheme.isSelected());
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        scene = new Scene(root, Math.min(1600, screen.getWidth()), Math.min(1000, screen.getHeight()));
        scene.getStylesheets().add(Objects.requireNonNull(MainWindow.class.getResource(STYLESHEET)).toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        scene.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if ("?".equals(e.getCharacter()) && !(e.getTarget() instanceof TextInputControl)) {
                shortcuts.setVisible(!shortcuts.isVisible());
                e.consume();
            }
        });
        stage.setTitle(TITLE);
        stage.setScene(scene);
        stage.setMinWidth(Math.min(1000, screen.getWidth()));
        stage.setMinHeight(Math.min(700, screen.getHeight()));
        stage.setFullScreenExitHint("");
        stage.show();
        pump.start();
    }

    /** The snapshot the views show now (live or from the timeline); null before the first. */
    public TrainingSnapshot shownSnapshot() {
        return shown;
    }

    /** Stops following the session; the host is closed by whoever owns it. */
    public void close() {
        pump.close();
        meter.stop();
        stage = null;
    }
}
