package org.weightlab.app;

import java.util.List;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;

/** Prints the session's speed figure on network B (outside the test suite: run its main). */
public final class SessionBenchmarkMain {

    private SessionBenchmarkMain() {
    }

    public static void main(String[] args) {
        RunConfig b = RunConfig.defaults().withFeatures(List.of(Feature.values()))
                .withHidden(List.of(8, 8, 8, 8, 8, 8), List.of());
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        long ms = args.length > 1 ? Long.parseLong(args[1]) : 400;
        SessionBenchmark.Result r = SessionBenchmark.measure(b, DataGenerator.generate(b), runs, ms);
        System.out.printf("bench session ratio=%.3f cpu_ratio=%.3f bare_steps_per_s=%.0f session_steps_per_s=%.0f"
                + " frames=%d%n", r.ratio(), r.cpuRatio(), r.bareStepsPerSecond(), r.sessionStepsPerSecond(),
                r.framesSeen());
    }
}
