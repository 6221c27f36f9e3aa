package org.weightlab.ui.controls;

import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.weightlab.engine.config.RegularizationConfig;
import org.weightlab.engine.config.RegularizationKind;
import org.weightlab.engine.config.RunConfig;

/** What keeps the network from overfitting: a penalty on the weights (kind and rate) and dropout. */
final class RegularizationSection extends VBox {

    private final PanelEdits edits;
    private final ComboBox<RegularizationKind> regularization =
            new ComboBox<>(FXCollections.observableArrayList(RegularizationKind.values()));
    private final NumberField regRate = new NumberField("regRateField", "Rate", 0, 10, false,
            "Strength of the penalty: L2 adds rate * w to each weight's gradient, L1 adds rate * sign(w).");
    private final Slider dropout = new Slider(0, 0.9, 0);
    private final Label dropoutValue = new Label();

    RegularizationSection(PanelEdits edits) {
        super(6);
        this.edits = edits;
        createView();
        initListeners();
    }

    private void createView() {
        regularization.setId("regularizationBox");
        regularization.setTooltip(new Tooltip("Penalty on large weights (never biases): none, L1 or L2."));
        ControlRows.setNames(regularization, k -> k.id().toUpperCase(Locale.ROOT));
        dropout.setId("dropoutSlider");
        dropout.setTooltip(new Tooltip("Share of hidden neurons switched off at random in each training step (0 = none)."));
        dropout.setBlockIncrement(0.05);
        HBox reg = new HBox(6, regularization, regRate);
        reg.setAlignment(Pos.TOP_LEFT);
        HBox.setHgrow(regRate, Priority.ALWAYS);
        getChildren().addAll(ControlRows.caption("Regularization"), reg,
                ControlRows.sliderRow("Dropout", dropout, dropoutValue));
    }

    private void initListeners() {
        regularization.valueProperty().addListener((o, was, k) -> {
            if (!edits.updating() && k != null && k != edits.config().regularization().kind()) {
                edits.apply("regularization " + k.id(), Effect.LIVE,
                        c -> c.withRegularization(new RegularizationConfig(k, c.regularization().rate())));
            }
            regRate.setDisable(k == null || k == RegularizationKind.NONE);
        });
        regRate.setOnCommit(v -> edits.apply("regularization rate " + ControlRows.fmt(v), Effect.LIVE, regRate,
                c -> c.withRegularization(new RegularizationConfig(c.regularization().kind(), v))));
        edits.onSliderCommit(dropout, v -> edits.apply("dropout " + ControlRows.fmt(Math.round(v * 100) / 100.0),
                Effect.LIVE, c -> c.withDropout(Math.round(v * 100) / 100.0)));
        dropout.valueProperty().addListener((o, a, v) ->
                dropoutValue.setText(String.format(Locale.ROOT, "%.2f", Math.round(v.doubleValue() * 100) / 100.0)));
    }

    /** Shows {@code c}'s regularization and dropout (called quietly). */
    void show(RunConfig c) {
        regularization.setValue(c.regularization().kind());
        regRate.setValue(c.regularization().rate());
        regRate.setDisable(c.regularization().kind() == RegularizationKind.NONE);
        dropout.setValue(c.dropout());
        dropoutValue.setText(String.format(Locale.ROOT, "%.2f", c.dropout()));
    }
}
