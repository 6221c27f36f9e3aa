package org.weightlab.session;

import java.util.List;
import java.util.function.Function;
import org.weightlab.engine.Checkpoint;
import org.weightlab.engine.Layer;
import org.weightlab.engine.Network;
import org.weightlab.engine.StepResult;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataSplit;

/**
 * The run a {@link TrainingSession} trains, and what its commands do to it: rebuild, reset,
 * re-initialize, change settings, freeze and edit parts, travel back in its history. Used only on
 * the engine thread. Each change publishes its event, named as the person sees the part
 * ({@link PartNames}); the session does the rest (stops, records, publishes the snapshot).
 */
final class SessionRun {

    /** What applying a config did. */
    enum Applied { NOTHING, REBUILT, UPDATED }

    private final SnapshotBus bus;
    private final Function<RunConfig, DataSplit> dataSource;
    private final History<Checkpoint> history;
    private Trainer trainer;
    private RunConfig config;
    private DataSplit data; // the split the trainer uses; published in every snapshot, so views never generate it
    private Network initial;
    private int reinitializations;
    /** Task A (the first task) while the trainer measures it after moves to task B, else null. */
    private TaskMove.Task taskA;

    SessionRun(RunConfig config, DataSplit data, Network initial, SnapshotBus bus,
               Function<RunConfig, DataSplit> dataSource, History<Checkpoint> history) {
        this.bus = bus;
        this.dataSource = dataSource;
        this.history = history;
        this.config = config;
        this.data = data;
        this.trainer = initial == null ? new Trainer(config, data) : new Trainer(config, data, initial.copy());
        this.initial = trainer.network().copy();
    }

    Trainer trainer() {
        return trainer;
    }

    RunConfig config() {
        return config;
    }

    DataSplit data() {
        return data;
    }

    /** The task the run moved away from (the first, after several moves), or null when it has not moved. */
    TaskMove.Task taskA() {
        return taskA;
    }

    /** Optimizer steps in one epoch: the training set over the batch size, rounded up. */
    int stepsPerEpoch() {
        int batch = Math.max(1, config.batchSize());
        return Math.max(1, (trainer.trainSize() + batch - 1) / batch);
    }

    /** Back to step 0 with the same initial weights. */
    void reset() {
        replaceTrainer(new Trainer(config, data, initial.copy()), "reset to step 0");
    }

    /** New initial weights; the data and the shuffling keep the config's seed. */
    void reinitialize() {
        long seed = config.seed() + 0x9E3779B97F4A7C15L * (reinitializations + 1);
        RunConfig reseeded = config.withData(config.samples(), config.noise(), config.trainFraction(), seed);
        Trainer t = new Trainer(config, data, Network.create(reseeded));
        reinitializations++;
        initial = t.network().copy();
        replaceTrainer(t, "new initial weights");
    }

    /**
     * Moves the run to a second data set (task B, {@code next}'s data) keeping its weights; from
     * then on epoch ends also carry task A's test loss and accuracy.
     */
    void moveToTaskB(RunConfig next) {
        DataSplit d = dataSource.apply(next);
        Trainer t = trainer.continueOn(next, d);
        TaskMove.Task first = taskA != null ? taskA : new TaskMove.Task(config, data);
        data = d;
        config = next;
        initial = t.network().copy();
        replaceTrainer(t, TaskMove.label(next));
        taskA = first;
    }

    /**
     * When {@code next} needs a new run and a network of today's shape fits it, the new run starts
     * from today's weights and frozen parts (pre-training, then fine-tuning) and this returns true;
     * otherwise nothing changes and it returns false.
     */
    boolean applyKeepingWeights(RunConfig next) {
        RunConfig old = config;
        if (!Trainer.needsRebuild(old, next) || !RunConfig.sameNetworkShape(old, next)) {
            return false;
        }
        DataSplit d = RunConfig.sameData(old, next) ? data : dataSource.apply(next);
        Trainer t = new Trainer(next, d, trainer.network());
        data = d;
        config = next;
        initial = t.network().copy();
        replaceTrainer(t, ConfigDiff.describe(ConfigDiff.between(old, next)) + "; weights kept");
        return true;
    }

    /**
     * Folds layer {@code layer}'s LoRA adapter into its weights, W := W + (alpha/r) B A: the
     * outputs stay the same, the adapter and its "lora" entry are gone. Like keeping the weights
     * on a new config, the run starts again from here at step 0 (fresh optimizer state).
     */
    void mergeAdapter(int layer) {
        Layer l = layerAt(layer);
        if (l.adapter() == null) {
            throw new IllegalArgumentException(PartNames.layer(trainer.network().layerCount(), layer)
                    + " has no LoRA adapter");
        }
        List<org.weightlab.engine.config.LoraSpec> kept = new java.util.ArrayList<>();
        for (org.weightlab.engine.config.LoraSpec s : config.lora()) {
            if (s.layer() != layer) {
                kept.add(s);
            }
        }
        RunConfig next = config.withLora(kept);
        Trainer t = new Trainer(next, data, trainer.network().merged(layer));
        config = next;
        initial = t.network().copy();
        replaceTrainer(t, "merged the LoRA adapter of " + PartNames.layer(t.network().layerCount(), layer)
                + " into its weights");
    }

