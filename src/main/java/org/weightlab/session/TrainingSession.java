package org.weightlab.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.weightlab.engine.Checkpoint;
import org.weightlab.engine.Evaluation;
import org.weightlab.engine.Layer;
import org.weightlab.engine.Network;
import org.weightlab.engine.StepResult;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataSplit;

/**
 * A live training run. It owns one {@link Trainer} on one daemon thread ("weightlab-engine");
 * nothing else touches the trainer. Views send commands ({@link TrainingControl}), which return
 * at once and are applied in order between steps (a command sent during an epoch applies before
 * the next step). On the {@link SnapshotBus} it publishes:
 * <ul>
 *   <li>a loss point for every step (the batch loss) and for evaluated epoch ends (train and test
 *       loss); at full speed, epoch ends are evaluated within {@link Settings#evaluationShare} of
 *       the engine's time, otherwise every one;</li>
 *   <li>immutable snapshots: at most {@link Settings#snapshotsPerSecond} while running, after every
 *       command, and when it stops; fields and statistics only while a view asks for them;</li>
 *   <li>events: settings changed, rebuilt, jumped, diverged, errors.</li>
 * </ul>
 * It records past moments in a {@link Timeline} (checkpoint plus snapshot) under a memory budget.
 * Any step between two records is reached exactly by restoring the earlier one and replaying:
 * training is deterministic, and every command that changes the run is itself recorded.
 *
 * <p>Commands with arguments that are wrong on their face (a NaN weight, a negative step count)
 * throw {@link IllegalArgumentException} at once; commands that fail on the engine thread (an
 * index out of range, a step not in the history) publish {@link SessionEvent.EngineError} and
 * change nothing. Indices in event labels are the command's own (layer 0 is the first weight
 * layer).
 */
public final class TrainingSession implements TrainingControl, AutoCloseable {

    /**
     * Tuning of a session.
     *
     * @param historyBudget      bytes the history may hold
     * @param recentRecords      newest history records kept without thinning
     * @param snapshotsPerSecond most snapshots built per second while running at full speed
     * @param recordsPerSecond   most of those kept in the history per second at full speed (steps in
     *                           between are reached exactly by replay); when paced or stepping,
     *                           and after every command, every snapshot is kept
     * @param fieldsPerSecond    most neuron fields computed per second while running (they cost most)
     * @param fieldGrid          raster size of a field
     * @param fieldExtent        a field covers [-extent, extent]^2
     * @param evaluationShare    most of the engine's time spent evaluating the whole train and test
     *                           sets while training runs (an evaluation of 500 points costs about as
     *                           much as an epoch of 250); at 1 or more every epoch end is evaluated
     */
    public record Settings(long historyBudget, int recentRecords, double snapshotsPerSecond, double recordsPerSecond,
                           double fieldsPerSecond, int fieldGrid, double fieldExtent, double evaluationShare) {

        public Settings {
            if (historyBudget < 1 || recentRecords < 1 || !(snapshotsPerSecond > 0) || !(recordsPerSecond > 0)
                    || !(fieldsPerSecond > 0) || fieldGrid < 2 || !(fieldExtent > 0) || !(evaluationShare > 0)) {
                throw new IllegalArgumentException("session settings out of range: " + this);
            }
        }

        public static Settings defaults() {
            return new Settings(History.DEFAULT_BUDGET, History.DEFAULT_RECENT_ENTRIES, 120, 30, 30, 50, 6, 0.01);
        }

        public Settings withHistoryBudget(long bytes) {
            return new Settings(bytes, recentRecords, snapshotsPerSecond, recordsPerSecond, fieldsPerSecond, fieldGrid,
                    fieldExtent, evaluationShare);
        }

        public Settings withRecentRecords(int n) {
            return new Settings(historyBudget, n, snapshotsPerSecond, recordsPerSecond, fieldsPerSecond, fieldGrid,
                    fieldExtent, evaluationShare);
        }

        /** At most {@code perSecond} snapshots, all of them recorded. */
        public Settings withSnapshotsPerSecond(double perSecond) {
            return new Settings(historyBudget, recentRecords, perSecond, perSecond, fieldsPerSecond, fieldGrid,
                    fieldExtent, evaluationShare);
        }

        /** Every epoch end evaluated, whatever it costs. */
        public Settings evaluatingEveryEpoch() {
            return new Settings(historyBudget, recentRecords, snapshotsPerSecond, recordsPerSecond, fieldsPerSecond,
                    fieldGrid, fieldExtent, 1);
        }
    }

