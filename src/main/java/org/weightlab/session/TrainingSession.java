package org.weightlab.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.weightlab.engine.Checkpoint;
import org.weightlab.engine.Evaluation;
import org.weightlab.engine.Network;
import org.weightlab.engine.StepResult;
import org.weightlab.engine.TaskScore;
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
 *       command, and when it stops; fields and statistics only while a view asks for them. A
 *       snapshot kept in the history carries the losses evaluated at its own step;</li>
 *   <li>events: settings changed, rebuilt, jumped, diverged, stopped at an epoch, errors.</li>
 * </ul>
 * Its roles are split: {@link SessionRun} holds the run and applies the commands that change it,
 * {@link Pacer} keeps the pace (steps or epochs per second; the engine thread waits between
 * steps), {@link Evaluator} the evaluation budget, {@link SnapshotParts} copies what a snapshot
 * holds; this class owns the thread, the command queue, stepping and publishing.
 * It records past moments in a {@link Timeline} (checkpoint plus snapshot) under a memory budget.
 * Any step between two records is reached exactly by restoring the earlier one and replaying:
 * training is deterministic, and every command that changes the run is itself recorded.
 *
 * <p>Commands with arguments that are wrong on their face (a NaN weight, a negative step count)
 * throw {@link IllegalArgumentException} at once; commands that fail on the engine thread (an
 * index out of range, a step not in the history) publish {@link SessionEvent.EngineError} and
 * change nothing. Event labels name parts as the graph does ({@link PartNames}: "Layer 1" is
 * weight layer 0).
 */
public final class TrainingSession implements TrainingControl, AutoCloseable {

    /** Something to do on the engine thread; {@code changesRun}: it may change weights or settings. */
    private record Command(String name, boolean changesRun, Runnable action) { }

    public static final String THREAD_NAME = "weightlab-engine";

    private final SnapshotBus bus;
    private final SessionSettings settings;
    private final History<Checkpoint> history;
    private final LinkedBlockingQueue<Command> commands = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;
    private volatile SessionState state = SessionState.PAUSED;

    // --- engine-thread state (touched only by the engine thread after start) ---
    private final SessionRun run;
    private boolean running;
    private long pendingSteps;
    private boolean toEpochEnd;
    private final Pacer pacer = new Pacer();
    private int stopAtEpoch; // 0: none; a free run pauses when this epoch ends
    private boolean wantStats;
    private boolean wantFields;
    private boolean dirty = true;   // the run changed since the last snapshot
    private boolean boundary = true; // a command changed the run since the last history record
    private long lastSnapshotAt = Long.MIN_VALUE / 2;
    private long lastRecordAt = Long.MIN_VALUE / 2;
    private long lastFieldAt = Long.MIN_VALUE / 2;
    private FieldSnapshot lastField;
    private final Evaluator evaluator;
    private TrainingSnapshot lastSnapshot;
    private final List<CompletableFuture<TrainingSnapshot>> idleWaiters = new ArrayList<>();

    /** A session on freshly generated data; {@code dataSource} also regenerates data when the config asks. */
    public TrainingSession(RunConfig config, SnapshotBus bus, Function<RunConfig, DataSplit> dataSource) {
        this(config, dataSource.apply(config), null, bus, dataSource, SessionSettings.defaults());
    }

    /**
     * A session on the given data, starting from {@code initial} weights (a scenario's) or from the
     * config's initializer when null. Nothing runs until {@link #start()}.
     */
    public TrainingSession(RunConfig config, DataSplit data, Network initial, SnapshotBus bus,
                           Function<RunConfig, DataSplit> dataSource, SessionSettings settings) {
        if (config == null || data == null || bus == null || dataSource == null || settings == null) {
            throw new IllegalArgumentException("a session needs a config, data, a bus, a data source and settings");
        }
        this.bus = bus;
        this.settings = settings;
        this.history = new History<>(settings.historyBudget(), settings.recentRecords(), Checkpoint::byteSize);
        this.run = new SessionRun(config, data, initial, bus, dataSource, history);
        this.evaluator = new Evaluator(settings.evaluationShare());
        pacer.setStepsPerEpoch(run.stepsPerEpoch());
        this.thread = new Thread(this::loop, THREAD_NAME);
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

    public SessionSettings settings() {
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

    /** An exact copy of a run: the trainer's state, the data split it trains on and task A once it moved (or null). */
    public record RunCopy(Checkpoint checkpoint, DataSplit data, TaskMove.Task taskA) { }

    /**
     * An exact copy of the run as it stands after every command sent before this call (weights,
     * optimizer state, batch order, and its data), for the step-through mode. Completes on the
     * engine thread.
     */
    public CompletableFuture<RunCopy> copyOfRun() {
        CompletableFuture<RunCopy> f = new CompletableFuture<>();
        submit("checkpoint", false, () -> f.complete(new RunCopy(run.trainer().checkpoint(), run.data(),
                run.taskA())));
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
            pacer.restart(System.nanoTime());
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
            pacer.restart(System.nanoTime());
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
            pacer.restart(System.nanoTime());
        });
    }

