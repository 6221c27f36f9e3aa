package org.weightlab.ui.controls;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.ConfigEdits;
import org.weightlab.engine.config.ConvSpec;
import org.weightlab.engine.config.InitKind;
import org.weightlab.engine.config.InitSpec;
import org.weightlab.engine.config.RunConfig;

/**
 * The model section: the hidden activation, the output activation with its loss (only pairs that
 * fit the data), the convolution in front of the dense layers (image data only), and the
 * initializer with its parameters. Refused changes show their reason here.
 */
final class ModelSection extends VBox {

    private static final List<ActivationKind> HIDDEN_ACTIVATIONS = List.of(ActivationKind.TANH, ActivationKind.RELU,
            ActivationKind.LEAKY_RELU, ActivationKind.SIGMOID, ActivationKind.LINEAR);

    /** The convolutions offered for image data: none, or one layer of c kernels of k x k. */
    static final List<List<ConvSpec>> CONVOLUTIONS = List.of(List.of(), List.of(new ConvSpec(4, 3)),
            List.of(new ConvSpec(8, 3)), List.of(new ConvSpec(4, 5)), List.of(new ConvSpec(8, 5)));

    private final PanelEdits edits;
    private final ComboBox<List<ConvSpec>> conv = new ComboBox<>(FXCollections.observableArrayList(CONVOLUTIONS));
    private final Node convRow;
    private final ComboBox<ActivationKind> activation = new ComboBox<>(FXCollections.observableArrayList(HIDDEN_ACTIVATIONS));
    private final ComboBox<ConfigEdits.Output> output = new ComboBox<>();
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

    ModelSection(PanelEdits edits) {
        super(6);
        this.edits = edits;
        this.convRow = ControlRows.labelled("Convolution", conv);
        createView();
        initListeners();
    }

    private void createView() {
        activation.setId("activationBox");
        activation.setTooltip(new Tooltip("Activation of every hidden neuron."));
        ControlRows.setNames(activation, ActivationKind::id);
        output.setId("outputBox");
        output.setTooltip(new Tooltip("Output activation and loss. Only pairs that fit the data set are offered: "
                + "three classes need softmax + cross_entropy, regression uses mse, bce needs a sigmoid."));
        ControlRows.setNames(output, ConfigEdits.Output::label);
        conv.setId("convBox");
        conv.setTooltip(new Tooltip("Image data: kernels that slide over the picture before the dense layers, "
                + "the same few weights at every position (valid padding, stride 1, then the hidden activation). "
                + "Changing it builds a new network."));
        ControlRows.setNames(conv, ModelSection::convName);
        init.setId("initBox");
        init.setTooltip(new Tooltip("How the weights are drawn when the network is (re)built."));
        ControlRows.setNames(init, InitKind::id);
        reinit.setId("reinitButton");
        reinit.setTooltip(new Tooltip("Draw new initial weights with the initializer above; the data stays."));
        VBox initParams = new VBox(4, initLow, initHigh, initStd, initValue);
        initParams.getStyleClass().add("wl-param-group");
        getChildren().addAll(ControlRows.labelled("Hidden activation", activation),
                ControlRows.labelled("Output + loss", output), convRow, edits.refusal(),
                ControlRows.labelled("Initializer", init), initParams, reinit);
    }

    private void initListeners() {
        activation.valueProperty().addListener((o, was, k) -> {
            if (!edits.updating() && k != null && k != edits.config().activation()) {
                edits.apply("hidden activation " + k.id(), Effect.MODEL,
                        c -> c.withActivations(k, c.outputActivation(), c.loss(), c.problem()));
            }
        });
        output.valueProperty().addListener((o, was, out) -> {
            RunConfig config = edits.config();
            if (!edits.updating() && out != null
                    && (out.activation() != config.outputActivation() || out.loss() != config.loss())) {
                edits.apply("output " + out.label(), Effect.MODEL,
                        c -> c.withActivations(c.activation(), out.activation(), out.loss(), c.problem()));
            }
        });
        conv.valueProperty().addListener((o, was, k) -> {
            if (!edits.updating() && k != null && !k.equals(edits.config().extras().conv())) {
                edits.apply("convolution " + convName(k), Effect.MODEL, c -> c.withExtras(c.extras().withConv(k)));
            }
        });
        init.valueProperty().addListener((o, was, k) -> {
            if (!edits.updating() && k != null && k != edits.config().init().kind()) {
                edits.apply("initializer " + k.id(), Effect.MODEL, c -> c.withInit(initOf(c.init(), k), c.biasInit()));
            }
            showInitParams(k);
        });
        initLow.setOnCommit(v -> edits.apply("uniform low " + ControlRows.fmt(v), Effect.MODEL, initLow,
                c -> c.withInit(InitSpec.uniform(v, c.init().high()), c.biasInit())));
        initHigh.setOnCommit(v -> edits.apply("uniform high " + ControlRows.fmt(v), Effect.MODEL, initHigh,
                c -> c.withInit(InitSpec.uniform(c.init().low(), v), c.biasInit())));
        initStd.setOnCommit(v -> edits.apply("normal std " + ControlRows.fmt(v), Effect.MODEL, initStd,
                c -> c.withInit(InitSpec.normal(v), c.biasInit())));
        initValue.setOnCommit(v -> edits.apply("constant " + ControlRows.fmt(v), Effect.MODEL, initValue,
                c -> c.withInit(InitSpec.constant(v), c.biasInit())));
        reinit.setOnAction(e -> edits.reinitialize());
    }

    /** "none", "4 kernels of 3x3", or the layers joined by " then ". */
    static String convName(List<ConvSpec> layers) {
        if (layers.isEmpty()) {
            return "none";
        }
        StringBuilder b = new StringBuilder();
        for (ConvSpec s : layers) {
            b.append(b.length() == 0 ? "" : " then ").append(s.channels()).append(" kernels of ")
                    .append(s.kernel()).append('x').append(s.kernel());
        }
        return b.toString();
    }

    private static InitSpec initOf(InitSpec old, InitKind k) {
        return new InitSpec(k, old.low(), old.high(), old.std(), old.value());
    }

    /** Shows {@code c}'s activations, output choices and initializer (called quietly). */
    void show(RunConfig c) {
        activation.setValue(c.activation());
        output.getItems().setAll(ConfigEdits.validOutputs(c));
        output.setValue(new ConfigEdits.Output(c.outputActivation(), c.loss()));
        ControlRows.show(convRow, c.imageShape() != null);
        if (c.imageShape() != null) {
            if (!conv.getItems().contains(c.extras().conv())) {
                conv.getItems().add(c.extras().conv()); // a file's own convolutions
            }
            conv.setValue(c.extras().conv());
        }
        init.setValue(c.init().kind());
        initLow.setValue(c.init().low());
        initHigh.setValue(c.init().high());
        initStd.setValue(c.init().std());
        initValue.setValue(c.init().value());
        showInitParams(c.init().kind());
    }

    private void showInitParams(InitKind k) {
        ControlRows.show(initLow, k == InitKind.UNIFORM);
        ControlRows.show(initHigh, k == InitKind.UNIFORM);
        ControlRows.show(initStd, k == InitKind.NORMAL);
        ControlRows.show(initValue, k == InitKind.CONSTANT);
    }
}
