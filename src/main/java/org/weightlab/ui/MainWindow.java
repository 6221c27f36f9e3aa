package org.weightlab.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Region;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.weightlab.engine.Network;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.scenario.Lesson;
import org.weightlab.scenario.RunExport;
import org.weightlab.scenario.Scenario;
import org.weightlab.session.SessionEvent;
import org.weightlab.session.SessionHost;
import org.weightlab.session.SessionState;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.controls.ControlsPanel;
import org.weightlab.ui.fx.FxSnapshotPump;
import org.weightlab.ui.fx.RedrawGate;
import org.weightlab.ui.heatmap.DecisionHeatmapView;
import org.weightlab.ui.inspector.InspectorModel;
import org.weightlab.ui.lessons.LessonGalleryWindow;
import org.weightlab.ui.lessons.LessonPanel;
import org.weightlab.ui.lessons.SessionLessonDriver;
import org.weightlab.ui.loss.LossChartView;
import org.weightlab.ui.network.NetworkGraphView;
import org.weightlab.ui.network.NodeRef;
import org.weightlab.ui.shell.ErrorReporter;
import org.weightlab.ui.shell.FrameTimeMeter;
import org.weightlab.ui.shell.PresentationMode;
import org.weightlab.ui.shell.RunFiles;
import org.weightlab.ui.shell.ShortcutSheet;
import org.weightlab.ui.shell.TimelineBar;
import org.weightlab.ui.shell.TransportBar;
import org.weightlab.ui.shell.WindowFiles;
import org.weightlab.ui.shell.WindowKeys;
import org.weightlab.ui.shell.WindowMenus;
import org.weightlab.ui.shell.WindowPreferences;
import org.weightlab.ui.status.DivergenceBanner;
import org.weightlab.ui.status.StatusBarView;
import org.weightlab.ui.transfer.TaskBDialog;
import org.weightlab.ui.stepper.StepThroughViewModel;

/**
 * The main window: toolbar and timeline on top, controls on the left, the network in the
 * centre, output and loss on the right, status bar at the bottom. It owns the FX side of one
 * {@link SessionHost}: snapshots arrive through an {@link FxSnapshotPump} once per frame and
 * go to every view; commands go out through the host. Its files, menus, keys, preferences and
 * presentation mode are classes of their own in {@code ui.shell}.
 */
public final class MainWindow {

    public static final String TITLE = "WeightLab";
    public static final String STYLESHEET = "/org/weightlab/ui/weightlab.css";

    private static final System.Logger LOG = System.getLogger(MainWindow.class.getName());

    private final SessionHost host;
    private final FxSnapshotPump pump;
    private final WindowLayout layout = new WindowLayout();
    private final ToggleButton darkTheme = new ToggleButton();
    private final TransportBar transport;
    private final TimelineBar timelineBar;
    private final NetworkGraphView graph;
    private final DecisionHeatmapView heatmap;
    private final LossChartView lossChart;
    /** Train and test accuracy of each evaluated epoch end, by step, for the run export (the chart keeps losses only). */
    private final ControlsPanel controls;
    private final StatusBarView status;
    private final DivergenceBanner banner;
    private final FrameTimeMeter meter = new FrameTimeMeter();
    private final ShortcutSheet shortcuts = new ShortcutSheet();
    private final InspectorModel inspector = new InspectorModel();
    private final CentreTabs centre;
    private final WindowCompare compare;
    private final LessonPanel lessonPanel = new LessonPanel();
    private final WindowPreferences prefs = WindowPreferences.ofUser();
    private final ErrorReporter errors;
    private final PresentationMode presentation;
    private final WindowFiles files;
    private final WindowKeys keys;
    private final LessonGalleryWindow gallery;
    /** The data split of the run shown, as the session published it with the run (views never generate data). */
    private DataSplit data;
    /** The scenario open now (its lesson text is kept when the instructor saves). */
    private Scenario scenario;
    private Stage stage;
    private TrainingSnapshot shown;
    /** The run's config as the controls last showed it. */
    private RunConfig runConfig;
    /** Most updates a second of the status bar's and the timeline's numbers while training runs. */
    private static final double LIVE_TEXT_PER_SECOND = 15;
    private final RedrawGate liveText = new RedrawGate(LIVE_TEXT_PER_SECOND);
    private static final double HIDDEN_INSPECTOR_PER_SECOND = 10;
    private final RedrawGate hiddenInspector = new RedrawGate(HIDDEN_INSPECTOR_PER_SECOND);

