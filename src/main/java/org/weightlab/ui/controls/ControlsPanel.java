package org.weightlab.ui.controls;

import atlantafx.base.controls.ToggleSwitch;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.ConfigEdits;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.InitKind;
import org.weightlab.engine.config.InitSpec;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.OptimizerKind;
import org.weightlab.engine.config.ProblemKind;
import org.weightlab.engine.config.RegularizationConfig;
import org.weightlab.engine.config.RegularizationKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.config.ScheduleConfig;
import org.weightlab.engine.config.ScheduleKind;
import org.weightlab.session.TrainingControl;

/**
 * The left column: data, training and model settings. Every change builds a new
 * {@link RunConfig} with RunConfig's own rules and sends it with
 * {@link TrainingControl#applyConfig}; a change RunConfig refuses shows its message and sends
 * nothing. Each section says whether its changes apply to the running network or rebuild it.
 * {@link #setConfig} shows a config without sending anything.
 */
public final class ControlsPanel extends ScrollPane {

    public static final String STYLESHEET = "/org/weightlab/ui/controls/controls.css";
    public static final String LIVE_TEXT = "applies to the running network";
    public static final String REBUILD_TEXT = "rebuilds the network";

    private static final double LOG_LR_MIN = Math.log10(OptimizerConfig.MIN_LEARNING_RATE);
    private static final double LOG_LR_MAX = Math.log10(OptimizerConfig.MAX_LEARNING_RATE);
    private static final List<ActivationKind> HIDDEN_ACTIVATIONS = List.of(ActivationKind.TANH, ActivationKind.RELU,
            ActivationKind.LEAKY_RELU, ActivationKind.SIGMOID, ActivationKind.LINEAR);

    private final TrainingControl control;
    private RunConfig config;
    /** True while fields are being set from a config: their listeners must not send commands. */
    private boolean updating;
    private final Random seeds = new Random();

    // data
    private final ToggleGroup datasetGroup = new ToggleGroup();
    private final Map<DatasetKind, ToggleButton> datasetButtons = new EnumMap<>(DatasetKind.class);
    private final Map<DatasetKind, Canvas> thumbnails = new EnumMap<>(DatasetKind.class);
    private boolean thumbnailsDrawn;
    private final Label problemLabel = new Label();
    private final NumberField samples = new NumberField("samplesField", "Samples", 2, RunConfig.MAX_SAMPLES, true,
            "How many points the data set has (training and test together). Changing it makes new data.");
    private final Slider noise = new Slider(0, 50, 0);
    private final Label noiseValue = new Label();
    private final Slider trainPercent = new Slider(10, 90, 50);
    private final Label trainValue = new Label();
    private final NumberField seed = new NumberField("seedField", "Seed", 0, 9.0e15, true,
            "The random seed for data, initial weights and shuffling: the same seed gives the same run. Enter applies.");
    private final Button newSeed = new Button("New seed", new FontIcon("mdi2d-dice-5"));
    private final Map<Feature, CheckBox> featureBoxes = new EnumMap<>(Feature.class);
    private final Label featureMessage = new Label();

