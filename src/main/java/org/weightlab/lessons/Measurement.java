package org.weightlab.lessons;

/**
 * What a check found on the run.
 *
 * @param ok   whether the check's bound holds
 * @param text what happened, as a student reads it ("test loss is 3.2x its minimum, reached at epoch 10")
 */
public record Measurement(boolean ok, String text) {
}