    /** A window on {@code host}'s runs; {@code config} is the config of the run open now. */
    public MainWindow(SessionHost host, RunConfig config) {
        this.host = Objects.requireNonNull(host, "host");
        this.pump = new FxSnapshotPump(host.bus());
        this.transport = new TransportBar(host);
        this.timelineBar = new TimelineBar(host, host::timeline, this::showSnapshot);
        this.graph = new NetworkGraphView(host);
        this.heatmap = new DecisionHeatmapView();
        this.lossChart = new LossChartView(pump.lossHistory());
        this.controls = new ControlsPanel(host, config);
        this.status = new StatusBarView();
        this.banner = new DivergenceBanner(host);
        this.centre = new CentreTabs(host, timelineBar, graph, inspector, heatmap, () -> data, () -> shown);
        this.errors = new ErrorReporter(status);
        this.compare = new WindowCompare(host, centre, transport, errors, () -> stage, this::openScenario);
        this.presentation = new PresentationMode(layout.root(), layout.controlsColumn(), prefs, layout::setPresenting);
        this.files = new WindowFiles(host, pump.lossHistory(), status, errors, prefs, () -> shown,
                () -> data, this::currentScenario, this::openScenario);
        this.keys = new WindowKeys(transport, timelineBar, centre.stepper(), shortcuts, meter,
                darkTheme.selectedProperty(), presentation,
                new WindowKeys.Commands(centre::enterStepThrough, centre::toggleInspector));
        this.gallery = new LessonGalleryWindow(s -> openScenario(s, s.lesson() == null ? "lesson" : s.lesson().title()),
                errors::error);
        createView();
        initListeners();
    }

    public Region root() {
        return layout.root();
    }

    private void createView() {
        WindowMenus menus = new WindowMenus(files, prefs, presentation, new WindowMenus.Commands(this::quit,
                () -> gallery.show(stage), this::openScenario, () -> showView(View.NETWORK),
                () -> showView(View.INSPECTOR), () -> showView(View.STEPPER), () -> shortcuts.setVisible(true),
                () -> showView(View.COMPRESSION)));
        menus.addView("Confusion matrix", "Shortcut+M", centre::showConfusion);
        menus.addView("Draw a digit", "Shortcut+D", centre::showDrawingPad);
        menus.addDataCommand("Move to task B\u2026", null, () -> TaskBDialog.askAndMove(stage, runConfig, host,
                compare::raceFineTuning, errors::error));
        layout.setTop(compare.withMenu(menus.create(new WindowMenus.Pictures(layout.root(), graph, heatmap,
                lossChart), darkTheme.selectedProperty(), meter.visibleProperty())),
                compare.withRaceButton(WindowLayout.toolbar(TITLE, transport, centre.stepThroughButton(), darkTheme),
                        centre.stepThroughButton()));
        layout.setLeft(lessonPanel, controls);
        layout.centreWideProperty().bind(centre.stepThroughButton().selectedProperty());
        lessonPanel.setDrivers(() -> new SessionLessonDriver(host, step -> pump.lossHistory().epochEndsUpTo(step),
                this::enterStepThrough, compare::playRace, compare::openSurface));
        layout.setCentre(centre.pane());
        layout.setRight(heatmap, lossChart);
        layout.setBottom(timelineBar, status);
        layout.addOverlays(banner, meter, shortcuts);
    }

    private void initListeners() {
        darkTheme.selectedProperty().addListener((obs, was, dark) -> applyTheme(dark));
        pump.onSnapshot(this::onLiveSnapshot);
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
        host.requestFields(true);
        pump.framesPerSecondProperty().addListener((obs, was, now) -> status.setFps(now.doubleValue()));
        pump.stepsPerSecondProperty().addListener((obs, was, now) -> status.setStepsPerSecond(now.doubleValue()));
    }

    private void onLiveSnapshot(TrainingSnapshot s) {
        transport.show(s);
        compare.offer(s);
        // While training runs the numbers change on every frame, faster than anyone reads them:
        // they follow at LIVE_TEXT_PER_SECOND, and at once when training stops.
        boolean text = s.state() != SessionState.RUNNING || liveText.take(System.nanoTime());
        if (text) {
            timelineBar.follow(s);
        }
        if (!timelineBar.isScrubbing()) {
            lossChart.clearCursor();
            showMoment(s);
        }
        // While the views show a past moment, the status bar says so and keeps that moment's numbers.
        if (text && !timelineBar.isScrubbing()) {
            status.show(s);
        }
    }

    /** Shows one moment from the timeline in every view ("Viewing step N"), or the present again. */
    private void showSnapshot(TrainingSnapshot s) {
        // a moment of the past is marked on the loss chart; the live run needs no mark
        if (timelineBar.isScrubbing()) {
            lossChart.showCursor(s.step());
        } else {
            lossChart.clearCursor();
        }
        showMoment(s);
        if (timelineBar.isScrubbing()) {
            status.showPast(s);
        } else {
            status.show(s);
        }
    }

