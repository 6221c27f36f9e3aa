package org.weightlab.session;

import org.weightlab.engine.config.RunConfig;

/**
 * The commands a view may send to the training session. Every call returns at once: the
 * engine thread applies commands in order, between steps. Layer indices count the weight
 * layers from 0 (the first hidden layer) to {@code layers - 1} (the output layer).
 */
public interface TrainingControl {

    void play();

    void pause();

    /** One optimizer step on the next minibatch. */
    void stepBatch();

    /** Steps until the end of the current epoch. */
    void stepEpoch();

    void runSteps(int n);

    /** Back to step 0 with the same seed and the same initial weights. */
    void reset();

    /** New initial weights from a new seed; the data stays. */
    void reinitialize();

    /**
     * Applies a new config: hyperparameters (learning rate, optimizer parameters, regularization,
     * schedule, batch size, dropout) change the live run, keeping optimizer state; data, features
     * and topology changes rebuild the run. A {@link SessionEvent.SettingChanged} or
     * {@link SessionEvent.Rebuilt} event says which.
     */
    void applyConfig(RunConfig config);

    /**
     * As {@link #applyConfig}, but when the network keeps its shape the new run starts from the
     * current weights and frozen parts (new data for the weights trained so far). A control
     * that cannot keep weights applies the config as usual.
     */
    default void applyConfigKeepingWeights(RunConfig config) {
        applyConfig(config);
    }

    /** Target speed in steps per second; {@code Double.POSITIVE_INFINITY} for as fast as possible. */
    void setSpeed(double stepsPerSecond);

    /**
     * Target speed in epochs per second (full passes over the training set), kept when the batch
     * size changes; {@code Double.POSITIVE_INFINITY} for as fast as possible. A control that cannot
     * pace ignores it.
     */
    default void setEpochsPerSecond(double epochsPerSecond) {
    }

    /**
     * A free run (play) pauses by itself when epoch {@code epoch} ends and says so with
     * {@link SessionEvent.StoppedAtEpoch}; 0 for no stop. Playing on from there runs on. A control
     * that cannot stop ignores it.
     */
    default void stopAtEpoch(int epoch) {
    }

    void freezeWeight(int layer, int out, int in, boolean frozen);

    void freezeBias(int layer, int out, boolean frozen);

    /** Freezes a neuron: its incoming weights and its bias. */
    void freezeNeuron(int layer, int out, boolean frozen);

    void freezeLayer(int layer, boolean frozen);

    /**
     * Freezes kernel {@code kernel} of convolution {@code conv}: its weights and its bias. A
     * control without convolutions ignores it.
     */
    default void freezeKernel(int conv, int kernel, boolean frozen) {
    }

    void setWeight(int layer, int out, int in, double value);

    void setBias(int layer, int out, double value);

    /** Restores the run as it was at a recorded step; continuing from there forks the run. */
    void jumpTo(long step);

    /** Asks the engine to compute neuron fields ({@link FieldSnapshot}) for each snapshot, or to stop. */
    void requestFields(boolean wanted);

    /** Asks the engine to compute per-layer statistics for each snapshot, or to stop. */
    void requestStats(boolean wanted);
}
