package org.weightlab.ui.controls;

/** What a change does to the run, as the panel tells the user. */
enum Effect {
    LIVE(ControlsPanel.LIVE_TEXT),
    DATA(ControlsPanel.REBUILD_TEXT + ": data changed"),
    MODEL(ControlsPanel.REBUILD_TEXT + ": model changed");

    final String text;

    Effect(String text) {
        this.text = text;
    }
}