    /** Shows one moment, live or from the timeline, in every view but the status bar. */
    private void showMoment(TrainingSnapshot s) {
        shown = s;
        // The session hands out one split object per run and rebuild: a new object is new data.
        if (s.data() != null && s.data() != data) {
            data = s.data();
            heatmap.setData(data);
            layout.setPlaneless(data.dims() != 2);
        }
        // The controls follow every change of the run's config, wherever it came from (the graph's
        // + and -, a lesson, a fork), so their next edit starts from the config the run really has.
        if (!timelineBar.isScrubbing() && !s.config().equals(runConfig)) {
            runConfig = s.config();
            controls.setConfig(runConfig);
        }
        centre.show(s);
        TrainingSnapshot drawn = centre.drawnFor(s);
        graph.show(drawn);
        heatmap.show(drawn);
        // Off screen, the inspector only keeps its (thinned) histories going: a running session's
        // moments reach it HIDDEN_INSPECTOR_PER_SECOND times a second, its diagnostics cost milliseconds.
        if (centre.inspectorSelected() || s.state() != SessionState.RUNNING || hiddenInspector.take(System.nanoTime())) {
            inspector.show(s);
        }
    }

    private void onEvent(SessionEvent e) {
        // loss points, changed settings, jumps and new runs reach the loss history through the pump
        if (e instanceof SessionEvent.Diverged d) {
            banner.show(d, lastGoodStep(d.step()), runConfig);
        } else if (e instanceof SessionEvent.StoppedAtEpoch stop) {
            transport.showStopReached(true);
            status.setMessage(String.format(java.util.Locale.ROOT, "Stopped at epoch %d (step %,d), as asked:"
                    + " play to go on", stop.epoch(), stop.step()));
        } else if (e instanceof SessionEvent.Jumped) {
            banner.hide();
        } else if (e instanceof SessionEvent.Rebuilt r) {
            banner.hide();
            inspector.clearHistory();
            if (r.reason().startsWith("opened")) {
                timelineBar.reset();
            } else if (r.reason().startsWith("moved to task B")) {
                status.setMessage(r.reason().substring(0, 1).toUpperCase(java.util.Locale.ROOT) + r.reason().substring(1)
                        + ": the loss chart also shows task A's test loss");
            }
        }
    }

    /** The views a window can open on: the network graph, the weight inspector, the step-through, the compression lab. */
    public enum View { NETWORK, INSPECTOR, STEPPER, COMPRESSION }

    /** Brings {@code view} to the front (the step-through pauses training and starts a walk). */
    public void showView(View view) {
        switch (view) {
            case NETWORK -> centre.showNetwork();
            case INSPECTOR -> centre.showInspector();
            case STEPPER -> centre.enterStepThrough();
            case COMPRESSION -> centre.showCompression();
        }
    }

    /** Pauses training and walks the next batch of an exact copy of the run. */
    public void enterStepThrough() {
        centre.enterStepThrough();
    }

    public StepThroughViewModel stepThrough() {
        return centre.stepper();
    }

    /**
     * The latest recorded step before {@code divergedAt} whose losses were still finite, so that
     * "go back" does not land on weights that are already on their way to overflow.
     */
    private long lastGoodStep(long divergedAt) {
        long[] steps = host.timeline().recordedSteps();
        for (int i = steps.length - 1; i >= 0; i--) {
            if (steps[i] >= divergedAt) {
                continue;
            }
            TrainingSnapshot s = host.timeline().snapshotAt(steps[i]);
            if (s != null && Double.isFinite(s.trainLoss()) && Math.abs(s.trainLoss()) < 1e6) {
                return s.step();
            }
        }
        return steps.length == 0 ? 0 : steps[0];
    }

    private void showHoveredField(NodeRef node) {
        if (node == null) {
            heatmap.clearNodeField();
        } else {
            heatmap.showNodeField(node.layer(), node.index());
        }
    }

    /**
     * Opens a scenario: a new run from its config and initial weights, its lesson text beside the
     * controls. A scenario that cannot start (its data or weights do not fit) leaves the current
     * run untouched and says why.
     */
    public void openScenario(Scenario s, String name) {
        Network initial;
        try {
            initial = s.initial() == null ? null : s.initial().toNetwork(s.config());
            host.open(s.config(), initial);
        } catch (RuntimeException e) {
            errors.error("Could not open " + name, e.getMessage());
            return;
        }
        centre.stepper().exit();
        scenario = s;
        files.forgetOpenedScenario(); // a file's name is remembered after this, when it came from one
        // A scenario's pace applies to its run; without one, the window keeps its speed and stops nowhere.
        if (s.pace() != null && s.pace().setsSpeed()) {
            transport.setPace(s.pace().epochsPerSecond());
        }
        transport.setStopEpoch(s.pace() == null ? 0 : s.pace().stopAtEpoch());
        shown = null;
        timelineBar.reset();
        Lesson lesson = s.lesson();
        lessonPanel.setLesson(lesson);
        lessonPanel.setVisible(lesson != null);
        lessonPanel.setManaged(lesson != null);
        gallery.hide();
        if (stage != null) {
            stage.setTitle(TITLE + " \u2013 " + (lesson != null ? lesson.title() : name));
        }
        if (lesson != null && lesson.opens() == Lesson.Opens.STEPPER) {
            enterStepThrough();
        }
    }

