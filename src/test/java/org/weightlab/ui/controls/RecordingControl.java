package org.weightlab.ui.controls;

import java.util.ArrayList;
import java.util.List;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.session.TrainingControl;

/** A TrainingControl that only records the commands it gets, for view tests and demos. */
public final class RecordingControl implements TrainingControl {

    public final List<String> commands = new ArrayList<>();
    public final List<RunConfig> configs = new ArrayList<>();
    public final List<Long> jumps = new ArrayList<>();

    private void record(String c) {
        commands.add(c);
    }

    @Override
    public void play() {
        record("play");
    }

    @Override
    public void pause() {
        record("pause");
    }

    @Override
    public void stepBatch() {
        record("stepBatch");
    }

    @Override
    public void stepEpoch() {
        record("stepEpoch");
    }

    @Override
    public void runSteps(int n) {
        record("runSteps " + n);
    }

    @Override
    public void reset() {
        record("reset");
    }

    @Override
    public void reinitialize() {
        record("reinitialize");
    }

    @Override
    public void applyConfig(RunConfig config) {
        record("applyConfig");
        configs.add(config);
    }

    @Override
    public void applyConfigKeepingWeights(RunConfig config) {
        record("applyConfigKeepingWeights");
        configs.add(config);
    }

    @Override
    public void setSpeed(double stepsPerSecond) {
        record("setSpeed " + stepsPerSecond);
    }

    @Override
    public void freezeWeight(int layer, int out, int in, boolean frozen) {
        record("freezeWeight");
    }

    @Override
    public void freezeBias(int layer, int out, boolean frozen) {
        record("freezeBias");
    }

    @Override
    public void freezeNeuron(int layer, int out, boolean frozen) {
        record("freezeNeuron");
    }

    @Override
    public void freezeLayer(int layer, boolean frozen) {
        record("freezeLayer");
    }

    @Override
    public void setWeight(int layer, int out, int in, double value) {
        record("setWeight");
    }

    @Override
    public void setBias(int layer, int out, double value) {
        record("setBias");
    }

    @Override
    public void jumpTo(long step) {
        record("jumpTo " + step);
        jumps.add(step);
    }

    @Override
    public void requestFields(boolean wanted) {
        record("requestFields " + wanted);
    }

    @Override
    public void requestStats(boolean wanted) {
        record("requestStats " + wanted);
    }

    public RunConfig lastConfig() {
        return configs.isEmpty() ? null : configs.get(configs.size() - 1);
    }
}
