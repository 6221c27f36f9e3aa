package org.weightlab.ui.network;

/**
 * One weight, numbered like {@link org.weightlab.session.TrainingControl}: weight layer
 * {@code layer} (0 = first hidden layer), from input {@code in} to neuron {@code out}.
 */
public record EdgeRef(int layer, int out, int in) {
}
