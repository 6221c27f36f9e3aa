package org.weightlab.lessons;

import java.util.concurrent.CompletableFuture;
import org.weightlab.scenario.LessonStep;

/**
 * What a lesson step acts on: the window's run (through the session's commands) or, for the
 * headless check, a trainer of its own. Each call completes when the run is idle again.
 */
public interface LessonDriver {

    /** Performs one action; completes when it is done (training included). */
    CompletableFuture<Void> perform(LessonStep.Action action);

    /** A copy of the run as it is now. */
    CompletableFuture<RunMoment> moment();
}
