package org.weightlab.engine;

/**
 * Training stopped: at step {@code step} (the step that was attempted and not applied),
 * {@code what} became NaN or infinite. The weights are those before that step.
 */
public record Divergence(long step, int epoch, String what) {

    public String message() {
        return "diverged at step " + step + ": " + what + " is not finite";
    }
}
