package org.weightlab.ui.controls;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.weightlab.engine.config.ConfigEdits;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.ProblemKind;
import org.weightlab.engine.config.RunConfig;

/** The data section: the data set (as pictures), samples, noise, training share, seed and input features. */
final class DataSection extends VBox {

    private final PanelEdits edits;
    private final Random seeds = new Random();
    private final ToggleGroup datasetGroup = new ToggleGroup();
    private final Map<DatasetKind, ToggleButton> datasetButtons = new EnumMap<>(DatasetKind.class);
    /** Each data set's picture, drawn once CSS gives the palette. */
    private final Map<DatasetKind, Canvas> thumbnails = new EnumMap<>(DatasetKind.class);
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
    private final CheckBox keepWeights = new CheckBox("Keep weights when the data changes");

    DataSection(PanelEdits edits) {
        super(6);
        this.edits = edits;
        createView();
        initListeners();
    }

    private void createView() {
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
        ControlRows.hide(featureMessage);

        keepWeights.setId("keepWeightsBox");
        keepWeights.setWrapText(true);
        keepWeights.setSelected(edits.keepWeightsProperty().get());
        keepWeights.setTooltip(new Tooltip("On: a new data set, sample count, noise, training share or seed trains on "
                + "from the weights (and frozen parts) the network has now, e.g. to fine-tune on new data. Off: the "
                + "network starts fresh from new initial weights. A change of inputs or outputs always starts fresh."));
        edits.keepWeightsProperty().bindBidirectional(keepWeights.selectedProperty());

        HBox seedRow = new HBox(6, seed, newSeed);
        seedRow.setAlignment(Pos.TOP_LEFT);
        HBox.setHgrow(seed, Priority.ALWAYS);
        getChildren().addAll(pictures, problemLabel, samples,
                ControlRows.sliderRow("Noise", noise, noiseValue),
                ControlRows.sliderRow("Training share", trainPercent, trainValue),
                seedRow, keepWeights, ControlRows.caption("Input features"), features, featureMessage);
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
            case DIGITS -> "handwritten digits, 8x8 pixels (UCI, CC BY 4.0)";
            case CUSTOM -> "your own data: import a CSV (File > Import data) or click points in the output view";
        };
        if (kind == DatasetKind.CUSTOM) {
            return "custom: " + what + ".";
        }
        String problem = kind.problem() == ProblemKind.REGRESSION ? "regression"
                : kind.classes() + "-class classification";
        return kind.id() + ": " + what + " (" + problem + "). Changing the data keeps the weights when \"Keep weights\" is on and the shape allows.";
    }

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
            if (!edits.updating() && kind != edits.config().dataset()) {
                edits.apply("data set " + kind.id(), Effect.DATA, c -> ConfigEdits.withDataset(c, kind));
            }
        });
        samples.setOnCommit(v -> edits.apply("samples " + (int) v, Effect.DATA, samples,
                c -> c.withData((int) v, c.noise(), c.trainFraction(), c.seed())));
        // the config's noise runs 0..1 and stands for TF Playground's 0%..50% (see DataGenerator)
        edits.onSliderCommit(noise, v -> edits.apply("noise " + Math.round(v) + "%", Effect.DATA,
                c -> c.withData(c.samples(), Math.round(v) / 50.0, c.trainFraction(), c.seed())));
        noise.valueProperty().addListener((o, a, v) -> noiseValue.setText(Math.round(v.doubleValue()) + "%"));
        edits.onSliderCommit(trainPercent, v -> edits.apply("training share " + Math.round(v) + "%", Effect.DATA,
                c -> c.withData(c.samples(), c.noise(), Math.round(v) / 100.0, c.seed())));
        trainPercent.valueProperty().addListener((o, a, v) -> trainValue.setText(Math.round(v.doubleValue()) + "%"));
        seed.setOnCommit(v -> edits.apply("seed " + (long) v, Effect.DATA, seed,
                c -> c.withData(c.samples(), c.noise(), c.trainFraction(), (long) v)));
        newSeed.setOnAction(e -> {
            long s = seeds.nextInt(1_000_000);
            edits.apply("seed " + s, Effect.DATA, c -> c.withData(c.samples(), c.noise(), c.trainFraction(), s));
        });
        for (Map.Entry<Feature, CheckBox> e : featureBoxes.entrySet()) {
            e.getValue().selectedProperty().addListener((o, was, on) -> {
                if (!edits.updating()) {
                    featureToggled(e.getKey(), on);
                }
            });
        }
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
            ControlRows.show(featureMessage, true);
            edits.quietly(() -> featureBoxes.get(f).setSelected(true));
            return;
        }
        ControlRows.hide(featureMessage);
        edits.apply((on ? "added " : "removed ") + "feature " + f.id(), Effect.DATA, c -> c.withFeatures(next));
    }

    /** Shows {@code c}'s data settings (called quietly). */
    void show(RunConfig c) {
        datasetButtons.get(c.dataset()).setSelected(true);
        // custom data comes from a file or from clicks, not from this button; its rows fix the samples
        datasetButtons.get(DatasetKind.CUSTOM).setDisable(c.dataset() != DatasetKind.CUSTOM);
        samples.setDisable(c.dataset() == DatasetKind.CUSTOM);
        noise.setDisable(!c.dataset().generated() || c.dataset() == DatasetKind.DIGITS);
        featureBoxes.values().forEach(b -> b.setDisable(!c.planar()));
        problemLabel.setText("Problem: " + c.problem().id()
                + (c.problem() == ProblemKind.CLASSIFICATION ? " (" + c.classes() + " classes)" : "")
                + (c.planar() ? "" : ", " + c.dims() + " inputs"));
        samples.setValue(c.samples());
        noise.setValue(c.noise() * 50);
        noiseValue.setText(Math.round(c.noise() * 50) + "%");
        trainPercent.setValue(c.trainFraction() * 100);
        trainValue.setText(Math.round(c.trainFraction() * 100) + "%");
        seed.setValue(c.seed());
        for (Map.Entry<Feature, CheckBox> e : featureBoxes.entrySet()) {
            e.getValue().setSelected(c.features().contains(e.getKey()));
        }
    }

    /** Draws every data set's picture in the theme's class colours. */
    void drawThumbnails(DatasetThumbnails.Palette palette) {
        thumbnails.forEach((kind, canvas) -> DatasetThumbnails.draw(canvas, kind, palette));
    }
}