    /** Something to do on the engine thread; {@code changesRun}: it may change weights or settings. */
    private record Command(String name, boolean changesRun, Runnable action) {
    }

    public static final String THREAD_NAME = "weightlab-engine";

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported();

    private final SnapshotBus bus;
    private final Function<RunConfig, DataSplit> dataSource;
    private final Settings settings;
    private final History<Checkpoint> history;
    private final LinkedBlockingQueue<Command> commands = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;
    private volatile SessionState state = SessionState.PAUSED;

    // --- engine-thread state (touched only by the engine thread after start) ---
    private Trainer trainer;
    private RunConfig config;
    private DataSplit data; // the split the trainer uses; published in every snapshot, so views never generate it
    private Network initial;
    private int reinitializations;
    private boolean running;
    private long pendingSteps;
    private boolean toEpochEnd;
    private long periodNanos; // 0: as fast as possible
    private long nextStepAt;
    private boolean wantStats;
    private boolean wantFields;
    private boolean dirty = true;   // the run changed since the last snapshot
    private boolean boundary = true; // a command changed the run since the last history record
    private long lastSnapshotAt = Long.MIN_VALUE / 2;
    private long lastRecordAt = Long.MIN_VALUE / 2;
    private long lastFieldAt = Long.MIN_VALUE / 2;
    private FieldSnapshot lastField;
    private Evaluation evaluation; // the latest evaluation, taken at evaluationStep
    private long evaluationStep = -1;
    // While training, no new evaluation before these (the time budget): thread CPU time at full
    // speed, wall time when paced.
    private long nextEvaluationCpu;
    private long nextEvaluationWall;
    private TrainingSnapshot lastSnapshot;
    private final List<CompletableFuture<TrainingSnapshot>> idleWaiters = new ArrayList<>();

    /** A session on freshly generated data; {@code dataSource} also regenerates data when the config asks. */
    public TrainingSession(RunConfig config, SnapshotBus bus, Function<RunConfig, DataSplit> dataSource) {
        this(config, dataSource.apply(config), null, bus, dataSource, Settings.defaults());
    }

    /**
     * A session on the given data, starting from {@code initial} weights (a scenario's) or from the
     * config's initializer when null. Nothing runs until {@link #start()}.
     */
    public TrainingSession(RunConfig config, DataSplit data, Network initial, SnapshotBus bus,
                           Function<RunConfig, DataSplit> dataSource, Settings settings) {
        if (config == null || data == null || bus == null || dataSource == null || settings == null) {
            throw new IllegalArgumentException("a session needs a config, data, a bus, a data source and settings");
        }
        this.bus = bus;
        this.dataSource = dataSource;
        this.settings = settings;
        this.history = new History<>(settings.historyBudget(), settings.recentRecords(), Checkpoint::byteSize);
        this.config = config;
        this.data = data;
        this.trainer = initial == null ? new Trainer(config, data) : new Trainer(config, data, initial.copy());
        this.initial = trainer.network().copy();
        this.thread = new Thread(this::run, THREAD_NAME);
        thread.setDaemon(true);
    }

    /** Starts the engine thread; it publishes the first snapshot and waits for commands. */
    public void start() {
        thread.start();
    }

