package org.weightlab.ui.network;

/**
 * A node of the drawn network, numbered like {@link org.weightlab.session.FieldSnapshot}: layer 0
 * holds the active input features ({@code index} into the snapshot's feature list), layer
 * {@code k >= 1} the neurons of weight layer {@code k - 1}; the last layer is the output.
 */
public record NodeRef(int layer, int index) {
}
