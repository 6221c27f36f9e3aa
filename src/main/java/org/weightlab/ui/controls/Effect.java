package org.weightlab.ui.controls;

/** What a change does to the run, as the panel tells the user. */
enum Effect {
    LIVE(Effect.LIVE_TEXT),
    DATA(Effect.REBUILD_TEXT + ": data changed"),
    MODEL(Effect.REBUILD_TEXT + ": model changed");

    static final String LIVE_TEXT = "applies to the running network";
    static final String REBUILD_TEXT = "rebuilds the network";
    /** A data change that kept the weights (the network's shape allowed it). */
    static final String KEPT_WEIGHTS_TEXT = "new data, the weights trained so far kept";

    final String text;

    Effect(String text) {
        this.text = text;
    }
}