    @Override
    public void reset() {
        submit("reset", true, () -> {
            run.reset();
            afterRebuild();
        });
    }

    @Override
    public void reinitialize() {
        submit("re-initialize", true, () -> {
            run.reinitialize();
            afterRebuild();
        });
    }

    /**
     * Moves the run to a second data set (task B, {@code next}'s data) keeping its weights; from
     * then on epoch ends also carry task A's test loss and accuracy. The curve goes on (steps
     * continue); time travel starts again from here.
     */
    public void moveToTaskB(RunConfig next) {
        submit("move to task B", true, () -> {
            run.moveToTaskB(next);
            afterRebuild();
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
        SessionRun.Applied done = run.apply(next);
        if (done == SessionRun.Applied.REBUILT) {
            afterRebuild();
        } else if (done == SessionRun.Applied.UPDATED) {
            pacer.setStepsPerEpoch(run.stepsPerEpoch()); // the batch size may have changed
            if (state == SessionState.DIVERGED) {
                // New settings (a lower learning rate, say) may well train on from here.
                run.trainer().clearDivergence();
                state = SessionState.PAUSED;
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
            if (run.applyKeepingWeights(next)) {
                afterRebuild();
            } else {
                applyNow(next);
            }
        });
    }

    /** Folds layer {@code layer}'s LoRA adapter into W; outputs unchanged, a new run from here at step 0. */
    public void mergeAdapter(int layer) {
        submit("merge adapter", true, () -> { run.mergeAdapter(layer); afterRebuild(); });
    }

    @Override
    public void setSpeed(double stepsPerSecond) {
        if (!(stepsPerSecond > 0)) {
            throw new IllegalArgumentException("speed must be a positive number of steps per second, got "
                    + stepsPerSecond);
        }
        submit("set speed", false, () -> pacer.setStepsPerSecond(stepsPerSecond));
    }

    @Override
    public void setEpochsPerSecond(double epochsPerSecond) {
        if (!(epochsPerSecond > 0)) {
            throw new IllegalArgumentException("speed must be a positive number of epochs per second, got "
                    + epochsPerSecond);
        }
        submit("set speed", false, () -> pacer.setEpochsPerSecond(epochsPerSecond));
    }

    @Override
    public void stopAtEpoch(int epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("the epoch to stop at must be 0 (none) or more, got " + epoch);
        }
        submit("stop at epoch", false, () -> stopAtEpoch = epoch);
    }

    @Override
    public void freezeWeight(int layer, int out, int in, boolean frozen) {
        submit("freeze weight", true, () -> run.freezeWeight(layer, out, in, frozen));
    }

    @Override
    public void freezeBias(int layer, int out, boolean frozen) {
        submit("freeze bias", true, () -> run.freezeBias(layer, out, frozen));
    }

    @Override
    public void freezeNeuron(int layer, int out, boolean frozen) {
        submit("freeze neuron", true, () -> run.freezeNeuron(layer, out, frozen));
    }

    @Override
    public void freezeLayer(int layer, boolean frozen) {
        submit("freeze layer", true, () -> run.freezeLayer(layer, frozen));
    }

    @Override
    public void freezeKernel(int conv, int kernel, boolean frozen) {
        submit("freeze kernel", true, () -> run.freezeKernel(conv, kernel, frozen));
    }

    @Override
    public void setWeight(int layer, int out, int in, double value) {
        finite("weight", value);
        submit("set weight", true, () -> run.setWeight(layer, out, in, value));
    }

    @Override
    public void setBias(int layer, int out, double value) {
        finite("bias", value);
        submit("set bias", true, () -> run.setBias(layer, out, value));
    }

    @Override
    public void jumpTo(long step) {
        submit("jump to step " + step, true, () -> {
            run.travelTo(step);
            pacer.setStepsPerEpoch(run.stepsPerEpoch());
            stopRunning();
            state = run.trainer().divergence() != null ? SessionState.DIVERGED : SessionState.PAUSED;
        });
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

    private void loop() {
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
                if (pacer.paced()) {
                    long wait = pacer.waitNanos(System.nanoTime());
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
            evaluator.forget(); // the run changed at this step: evaluate afresh
            // Record the changed run at once, before any further step: between two history records
            // the run only trains, which is what makes replaying to any step exact.
            publishSnapshot(System.nanoTime());
        }
    }

    private void trainOneStep() {
        Trainer trainer = run.trainer();
        StepResult r = trainer.step();
        if (r.diverged()) {
            stopRunning();
            state = SessionState.DIVERGED;
            dirty = true;
            evaluator.forget(); // the run changed at this step: evaluate afresh
            bus.publish(new SessionEvent.Diverged(r.divergence().step(), r.divergence().what()));
            return;
        }
        bus.publish(new LossPoint(r.step(), r.epoch(), r.batchLoss(), Double.NaN, false));
        if (pendingSteps > 0) {
            pendingSteps--;
        }
        if (r.epochEnded()) {
            toEpochEnd = false;
            if (running && r.epoch() == stopAtEpoch) {
                stopRunning();
                bus.publish(new SessionEvent.StoppedAtEpoch(r.step(), r.epoch()));
            }
        }
        if (!busy()) {
            state = SessionState.PAUSED;
        }
        if (r.epochEnded()) {
            // Training on at full speed, only some epoch ends fit in the evaluation budget; those
            // are published. The last step of a request is always evaluated.
            Evaluation e = evaluator.evaluate(trainer, busy(), pacer.paced());
            if (e != null) {
                TaskScore a = trainer.taskAScore();
                LossPoint p = new LossPoint(r.step(), r.epoch(), e.trainLoss(), e.testLoss(), true, e.trainAccuracy(),
                        e.testAccuracy(), a == null ? Double.NaN : a.loss(), a == null ? Double.NaN : a.accuracy());
                bus.publish(p);
                history.recordEpoch(p, run.config(), trainer::checkpoint);
            }
        }
        dirty = true;
        long now = System.nanoTime();
        pacer.stepped(now);
        if (now - lastSnapshotAt >= 1e9 / settings.snapshotsPerSecond()) {
            publishSnapshot(now);
        }
    }

    /** Play or step after a divergence tries again (it diverges again unless something changed). */
    private void retryAfterDivergence() {
        if (state == SessionState.DIVERGED) {
            run.trainer().clearDivergence();
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

    /** The run was rebuilt (reset, new weights, new data or topology): it waits, paused. */
    private void afterRebuild() {
        pacer.setStepsPerEpoch(run.stepsPerEpoch());
        stopRunning();
        state = SessionState.PAUSED;
        lastField = null;
    }

    private void publishSnapshot(long now) {
        Trainer trainer = run.trainer();
        RunConfig config = run.config();
        if (wantFields && config.planar() && (lastField == null || !running || now - lastFieldAt >= 1e9 / settings.fieldsPerSecond())) {
            lastField = SnapshotParts.field(trainer, settings.fieldGrid(), settings.fieldExtent());
            lastFieldAt = now;
        }
        // A diverged trainer holds the last finite weights at the last good step; that step is
        // already recorded as it was, and jumping there must not land in the diverged state.
        boolean fullSpeed = busy() && !pacer.paced();
        boolean record = trainer.divergence() == null
                && (boundary || !fullSpeed || now - lastRecordAt >= 1e9 / settings.recordsPerSecond());
        // A recorded moment carries the losses of its own step, so that the past shown from the
        // timeline and the run continued from there say the same. Between records, at full speed,
        // the losses may be those of the latest affordable evaluation, a few steps old.
        Evaluation e = record || evaluator.latest() == null ? evaluator.exact(trainer)
                : evaluator.evaluate(trainer, true, pacer.paced());
        if (e == null) {
            e = evaluator.latest();
        }
        TrainingSnapshot s = SnapshotParts.moment(trainer, state, e, wantFields ? lastField : null, run.data(),
                wantStats);
        if (record) {
            history.record(trainer.checkpoint(), s, boundary);
            boundary = false;
            lastRecordAt = now;
        }
        lastSnapshot = s;
        lastSnapshotAt = now;
        dirty = false;
        bus.publish(s);
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
