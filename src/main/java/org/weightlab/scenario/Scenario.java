package org.weightlab.scenario;

import org.weightlab.engine.config.RunConfig;

/**
 * What an instructor saves and opens (DESIGN 5): a run's config, optionally the weights to start
 * from (which then replace the initializer, frozen parts included), and optionally lesson text.
 *
 * @param initial null to draw the initial weights from the config's initializers
 * @param lesson  null when the scenario carries no lesson text
 */
public record Scenario(RunConfig config, NetworkState initial, Lesson lesson) {

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
