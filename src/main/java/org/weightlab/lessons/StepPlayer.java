package org.weightlab.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.weightlab.scenario.LessonStep;
import org.weightlab.session.race.RaceSnapshot;

/**
 * Plays the steps of one lesson on a {@link LessonDriver}: performs each step's actions in
 * order, keeps copies of the run where the checks need them (at the step's start, around a data
 * switch, at a freeze) and measures the step's checks on the run. One player per opened lesson;
 * the marks carry over from step to step (a freeze in one step, its check in a later one).
 */
public final class StepPlayer {

    /** Copies of the run that the checks compare against; null until the lesson gets there. */
    public static final class Marks {
        /** Before the step's first action. */
        RunMoment stepStart;
        /** Before the step's first training (after any reset or new settings). */
        RunMoment trainStart;
        /** The run at the end of each step played, from step 1. */
        final List<RunMoment> stepEnds = new ArrayList<>();
        RunMoment beforeData;
        RunMoment afterData;
        RunMoment atFreeze;
        int frozenLayer = -1;
        RunMoment now;
        /** The last race a step ran, at its end. */
        RaceSnapshot race;
    }

    private final LessonDriver driver;
    private final Marks marks = new Marks();

    /** Steps played so far. */
    public int played() {
        return marks.stepEnds.size();
    }

    public StepPlayer(LessonDriver driver) {
        this.driver = driver;
    }

    /** Performs {@code step}'s actions, then measures its checks; the future holds one line per check. */
    public CompletableFuture<List<Measurement>> play(LessonStep step) {
        CompletableFuture<Void> chain = driver.moment().thenAccept(m -> {
            marks.stepStart = m;
            marks.trainStart = m;
        });
        boolean trained = false;
        for (LessonStep.Action a : step.actions()) {
            boolean trains = a.kind() == LessonStep.Kind.TRAIN || a.kind() == LessonStep.Kind.STEP;
            if (trains && !trained) {
                chain = chain.thenCompose(v -> driver.moment()).thenAccept(m -> marks.trainStart = m);
            }
            trained |= trains;
            chain = chain.thenCompose(v -> perform(a));
        }
        return chain.thenCompose(v -> driver.moment())
                .thenApplyAsync(m -> {
                    marks.now = m;
                    marks.stepEnds.add(m);
                    List<Measurement> out = new ArrayList<>();
                    for (LessonStep.Check c : step.checks()) {
                        out.add(LessonMeasure.measure(c, marks));
                    }
                    return out;
                });
    }

    private CompletableFuture<Void> perform(LessonStep.Action a) {
        return switch (a.kind()) {
            case DATA -> driver.moment().thenAccept(m -> marks.beforeData = m)
                    .thenCompose(v -> driver.perform(a))
                    .thenCompose(v -> driver.moment()).thenAccept(m -> marks.afterData = m);
            case FREEZE -> driver.perform(a).thenCompose(v -> driver.moment()).thenAccept(m -> {
                marks.atFreeze = m;
                marks.frozenLayer = a.count();
            });
            case RACE -> driver.race(a).thenAccept(r -> marks.race = r);
            default -> driver.perform(a);
        };
    }
}
