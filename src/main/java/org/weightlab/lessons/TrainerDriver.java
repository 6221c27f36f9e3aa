package org.weightlab.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.weightlab.engine.Evaluation;
import org.weightlab.engine.Network;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.scenario.LessonStep;
import org.weightlab.scenario.Scenario;
import org.weightlab.session.LossPoint;
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
                    curve.add(new LossPoint(trainer.stepCount(), trainer.epochCount(), ev.trainLoss(), ev.testLoss(),
                            true, ev.trainAccuracy(), ev.testAccuracy()));
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
                boolean keep = a.keepWeights() && TrainingSession.keepsShape(c, next);
                rebuild(keep ? new Trainer(next, data, trainer.network()) : new Trainer(next, data));
            }
            case STEPPER, RACE -> {
                // no window: the step-through is a view of the same run; a race is run by race()
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
