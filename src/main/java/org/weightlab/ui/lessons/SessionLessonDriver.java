package org.weightlab.ui.lessons;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.LongFunction;
import javafx.application.Platform;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.lessons.LessonDriver;
import org.weightlab.lessons.LessonSettings;
import org.weightlab.lessons.RunMoment;
import org.weightlab.scenario.LessonStep;
import org.weightlab.session.LossPoint;
import org.weightlab.session.SessionHost;
import org.weightlab.session.TrainingSession;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.session.race.Race;
import org.weightlab.session.race.RaceSnapshot;

/**
 * Plays lesson actions on the window's run through the session's commands, exactly as the
 * controls would send them, and measures on exact copies of the run. Nothing here touches the
 * engine: commands go to the session's queue and the futures complete when it is idle again.
 */
public final class SessionLessonDriver implements LessonDriver {

    private final SessionHost host;
    private final LongFunction<List<LossPoint>> epochEndsUpTo;
    private final Runnable openStepper;
    private final BiFunction<Race, Integer, CompletableFuture<RaceSnapshot>> playRace;
    private final Runnable openSurface;

    /**
     * @param epochEndsUpTo the window's evaluated epoch ends up to a step (read on the FX thread)
     * @param openStepper   opens the step-through view (run on the FX thread)
     */
    public SessionLessonDriver(SessionHost host, LongFunction<List<LossPoint>> epochEndsUpTo, Runnable openStepper) {
        this(host, epochEndsUpTo, openStepper, null, () -> { });
    }

    /**
     * @param playRace    shows a race in the window and plays it for the given epochs (called on the
     *                    FX thread); the future completes at the race's end. Null plays races unseen.
     * @param openSurface opens the loss surface view (run on the FX thread)
     */
    public SessionLessonDriver(SessionHost host, LongFunction<List<LossPoint>> epochEndsUpTo, Runnable openStepper,
                               BiFunction<Race, Integer, CompletableFuture<RaceSnapshot>> playRace,
                               Runnable openSurface) {
        this.host = host;
        this.epochEndsUpTo = epochEndsUpTo;
        this.openStepper = openStepper;
        this.playRace = playRace;
        this.openSurface = openSurface;
    }

    /** A step action of at most this many steps is shown before the lesson goes on. */
    static final int FEW_STEPS = 3;
    /** How long each such action stays on screen: a few frames, long enough to see the move. */
    static final long STEP_PAUSE_MS = 250;

    /** Stops free-running training (a step plays on a still run), then waits for the queue to empty. */
    private CompletableFuture<TrainingSnapshot> still() {
        host.pause();
        return idle();
    }

    /** Completes when every command sent so far is applied and every requested step taken. */
    private CompletableFuture<TrainingSnapshot> idle() {
        return host.session().whenIdle();
    }

    @Override
    public CompletableFuture<Void> perform(LessonStep.Action a) {
        return switch (a.kind()) {
            case SET -> still().thenCompose(s -> {
                host.applyConfig(LessonSettings.apply(s.config(), a.values()));
                return idle();
            }).thenApply(s -> null);
            case DATA -> still().thenCompose(s -> {
                RunConfig next = LessonSettings.apply(s.config(), a.values());
                if (a.keepWeights()) {
                    host.applyConfigKeepingWeights(next);
                } else {
                    host.applyConfig(next);
                }
                return idle();
            }).thenApply(s -> null);
            case RESET -> {
                host.pause();
                host.reset();
                yield idle().thenApply(s -> null);
            }
            case TRAIN -> still().thenCompose(s -> {
                int train = s.data().train().size();
                int batch = s.config().batchSize();
                long perEpoch = (train + batch - 1) / batch;
                host.runSteps((int) Math.min(Integer.MAX_VALUE, perEpoch * a.count()));
                return idle();
            }).thenApply(s -> null);
            case STEP -> {
                host.pause();
                host.runSteps(a.count());
                // A lesson that walks a few steps at a time lets each one be drawn (the loss
                // surface's path, the output) before the next, rather than only the last.
                yield idle().thenCompose(s -> a.count() <= FEW_STEPS
                        ? CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(STEP_PAUSE_MS,
                                java.util.concurrent.TimeUnit.MILLISECONDS))
                        : CompletableFuture.completedFuture(null));
            }
            case FREEZE -> {
                host.pause();
                host.freezeLayer(a.count(), true);
                yield idle().thenApply(s -> null);
            }
            case STEPPER -> onFx(() -> {
                openStepper.run();
                return null;
            });
            case SURFACE -> onFx(() -> {
                openSurface.run();
                return null;
            });
            case RACE -> race(a).thenApply(r -> null);
            case MOVE -> still().thenCompose(s -> {
                host.moveToTaskB(org.weightlab.lessons.TrainerDriver.moveConfig(s.config(), a), a.freezeBase());
                return idle();
            }).thenApply(s -> null);
        };
    }

    /** Forks the race from an exact copy of the run (paused first) and plays it in the window. */
    @Override
    public CompletableFuture<RaceSnapshot> race(LessonStep.Action a) {
        host.pause();
        return moment().thenApplyAsync(m -> LessonDriver.forkRace(m, a))
                .thenCompose(race -> {
                    if (playRace == null) {
                        race.runEpochs(a.count());
                        return CompletableFuture.completedFuture(race.snapshot(false, false));
                    }
                    return onFx(() -> playRace.apply(race, a.count())).thenCompose(f -> f);
                });
    }

    @Override
    public CompletableFuture<RunMoment> moment() {
        CompletableFuture<TrainingSession.RunCopy> copy = host.session().copyOfRun();
        // The loss points reach the window's history on the next pulse: read it after one.
        return copy.thenCompose(c -> onFx(() -> epochEndsUpTo.apply(c.checkpoint().step()))
                .thenApply(curve -> new RunMoment(c.checkpoint(), c.data(), curve)));
    }

    private static <T> CompletableFuture<T> onFx(java.util.function.Supplier<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }
}