    /** Stops the engine thread (waits up to a few seconds for it). */
    @Override
    public void close() {
        closed = true;
        commands.offer(new Command("close", false, () -> { }));
        if (Thread.currentThread() != thread) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** For measurements (CPU time of the training thread). */
    public Thread engineThread() {
        return thread;
    }

    public SnapshotBus bus() {
        return bus;
    }

    public SessionState state() {
        return state;
    }

    /** The recorded history, for the timeline and for lessons. */
    public Timeline timeline() {
        return history;
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Completes with the published snapshot when the engine next has nothing to do (paused or
     * diverged, every command applied, every requested step taken). Never completes while playing.
     */
    public CompletableFuture<TrainingSnapshot> whenIdle() {
        CompletableFuture<TrainingSnapshot> f = new CompletableFuture<>();
        submit("wait", false, () -> idleWaiters.add(f));
        return f;
    }

    /** An exact copy of a run: the trainer's state and the data split it trains on. */
    public record RunCopy(Checkpoint checkpoint, DataSplit data) {
    }

    /**
     * An exact copy of the run as it stands after every command sent before this call (weights,
     * optimizer state, batch order, and its data), for the step-through mode. Completes on the
     * engine thread.
     */
    public CompletableFuture<RunCopy> copyOfRun() {
        CompletableFuture<RunCopy> f = new CompletableFuture<>();
        submit("checkpoint", false, () -> f.complete(new RunCopy(trainer.checkpoint(), data)));
        return f;
    }

    // ------------------------------------------------------------------ commands

    @Override
    public void play() {
        submit("play", false, () -> {
            retryAfterDivergence();
            running = true;
            pendingSteps = 0;
            toEpochEnd = false;
            state = SessionState.RUNNING;
            nextStepAt = System.nanoTime();
        });
    }

    @Override
    public void pause() {
        submit("pause", false, this::stopRunning);
    }

    @Override
    public void stepBatch() {
        runSteps(1);
    }

    @Override
    public void stepEpoch() {
        submit("step epoch", false, () -> {
            stopRunning();
            retryAfterDivergence();
            toEpochEnd = true;
            state = SessionState.RUNNING;
            nextStepAt = System.nanoTime();
        });
    }

    @Override
    public void runSteps(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("cannot run a negative number of steps: " + n);
        }
        submit("run " + n + " steps", false, () -> {
            // Stops a free run; repeated requests add up (pressing "step" three times steps three times).
            long more = running ? 0 : pendingSteps;
            stopRunning();
            retryAfterDivergence();
            pendingSteps = more + n;
            if (pendingSteps > 0) {
                state = SessionState.RUNNING;
            }
            nextStepAt = System.nanoTime();
        });
    }

    @Override
    public void reset() {
        submit("reset", true, () -> {
            Trainer t = new Trainer(config, data, initial.copy());
            replaceTrainer(t, "reset to step 0");
        });
    }

    @Override
    public void reinitialize() {
        submit("re-initialize", true, () -> {
            // The data and the shuffling keep the config's seed; only the initial weights are new.
            long seed = config.seed() + 0x9E3779B97F4A7C15L * (reinitializations + 1);
            RunConfig reseeded = config.withData(config.samples(), config.noise(), config.trainFraction(), seed);
            Network fresh = Network.create(reseeded);
            Trainer t = new Trainer(config, data, fresh);
            reinitializations++;
            initial = t.network().copy();
            replaceTrainer(t, "new initial weights");
        });
    }

    @Override
    public void applyConfig(RunConfig next) {
        if (next == null) {
            throw new IllegalArgumentException("config is null");
        }
        submit("apply settings", true, () -> applyNow(next));
    }

    private void applyNow(RunConfig next) {
        RunConfig old = config;
        List<ConfigDiff.Change> changes = ConfigDiff.between(old, next);
        if (changes.isEmpty()) {
            return;
        }
        if (Trainer.needsRebuild(old, next)) {
            DataSplit d = RunConfig.sameData(old, next) ? data : dataSource.apply(next);
            Trainer t = new Trainer(next, d);
            data = d;
            config = next;
            initial = t.network().copy();
            replaceTrainer(t, ConfigDiff.describe(changes));
        } else {
            long step = trainer.stepCount();
            trainer.updateHyperparameters(next);
            config = next;
            if (state == SessionState.DIVERGED) {
                // New settings (a lower learning rate, say) may well train on from here.
                trainer.clearDivergence();
                state = SessionState.PAUSED;
            }
            for (ConfigDiff.Change c : changes) {
                bus.publish(new SessionEvent.SettingChanged(step, c.setting(), c.oldValue(), c.newValue()));
            }
        }
    }

    /**
     * Like {@link #applyConfig}, but when the change needs a new run (new data, say) and the
     * network keeps its shape, the new run starts from the current weights and frozen parts
     * instead of the initializer: pre-training, then fine-tuning. Other changes apply as usual.
     */
    public void applyConfigKeepingWeights(RunConfig next) {
        if (next == null) {
            throw new IllegalArgumentException("config is null");
        }
        submit("apply settings, keeping the weights", true, () -> {
            RunConfig old = config;
            if (!Trainer.needsRebuild(old, next) || !keepsShape(old, next)) {
                applyNow(next);
                return;
            }
            DataSplit d = RunConfig.sameData(old, next) ? data : dataSource.apply(next);
            Trainer t = new Trainer(next, d, trainer.network());
            data = d;
            config = next;
            initial = t.network().copy();
            replaceTrainer(t, ConfigDiff.describe(ConfigDiff.between(old, next)) + "; weights kept");
        });
    }

    /** True when a network built for {@code a} fits {@code b} as it is (inputs, layers, outputs, loss). */
    public static boolean keepsShape(RunConfig a, RunConfig b) {
        if (!a.features().equals(b.features()) || !a.hidden().equals(b.hidden()) || a.loss() != b.loss()
                || a.problem() != b.problem() || a.outputActivation() != b.outputActivation()
                || a.outputs() != b.outputs()) {
            return false;
        }
        for (int l = 0; l < a.hidden().size(); l++) {
            if (a.hiddenActivation(l) != b.hiddenActivation(l)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void setSpeed(double stepsPerSecond) {
        if (!(stepsPerSecond > 0)) {
            throw new IllegalArgumentException("speed must be a positive number of steps per second, got "
                    + stepsPerSecond);
        }
        submit("set speed", false, () -> {
            long last = nextStepAt - periodNanos;
            periodNanos = Double.isInfinite(stepsPerSecond) ? 0 : Math.max(1, Math.round(1e9 / stepsPerSecond));
            nextStepAt = last + periodNanos;
        });
    }

    @Override
    public void freezeWeight(int layer, int out, int in, boolean frozen) {
        submit("freeze weight", true, () -> {
            trainer.freezeWeight(layer, out, in, frozen);
            changed(frozen ? "froze" : "unfroze", "weight " + layer + ":" + in + "\u2192" + out);
        });
    }

    @Override
    public void freezeBias(int layer, int out, boolean frozen) {
        submit("freeze bias", true, () -> {
            trainer.freezeBias(layer, out, frozen);
            changed(frozen ? "froze" : "unfroze", "bias " + layer + ":" + out);
        });
    }

    @Override
    public void freezeNeuron(int layer, int out, boolean frozen) {
        submit("freeze neuron", true, () -> {
            trainer.freezeNeuron(layer, out, frozen);
            changed(frozen ? "froze" : "unfroze", "neuron " + layer + ":" + out);
        });
    }

    @Override
    public void freezeLayer(int layer, boolean frozen) {
        submit("freeze layer", true, () -> {
            trainer.freezeLayer(layer, frozen);
            changed(frozen ? "froze" : "unfroze", "layer " + layer);
        });
    }

    @Override
    public void setWeight(int layer, int out, int in, double value) {
        finite("weight", value);
        submit("set weight", true, () -> {
            double old = weightAt(layer, out, in);
            trainer.setWeight(layer, out, in, value);
            bus.publish(new SessionEvent.SettingChanged(trainer.stepCount(),
                    "weight " + layer + ":" + in + "\u2192" + out, String.valueOf(old), String.valueOf(value)));
        });
    }

    @Override
    public void setBias(int layer, int out, double value) {
        finite("bias", value);
        submit("set bias", true, () -> {
            double old = biasAt(layer, out);
            trainer.setBias(layer, out, value);
            bus.publish(new SessionEvent.SettingChanged(trainer.stepCount(), "bias " + layer + ":" + out,
                    String.valueOf(old), String.valueOf(value)));
        });
    }

    @Override
    public void jumpTo(long step) {
        submit("jump to step " + step, true, () -> travelTo(step));
    }

    @Override
    public void requestFields(boolean wanted) {
        submit("fields", false, () -> {
            wantFields = wanted;
            lastFieldAt = Long.MIN_VALUE / 2;
            if (!wanted) {
                lastField = null;
            }
        });
    }

    @Override
    public void requestStats(boolean wanted) {
        submit("stats", false, () -> wantStats = wanted);
    }

    private void submit(String name, boolean changesRun, Runnable action) {
        if (closed) {
            return;
        }
        commands.offer(new Command(name, changesRun, action));
    }

    private static void finite(String what, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be a finite number, got " + v);
        }
    }

    // ------------------------------------------------------------------ engine thread

    private void run() {
        while (!closed) {
            try {
                if (!busy()) {
                    if (dirty) {
                        publishSnapshot(System.nanoTime());
                    }
                    completeIdleWaiters();
                    apply(commands.take());
                    continue;
                }
                if (applyWaitingCommands() || !busy()) {
                    continue;
                }
                if (periodNanos > 0) {
                    long wait = nextStepAt - System.nanoTime();
                    if (wait > 0) {
                        // A precise wait that any command cuts short.
                        Command c = commands.poll(wait, TimeUnit.NANOSECONDS);
                        if (c != null) {
                            apply(c);
                        }
                        continue;
                    }
                }
                trainOneStep();
            } catch (InterruptedException e) {
                if (closed) {
                    break;
                }
            } catch (RuntimeException | LinkageError | AssertionError e) {
                stopRunning();
                dirty = false; // a snapshot that cannot be built is not retried in a loop
                bus.publish(new SessionEvent.EngineError("training stopped: " + SnapshotBus.describe(e)));
            }
        }
        for (CompletableFuture<TrainingSnapshot> f : idleWaiters) {
            f.cancel(false);
        }
    }

    private boolean busy() {
        return running || pendingSteps > 0 || toEpochEnd;
    }

    /** Applies every command waiting now; true if there was one. */
    private boolean applyWaitingCommands() {
        boolean any = false;
        Command c;
        while ((c = commands.poll()) != null) {
            apply(c);
            any = true;
        }
        return any;
    }

    private void apply(Command c) {
        if (closed) {
            return;
        }
        try {
            c.action().run();
        } catch (RuntimeException e) {
            bus.publish(new SessionEvent.EngineError(c.name() + " failed: " + SnapshotBus.describe(e)));
            return;
        }
        dirty = true;
        if (c.changesRun()) {
            boundary = true;
            evaluation = null; // the run changed at this step: evaluate afresh
            // Record the changed run at once, before any further step: between two history records
            // the run only trains, which is what makes replaying to any step exact.
            publishSnapshot(System.nanoTime());
        }
    }

    private void trainOneStep() {
        StepResult r = trainer.step();
        if (r.diverged()) {
            stopRunning();
            state = SessionState.DIVERGED;
            dirty = true;
            evaluation = null; // the run changed at this step: evaluate afresh
            bus.publish(new SessionEvent.Diverged(r.divergence().step(), r.divergence().what()));
            return;
        }
        bus.publish(new LossPoint(r.step(), r.epoch(), r.batchLoss(), Double.NaN, false));
        if (pendingSteps > 0) {
            pendingSteps--;
        }
        if (r.epochEnded()) {
            toEpochEnd = false;
        }
        if (!busy()) {
            state = SessionState.PAUSED;
        }
        if (r.epochEnded()) {
            // Training on at full speed, only some epoch ends fit in the evaluation budget; those
            // are published. The last step of a request is always evaluated.
            Evaluation e = evaluate(busy());
            if (e != null) {
                LossPoint p = new LossPoint(r.step(), r.epoch(), e.trainLoss(), e.testLoss(), true, e.trainAccuracy(),
                        e.testAccuracy());
                bus.publish(p);
                history.recordEpoch(p, config, trainer::checkpoint);
            }
        }
        dirty = true;
        long now = System.nanoTime();
        if (periodNanos > 0) {
            nextStepAt += periodNanos;
            if (nextStepAt < now - 4 * periodNanos) {
                nextStepAt = now; // fell far behind (a slow step, a pause): do not race to catch up
            }
        }
        if (now - lastSnapshotAt >= 1e9 / settings.snapshotsPerSecond()) {
            publishSnapshot(now);
        }
    }

    /** Play or step after a divergence tries again (it diverges again unless something changed). */
    private void retryAfterDivergence() {
        if (state == SessionState.DIVERGED) {
            trainer.clearDivergence();
            state = SessionState.PAUSED;
        }
    }

    private void stopRunning() {
        running = false;
        pendingSteps = 0;
        toEpochEnd = false;
        if (state == SessionState.RUNNING) {
            state = SessionState.PAUSED;
        }
    }

    private void replaceTrainer(Trainer t, String reason) {
        trainer = t;
        config = t.config();
        history.clear();
        stopRunning();
        state = SessionState.PAUSED;
        lastField = null;
        bus.publish(new SessionEvent.Rebuilt(t.stepCount(), reason));
    }

    private void changed(String setting, String what) {
        bus.publish(new SessionEvent.SettingChanged(trainer.stepCount(), setting, "", what));
    }

    /**
     * Time travel: restores the nearest record at or before {@code step}, replays the few steps
     * between (deterministic: the same batches, the same updates), and forgets the later history.
     */
    private void travelTo(long step) {
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
        stopRunning();
        state = trainer.divergence() != null ? SessionState.DIVERGED : SessionState.PAUSED;
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

    /**
     * The evaluation at the current step, or null when {@code budgeted} and the time budget does
     * not allow one yet: an evaluation that took {@code d} allows the next only after
     * {@code d / evaluationShare}. At full speed that is the engine thread's CPU time, not wall
     * time: on a busy machine the thread is often descheduled, and wall time would let
     * evaluations take a larger share.
     */
    private Evaluation evaluate(boolean budgeted) {
        long step = trainer.stepCount();
        if (evaluation != null && evaluationStep == step) {
            return evaluation;
        }
        boolean limited = budgeted && settings.evaluationShare() < 1;
        long cpu0 = limited ? cpuTime() : 0;
        long wall0 = System.nanoTime();
        // At full speed the budget counts CPU time; when paced, the waits between steps count too.
        if (limited && (periodNanos == 0 ? cpu0 < nextEvaluationCpu : wall0 < nextEvaluationWall)) {
            return null;
        }
        evaluation = trainer.evaluate();
        evaluationStep = step;
        if (limited) {
            double share = settings.evaluationShare();
            nextEvaluationCpu = cpu0 + (long) ((cpuTime() - cpu0) / share);
            nextEvaluationWall = wall0 + (long) ((System.nanoTime() - wall0) / share);
        }
        return evaluation;
    }

    private static long cpuTime() {
        return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    private void publishSnapshot(long now) {
        Network net = trainer.network();
        List<LayerSnapshot> layers = new ArrayList<>(net.layerCount());
        for (int l = 0; l < net.layerCount(); l++) {
            Layer layer = net.layer(l);
            layers.add(new LayerSnapshot(layer.inputs(), layer.outputs(), layer.activation(), layer.weightsCopy(),
                    layer.biasesCopy(), layer.weightGradientsCopy(), layer.biasGradientsCopy(),
                    layer.weightUpdatesCopy(), layer.biasUpdatesCopy(), layer.frozenWeightsCopy(),
                    layer.frozenBiasesCopy(), wantStats ? trainer.stats(l) : null));
        }
        if (wantFields && (lastField == null || !running || now - lastFieldAt >= 1e9 / settings.fieldsPerSecond())) {
            lastField = computeField();
            lastFieldAt = now;
        }
        // While training runs, the losses may be those of the latest affordable evaluation, a few
        // milliseconds old; paused, after commands and when stepping slowly they are exact.
        Evaluation e = evaluate(busy() && evaluation != null);
        if (e == null) {
            e = evaluation;
        }
        int epoch = trainer.epochCount();
        double lr = trainer.learningRate();
        TrainingSnapshot s = new TrainingSnapshot(trainer.stepCount(), epoch, state, config, config.features(),
                layers, e.trainLoss(), e.testLoss(), e.trainAccuracy(), e.testAccuracy(), e.penalty(), lr,
                wantFields ? lastField : null, data);
        // A diverged trainer holds the last finite weights at the last good step; that step is
        // already recorded as it was, and jumping there must not land in the diverged state.
        boolean fullSpeed = busy() && periodNanos == 0;
        if (trainer.divergence() == null
                && (boundary || !fullSpeed || now - lastRecordAt >= 1e9 / settings.recordsPerSecond())) {
            history.record(trainer.checkpoint(), s, boundary);
            boundary = false;
            lastRecordAt = now;
        }
        lastSnapshot = s;
        lastSnapshotAt = now;
        dirty = false;
        bus.publish(s);
    }

    private FieldSnapshot computeField() {
        int grid = settings.fieldGrid();
        double ext = settings.fieldExtent();
        // A fresh array each time: the snapshot that holds it is immutable.
        return new FieldSnapshot(grid, -ext, ext, trainer.computeField(grid, -ext, ext, null));
    }

    private void completeIdleWaiters() {
        if (idleWaiters.isEmpty()) {
            return;
        }
        for (CompletableFuture<TrainingSnapshot> f : idleWaiters) {
            f.complete(lastSnapshot);
        }
        idleWaiters.clear();
    }
}
