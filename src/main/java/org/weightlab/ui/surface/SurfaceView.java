package org.weightlab.ui.surface;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.util.StringConverter;
import org.weightlab.engine.Network;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.session.LayerSnapshot;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.session.surface.LossSurface;
import org.weightlab.session.surface.WeightRef;
import org.weightlab.ui.shell.RunFiles;

/**
 * The training loss over two chosen parameters, every other one held where it is now, with the
 * path the two walked in the last steps. For a network of one neuron and one input the two are w
 * and b (y = w·x + b). The surface is computed on a thread of its own around the current point,
 * again when the choice, the run or (at most twice a second) the other parameters change; the
 * path follows every moment the window receives. "Re-centre" puts the point now and the path in
 * view.
 */
public final class SurfaceView extends BorderPane {

    public static final String STYLESHEET = SurfaceView.class.getResource("surface.css").toExternalForm();
    static final int GRID = 61;
    /** Most surfaces a second while the other parameters move (training a deeper network). */
    static final double RECOMPUTES_PER_SECOND = 2;

    private final ChoiceBox<WeightRef> first = new ChoiceBox<>();
    private final ChoiceBox<WeightRef> second = new ChoiceBox<>();
    private final Button recentre = new Button("Re-centre");
    private final Label status = new Label();
    private final SurfaceCanvas canvas = new SurfaceCanvas();
    private final SurfacePath path = new SurfacePath();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "weightlab-surface");
        t.setDaemon(true);
        return t;
    });
    /** Numbers the requests: only the newest one's result is shown. */
    private final AtomicLong requests = new AtomicLong();
    private TrainingSnapshot last;
    private LossSurface surface;
    private RunConfig surfaceConfig;
    private double[] othersAtSurface;
    private long lastCompute;
    private boolean computing;
    private boolean filling;
    /** Surfaces shown so far (tests wait for it). */
    private int surfacesShown;

    public SurfaceView() {
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("wl-surface");
        getStylesheets().add(STYLESHEET);
        setId("surfaceView");
        first.setId("surfaceFirst");
        second.setId("surfaceSecond");
        recentre.setId("surfaceRecentre");
        recentre.setTooltip(new Tooltip("Centre the plot on the point now, with the path in view"));
        status.setId("surfaceStatus");
        status.setWrapText(true);
        StringConverter<WeightRef> names = new StringConverter<>() {
            @Override
            public String toString(WeightRef r) {
                TrainingSnapshot s = last;
                return r == null || s == null ? "" : r.label(s.config().inputNames(), s.layers().size(), s.output().outputs());
            }

            @Override
            public WeightRef fromString(String s) {
                return null;
            }
        };
        first.setConverter(names);
        second.setConverter(names);
        for (var c : List.of(first, second, recentre)) {
            c.setFocusTraversable(false);
        }
        FlowPane top = new FlowPane(8, 6, new Label("Loss over"), first, new Label("and"), second, recentre);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(6));
        setTop(top);
        setCenter(canvas);
        status.setPadding(new Insets(4, 6, 6, 6));
        setBottom(status);
        canvas.setPath(path);
    }

    private void initListeners() {
        first.valueProperty().addListener((o, was, now) -> choiceChanged());
        second.valueProperty().addListener((o, was, now) -> choiceChanged());
        recentre.setOnAction(e -> compute(true));
    }

    /** The window's newest moment (FX thread): extends the path, recomputes the surface when due. */
    public void show(TrainingSnapshot s) {
        TrainingSnapshot before = last;
        last = s;
        if (before == null || !sameShape(before, s)) {
            fillChoices(s);
            return; // choiceChanged computes
        }
        if (!Objects.equals(before.config(), s.config()) && !sameSurface(before.config(), s.config())) {
            path.clear();
        }
        addToPath(s);
        long now = System.nanoTime();
        boolean othersMoved = surface != null && !java.util.Arrays.equals(othersAtSurface, others(s));
        boolean due = now - lastCompute >= 1e9 / RECOMPUTES_PER_SECOND;
        if (surface == null || !sameSurface(surfaceConfig, s.config()) || othersMoved && due) {
            compute(false);
        }
    }

    private static boolean sameShape(TrainingSnapshot a, TrainingSnapshot b) {
        if (a.layers().size() != b.layers().size() || !a.features().equals(b.features())) {
            return false;
        }
        for (int l = 0; l < a.layers().size(); l++) {
            if (a.layers().get(l).outputs() != b.layers().get(l).outputs()) {
                return false;
            }
        }
        return true;
    }

    /** Whether two configs have the same loss surface (only the optimizer's settings may differ). */
    private static boolean sameSurface(RunConfig a, RunConfig b) {
        return a != null && RunConfig.sameData(a, b) && a.features().equals(b.features()) && a.loss() == b.loss()
                && a.hidden().equals(b.hidden()) && a.outputActivation() == b.outputActivation()
                && a.activation() == b.activation() && a.layerActivations().equals(b.layerActivations());
    }

    private void fillChoices(TrainingSnapshot s) {
        filling = true;
        List<WeightRef> all = WeightRef.all(s.layers());
        first.getItems().setAll(all);
        second.getItems().setAll(all);
        // one neuron: w and b; otherwise the first two weights into the output
        int outLayer = s.layers().size() - 1;
        LayerSnapshot out = s.output();
        WeightRef a = new WeightRef(outLayer, 0, 0);
        WeightRef b = out.inputs() > 1 ? new WeightRef(outLayer, 0, 1) : WeightRef.bias(outLayer, 0);
        first.setValue(a);
        second.setValue(b);
        filling = false;
        choiceChanged();
    }

    /** Chooses the two parameters shown (FX thread). */
    public void choose(WeightRef a, WeightRef b) {
        first.setValue(a);
        second.setValue(b);
    }

    private void choiceChanged() {
        if (filling || last == null || first.getValue() == null || second.getValue() == null) {
            return;
        }
        path.clear();
        addToPath(last);
        surface = null;
        if (first.getValue().equals(second.getValue())) {
            status.setText("Pick two different parameters.");
            canvas.setSurface(null, "", "");
            return;
        }
        compute(true);
    }

    private void addToPath(TrainingSnapshot s) {
        WeightRef a = first.getValue();
        WeightRef b = second.getValue();
        if (a != null && b != null && a.fits(s.layers()) && b.fits(s.layers())) {
            path.add(s.step(), a.valueIn(s.layers()), b.valueIn(s.layers()));
            canvas.pathChanged();
        }
    }

    /** Every parameter except the two chosen, as they are in {@code s}. */
    private double[] others(TrainingSnapshot s) {
        List<WeightRef> all = WeightRef.all(s.layers());
        double[] v = new double[all.size()];
        for (int i = 0; i < v.length; i++) {
            WeightRef r = all.get(i);
            v[i] = r.equals(first.getValue()) || r.equals(second.getValue()) ? 0 : r.valueIn(s.layers());
        }
        return v;
    }

    /** Computes the surface around the point now off the FX thread; {@code fit} also takes the path in. */
    private void compute(boolean fit) {
        TrainingSnapshot s = last;
        WeightRef a = first.getValue();
        WeightRef b = second.getValue();
        DataSplit data = s == null ? null : s.data();
        if (s == null || a == null || b == null || a.equals(b) || data == null) {
            return;
        }
        double va = a.valueIn(s.layers());
        double vb = b.valueIn(s.layers());
        double[] ra;
        double[] rb;
        if (!fit && surface != null && sameSurface(surfaceConfig, s.config()) && surface.a().equals(a)
                && surface.b().equals(b)) {
            ra = new double[] {surface.a0(), surface.a1()}; // the others moved: the same window, a new surface
            rb = new double[] {surface.b0(), surface.b1()};
        } else {
            double[] bounds = fit ? path.bounds() : null;
            ra = window(va, bounds == null ? va : bounds[0], bounds == null ? va : bounds[1]);
            rb = window(vb, bounds == null ? vb : bounds[2], bounds == null ? vb : bounds[3]);
        }
        Network net = RunFiles.networkState(s).toNetwork(s.config());
        RunConfig config = s.config();
        double[] others = others(s);
        long id = requests.incrementAndGet();
        lastCompute = System.nanoTime();
        computing = true;
        status.setText("computing the loss surface\u2026");
        worker.submit(() -> {
            LossSurface result;
            try {
                result = LossSurface.compute(config, data, net, a, b, ra[0], ra[1], rb[0], rb[1], GRID);
            } catch (RuntimeException e) {
                Platform.runLater(() -> status.setText("The surface could not be computed: " + e.getMessage()));
                return;
            }
            Platform.runLater(() -> {
                if (id == requests.get()) {
                    computing = false;
                    shown(result, config, others, s);
                }
            });
        });
    }

    /**
     * A range around {@code v} that holds [lo, hi] (the path) where it is finite and not huge: at
     * least 3 on each side, or 1.5 times the value's size.
     */
    static double[] window(double v, double lo, double hi) {
        double half = Math.max(3, 1.5 * Math.abs(v));
        double from = v - half;
        double to = v + half;
        if (Double.isFinite(lo) && Math.abs(lo) < 1e6) {
            from = Math.min(from, lo - 0.1 * half);
        }
        if (Double.isFinite(hi) && Math.abs(hi) < 1e6) {
            to = Math.max(to, hi + 0.1 * half);
        }
        return new double[] {from, to};
    }

    private void shown(LossSurface s, RunConfig config, double[] others, TrainingSnapshot at) {
        surface = s;
        surfaceConfig = config;
        othersAtSurface = others;
        surfacesShown++;
        int layers = at.layers().size();
        int outputs = at.output().outputs();
        int inputs = at.layers().get(0).inputs();
        canvas.setSurface(s, s.a().axisName(layers, outputs, inputs), s.b().axisName(layers, outputs, inputs));
        double[] r = s.range();
        status.setText("Training loss over " + s.a().label(at.config().inputNames(), layers, outputs) + " and "
                + s.b().label(at.config().inputNames(), layers, outputs) + (WeightRef.all(at.layers()).size() > 2
                ? ", every other parameter fixed at step " + at.step() : "") + ": from "
                + SurfaceCanvas.num(r[0]) + " (blue) to " + SurfaceCanvas.num(r[1]) + " (orange), log scale.");
    }

    LossSurface surface() {
        return surface;
    }

    SurfaceCanvas canvas() {
        return canvas;
    }

    int surfacesShown() {
        return surfacesShown;
    }

    boolean computing() {
        return computing;
    }

    /** Draws at once (tests, exports). */
    public void drawNow() {
        applyCss();
        layout();
        canvas.drawNow();
    }

    /** Stops the surface's thread; the view draws nothing new after. */
    public void close() {
        worker.shutdownNow();
    }
}
