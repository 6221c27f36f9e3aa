package org.weightlab.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.weightlab.scenario.LessonStep;
import org.weightlab.scenario.Scenario;

/**
 * Plays every step of a lesson without a window and reports, in one line, whether each check
 * held: {@code lesson NAME ok MEASURED} or {@code lesson NAME FAIL WHY}. A lesson that stops
 * showing its point fails here.
 */
public final class LessonCheck {

    /** The outcome for one lesson. */
    public record Result(String name, boolean ok, String detail) {
        public String line() {
            return "lesson " + name + (ok ? " ok " : " FAIL ") + detail;
        }
    }

    private LessonCheck() {
    }

    public static Result check(String name, Scenario s) {
        if (s.lesson() == null || s.lesson().steps().isEmpty()) {
            return new Result(name, false, "has no guided steps");
        }
        StepPlayer player = new StepPlayer(new TrainerDriver(s));
        List<String> found = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        int number = 0;
        for (LessonStep step : s.lesson().steps()) {
            number++;
            List<Measurement> ms;
            try {
                ms = player.play(step).join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                return new Result(name, false, "step " + number + ": " + cause.getMessage());
            }
            for (Measurement m : ms) {
                (m.ok() ? found : failed).add("step " + number + ": " + m.text());
            }
        }
        if (!failed.isEmpty()) {
            return new Result(name, false, String.join("; ", failed));
        }
        if (found.isEmpty()) {
            return new Result(name, false, "checks nothing");
        }
        return new Result(name, true, String.join("; ", found));
    }
}
