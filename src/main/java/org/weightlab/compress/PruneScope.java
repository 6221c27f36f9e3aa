package org.weightlab.compress;

/** Whether a sparsity applies to all layers at once or to each layer on its own. */
public enum PruneScope {
    /** One ranking over every layer: layers with small weights lose more. */
    GLOBAL("global"),
    /** The same fraction of every layer. */
    LAYER("layer");

    private final String id;

    PruneScope(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static PruneScope fromId(String id) {
        for (PruneScope s : values()) {
            if (s.id.equalsIgnoreCase(id == null ? "" : id.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown pruning scope \"" + id + "\" (expected global or layer)");
    }
}
