package org.weightlab.ui.stepper;

import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.input.KeyCode;
import org.weightlab.engine.Checkpoint;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.session.TrainingControl;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.explain.Stage;
import org.weightlab.explain.StepThroughModel;

/**
 * The step-through mode for the view: read-only properties that follow the walk, and the
 * commands the keyboard and the integrator send. FX thread only.
 *
 * <p>Threads: the walk is computed on the FX thread from a private copy of the run (a checkpoint
 * restored into a trainer that only this view model touches). For the networks WeightLab builds
 * (up to 8 x 16 neurons) a whole batch walk takes well under a millisecond, so no worker is needed
 * and the live engine's objects are never touched.
 */
public final class StepThroughViewModel {

    private final ReadOnlyObjectWrapper<Stage> stage = new ReadOnlyObjectWrapper<>(this, "stage");
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index");
    private final ReadOnlyIntegerWrapper size = new ReadOnlyIntegerWrapper(this, "size");
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    /** Bumped when the walk's network shape changes: the diagram rebuilds its nodes. */
    private final ReadOnlyObjectWrapper<int[]> topology = new ReadOnlyObjectWrapper<>(this, "topology");

    private StepThroughModel model;
    private Runnable onExit = () -> { };
    private TrainingControl control;
    /** Keys a part of the view uses besides the walk's own (the convolution's sliding kernel). */
    private java.util.function.Predicate<KeyCode> moreKeys = code -> false;

    // ---- entering and leaving ----

    /** Starts a walk of the run's next batch from an exact copy of it. Call with training paused. */
    public void enter(Checkpoint checkpoint, DataSplit data) {
        show(StepThroughModel.fromCheckpoint(checkpoint, data));
    }

    /** Starts a walk from a snapshot (the optimizer's memory starts afresh; the panel says so). */
    public void enter(TrainingSnapshot snapshot, DataSplit data) {
        show(StepThroughModel.fromSnapshot(snapshot, data));
    }

    /** Starts a walk on a model built elsewhere (tests, lessons). */
    public void enter(StepThroughModel walk) {
        show(Objects.requireNonNull(walk, "walk"));
    }

    /** Leaves step-through mode and tells the owner (which resumes live training). */
    public void exit() {
        if (!active.get()) {
            return;
        }
        active.set(false);
        onExit.run();
    }

    /** Called by {@link #exit()} (and Esc). */
    public void setOnExit(Runnable r) {
        onExit = r == null ? () -> { } : r;
    }

    /** Where "apply" sends the real step ({@code stepBatch()}); null to apply only to the walk's copy. */
    public void setTrainingControl(TrainingControl c) {
        control = c;
    }

    private void show(StepThroughModel m) {
        model = m;
        int[] widths = m.widths();
        int[] old = topology.get();
        if (old == null || !java.util.Arrays.equals(old, widths)) {
            topology.set(widths);
        }
        active.set(true);
        refresh();
    }

    // ---- choosing the example ----

    public void selectExample(int trainingIndex) {
        requireModel().selectExample(trainingIndex);
        refresh();
    }

    public void selectPoint(double x1, double x2, double label) {
        requireModel().selectPoint(x1, x2, label);
        refresh();
    }

    public void nextBatchExample() {
        if (requireModel().nextBatchExample()) {
            refresh();
        }
    }

    /** Back to the engine's next batch. */
    public void walkBatch() {
        requireModel().startBatch();
        refresh();
    }

    // ---- moving ----

    public void forward() {
        move(requireModel().forward());
    }

    public void back() {
        move(requireModel().back());
    }

    public void forwardLayer() {
        move(requireModel().forwardLayer());
    }

    public void backLayer() {
        move(requireModel().backLayer());
    }

    public void home() {
        move(requireModel().home());
    }

    public void end() {
        move(requireModel().end());
    }

    /**
     * Applies the walked batch's step: to the walk's copy (which checks it equals the update
     * shown) and, through the training control, to the live run. Outside a batch walk it returns
     * to the batch walk instead.
     */
    public void apply() {
        StepThroughModel m = requireModel();
        if (!m.batchMode()) {
            m.startBatch();
            refresh();
            return;
        }
        m.apply();
        if (control != null) {
            control.stepBatch();
        }
        refresh();
    }

    /**
     * The keys of step-through mode: arrows (Shift: a layer), Home, End, N (next example of the
     * batch), B (back to the batch), Enter (apply, or go to the apply stage), Esc (leave).
     *
     * @return true when the key was used
     */
    public boolean handleKey(KeyCode code, boolean shift) {
        if (!active.get() || model == null) {
            return false;
        }
        switch (code) {
            case RIGHT, KP_RIGHT -> {
                if (shift) {
                    forwardLayer();
                } else {
                    forward();
                }
            }
            case LEFT, KP_LEFT -> {
                if (shift) {
                    backLayer();
                } else {
                    back();
                }
            }
            case HOME -> home();
            case END -> end();
            case N -> nextBatchExample();
            case B -> walkBatch();
            case ENTER -> {
                if (model.batchMode() && model.index() != model.size() - 1) {
                    end();
                } else {
                    apply();
                }
            }
            case ESCAPE -> exit();
            default -> {
                return moreKeys.test(code);
            }
        }
        return true;
    }

    /** Keys the view handles besides the walk's own (tried for every key the walk does not use). */
    void setMoreKeys(java.util.function.Predicate<KeyCode> keys) {
        moreKeys = keys == null ? code -> false : keys;
    }

    private void move(boolean moved) {
        if (moved) {
            refresh();
        }
    }

    private void refresh() {
        stage.set(model.stage());
        index.set(model.index());
        size.set(model.size());
        String where = model.batchMode() ? "batch of " + model.batch().length + ", example "
                + (model.detail() + 1) + " in detail" : "one example";
        String notice = model.notice();
        status.set("Step " + model.stepCount() + " \u00b7 " + where + (notice.isEmpty() ? "" : " \u00b7 " + notice));
    }

    private StepThroughModel requireModel() {
        if (model == null) {
            throw new IllegalStateException("step-through mode has not been entered");
        }
        return model;
    }

    // ---- reading ----

    public ReadOnlyObjectProperty<Stage> stageProperty() {
        return stage.getReadOnlyProperty();
    }

    public Stage getStage() {
        return stage.get();
    }

    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty sizeProperty() {
        return size.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public boolean isActive() {
        return active.get();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Neurons per diagram column (features first); a new array when the shape changes. */
    public ReadOnlyObjectProperty<int[]> topologyProperty() {
        return topology.getReadOnlyProperty();
    }

    /** The walk's model (null before the first {@code enter}). */
    public StepThroughModel model() {
        return model;
    }
}
