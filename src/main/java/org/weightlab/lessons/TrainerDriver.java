package org.weightlab.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.weightlab.engine.Evaluation;
import org.weightlab.engine.Network;
import org.weightlab.engine.TaskScore;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.scenario.LessonStep;
import org.weightlab.scenario.Scenario;
import org.weightlab.session.LossPoint;
import org.weightlab.session.TaskMove;
import org.weightlab.session.TrainingSession;
import org.weightlab.session.race.Race;
import org.weightlab.session.race.RaceSnapshot;

/**
 * A lesson's run without a window: a trainer of its own, changed the way the session's commands
 * change the window's run (new settings that need a new run start one; new data keeps the
 * weights when asked and the shape allows). Every call completes at once.
 */
public final class TrainerDriver implements LessonDriver {

    private Trainer trainer;
    private DataSplit data;
    private Network initial;
    private final List<LossPoint> curve = new ArrayList<>();

    public TrainerDriver(Scenario s) {
        RunConfig c = s.config();
        data = DataGenerator.generate(c);
        trainer = new Trainer(c, data, s.initial() == null ? null : s.initial().toNetwork(c));
        initial = trainer.network().copy();
    }

    @Override
    public CompletableFuture<Void> perform(LessonStep.Action a) {
        RunConfig c = trainer.config();
        switch (a.kind()) {
            case SET -> {
                RunConfig next = LessonSettings.apply(c, a.values());
                if (Trainer.needsRebuild(c, next)) {
                    data = RunConfig.sameData(c, next) ? data : DataGenerator.generate(next);
                    rebuild(new Trainer(next, data));
                } else {
                    trainer.updateHyperparameters(next);
                }
            }
            case RESET -> rebuild(new Trainer(c, data, initial));
            case TRAIN -> {
                for (int e = 0; e < a.count() && trainer.divergence() == null; e++) {
                    trainer.runEpoch();
                    Evaluation ev = trainer.evaluate();
                    TaskScore taskA = trainer.taskAScore();
                    curve.add(new LossPoint(trainer.stepCount(), trainer.epochCount(), ev.trainLoss(), ev.testLoss(),
                            true, ev.trainAccuracy(), ev.testAccuracy(), taskA == null ? Double.NaN : taskA.loss(),
                            taskA == null ? Double.NaN : taskA.accuracy()));
                }
            }
            case STEP -> {
                for (int i = 0; i < a.count() && trainer.divergence() == null; i++) {
                    trainer.step();
                }
            }
            case FREEZE -> trainer.freezeLayer(a.count(), true);
            case DATA -> {
                RunConfig next = LessonSettings.apply(c, a.values());
                data = DataGenerator.generate(next);
                boolean keep = a.keepWeights() && RunConfig.sameNetworkShape(c, next);
                rebuild(keep ? new Trainer(next, data, trainer.network()) : new Trainer(next, data));
            }
            case MOVE -> {
                RunConfig next = moveConfig(c, a);
                if (a.freezeBase()) {
                    for (int l = 0; l < TaskMove.baseLayers(next); l++) {
                        trainer.freezeLayer(l, true);
                    }
                }
                data = DataGenerator.generate(next);
                // the curve goes on (task A's values join it); "back to step 0" starts the new task
                trainer = trainer.continueOn(next, data);
                initial = trainer.network().copy();
            }
            case STEPPER, SURFACE, RACE -> {
                // no window: the step-through and the surface are views of the same run; race() runs races
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<RaceSnapshot> race(LessonStep.Action a) {
        return moment().thenApply(m -> {
            Race race = LessonDriver.forkRace(m, a);
            race.runEpochs(a.count());
            return race.snapshot(false, false);
        });
    }

    /** The config a move to task B trains on: the run's, on the new data set, with the adapters asked for. */
    public static RunConfig moveConfig(RunConfig c, LessonStep.Action a) {
        RunConfig next = TaskMove.next(c, org.weightlab.engine.config.DatasetKind.fromId(a.values().get("dataset")));
        String lora = a.values().get("lora");
        return lora == null ? next : LessonSettings.apply(next, java.util.Map.of("lora", lora));
    }

    private void rebuild(Trainer t) {
        trainer = t;
        initial = t.network().copy();
        curve.clear();
    }

    @Override
    public CompletableFuture<RunMoment> moment() {
        return CompletableFuture.completedFuture(new RunMoment(trainer.checkpoint(), data, curve));
    }
}
