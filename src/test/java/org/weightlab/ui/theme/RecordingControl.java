package org.weightlab.ui.theme;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.session.TrainingControl;

/** A TrainingControl that only writes down the commands it receives, one line each. */
public final class RecordingControl implements TrainingControl {

    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private volatile RunConfig lastConfig;

    public List<String> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public RunConfig lastConfig() {
        return lastConfig;
    }

    public void clear() {
        calls.clear();
        lastConfig = null;
    }

    private void record(String s) {
        calls.add(s);
    }

    @Override public void play() { record("play"); }
    @Override public void pause() { record("pause"); }
    @Override public void stepBatch() { record("stepBatch"); }
    @Override public void stepEpoch() { record("stepEpoch"); }
    @Override public void runSteps(int n) { record("runSteps " + n); }
    @Override public void reset() { record("reset"); }
    @Override public void reinitialize() { record("reinitialize"); }

    @Override
    public void applyConfig(RunConfig config) {
        lastConfig = config;
        record("applyConfig");
    }

    @Override public void setSpeed(double stepsPerSecond) { record("setSpeed " + stepsPerSecond); }

    @Override
    public void freezeWeight(int layer, int out, int in, boolean frozen) {
        record("freezeWeight " + layer + " " + out + " " + in + " " + frozen);
    }

    @Override
    public void freezeBias(int layer, int out, boolean frozen) {
        record("freezeBias " + layer + " " + out + " " + frozen);
    }

    @Override
    public void freezeKernel(int conv, int kernel, boolean frozen) {
        record("freezeKernel " + conv + " " + kernel + " " + frozen);
    }

    @Override
    public void freezeNeuron(int layer, int out, boolean frozen) {
        record("freezeNeuron " + layer + " " + out + " " + frozen);
    }

    @Override
    public void freezeLayer(int layer, boolean frozen) {
        record("freezeLayer " + layer + " " + frozen);
    }

    @Override
    public void setWeight(int layer, int out, int in, double value) {
        record("setWeight " + layer + " " + out + " " + in + " " + value);
    }

    @Override
    public void setBias(int layer, int out, double value) {
        record("setBias " + layer + " " + out + " " + value);
    }

    @Override public void jumpTo(long step) { record("jumpTo " + step); }
    @Override public void requestFields(boolean wanted) { record("requestFields " + wanted); }
    @Override public void requestStats(boolean wanted) { record("requestStats " + wanted); }
}