    // training
    private final Slider lrSlider = new Slider(LOG_LR_MIN, LOG_LR_MAX, Math.log10(0.03));
    private final NumberField lrField = new NumberField("learningRateField", "Learning rate",
            OptimizerConfig.MIN_LEARNING_RATE, OptimizerConfig.MAX_LEARNING_RATE, false,
            "Step size of each update, from 1e-5 to 10. Type an exact value and press Enter.");
    private final ComboBox<OptimizerKind> optimizer = new ComboBox<>(FXCollections.observableArrayList(OptimizerKind.values()));
    private final NumberField momentum = new NumberField("momentumField", "Momentum", 0, 1, false,
            "Fraction of the previous update added to this one (SGD, RMSprop). 0 turns momentum off.");
    private final CheckBox nesterov = new CheckBox("Nesterov");
    private final NumberField alpha = new NumberField("alphaField", "Alpha", 0, 1, false,
            "RMSprop: how slowly the running average of squared gradients forgets (PyTorch default 0.99).");
    private final NumberField eps = new NumberField("epsField", "Eps", 0, 1, false,
            "Small number added to the denominator so it is never zero (1e-8; AdaGrad 1e-10).");
    private final NumberField beta1 = new NumberField("beta1Field", "Beta1", 0, 1, false,
            "Adam: decay of the running average of gradients (default 0.9).");
    private final NumberField beta2 = new NumberField("beta2Field", "Beta2", 0, 1, false,
            "Adam: decay of the running average of squared gradients (default 0.999).");
    private final NumberField weightDecay = new NumberField("weightDecayField", "Weight decay", 0, 10, false,
            "AdamW: shrinks every weight by lr * decay each step, apart from the gradient (default 0.01).");
    private final ComboBox<ScheduleKind> schedule = new ComboBox<>(FXCollections.observableArrayList(ScheduleKind.values()));
    private final NumberField stepSize = new NumberField("stepSizeField", "Every (epochs)", 1, 1_000_000, true,
            "Step schedule: multiply the learning rate by gamma every this many epochs.");
    private final NumberField gamma = new NumberField("gammaField", "Gamma", 0, 1, false,
            "Factor the learning rate is multiplied by (step: every few epochs; exponential: every epoch). In (0, 1].");
    private final NumberField period = new NumberField("periodField", "Period (epochs)", 1, 1_000_000, true,
            "Cosine schedule: epochs to go from the learning rate down to the minimum.");
    private final NumberField minLr = new NumberField("minLrField", "Minimum lr", 0, 10, false,
            "Cosine schedule: the learning rate at the end of the period.");
    private final NumberField batch = new NumberField("batchField", "Batch size", 1, 250, true,
            "Examples per step: 1 (noisy, fast steps) up to the whole training set (smooth, slow steps).");
    private final ToggleSwitch shuffle = new ToggleSwitch("Shuffle every epoch");
    private final ComboBox<RegularizationKind> regularization =
            new ComboBox<>(FXCollections.observableArrayList(RegularizationKind.values()));
    private final NumberField regRate = new NumberField("regRateField", "Rate", 0, 10, false,
            "Strength of the penalty: L2 adds rate * w to each weight's gradient, L1 adds rate * sign(w).");
    private final Slider dropout = new Slider(0, 0.9, 0);
    private final Label dropoutValue = new Label();

    // model
    private final ComboBox<ActivationKind> activation = new ComboBox<>(FXCollections.observableArrayList(HIDDEN_ACTIVATIONS));
    private final ComboBox<ConfigEdits.Output> output = new ComboBox<>();
    private final Label modelMessage = new Label();
    private final ComboBox<InitKind> init = new ComboBox<>(FXCollections.observableArrayList(InitKind.values()));
    private final NumberField initLow = new NumberField("initLowField", "Low", -100, 100, false,
            "Uniform initializer: smallest initial weight.");
    private final NumberField initHigh = new NumberField("initHighField", "High", -100, 100, false,
            "Uniform initializer: largest initial weight.");
    private final NumberField initStd = new NumberField("initStdField", "Std", 0, 100, false,
            "Normal initializer: standard deviation of the initial weights (mean 0).");
    private final NumberField initValue = new NumberField("initValueField", "Value", -100, 100, false,
            "Constant initializer: every weight starts at this value.");
    private final Button reinit = new Button("Re-initialize", new FontIcon("mdi2d-dice-multiple"));

    private final Label lastChange = new Label();
    /** Never seen: CSS gives them the class colours that the thumbnail canvases draw with. */
    private final Label[] paletteProbes = {new Label(), new Label(), new Label()};

    public ControlsPanel(TrainingControl control, RunConfig initial) {
        this.control = control;
        this.config = initial;
        createView();
        initListeners();
        setConfig(initial);
    }

    /** The config the panel shows (the last one sent or set). */
    public RunConfig config() {
        return config;
    }

    // ---------------------------------------------------------------- view

