package org.weightlab.session;

/** What the engine thread is doing. */
public enum SessionState {
    /** Waiting for a command. */
    PAUSED,
    /** Training continuously. */
    RUNNING,
    /** Stopped because a loss, gradient or weight became NaN or infinite; the last finite weights are kept. */
    DIVERGED
}