    /** Pre-trained starts and weight imports (File menu). */
    public org.weightlab.ui.shell.WeightFiles weightFiles() {
        return files.weights();
    }

    /** The scenario of the moment shown: its config and its weights and frozen parts as "initial". */
    public Scenario currentScenario() {
        TrainingSnapshot s = shown;
        if (s == null) {
            return scenario;
        }
        return new Scenario(s.config(), RunFiles.networkState(s), scenario == null ? null : scenario.lesson(),
                scenario == null ? null : scenario.pace());
    }

    /** Reads a scenario file off the FX thread, then opens it; a bad file changes nothing. */
    public CompletableFuture<Void> openFile(Path file) {
        return files.openFile(file);
    }

    /**
     * The run as shown (the moment on screen, and its history up to it) in the run-export form,
     * or null when there is nothing to export yet.
     */
    RunExport runExport() {
        return files.runExport();
    }

    /** File > Export run to {@code target} (refused over the scenario file the run came from). */
    CompletableFuture<Void> exportRunTo(Path target) {
        return files.exportRunTo(target);
    }

    /** Full screen, larger type, the projector palette, advanced controls hidden. */
    public void setPresentation(boolean on) {
        presentation.set(on);
    }

    public boolean isPresentation() {
        return presentation.isOn();
    }

    /** Sets the interface size for a projector: 100, 125, 150 or 200 percent. */
    public void setScale(int percent) {
        presentation.setScale(percent);
    }

    private void quit() {
        if (stage != null) {
            stage.close();
        }
    }

    static double width(Rectangle2D screen) {
        return Math.min(1600, screen.getWidth());
    }

    static double height(Rectangle2D screen) {
        return Math.min(1000, screen.getHeight());
    }

    static void setMinSize(Stage stage, Rectangle2D screen) {
        stage.setMinWidth(Math.min(1000, screen.getWidth()));
        stage.setMinHeight(Math.min(700, screen.getHeight()));
    }

    static void applyTheme(boolean dark) {
        String theme = dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
        // setting the same sheet again would read it again and restyle every node of every window
        if (!theme.equals(Application.getUserAgentStylesheet())) {
            Application.setUserAgentStylesheet(theme);
        }
    }

    /** Shows the window on {@code stage} and starts following the session. */
    public void show(Stage stage) {
        this.stage = stage;
        errors.setStage(stage);
        files.setStage(stage);
        applyTheme(prefs.dark()); // the theme the toggle gets below: the starting window has it already
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        // A stage shown by StartingWindow keeps its scene (and so its place and size): the window fills it.
        Scene scene = stage.getScene();
        if (scene == null) {
            scene = new Scene(layout.root(), width(screen), height(screen));
        } else {
            // filling the starting window: the first frame is wanted soon, the controls out of sight can follow
            controls.layOutLowerSectionsAfterFirstFrame();
            scene.setRoot(layout.root());
        }
        scene.getStylesheets().add(Objects.requireNonNull(MainWindow.class.getResource(STYLESHEET)).toExternalForm());
        keys.install(scene);
        presentation.attach(scene, stage);
        stage.setTitle(TITLE);
        stage.setScene(scene);
        setMinSize(stage, screen);
        stage.setFullScreenExitHint("");
        files.acceptDrops(scene);
        darkTheme.setSelected(prefs.dark());
        darkTheme.selectedProperty().addListener((obs, was, now) -> prefs.setDark(now));
        setScale(prefs.scale());
        prefs.restoreBounds(stage, screen);
        stage.show();
        pump.start();
    }

    /** True once every part of the window is in its scene (see {@link ControlsPanel#layOutLowerSectionsAfterFirstFrame}). */
    public boolean complete() {
        return controls.lowerSectionsLaidOut();
    }

    /** The snapshot the views show now (live or from the timeline); null before the first. */
    public TrainingSnapshot shownSnapshot() {
        return shown;
    }

    /** Stops following the session; the host is closed by whoever owns it. */
    public void close() {
        if (stage != null) {
            prefs.saveBounds(stage);
        }
        gallery.close();
        pump.close();
        compare.close();
        meter.stop();
        stage = null;
        errors.setStage(null);
        files.setStage(null);
        presentation.detach();
    }
}