    /** Hyperparameters change the live run; data, features and topology rebuild it. */
    Applied apply(RunConfig next) {
        RunConfig old = config;
        List<ConfigDiff.Change> changes = ConfigDiff.between(old, next);
        if (changes.isEmpty()) {
            return Applied.NOTHING;
        }
        if (Trainer.needsRebuild(old, next)) {
            DataSplit d = RunConfig.sameData(old, next) ? data : dataSource.apply(next);
            Trainer t = new Trainer(next, d);
            data = d;
            config = next;
            initial = t.network().copy();
            replaceTrainer(t, ConfigDiff.describe(changes));
            return Applied.REBUILT;
        }
        long step = trainer.stepCount();
        trainer.updateHyperparameters(next);
        config = next;
        for (ConfigDiff.Change c : changes) {
            bus.publish(new SessionEvent.SettingChanged(step, c.setting(), c.oldValue(), c.newValue()));
        }
        return Applied.UPDATED;
    }

    private void replaceTrainer(Trainer t, String reason) {
        trainer = t;
        taskA = null; // a new trainer measures no earlier task (a move sets it again)
        config = t.config();
        history.clear();
        bus.publish(new SessionEvent.Rebuilt(t.stepCount(), reason));
    }

    void freezeWeight(int layer, int out, int in, boolean frozen) {
        trainer.freezeWeight(layer, out, in, frozen);
        changed(frozen, "weight " + weightName(layer, out, in));
    }

    void freezeBias(int layer, int out, boolean frozen) {
        trainer.freezeBias(layer, out, frozen);
        changed(frozen, "bias of " + neuronName(layer, out));
    }

    void freezeNeuron(int layer, int out, boolean frozen) {
        trainer.freezeNeuron(layer, out, frozen);
        changed(frozen, neuronName(layer, out));
    }

    void freezeKernel(int conv, int kernel, boolean frozen) {
        trainer.freezeKernel(conv, kernel, frozen);
        changed(frozen, "kernel " + (kernel + 1) + " of convolution " + (conv + 1));
    }

    void freezeLayer(int layer, boolean frozen) {
        trainer.freezeLayer(layer, frozen);
        changed(frozen, PartNames.layer(trainer.network().layerCount(), layer));
    }

    void setWeight(int layer, int out, int in, double value) {
        double old = weightAt(layer, out, in);
        trainer.setWeight(layer, out, in, value);
        bus.publish(new SessionEvent.SettingChanged(trainer.stepCount(), "weight " + weightName(layer, out, in),
                String.valueOf(old), String.valueOf(value)));
    }

    void setBias(int layer, int out, double value) {
        double old = biasAt(layer, out);
        trainer.setBias(layer, out, value);
        bus.publish(new SessionEvent.SettingChanged(trainer.stepCount(), "bias of " + neuronName(layer, out),
                String.valueOf(old), String.valueOf(value)));
    }

    private void changed(boolean frozen, String what) {
        bus.publish(new SessionEvent.SettingChanged(trainer.stepCount(), frozen ? "froze" : "unfroze", "", what));
    }

    private String neuronName(int layer, int out) {
        Network n = trainer.network();
        return PartNames.neuron(n.layerCount(), n.layer(n.layerCount() - 1).outputs(), layer, out);
    }

    private String weightName(int layer, int out, int in) {
        Network n = trainer.network();
        return PartNames.weight(config.inputNames(), n.layerCount(), n.layer(n.layerCount() - 1).outputs(), layer,
                out, in);
    }

    /**
     * Time travel: restores the nearest record at or before {@code step}, replays the few steps
     * between (deterministic: the same batches, the same updates), and forgets the later history.
     */
    void travelTo(long step) {
        long from = trainer.stepCount();
        if (step < 0 || step > from) {
            throw new IllegalArgumentException("step " + step + " is not in this run (0 to " + from + ")");
        }
        History.Entry<Checkpoint> e = history.bestAt(step);
        if (e == null) {
            e = history.floor(step);
        }
        if (e == null) {
            throw new IllegalArgumentException("step " + step + " is no longer in the history (it starts at step "
                    + history.earliestStep() + ")");
        }
        trainer.restore(e.checkpoint());
        while (trainer.stepCount() < step) {
            StepResult r = trainer.step();
            if (r.diverged()) {
                break; // cannot happen on a replay of finite steps; stop rather than loop
            }
        }
        config = trainer.config();
        history.truncateAfter(step);
        bus.publish(new SessionEvent.Jumped(from, trainer.stepCount()));
    }

    private double weightAt(int layer, int out, int in) {
        Layer l = layerAt(layer);
        if (out < 0 || out >= l.outputs() || in < 0 || in >= l.inputs()) {
            throw new IllegalArgumentException("layer " + layer + " has no weight from input " + in + " to neuron "
                    + out + " (it is " + l.inputs() + " x " + l.outputs() + ")");
        }
        return l.weight(out, in);
    }

    private double biasAt(int layer, int out) {
        Layer l = layerAt(layer);
        if (out < 0 || out >= l.outputs()) {
            throw new IllegalArgumentException("layer " + layer + " has no neuron " + out + " (it has "
                    + l.outputs() + ")");
        }
        return l.bias(out);
    }

    private Layer layerAt(int layer) {
        Network n = trainer.network();
        if (layer < 0 || layer >= n.layerCount()) {
            throw new IllegalArgumentException("there is no layer " + layer + " (layers 0 to "
                    + (n.layerCount() - 1) + ")");
        }
        return n.layer(layer);
    }
}
