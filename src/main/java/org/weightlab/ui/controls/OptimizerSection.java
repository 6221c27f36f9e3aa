package org.weightlab.ui.controls;

import atlantafx.base.controls.ToggleSwitch;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.weightlab.engine.config.ConfigEdits;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.OptimizerKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.config.ScheduleConfig;
import org.weightlab.engine.config.ScheduleKind;

/**
 * How each training step is taken: the learning rate (log slider and exact field), the optimizer
 * and its parameters, the learning-rate schedule, the batch size and shuffling. Only the
 * parameters the chosen optimizer and schedule use are shown.
 */
final class OptimizerSection extends VBox {

    private static final double LOG_LR_MIN = Math.log10(OptimizerConfig.MIN_LEARNING_RATE);
    private static final double LOG_LR_MAX = Math.log10(OptimizerConfig.MAX_LEARNING_RATE);

    private final PanelEdits edits;
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

    OptimizerSection(PanelEdits edits) {
        super(6);
        this.edits = edits;
        createView();
        initListeners();
    }

    private void createView() {
        lrSlider.setId("learningRateSlider");
        lrSlider.setTooltip(new Tooltip("Learning rate on a log scale, 1e-5 to 10. Too high diverges; too low crawls."));
        lrSlider.setBlockIncrement(0.1);
        optimizer.setId("optimizerBox");
        optimizer.setTooltip(new Tooltip("How gradients turn into weight updates (PyTorch's update rules)."));
        ControlRows.setNames(optimizer, k -> switch (k) {
            case SGD -> "SGD";
            case ADAGRAD -> "AdaGrad";
            case RMSPROP -> "RMSprop";
            case ADAM -> "Adam";
            case ADAMW -> "AdamW";
        });
        nesterov.setId("nesterovCheck");
        nesterov.setTooltip(new Tooltip("SGD: Nesterov momentum, which looks ahead along the momentum (needs momentum > 0)."));
        schedule.setId("scheduleBox");
        schedule.setTooltip(new Tooltip("How the learning rate changes over epochs: constant, step (drop every few "
                + "epochs), exponential (shrink every epoch) or cosine (glide down to a minimum)."));
        ControlRows.setNames(schedule, ScheduleKind::id);
        shuffle.setId("shuffleSwitch");
        shuffle.setTooltip(new Tooltip("On: each epoch visits the training examples in a new order drawn from the "
                + "seed. Off: always in the stored order."));

        VBox lr = new VBox(2, ControlRows.caption("Learning rate (log scale)"), lrSlider, lrField);
        VBox optimizerParams = new VBox(4, momentum, nesterov, alpha, eps, beta1, beta2, weightDecay);
        optimizerParams.getStyleClass().add("wl-param-group");
        VBox scheduleParams = new VBox(4, stepSize, gamma, period, minLr);
        scheduleParams.getStyleClass().add("wl-param-group");
        getChildren().addAll(lr, ControlRows.labelled("Optimizer", optimizer), optimizerParams,
                ControlRows.labelled("LR schedule", schedule), scheduleParams, batch, shuffle);
    }

