package org.weightlab.session;

/** Things that happen in a session besides snapshots and loss points. */
public sealed interface SessionEvent {

    /** Training stopped at {@code step} because {@code what} became NaN or infinite. */
    record Diverged(long step, String what) implements SessionEvent {
    }

    /** A setting changed at {@code step}; the loss chart marks it, e.g. "lr 0.03 -> 0.3". */
    record SettingChanged(long step, String setting, String oldValue, String newValue) implements SessionEvent {
        public String label() {
            return oldValue == null || oldValue.isEmpty() ? setting + " " + newValue
                    : setting + " " + oldValue + " \u2192 " + newValue;
        }
    }

    /** A command failed; the session stays usable. */
    record EngineError(String message) implements SessionEvent {
    }

    /**
     * The run went back to {@code toStep} (time travel), coming from {@code fromStep}. Everything
     * after {@code toStep} is forgotten: the loss chart drops its points beyond it, and training
     * continues from there as a new branch.
     */
    record Jumped(long fromStep, long toStep) implements SessionEvent {
    }

    /** The run was rebuilt (new data, topology or initial weights); views rebuild their drawings. */
    record Rebuilt(long step, String reason) implements SessionEvent {
    }

    /** A free run paused by itself when epoch {@code epoch} ended, the epoch it was asked to stop at. */
    record StoppedAtEpoch(long step, int epoch) implements SessionEvent {
    }
}