    private void createView() {
        getStyleClass().add("wl-controls");
        getStylesheets().add(ControlsPanel.class.getResource(STYLESHEET).toExternalForm());
        setId("controlsPanel");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setPrefViewportWidth(300);
        setMinWidth(260);
        VBox sections = new VBox(6,
                section("dataSection", "Data", false, dataContent()),
                section("trainingSection", "Training", true, trainingContent()),
                section("modelSection", "Model", false, modelContent()),
                lastChangeRow());
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

    private Node dataContent() {
        FlowPane pictures = new FlowPane(4, 4);
        pictures.setId("datasetPicker");
        pictures.setPrefWrapLength(260);
        for (DatasetKind kind : DatasetKind.values()) {
            Canvas canvas = new Canvas(48, 48);
            thumbnails.put(kind, canvas);
            ToggleButton b = new ToggleButton(null, canvas);
            b.setId("dataset-" + kind.id());
            b.getStyleClass().add("wl-dataset-button");
            b.setToggleGroup(datasetGroup);
            b.setUserData(kind);
            b.setTooltip(new Tooltip(datasetTip(kind)));
            datasetButtons.put(kind, b);
            pictures.getChildren().add(b);
        }
        problemLabel.setId("problemLabel");
        problemLabel.getStyleClass().add("wl-problem");
        problemLabel.setWrapText(true);
        problemLabel.setTooltip(new Tooltip("The kind of problem follows from the data set: "
                + "classification (labels -1/+1 or three classes) or regression (a real number)."));

        noise.setId("noiseSlider");
        noise.setTooltip(new Tooltip("Noise added to the points, 0% to 50% (as in TensorFlow Playground): "
                + "more noise, fuzzier class borders."));
        noise.setBlockIncrement(5);
        trainPercent.setId("trainSlider");
        trainPercent.setTooltip(new Tooltip("Share of the points used for training; the rest is the test set."));
        trainPercent.setBlockIncrement(10);
        newSeed.setId("newSeedButton");
        newSeed.setMinWidth(Region.USE_PREF_SIZE);
        newSeed.setTooltip(new Tooltip("Draw a new random seed: new data and new initial weights."));

        TilePane features = new TilePane(6, 2);
        features.setPrefColumns(3);
        features.setId("featureBoxes");
        for (Feature f : Feature.values()) {
            CheckBox box = new CheckBox(f.id());
            box.setId("feature-" + f.id());
            box.setTooltip(new Tooltip("Feed " + f.id() + " to the network as an input."));
            featureBoxes.put(f, box);
            features.getChildren().add(box);
        }
        featureMessage.getStyleClass().add("wl-field-message");
        featureMessage.setId("featureMessage");
        hide(featureMessage);

        HBox seedRow = new HBox(6, seed, newSeed);
        seedRow.setAlignment(Pos.TOP_LEFT);
        HBox.setHgrow(seed, Priority.ALWAYS);
        Label featuresCaption = caption("Input features");
        return new VBox(6, pictures, problemLabel, samples,
                sliderRow("Noise", noise, noiseValue), sliderRow("Training share", trainPercent, trainValue),
                seedRow, featuresCaption, features, featureMessage);
    }

    private static String datasetTip(DatasetKind kind) {
        String what = switch (kind) {
            case CIRCLE -> "a disc inside a ring";
            case XOR -> "four quadrants, opposite corners alike";
            case GAUSS -> "two Gaussian blobs";
            case SPIRAL -> "two interleaved spirals";
            case MOONS -> "two interlocking half-moons";
            case GAUSS3 -> "three Gaussian blobs";
            case SPIRAL3 -> "three interleaved spirals";
            case PLANE -> "a tilted plane";
            case MULTIGAUSS -> "a landscape of Gaussian bumps";
            case LINE -> "points on a line";
            case SINE -> "points on a sine wave";
        };
        String problem = kind.problem() == ProblemKind.REGRESSION ? "regression"
                : kind.classes() + "-class classification";
        return kind.id() + ": " + what + " (" + problem + "). Changing the data rebuilds the network.";
    }

    private Node trainingContent() {
        lrSlider.setId("learningRateSlider");
        lrSlider.setTooltip(new Tooltip("Learning rate on a log scale, 1e-5 to 10. Too high diverges; too low crawls."));
        lrSlider.setBlockIncrement(0.1);
        optimizer.setId("optimizerBox");
        optimizer.setTooltip(new Tooltip("How gradients turn into weight updates (PyTorch's update rules)."));
        optimizer.setConverter(names(k -> switch ((OptimizerKind) k) {
            case SGD -> "SGD";
            case ADAGRAD -> "AdaGrad";
            case RMSPROP -> "RMSprop";
            case ADAM -> "Adam";
            case ADAMW -> "AdamW";
        }));
        setCells(optimizer);
        nesterov.setId("nesterovCheck");
        nesterov.setTooltip(new Tooltip("SGD: Nesterov momentum, which looks ahead along the momentum (needs momentum > 0)."));
        schedule.setId("scheduleBox");
        schedule.setTooltip(new Tooltip("How the learning rate changes over epochs: constant, step (drop every few "
                + "epochs), exponential (shrink every epoch) or cosine (glide down to a minimum)."));
        schedule.setConverter(names(k -> ((ScheduleKind) k).id()));
        setCells(schedule);
        regularization.setId("regularizationBox");
        regularization.setTooltip(new Tooltip("Penalty on large weights (never biases): none, L1 or L2."));
        regularization.setConverter(names(k -> ((RegularizationKind) k).id().toUpperCase(Locale.ROOT)));
        setCells(regularization);
        dropout.setId("dropoutSlider");
        dropout.setTooltip(new Tooltip("Share of hidden neurons switched off at random in each training step (0 = none)."));
        dropout.setBlockIncrement(0.05);

        VBox lr = new VBox(2, caption("Learning rate (log scale)"), lrSlider, lrField);
        VBox optimizerParams = new VBox(4, momentum, nesterov, alpha, eps, beta1, beta2, weightDecay);
        optimizerParams.getStyleClass().add("wl-param-group");
        VBox scheduleParams = new VBox(4, stepSize, gamma, period, minLr);
        scheduleParams.getStyleClass().add("wl-param-group");
        HBox reg = new HBox(6, regularization, regRate);
        reg.setAlignment(Pos.TOP_LEFT);
        HBox.setHgrow(regRate, Priority.ALWAYS);
        shuffle.setId("shuffleSwitch");
        shuffle.setTooltip(new Tooltip("On: each epoch visits the training examples in a new order drawn from the "
                + "seed. Off: always in the stored order."));
        return new VBox(6, lr, labelled("Optimizer", optimizer), optimizerParams,
                labelled("LR schedule", schedule), scheduleParams, batch, shuffle,
                caption("Regularization"), reg, sliderRow("Dropout", dropout, dropoutValue));
    }

    private Node modelContent() {
        activation.setId("activationBox");
        activation.setTooltip(new Tooltip("Activation of every hidden neuron."));
        activation.setConverter(names(k -> ((ActivationKind) k).id()));
        setCells(activation);
        output.setId("outputBox");
        output.setTooltip(new Tooltip("Output activation and loss. Only pairs that fit the data set are offered: "
                + "three classes need softmax + cross_entropy, regression uses mse, bce needs a sigmoid."));
        output.setConverter(names(o -> ((ConfigEdits.Output) o).label()));
        setCells(output);
        modelMessage.getStyleClass().add("wl-field-message");
        modelMessage.setId("modelMessage");
        modelMessage.setWrapText(true);
        hide(modelMessage);
        init.setId("initBox");
        init.setTooltip(new Tooltip("How the weights are drawn when the network is (re)built."));
        init.setConverter(names(k -> ((InitKind) k).id()));
        setCells(init);
        reinit.setId("reinitButton");
        reinit.setTooltip(new Tooltip("Draw new initial weights with the initializer above; the data stays."));
        VBox initParams = new VBox(4, initLow, initHigh, initStd, initValue);
        initParams.getStyleClass().add("wl-param-group");
        return new VBox(6, labelled("Hidden activation", activation), labelled("Output + loss", output), modelMessage,
                labelled("Initializer", init), initParams, reinit);
    }

    private Node lastChangeRow() {
        lastChange.setId("lastChange");
        lastChange.getStyleClass().add("wl-last-change");
        lastChange.setWrapText(true);
        lastChange.setTooltip(new Tooltip("What the last change did."));
        return lastChange;
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("wl-field-caption");
        return l;
    }

    private static Node labelled(String text, Region control) {
        Label l = caption(text);
        l.setLabelFor(control);
        l.setMinWidth(Region.USE_PREF_SIZE);
        control.setMaxWidth(Double.MAX_VALUE);
        HBox row = new HBox(6, l, control);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(control, Priority.ALWAYS);
        return row;
    }

    private static Node sliderRow(String text, Slider slider, Label value) {
        Label l = caption(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        value.getStyleClass().add("wl-slider-value");
        value.setMinWidth(44);
        value.setAlignment(Pos.CENTER_RIGHT);
        HBox row = new HBox(6, l, slider, value);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(slider, Priority.ALWAYS);
        return row;
    }

    private static <T> StringConverter<T> names(java.util.function.Function<Object, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : f.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }

    /** Shows the converter's names in the drop-down list too (ComboBox cells ignore the converter). */
    private static <T> void setCells(ComboBox<T> box) {
        box.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : box.getConverter().toString(item));
            }
        });
    }

    private static void hide(Node n) {
        show(n, false);
    }

    private static void show(Node n, boolean visible) {
        n.setVisible(visible);
        n.setManaged(visible);
    }

    // ---------------------------------------------------------------- listeners: every edit goes through apply()

    private void initListeners() {
        datasetGroup.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                // a toggle group lets the selected button be clicked off: keep one data set chosen
                if (was != null) {
                    was.setSelected(true);
                }
                return;
            }
            DatasetKind kind = (DatasetKind) now.getUserData();
            if (!updating && kind != config.dataset()) {
                apply("data set " + kind.id(), Effect.DATA, c -> ConfigEdits.withDataset(c, kind));
            }
        });
        samples.setOnCommit(v -> apply("samples " + (int) v, Effect.DATA, samples,
                c -> c.withData((int) v, c.noise(), c.trainFraction(), c.seed())));
        // the config's noise runs 0..1 and stands for TF Playground's 0%..50% (see DataGenerator)
        onSliderCommit(noise, v -> apply("noise " + Math.round(v) + "%", Effect.DATA,
                c -> c.withData(c.samples(), Math.round(v) / 50.0, c.trainFraction(), c.seed())));
        noise.valueProperty().addListener((o, a, v) -> noiseValue.setText(Math.round(v.doubleValue()) + "%"));
        onSliderCommit(trainPercent, v -> apply("training share " + Math.round(v) + "%", Effect.DATA,
                c -> c.withData(c.samples(), c.noise(), Math.round(v) / 100.0, c.seed())));
        trainPercent.valueProperty().addListener((o, a, v) -> trainValue.setText(Math.round(v.doubleValue()) + "%"));
        seed.setOnCommit(v -> apply("seed " + (long) v, Effect.DATA, seed,
                c -> c.withData(c.samples(), c.noise(), c.trainFraction(), (long) v)));
        newSeed.setOnAction(e -> {
            long s = seeds.nextInt(1_000_000);
            apply("seed " + s, Effect.DATA, c -> c.withData(c.samples(), c.noise(), c.trainFraction(), s));
        });
        for (Map.Entry<Feature, CheckBox> e : featureBoxes.entrySet()) {
            e.getValue().selectedProperty().addListener((o, was, on) -> {
                if (!updating) {
                    featureToggled(e.getKey(), on);
                }
            });
        }

        lrSlider.valueProperty().addListener((o, a, v) -> {
            if (!updating) {
                // while dragging, show the value the slider will set
                lrField.field().setText(NumberField.formatNumber(sliderRate(v.doubleValue()), false));
            }
        });
        onSliderCommit(lrSlider, v -> setLearningRate(sliderRate(v), lrField));
        lrField.setOnCommit(v -> setLearningRate(v, lrField));
        optimizer.valueProperty().addListener((o, was, k) -> {
            if (!updating && k != null && k != config.optimizer().kind()) {
                apply("optimizer " + optimizer.getConverter().toString(k), Effect.LIVE,
                        c -> c.withOptimizer(c.optimizer().withKind(k)));
            }
            showOptimizerParams(k);
        });
        momentum.setOnCommit(v -> apply("momentum " + NumberField.formatNumber(v, false), Effect.LIVE, momentum,
                c -> c.withOptimizer(c.optimizer().withMomentum(v, c.optimizer().nesterov() && v > 0))));
        nesterov.selectedProperty().addListener((o, was, on) -> {
            if (!updating) {
                apply("nesterov " + (on ? "on" : "off"), Effect.LIVE,
                        c -> c.withOptimizer(c.optimizer().withMomentum(c.optimizer().momentum(), on)));
            }
        });
        alpha.setOnCommit(v -> apply("alpha " + fmt(v), Effect.LIVE, alpha, c -> c.withOptimizer(opt(c.optimizer(), "alpha", v))));
        eps.setOnCommit(v -> apply("eps " + fmt(v), Effect.LIVE, eps, c -> c.withOptimizer(opt(c.optimizer(), "eps", v))));
        beta1.setOnCommit(v -> apply("beta1 " + fmt(v), Effect.LIVE, beta1, c -> c.withOptimizer(opt(c.optimizer(), "beta1", v))));
        beta2.setOnCommit(v -> apply("beta2 " + fmt(v), Effect.LIVE, beta2, c -> c.withOptimizer(opt(c.optimizer(), "beta2", v))));
        weightDecay.setOnCommit(v -> apply("weight decay " + fmt(v), Effect.LIVE, weightDecay,
                c -> c.withOptimizer(opt(c.optimizer(), "weightDecay", v))));

        schedule.valueProperty().addListener((o, was, k) -> {
            if (!updating && k != null && k != config.schedule().kind()) {
                apply("schedule " + k.id(), Effect.LIVE, c -> c.withSchedule(sched(c.schedule(), k, "kind", 0)));
            }
            showScheduleParams(k);
        });
        stepSize.setOnCommit(v -> apply("schedule every " + (int) v + " epochs", Effect.LIVE, stepSize,
                c -> c.withSchedule(sched(c.schedule(), c.schedule().kind(), "stepSize", v))));
        gamma.setOnCommit(v -> apply("schedule gamma " + fmt(v), Effect.LIVE, gamma,
                c -> c.withSchedule(sched(c.schedule(), c.schedule().kind(), "gamma", v))));
        period.setOnCommit(v -> apply("schedule period " + (int) v, Effect.LIVE, period,
                c -> c.withSchedule(sched(c.schedule(), c.schedule().kind(), "period", v))));
        minLr.setOnCommit(v -> apply("schedule minimum lr " + fmt(v), Effect.LIVE, minLr,
                c -> c.withSchedule(sched(c.schedule(), c.schedule().kind(), "minLr", v))));
        batch.setOnCommit(v -> apply("batch size " + (int) v, Effect.LIVE, batch, c -> c.withBatch((int) v, c.shuffle())));
        shuffle.selectedProperty().addListener((o, was, on) -> {
            if (!updating) {
                apply("shuffle " + (on ? "on" : "off"), Effect.LIVE, c -> c.withBatch(c.batchSize(), on));
            }
        });
        regularization.valueProperty().addListener((o, was, k) -> {
            if (!updating && k != null && k != config.regularization().kind()) {
                apply("regularization " + k.id(), Effect.LIVE,
                        c -> c.withRegularization(new RegularizationConfig(k, c.regularization().rate())));
            }
            regRate.setDisable(k == null || k == RegularizationKind.NONE);
        });
        regRate.setOnCommit(v -> apply("regularization rate " + fmt(v), Effect.LIVE, regRate,
                c -> c.withRegularization(new RegularizationConfig(c.regularization().kind(), v))));
        onSliderCommit(dropout, v -> apply("dropout " + fmt(Math.round(v * 100) / 100.0), Effect.LIVE,
                c -> c.withDropout(Math.round(v * 100) / 100.0)));
        dropout.valueProperty().addListener((o, a, v) ->
                dropoutValue.setText(String.format(Locale.ROOT, "%.2f", Math.round(v.doubleValue() * 100) / 100.0)));

        activation.valueProperty().addListener((o, was, k) -> {
            if (!updating && k != null && k != config.activation()) {
                apply("hidden activation " + k.id(), Effect.MODEL,
                        c -> c.withActivations(k, c.outputActivation(), c.loss(), c.problem()));
            }
        });
        output.valueProperty().addListener((o, was, out) -> {
            if (!updating && out != null
                    && (out.activation() != config.outputActivation() || out.loss() != config.loss())) {
                apply("output " + out.label(), Effect.MODEL,
                        c -> c.withActivations(c.activation(), out.activation(), out.loss(), c.problem()));
            }
        });
        init.valueProperty().addListener((o, was, k) -> {
            if (!updating && k != null && k != config.init().kind()) {
                apply("initializer " + k.id(), Effect.MODEL, c -> c.withInit(initOf(c.init(), k), c.biasInit()));
            }
            showInitParams(k);
        });
        initLow.setOnCommit(v -> apply("uniform low " + fmt(v), Effect.MODEL, initLow,
                c -> c.withInit(InitSpec.uniform(v, c.init().high()), c.biasInit())));
        initHigh.setOnCommit(v -> apply("uniform high " + fmt(v), Effect.MODEL, initHigh,
                c -> c.withInit(InitSpec.uniform(c.init().low(), v), c.biasInit())));
        initStd.setOnCommit(v -> apply("normal std " + fmt(v), Effect.MODEL, initStd,
                c -> c.withInit(InitSpec.normal(v), c.biasInit())));
        initValue.setOnCommit(v -> apply("constant " + fmt(v), Effect.MODEL, initValue,
                c -> c.withInit(InitSpec.constant(v), c.biasInit())));
        reinit.setOnAction(e -> {
            control.reinitialize();
            lastChange.setText("New initial weights (" + config.init().label() + "): " + Effect.MODEL.text + ".");
        });

        sceneProperty().addListener((o, was, scene) -> thumbnailsDrawn = false);
    }

    private static String fmt(double v) {
        return NumberField.formatNumber(v, false);
    }

    /** The rate a slider position stands for, rounded to two significant digits. */
    private static double sliderRate(double log) {
        double v = Math.pow(10, log);
        double p = Math.pow(10, Math.floor(Math.log10(v)) - 1);
        double r = Math.round(v / p) * p;
        return Math.max(OptimizerConfig.MIN_LEARNING_RATE, Math.min(OptimizerConfig.MAX_LEARNING_RATE,
                Double.parseDouble(String.format(Locale.ROOT, "%.2g", r))));
    }

    private boolean setLearningRate(double lr, NumberField source) {
        boolean ok = apply("lr " + fmt(lr), Effect.LIVE, source, c -> c.withOptimizer(c.optimizer().withLearningRate(lr)));
        if (ok) {
            updating = true;
            lrSlider.setValue(Math.log10(lr));
            lrField.setValue(lr);
            updating = false;
        }
        return ok;
    }

    private void onSliderCommit(Slider s, java.util.function.DoubleConsumer commit) {
        // while the thumb is dragged nothing is sent; on release (or a click / key) the value is sent once
        s.valueChangingProperty().addListener((o, was, changing) -> {
            if (!changing && !updating) {
                commit.accept(s.getValue());
            }
        });
        s.valueProperty().addListener((o, a, v) -> {
            if (!s.isValueChanging() && !updating) {
                commit.accept(v.doubleValue());
            }
        });
    }

    private void featureToggled(Feature f, boolean on) {
        List<Feature> next = new ArrayList<>();
        for (Feature x : Feature.values()) {
            if (featureBoxes.get(x).isSelected()) {
                next.add(x);
            }
        }
        if (next.isEmpty()) {
            featureMessage.setText("The network needs at least one input feature.");
            show(featureMessage, true);
            updating = true;
            featureBoxes.get(f).setSelected(true);
            updating = false;
            return;
        }
        hide(featureMessage);
        apply((on ? "added " : "removed ") + "feature " + f.id(), Effect.DATA, c -> c.withFeatures(next));
    }

    private static OptimizerConfig opt(OptimizerConfig o, String field, double v) {
        return new OptimizerConfig(o.kind(), o.learningRate(), o.momentum(), o.nesterov(),
                field.equals("alpha") ? v : o.alpha(), field.equals("eps") ? v : o.eps(),
                field.equals("beta1") ? v : o.beta1(), field.equals("beta2") ? v : o.beta2(),
                field.equals("weightDecay") ? v : o.weightDecay());
    }

    private static ScheduleConfig sched(ScheduleConfig s, ScheduleKind kind, String field, double v) {
        return new ScheduleConfig(kind, field.equals("stepSize") ? (int) v : s.stepSize(),
                field.equals("gamma") ? v : s.gamma(), field.equals("period") ? (int) v : s.period(),
                field.equals("minLr") ? v : s.minLr());
    }

    private static InitSpec initOf(InitSpec old, InitKind k) {
        return new InitSpec(k, old.low(), old.high(), old.std(), old.value());
    }

    /** What a change does to the run, as the panel tells the user. */
    enum Effect {
        LIVE(LIVE_TEXT), DATA(REBUILD_TEXT + ": data changed"), MODEL(REBUILD_TEXT + ": model changed");

        private final String text;

        Effect(String text) {
            this.text = text;
        }
    }

    private boolean apply(String what, Effect effect, UnaryOperator<RunConfig> edit) {
        return apply(what, effect, null, edit);
    }

    /**
     * Builds the next config with {@code edit} and sends it. A change RunConfig refuses shows its
     * message (next to {@code field}, or under the model section) and the controls go back to the
     * current config; nothing is sent.
     */
    private boolean apply(String what, Effect effect, NumberField field, UnaryOperator<RunConfig> edit) {
        RunConfig next;
        try {
            next = edit.apply(config);
        } catch (IllegalArgumentException e) {
            if (field != null) {
                field.showError(capitalize(e.getMessage()));
            } else {
                modelMessage.setText(capitalize(e.getMessage()));
                show(modelMessage, true);
                setConfig(config);
                show(modelMessage, true);
            }
            return false;
        }
        config = next;
        hide(modelMessage);
        control.applyConfig(next);
        lastChange.setText(capitalize(what) + ": " + effect.text + ".");
        setConfig(next); // dependent fields: output choices, batch range, visible parameters
        return true;
    }

    private static String capitalize(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    // ---------------------------------------------------------------- showing a config

    /** Shows {@code c} in every control without sending any command. */
    public void setConfig(RunConfig c) {
        updating = true;
        try {
            config = c;
            ToggleButton b = datasetButtons.get(c.dataset());
            b.setSelected(true);
            problemLabel.setText("Problem: " + c.problem().id()
                    + (c.problem() == ProblemKind.CLASSIFICATION ? " (" + c.dataset().classes() + " classes)" : ""));
            samples.setValue(c.samples());
            noise.setValue(c.noise() * 50);
            noiseValue.setText(Math.round(c.noise() * 50) + "%");
            trainPercent.setValue(c.trainFraction() * 100);
            trainValue.setText(Math.round(c.trainFraction() * 100) + "%");
            seed.setValue(c.seed());
            for (Map.Entry<Feature, CheckBox> e : featureBoxes.entrySet()) {
                e.getValue().setSelected(c.features().contains(e.getKey()));
            }

            OptimizerConfig o = c.optimizer();
            lrSlider.setValue(Math.log10(Math.max(OptimizerConfig.MIN_LEARNING_RATE, o.learningRate())));
            lrField.setValue(o.learningRate());
            optimizer.setValue(o.kind());
            momentum.setValue(o.momentum());
            nesterov.setSelected(o.nesterov());
            nesterov.setDisable(o.momentum() <= 0);
            alpha.setValue(o.alpha());
            eps.setValue(o.eps());
            beta1.setValue(o.beta1());
            beta2.setValue(o.beta2());
            weightDecay.setValue(o.weightDecay());
            showOptimizerParams(o.kind());
            ScheduleConfig s = c.schedule();
            schedule.setValue(s.kind());
            stepSize.setValue(s.stepSize());
            gamma.setValue(s.gamma());
            period.setValue(s.period());
            minLr.setValue(s.minLr());
            showScheduleParams(s.kind());
            int trainSize = ConfigEdits.trainSize(c.samples(), c.trainFraction());
            batch.setRange(1, Math.max(trainSize, c.batchSize()));
            batch.setValue(c.batchSize());
            shuffle.setSelected(c.shuffle());
            regularization.setValue(c.regularization().kind());
            regRate.setValue(c.regularization().rate());
            regRate.setDisable(c.regularization().kind() == RegularizationKind.NONE);
            dropout.setValue(c.dropout());
            dropoutValue.setText(String.format(Locale.ROOT, "%.2f", c.dropout()));

            activation.setValue(c.activation());
            List<ConfigEdits.Output> outputs = ConfigEdits.validOutputs(c);
            output.getItems().setAll(outputs);
            output.setValue(new ConfigEdits.Output(c.outputActivation(), c.loss()));
            init.setValue(c.init().kind());
            initLow.setValue(c.init().low());
            initHigh.setValue(c.init().high());
            initStd.setValue(c.init().std());
            initValue.setValue(c.init().value());
            showInitParams(c.init().kind());
        } finally {
            updating = false;
        }
    }

    private void showOptimizerParams(OptimizerKind k) {
        show(momentum, k == OptimizerKind.SGD || k == OptimizerKind.RMSPROP);
        show(nesterov, k == OptimizerKind.SGD);
        show(alpha, k == OptimizerKind.RMSPROP);
        show(eps, k != OptimizerKind.SGD);
        show(beta1, k == OptimizerKind.ADAM || k == OptimizerKind.ADAMW);
        show(beta2, k == OptimizerKind.ADAM || k == OptimizerKind.ADAMW);
        show(weightDecay, k == OptimizerKind.ADAMW);
    }

    private void showScheduleParams(ScheduleKind k) {
        show(stepSize, k == ScheduleKind.STEP);
        show(gamma, k == ScheduleKind.STEP || k == ScheduleKind.EXPONENTIAL);
        show(period, k == ScheduleKind.COSINE);
        show(minLr, k == ScheduleKind.COSINE);
    }

    private void showInitParams(InitKind k) {
        show(initLow, k == InitKind.UNIFORM);
        show(initHigh, k == InitKind.UNIFORM);
        show(initStd, k == InitKind.NORMAL);
        show(initValue, k == InitKind.CONSTANT);
    }

    // ---------------------------------------------------------------- thumbnails, drawn once CSS gives the palette

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (!thumbnailsDrawn && getScene() != null) {
            thumbnailsDrawn = true;
            DatasetThumbnails.Palette palette = palette();
            thumbnails.forEach((kind, canvas) -> DatasetThumbnails.draw(canvas, kind, palette));
        }
    }

    private DatasetThumbnails.Palette palette() {
        return new DatasetThumbnails.Palette(paletteProbes[0].getTextFill(), paletteProbes[1].getTextFill(),
                paletteProbes[2].getTextFill());
    }
}