    private void initListeners() {
        lrSlider.valueProperty().addListener((o, a, v) -> {
            if (!edits.updating()) {
                // while dragging, show the value the slider will set
                lrField.field().setText(NumberField.formatNumber(sliderRate(v.doubleValue()), false));
            }
        });
        edits.onSliderCommit(lrSlider, v -> setLearningRate(sliderRate(v)));
        lrField.setOnCommit(this::setLearningRate);
        optimizer.valueProperty().addListener((o, was, k) -> {
            if (!edits.updating() && k != null && k != edits.config().optimizer().kind()) {
                edits.apply("optimizer " + optimizer.getConverter().toString(k), Effect.LIVE,
                        c -> c.withOptimizer(c.optimizer().withKind(k)));
            }
            showOptimizerParams(k);
        });
        momentum.setOnCommit(v -> edits.apply("momentum " + ControlRows.fmt(v), Effect.LIVE, momentum,
                c -> c.withOptimizer(c.optimizer().withMomentum(v, c.optimizer().nesterov() && v > 0))));
        nesterov.selectedProperty().addListener((o, was, on) -> {
            if (!edits.updating()) {
                edits.apply("nesterov " + (on ? "on" : "off"), Effect.LIVE,
                        c -> c.withOptimizer(c.optimizer().withMomentum(c.optimizer().momentum(), on)));
            }
        });
        onOptimizerCommit(alpha, "alpha", "alpha");
        onOptimizerCommit(eps, "eps", "eps");
        onOptimizerCommit(beta1, "beta1", "beta1");
        onOptimizerCommit(beta2, "beta2", "beta2");
        onOptimizerCommit(weightDecay, "weight decay", "weightDecay");

        schedule.valueProperty().addListener((o, was, k) -> {
            if (!edits.updating() && k != null && k != edits.config().schedule().kind()) {
                edits.apply("schedule " + k.id(), Effect.LIVE, c -> c.withSchedule(sched(c.schedule(), k, "kind", 0)));
            }
            showScheduleParams(k);
        });
        onScheduleCommit(stepSize, v -> "schedule every " + (int) v + " epochs", "stepSize");
        onScheduleCommit(gamma, v -> "schedule gamma " + ControlRows.fmt(v), "gamma");
        onScheduleCommit(period, v -> "schedule period " + (int) v, "period");
        onScheduleCommit(minLr, v -> "schedule minimum lr " + ControlRows.fmt(v), "minLr");
        batch.setOnCommit(v -> edits.apply("batch size " + (int) v, Effect.LIVE, batch,
                c -> c.withBatch((int) v, c.shuffle())));
        shuffle.selectedProperty().addListener((o, was, on) -> {
            if (!edits.updating()) {
                edits.apply("shuffle " + (on ? "on" : "off"), Effect.LIVE, c -> c.withBatch(c.batchSize(), on));
            }
        });
    }

    /** A committed optimizer parameter sets {@code param} of the optimizer, said as "{@code name} value". */
    private void onOptimizerCommit(NumberField field, String name, String param) {
        field.setOnCommit(v -> edits.apply(name + " " + ControlRows.fmt(v), Effect.LIVE, field,
                c -> c.withOptimizer(opt(c.optimizer(), param, v))));
    }

    /** A committed schedule parameter sets {@code param} of the current schedule kind. */
    private void onScheduleCommit(NumberField field, java.util.function.DoubleFunction<String> what, String param) {
        field.setOnCommit(v -> edits.apply(what.apply(v), Effect.LIVE, field,
                c -> c.withSchedule(sched(c.schedule(), c.schedule().kind(), param, v))));
    }

    /** The rate a slider position stands for, rounded to two significant digits. */
    private static double sliderRate(double log) {
        double v = Math.pow(10, log);
        double p = Math.pow(10, Math.floor(Math.log10(v)) - 1);
        double r = Math.round(v / p) * p;
        return Math.max(OptimizerConfig.MIN_LEARNING_RATE, Math.min(OptimizerConfig.MAX_LEARNING_RATE,
                Double.parseDouble(String.format(Locale.ROOT, "%.2g", r))));
    }

    /** Sends a new learning rate; true when it was taken (then the slider and the field show it). */
    private boolean setLearningRate(double lr) {
        boolean ok = edits.apply("lr " + ControlRows.fmt(lr), Effect.LIVE, lrField,
                c -> c.withOptimizer(c.optimizer().withLearningRate(lr)));
        if (ok) {
            edits.quietly(() -> {
                lrSlider.setValue(Math.log10(lr));
                lrField.setValue(lr);
            });
        }
        return ok;
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

    /** Shows {@code c}'s optimizer, schedule and batch settings (called quietly). */
    void show(RunConfig c) {
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
    }

    private void showOptimizerParams(OptimizerKind k) {
        ControlRows.show(momentum, k == OptimizerKind.SGD || k == OptimizerKind.RMSPROP);
        ControlRows.show(nesterov, k == OptimizerKind.SGD);
        ControlRows.show(alpha, k == OptimizerKind.RMSPROP);
        ControlRows.show(eps, k != OptimizerKind.SGD);
        ControlRows.show(beta1, k == OptimizerKind.ADAM || k == OptimizerKind.ADAMW);
        ControlRows.show(beta2, k == OptimizerKind.ADAM || k == OptimizerKind.ADAMW);
        ControlRows.show(weightDecay, k == OptimizerKind.ADAMW);
    }

    private void showScheduleParams(ScheduleKind k) {
        ControlRows.show(stepSize, k == ScheduleKind.STEP);
        ControlRows.show(gamma, k == ScheduleKind.STEP || k == ScheduleKind.EXPONENTIAL);
        ControlRows.show(period, k == ScheduleKind.COSINE);
        ControlRows.show(minLr, k == ScheduleKind.COSINE);
    }
}
