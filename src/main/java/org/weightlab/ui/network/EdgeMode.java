package org.weightlab.ui.network;

/** What the edges (and bias marks) of the graph show. */
public enum EdgeMode {
    WEIGHT("Weights"), GRADIENT("Gradients"), UPDATE("Updates");

    private final String label;

    EdgeMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
