package org.weightlab.session;

import java.util.Objects;
import java.util.function.Function;
import org.weightlab.engine.Network;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataSplit;

/**
 * The current training session of a window, replaceable when a scenario or lesson opens. Views
 * hold the host as their {@link TrainingControl}, so commands always reach the run that is
 * open; every session publishes on the same bus, so views keep their subscriptions.
 */
public final class SessionHost implements TrainingControl, AutoCloseable {

    private final SnapshotBus bus;
    private final Function<RunConfig, DataSplit> dataSource;
    private final SessionSettings settings;
    private volatile TrainingSession session;
    private volatile boolean wantFields;
    private volatile boolean wantStats;
    private volatile double speed = Double.POSITIVE_INFINITY;
    /** NaN while the speed is in steps per second. */
    private volatile double epochsPerSecond = Double.NaN;
    private volatile int stopAtEpoch;

    public SessionHost(SnapshotBus bus, Function<RunConfig, DataSplit> dataSource, SessionSettings settings) {
        this.bus = Objects.requireNonNull(bus, "bus");
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Closes the open run (if any) and starts a new one from {@code config}, beginning at
     * {@code initial} weights and frozen masks when given. Throws (and keeps the old run) when
     * the data cannot be made or the weights do not fit the config.
     */
    public synchronized void open(RunConfig config, Network initial) {
        DataSplit data = dataSource.apply(config);
        TrainingSession next = new TrainingSession(config, data, initial, bus, dataSource, settings);
        TrainingSession old = session;
        if (old != null) {
            old.close();
        }
        session = next;
        // Before the new run publishes anything, so views clear first and keep all of its points.
        bus.publish(new SessionEvent.Rebuilt(0, "opened " + config.dataset().id()));
        next.start();
        next.requestFields(wantFields);
        next.requestStats(wantStats);
        if (Double.isNaN(epochsPerSecond)) {
            next.setSpeed(speed);
        } else {
            next.setEpochsPerSecond(epochsPerSecond);
        }
        next.stopAtEpoch(stopAtEpoch);
    }

    /** The data split a run on {@code config} trains on, made as the window's runs make theirs (any thread). */
    public DataSplit dataFor(RunConfig config) {
        return dataSource.apply(config);
    }

    public SnapshotBus bus() {
        return bus;
    }

    /** The open session; null before the first {@link #open}. */
    public TrainingSession session() {
        return session;
    }

    public Timeline timeline() {
        return session.timeline();
    }

    public SessionState state() {
        TrainingSession s = session;
        return s == null ? SessionState.PAUSED : s.state();
    }

    @Override
    public synchronized void close() {
        if (session != null) {
            session.close();
        }
    }

    @Override
    public void play() {
        session.play();
    }

    @Override
    public void pause() {
        session.pause();
    }

    @Override
    public void stepBatch() {
        session.stepBatch();
    }

    @Override
    public void stepEpoch() {
        session.stepEpoch();
    }

    @Override
    public void runSteps(int n) {
        session.runSteps(n);
    }

    @Override
    public void reset() {
        session.reset();
    }

    @Override
    public void reinitialize() {
        session.reinitialize();
    }

    @Override
    public void applyConfig(RunConfig config) {
        session.applyConfig(config);
    }

    /**
     * Moves the run to task B ({@code next}'s data) keeping its weights, after freezing every
     * weight layer but the last when {@code freezeBase} (fine-tuning with a frozen base); see
     * {@link TrainingSession#moveToTaskB}.
     */
    public void moveToTaskB(RunConfig next, boolean freezeBase) {
        TrainingSession s = session;
        if (freezeBase) {
            for (int l = 0; l < TaskMove.baseLayers(next); l++) {
                s.freezeLayer(l, true);
            }
        }
        s.moveToTaskB(next);
    }

    /** {@link TrainingSession#applyConfigKeepingWeights}: new data on the weights trained so far. */
    @Override
    public void applyConfigKeepingWeights(RunConfig config) {
        session.applyConfigKeepingWeights(config);
    }

    /** {@link TrainingSession#mergeAdapter}: layer {@code layer}'s LoRA adapter folded into its weights. */
    public void mergeAdapter(int layer) {
        session.mergeAdapter(layer);
    }

    @Override
    public void setSpeed(double stepsPerSecond) {
        TrainingSession s = session;
        if (s != null) {
            s.setSpeed(stepsPerSecond);
        }
        speed = stepsPerSecond;
        epochsPerSecond = Double.NaN;
    }

    /** Kept for the runs opened later; works before the first run is open. */
    @Override
    public void setEpochsPerSecond(double perSecond) {
        TrainingSession s = session;
        if (s != null) {
            s.setEpochsPerSecond(perSecond);
        }
        epochsPerSecond = perSecond;
    }

    /** Kept for the runs opened later; works before the first run is open. */
    @Override
    public void stopAtEpoch(int epoch) {
        TrainingSession s = session;
        if (s != null) {
            s.stopAtEpoch(epoch);
        }
        stopAtEpoch = epoch;
    }

    @Override
    public void freezeWeight(int layer, int out, int in, boolean frozen) {
        session.freezeWeight(layer, out, in, frozen);
    }

    @Override
    public void freezeBias(int layer, int out, boolean frozen) {
        session.freezeBias(layer, out, frozen);
    }

    @Override
    public void freezeNeuron(int layer, int out, boolean frozen) {
        session.freezeNeuron(layer, out, frozen);
    }

    @Override
    public void freezeKernel(int conv, int kernel, boolean frozen) {
        session.freezeKernel(conv, kernel, frozen);
    }

    @Override
    public void freezeLayer(int layer, boolean frozen) {
        session.freezeLayer(layer, frozen);
    }

    @Override
    public void setWeight(int layer, int out, int in, double value) {
        session.setWeight(layer, out, in, value);
    }

    @Override
    public void setBias(int layer, int out, double value) {
        session.setBias(layer, out, value);
    }

    @Override
    public void jumpTo(long step) {
        session.jumpTo(step);
    }

    @Override
    public void requestFields(boolean wanted) {
        wantFields = wanted;
        session.requestFields(wanted);
    }

    @Override
    public void requestStats(boolean wanted) {
        wantStats = wanted;
        session.requestStats(wanted);
    }
}
