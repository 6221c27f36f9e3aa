package org.weightlab.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javax.imageio.ImageIO;
import org.weightlab.engine.Network;
import org.weightlab.scenario.AtomicFile;
import org.weightlab.scenario.HistoryPoint;
import org.weightlab.scenario.LessonCatalog;
import org.weightlab.scenario.Lesson;
import org.weightlab.scenario.RunExport;
import org.weightlab.scenario.RunExportFile;
import org.weightlab.scenario.Scenario;
import org.weightlab.scenario.ScenarioException;
import org.weightlab.scenario.ScenarioFile;
import org.weightlab.ui.lessons.LessonGalleryView;
import org.weightlab.ui.lessons.LessonPanel;
import org.weightlab.ui.shell.RunFiles;
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
import org.weightlab.engine.data.DataSplit;
import org.weightlab.session.LossPoint;
import org.weightlab.session.SessionEvent;
import org.weightlab.session.SessionHost;
import org.weightlab.session.SessionState;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.controls.ControlsPanel;
import org.weightlab.ui.fx.FxSnapshotPump;
import org.weightlab.ui.fx.RedrawGate;
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
    /** Train and test accuracy of each evaluated epoch end, by step, for the run export (the chart keeps losses only). */
    private final java.util.NavigableMap<Long, double[]> epochAccuracies = new java.util.TreeMap<>();
    private static final double[] NO_ACCURACY = {Double.NaN, Double.NaN};
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
    /** The data split of the run shown, as the session published it with the run (views never generate data). */
    private DataSplit data;
    private final LessonPanel lessonPanel = new LessonPanel();
    private final Menu recentMenu = new Menu("Open recent");
    /** Layout, theme, size and recent files; tests point {@code weightlab.preferences} elsewhere. */
    private final Preferences prefs = Preferences.userRoot().node(
            System.getProperty("weightlab.preferences", "org/weightlab/ui"));
    /** The scenario open now (its lesson text is kept when the instructor saves). */
    private Scenario scenario;
    private Stage galleryStage;
    private int scalePercent = 100;
    private static final int MAX_RECENT = 8;
    private Stage stage;
    private Scene scene;
    private TrainingSnapshot shown;
    /** The run's config as the controls last showed it. */
    private RunConfig runConfig;
    private boolean presentation;
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
        this.lossChart = new LossChartView();
        this.controls = new ControlsPanel(host, config);
        this.status = new StatusBarView();
        this.banner = new DivergenceBanner(host);
        createView();
        initListeners();
    }

    public Region root() {
        return root;
    }

    private void createView() {
        root.getStyleClass().add("wl-root");
        frame.setTop(new VBox(createMenuBar(), createToolBar()));
        lessonPanel.setId("lessonPanel");
        lessonPanel.setVisible(false);
        lessonPanel.setManaged(false);
        ScrollPane controlsScroll = new ScrollPane(new VBox(8, lessonPanel, controls));
        controlsScroll.setId("controlsColumn");
        controlsScroll.setFitToWidth(true);
        controlsScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // Side columns take a share of the window, within limits, so the network keeps the middle
        // on a 1024 x 768 projector as well as on a wide screen.
        controlsScroll.setMinWidth(250);
        controlsScroll.prefWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> clamp(root.getWidth() * 0.21, 250, 340), root.widthProperty()));
        frame.setLeft(controlsScroll);

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
        centre.getTabs().addAll(networkTab, inspectorTab);
        centre.setId("centreTabs");
        frame.setCenter(centre);

        heatmap.setId("outputArea");
        lossChart.setId("lossArea");
        SplitPane right = new SplitPane(heatmap, lossChart);
        right.setOrientation(javafx.geometry.Orientation.VERTICAL);
        right.setDividerPositions(0.55);
        right.setId("outputColumn");
        right.setMinWidth(260);
        right.prefWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> clamp(root.getWidth() * 0.28, 260, 480), root.widthProperty()));
        frame.setRight(right);

        status.setId("statusBar");
        timelineBar.setPadding(new Insets(4, 8, 4, 8));
        timelineBar.getStyleClass().add("wl-timeline-bar");
        frame.setBottom(new VBox(timelineBar, status));

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

        MenuItem open = item("Open scenario\u2026", "mdi2f-folder-open-outline", "Shortcut+O", this::chooseAndOpen);
        MenuItem save = item("Save scenario\u2026", "mdi2c-content-save-outline", "Shortcut+S", this::chooseAndSave);
        MenuItem exportRun = item("Export run\u2026", "mdi2f-file-export-outline", "Shortcut+E", this::exportRun);
        MenuItem exportPng = item("Export window as PNG\u2026", "mdi2i-image-outline", "Shortcut+P",
                () -> exportPng(root));
        MenuItem exportNetwork = item("Export network view as PNG\u2026", null, null, () -> exportPng(graph));
        MenuItem exportOutput = item("Export output view as PNG\u2026", null, null, () -> exportPng(heatmap));
        MenuItem exportLossPng = item("Export loss chart as PNG\u2026", null, null, () -> exportPng(lossChart));
        MenuItem exportCsv = item("Export loss history as CSV\u2026", "mdi2t-table-arrow-right", null,
                this::exportCsv);
        MenuItem quit = item("Quit", null, "Shortcut+Q", () -> {
            if (stage != null) {
                stage.close();
            }
        });
        refreshRecent();
        Menu file = new Menu("File", null, open, recentMenu, save, new SeparatorMenuItem(), exportRun, exportPng,
                exportNetwork, exportOutput, exportLossPng, exportCsv, new SeparatorMenuItem(), quit);

        MenuItem gallery = item("Lesson gallery\u2026", "mdi2s-school-outline", "Shortcut+L", this::showGallery);
        Menu lessons = new Menu("Lessons", null, gallery, new SeparatorMenuItem());
        try {
            for (LessonCatalog.Entry e : LessonCatalog.builtIn()) {
                lessons.getItems().add(item(e.number() + ". " + e.scenario().lesson().title(), null, null,
                        () -> openScenario(e.scenario(), e.name())));
            }
        } catch (ScenarioException ex) {
            LOG.log(System.Logger.Level.WARNING, "built-in lessons could not be read", ex);
        }

        MenuItem network = item("Network", null, null, () -> showView(View.NETWORK));
        MenuItem inspect = item("Weight inspector", null, null, () -> showView(View.INSPECTOR));
        MenuItem walk = item("Step-through", null, null, () -> showView(View.STEPPER));
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.selectedProperty().bindBidirectional(darkTheme.selectedProperty());
        CheckMenuItem present = new CheckMenuItem("Presentation mode");
        present.setAccelerator(KeyCombination.keyCombination("F11"));
        present.setOnAction(e -> setPresentation(present.isSelected()));
        present.setId("presentationItem");
        Menu size = new Menu("Interface size");
        ToggleGroup sizes = new ToggleGroup();
        for (int percent : new int[] {100, 125, 150, 200}) {
            RadioMenuItem r = new RadioMenuItem(percent + "%");
            r.setToggleGroup(sizes);
            r.setSelected(percent == 100);
            r.setOnAction(e -> setScale(percent));
            size.getItems().add(r);
        }
        CheckMenuItem meterItem = new CheckMenuItem("Frame-time meter");
        meterItem.selectedProperty().bindBidirectional(meter.visibleProperty());
        Menu view = new Menu("View", null, network, inspect, walk, new SeparatorMenuItem(), dark, present, size,
                meterItem);

        MenuItem keys = item("Keyboard shortcuts", "mdi2k-keyboard-outline", null, () -> shortcuts.setVisible(true));
        Menu help = new Menu("Help", null, keys);
        bar.getMenus().addAll(file, lessons, view, help);
        return bar;
    }

    private static MenuItem item(String text, String icon, String accelerator, Runnable action) {
        MenuItem m = new MenuItem(text, icon == null ? null : new FontIcon(icon));
        if (accelerator != null) {
            m.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    // ------------------------------------------------------------------ scenarios and files

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
            error("Could not open " + name, e.getMessage());
            return;
        }
        stepper.exit();
        scenario = s;
        shown = null;
        timelineBar.reset();
        Lesson lesson = s.lesson();
        lessonPanel.setLesson(lesson);
        lessonPanel.setVisible(lesson != null);
        lessonPanel.setManaged(lesson != null);
        if (galleryStage != null) {
            galleryStage.hide();
        }
        if (stage != null) {
            stage.setTitle(TITLE + " \u2013 " + (lesson != null ? lesson.title() : name));
        }
        if (lesson != null && lesson.opens() == Lesson.Opens.STEPPER) {
            enterStepThrough();
        }
    }

    /** Reads a scenario file off the FX thread, then opens it; a bad file changes nothing. */
    public CompletableFuture<Void> openFile(Path file) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return ScenarioFile.read(file);
            } catch (ScenarioException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }).handle((s, ex) -> {
            Platform.runLater(() -> {
                if (ex != null) {
                    Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
                    error("Could not open " + file.getFileName(), cause.getMessage());
                } else {
                    openScenario(s, file.getFileName().toString());
                    remember(file);
                }
            });
            return null;
        });
    }

    private void chooseAndOpen() {
        FileChooser chooser = chooser("Open scenario", "WeightLab scenario", "*.json");
        File f = chooser.showOpenDialog(stage);
        if (f != null) {
            openFile(f.toPath());
        }
    }

    /** The scenario of the moment shown: its config and its weights and frozen parts as "initial". */
    public Scenario currentScenario() {
        TrainingSnapshot s = shown;
        if (s == null) {
            return scenario;
        }
        return new Scenario(s.config(), RunFiles.networkState(s), scenario == null ? null : scenario.lesson());
    }

    private void chooseAndSave() {
        Scenario s = currentScenario();
        if (s == null) {
            return;
        }
        FileChooser chooser = chooser("Save scenario", "WeightLab scenario", "*.json");
        chooser.setInitialFileName("scenario.json");
        File f = chooser.showSaveDialog(stage);
        if (f == null) {
            return;
        }
        try {
            ScenarioFile.write(s, f.toPath());
            remember(f.toPath());
            status.setMessage("Saved " + f.getName());
        } catch (ScenarioException e) {
            error("Could not save " + f.getName(), e.getMessage());
        }
    }

    /**
     * The run as shown (the moment on screen, and its history up to it) in the run-export form,
     * or null when there is nothing to export yet.
     *
     * @throws IllegalArgumentException when the network changed shape during the run
     */
    RunExport runExport() {
        TrainingSnapshot last = shown;
        TrainingSnapshot first = host.timeline().snapshotAt(0);
        if (last == null || first == null || data == null) {
            return null;
        }
        return new RunExport(last.config(), data, RunFiles.networkState(first), RunFiles.networkState(last),
                epochEnds(last.step()));
    }

    /**
     * The evaluated epoch ends the chart holds, up to {@code lastStep}, with their accuracies. The
     * train and test curves are paired by step, not by position: each is thinned on its own in a
     * long run, and an epoch end that only one of them kept is left out.
     */
    private List<HistoryPoint> epochEnds(long lastStep) {
        List<HistoryPoint> ends = new ArrayList<>();
        var train = lossChart.series(LossChartView.Curve.TRAIN);
        var test = lossChart.series(LossChartView.Curve.TEST);
        for (int i = 0; i < train.size() && train.step(i) <= lastStep; i++) {
            int j = test.indexOfStep(train.step(i));
            if (j >= 0) {
                double[] accuracy = epochAccuracies.getOrDefault((long) train.step(i), NO_ACCURACY);
                ends.add(new HistoryPoint((long) train.step(i), (int) train.epoch(i), train.value(i), test.value(j),
                        accuracy[0], accuracy[1]));
            }
        }
        return ends;
    }

    private void exportRun() {
        RunExport run;
        try {
            run = runExport();
        } catch (IllegalArgumentException e) {
            error("Could not export this run", e.getMessage() + " (the network changed shape during the run)");
            return;
        }
        if (run == null) {
            return;
        }
        FileChooser chooser = chooser("Export run", "WeightLab run", "*.json");
        chooser.setInitialFileName("run.json");
        File f = chooser.showSaveDialog(stage);
        if (f == null) {
            return;
        }
        try {
            RunExportFile.write(run, f.toPath());
            status.setMessage("Exported the run to " + f.getName());
        } catch (ScenarioException e) {
            error("Could not export the run", e.getMessage());
        }
    }

    private void exportCsv() {
        List<LossPoint> points = new ArrayList<>();
        var batch = lossChart.series(LossChartView.Curve.BATCH);
        for (int i = 0; i < batch.size(); i++) {
            points.add(new LossPoint((long) batch.step(i), (int) batch.epoch(i), batch.value(i), Double.NaN, false));
        }
        for (HistoryPoint e : epochEnds(Long.MAX_VALUE)) {
            points.add(new LossPoint(e.step(), e.epoch(), e.trainLoss(), e.testLoss(), true, e.trainAccuracy(),
                    e.testAccuracy()));
        }
        points.sort(java.util.Comparator.comparingLong(LossPoint::step));
        FileChooser chooser = chooser("Export loss history", "CSV", "*.csv");
        chooser.setInitialFileName("loss.csv");
        File f = chooser.showSaveDialog(stage);
        if (f == null) {
            return;
        }
        try {
            AtomicFile.write(f.toPath(), RunFiles.lossCsv(points).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            status.setMessage("Exported " + points.size() + " loss points to " + f.getName());
        } catch (ScenarioException e) {
            error("Could not write " + f.getName(), e.getMessage());
        }
    }

    /** Saves a picture of {@code node} (a view or the whole window) for slides. */
    private void exportPng(Node node) {
        WritableImage image = node.snapshot(null, null);
        FileChooser chooser = chooser("Export picture", "PNG image", "*.png");
        chooser.setInitialFileName("weightlab.png");
        File f = chooser.showSaveDialog(stage);
        if (f == null) {
            return;
        }
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out);
            AtomicFile.write(f.toPath(), out.toByteArray());
            status.setMessage("Saved " + f.getName());
        } catch (IOException | ScenarioException e) {
            error("Could not write " + f.getName(), e.getMessage());
        }
    }

    private FileChooser chooser(String title, String description, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, pattern));
        String last = prefs.get("lastFolder", null);
        if (last != null && new File(last).isDirectory()) {
            chooser.setInitialDirectory(new File(last));
        }
        return chooser;
    }

    private void remember(Path file) {
        Path abs = file.toAbsolutePath();
        if (abs.getParent() != null) {
            prefs.put("lastFolder", abs.getParent().toString());
        }
        List<String> recent = recentFiles();
        recent.remove(abs.toString());
        recent.add(0, abs.toString());
        while (recent.size() > MAX_RECENT) {
            recent.remove(recent.size() - 1);
        }
        prefs.put("recent", String.join("\n", recent));
        refreshRecent();
    }

    private List<String> recentFiles() {
        List<String> list = new ArrayList<>();
        for (String line : prefs.get("recent", "").split("\n")) {
            if (!line.isBlank()) {
                list.add(line);
            }
        }
        return list;
    }

    private void refreshRecent() {
        recentMenu.getItems().clear();
        for (String f : recentFiles()) {
            recentMenu.getItems().add(item(f, null, null, () -> openFile(Path.of(f))));
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private void showGallery() {
        if (galleryStage == null) {
            List<LessonCatalog.Entry> lessons;
            try {
                lessons = LessonCatalog.builtIn();
            } catch (ScenarioException e) {
                error("Could not read the lessons", e.getMessage());
                return;
            }
            LessonGalleryView gallery = new LessonGalleryView(lessons, s -> openScenario(s,
                    s.lesson() == null ? "lesson" : s.lesson().title()));
            galleryStage = new Stage();
            galleryStage.initOwner(stage);
            galleryStage.initModality(Modality.NONE);
            galleryStage.setTitle("WeightLab lessons");
            Scene galleryScene = new Scene(gallery, 1100, 760);
            galleryScene.getStylesheets().addAll(scene.getStylesheets());
            galleryScene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.ESCAPE) {
                    galleryStage.hide();
                }
            });
            galleryStage.setScene(galleryScene);
        }
        galleryStage.show();
        galleryStage.toFront();
    }

    private void error(String title, String message) {
        LOG.log(System.Logger.Level.INFO, title + ": " + message);
        status.setMessage(title + ": " + message);
        if (stage == null || !stage.isShowing() || Boolean.getBoolean("testfx.headless")) {
            return; // headless runs and tests read the status line; no modal dialog to block them
        }
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        alert.initOwner(stage);
        alert.setHeaderText(title);
        alert.show();
    }

    /** Sets the interface size for a projector: 100, 125, 150 or 200 percent. */
    public void setScale(int percent) {
        scalePercent = percent;
        root.setStyle(percent == 100 ? "" : "-fx-font-size: " + (14 * percent / 100.0) + "px;");
        prefs.putInt("scale", percent);
    }

    private ToolBar createToolBar() {
        darkTheme.setId("themeButton");
        darkTheme.setGraphic(new FontIcon("mdi2w-weather-night"));
        darkTheme.setTooltip(new Tooltip("Dark theme (Ctrl+T)"));
        darkTheme.setFocusTraversable(false);
        Label title = new Label(TITLE);
        title.getStyleClass().add("wl-title");
        stepThrough.setId("stepThroughButton");
        stepThrough.setTooltip(new Tooltip("Step-through: walk one example forward and backward, neuron by neuron (T)"));
        stepThrough.setFocusTraversable(false);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToolBar bar = new ToolBar(title, new Separator(), transport, stepThrough, spacer, darkTheme);
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
        inspectorTab.selectedProperty().addListener((obs, was, on) -> {
            host.requestStats(on);
            if (on && shown != null) {
                inspector.show(shown);
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
        // While training runs the numbers change on every frame, faster than anyone reads them:
        // they follow at LIVE_TEXT_PER_SECOND, and at once when training stops.
        boolean text = s.state() != SessionState.RUNNING || liveText.take(System.nanoTime());
        if (text) {
            timelineBar.follow(s);
        }
        if (!timelineBar.isScrubbing()) {
            showMoment(s);
        }
        if (text) {
            status.show(s);
        }
    }

    /** Shows one moment from the timeline in every view. */
    private void showSnapshot(TrainingSnapshot s) {
        showMoment(s);
        status.show(s);
    }

    /** Shows one moment, live or from the timeline, in every view but the status bar. */
    private void showMoment(TrainingSnapshot s) {
        shown = s;
        // The session hands out one split object per run and rebuild: a new object is new data.
        if (s.data() != null && s.data() != data) {
            data = s.data();
            heatmap.setData(data);
        }
        // The controls follow every change of the run's config, wherever it came from (the graph's
        // + and -, a lesson, a fork), so their next edit starts from the config the run really has.
        if (!timelineBar.isScrubbing() && !s.config().equals(runConfig)) {
            runConfig = s.config();
            controls.setConfig(runConfig);
        }
        graph.show(s);
        heatmap.show(s);
        // Off screen, the inspector only keeps its (thinned) histories going: a running session's
        // moments reach it HIDDEN_INSPECTOR_PER_SECOND times a second, its diagnostics cost milliseconds.
        if (inspectorTab.isSelected() || s.state() != SessionState.RUNNING || hiddenInspector.take(System.nanoTime())) {
            inspector.show(s);
        }
    }

    private void onLossPoints(List<LossPoint> points) {
        lossChart.append(points);
        for (LossPoint p : points) {
            if (p.epochEnd()) {
                epochAccuracies.put(p.step(), new double[]{p.trainAccuracy(), p.testAccuracy()});
            }
        }
        var train = lossChart.series(LossChartView.Curve.TRAIN);
        if (epochAccuracies.size() > 2 * train.size() + 1024) { // the chart thinned its points: follow it
            java.util.Set<Long> kept = new java.util.HashSet<>();
            for (int i = 0; i < train.size(); i++) {
                kept.add((long) train.step(i));
            }
            epochAccuracies.keySet().retainAll(kept);
        }
    }

    private void onEvent(SessionEvent e) {
        if (e instanceof SessionEvent.SettingChanged changed) {
            lossChart.mark(changed);
        } else if (e instanceof SessionEvent.Diverged d) {
            banner.show(d, lastGoodStep(d.step()));
        } else if (e instanceof SessionEvent.Jumped j) {
            banner.hide();
            lossChart.cutAfter(j.toStep());
            epochAccuracies.tailMap(j.toStep(), false).clear();
        } else if (e instanceof SessionEvent.Rebuilt r) {
            banner.hide();
            inspector.clearHistory();
            if (r.reason().startsWith("opened")) {
                lossChart.clear();
                epochAccuracies.clear();
                timelineBar.reset();
            }
        }
    }

    /** Pauses training and walks the next batch of an exact copy of the run. */
    public void enterStepThrough() {
        if (stepper.isActive()) {
            return;
        }
        host.pause();
        timelineBar.goLive();
        stepThrough.setSelected(true);
        // One hop back to the FX thread per entry (not per step): the copy is made between steps, with
        // the data the run trains on.
        host.session().copyOfRun().thenAccept(c -> javafx.application.Platform.runLater(() -> {
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

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
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
            root.setStyle("-fx-font-size: " + (14 * Math.max(150, scalePercent) / 100.0) + "px;");
        } else {
            scene.getStylesheets().remove(projector);
            setScale(scalePercent);
        }
        // Advanced controls give way to the pictures on a projector.
        frame.getLeft().setVisible(!on);
        frame.getLeft().setManaged(!on);
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
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            Dragboard db = e.getDragboard();
            boolean ok = db.hasFiles() && db.getFiles().size() == 1;
            if (ok) {
                openFile(db.getFiles().get(0).toPath());
            } else if (db.hasFiles()) {
                error("Drop one scenario file", db.getFiles().size() + " files were dropped");
            }
            e.setDropCompleted(ok);
            e.consume();
        });
        darkTheme.setSelected(prefs.getBoolean("dark", false));
        darkTheme.selectedProperty().addListener((obs, was, now) -> prefs.putBoolean("dark", now));
        setScale(prefs.getInt("scale", 100));
        double w = prefs.getDouble("width", -1);
        double h = prefs.getDouble("height", -1);
        if (w >= stage.getMinWidth() && h >= stage.getMinHeight() && w <= screen.getWidth() && h <= screen.getHeight()) {
            stage.setWidth(w);
            stage.setHeight(h);
        }
        stage.setMaximized(prefs.getBoolean("maximized", false));
        stage.show();
        pump.start();
    }

    /** The snapshot the views show now (live or from the timeline); null before the first. */
    public TrainingSnapshot shownSnapshot() {
        return shown;
    }

    /** Stops following the session; the host is closed by whoever owns it. */
    public void close() {
        if (stage != null && !stage.isFullScreen()) {
            prefs.putBoolean("maximized", stage.isMaximized());
            if (!stage.isMaximized()) {
                prefs.putDouble("width", stage.getWidth());
                prefs.putDouble("height", stage.getHeight());
            }
        }
        if (galleryStage != null) {
            galleryStage.close();
        }
        pump.close();
        meter.stop();
        stage = null;
    }
}
