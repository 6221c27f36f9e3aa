package org.weightlab.lessons;

import java.util.concurrent.CompletableFuture;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.scenario.LessonStep;
import org.weightlab.session.TaskMove;
import org.weightlab.session.TrainingSession;
import org.weightlab.session.race.FineTuningStart;
import org.weightlab.session.race.Race;
import org.weightlab.session.race.RaceSetting;
import org.weightlab.session.race.RaceSnapshot;

/**
 * What a lesson step acts on: the window's run (through the session's commands) or, for the
 * headless check, a trainer of its own. Each call completes when the run is idle again.
 */
public interface LessonDriver {

    /** Performs one action; completes when it is done (training included). */
    CompletableFuture<Void> perform(LessonStep.Action action);

    /**
     * Races runs forked from the run as it is now, as a {@link LessonStep.Kind#RACE} action says;
     * completes with the race at its end. The run itself does not move.
     */
    CompletableFuture<RaceSnapshot> race(LessonStep.Action action);

    /** The race {@code action} asks for, forked from {@code from}. */
    static Race forkRace(RunMoment from, LessonStep.Action action) {
        RaceSetting setting = RaceSetting.fromId(action.values().get("setting"));
        if (setting.movesToTaskB()) {
            String b = action.values().get("taskB");
            if (b == null) {
                throw new IllegalArgumentException("a fineTuning race names its task B: \"taskB\": DATASET");
            }
            RunConfig taskB = TaskMove.next(from.checkpoint().config(), DatasetKind.fromId(b));
            return Race.fineTune(FineTuningStart.of(new TrainingSession.RunCopy(from.checkpoint(), from.data(), null),
                    taskB, DataGenerator::generate), action.raceValues());
        }
        return Race.fork(from.checkpoint(), from.data(), setting, action.raceValues());
    }

    /** A copy of the run as it is now. */
    CompletableFuture<RunMoment> moment();
}
