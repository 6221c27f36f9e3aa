package org.weightlab.scenario;

import org.weightlab.engine.config.RunConfig;

/**
 * What an instructor saves and opens (DESIGN 5): a run's config, optionally the weights to start
 * from (which then replace the initializer, frozen parts included), optionally lesson text, and
 * optionally the pace it plays at and the epoch it stops at.
 *
 * @param initial null to draw the initial weights from the config's initializers
 * @param lesson  null when the scenario carries no lesson text
 * @param pace    null when the scenario leaves speed and stopping to the window
 */
public record Scenario(RunConfig config, NetworkState initial, Lesson lesson, Pace pace) {

    /** A scenario that leaves speed and stopping to the window. */
    public Scenario(RunConfig config, NetworkState initial, Lesson lesson) {
        this(config, initial, lesson, null);
    }

    public Scenario {
        if (config == null) {
            throw new IllegalArgumentException("config is missing");
        }
        if (initial != null) {
            String problem = initial.shapeProblem(config);
            if (problem != null) {
                throw new IllegalArgumentException("initial." + problem);
            }
            if (!initial.isFinite()) {
                throw new IllegalArgumentException("initial weights must be finite numbers");
            }
        }
    }

    public static Scenario of(RunConfig config) {
        return new Scenario(config, null, null);
    }
}
