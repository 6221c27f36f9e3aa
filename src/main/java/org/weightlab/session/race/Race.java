package org.weightlab.session.race;

import java.util.ArrayList;
import java.util.List;
import org.weightlab.engine.Checkpoint;
import org.weightlab.engine.Divergence;
import org.weightlab.engine.Evaluation;
import org.weightlab.engine.Network;
import org.weightlab.engine.TaskScore;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.session.FieldSnapshot;
import org.weightlab.session.LossPoint;
import org.weightlab.session.SessionState;
import org.weightlab.session.SnapshotParts;
import org.weightlab.session.TrainingSnapshot;

/**
 * Two to four runs that differ in one setting, forked from one moment of a run: the same data,
 * and the identical weights, optimizer state and example order wherever the setting allows it
 * (an initializer or a shape cannot keep the weights: those runs start from step 0 with the same
 * seed). They train in lockstep: {@link #tick()} advances every run by the same share of an epoch
 * (the same number of steps when their batch sizes agree). A run that diverges stops at its last
 * finite step; the others go on. Not thread-safe: one thread drives it ({@link RaceRunner}).
 */
public final class Race {

    /** Most runs in a race. */
    public static final int MAX_RUNS = 4;
    /** Raster of the output pictures in a race's snapshots. */
    static final int FIELD_GRID = 40;
    static final double FIELD_EXTENT = 6;
    /**
     * Losses below this still have a picture: the output fields hold floats, which overflow near
     * 3e38 (a squared error of 1e30 means outputs near 1e15).
     */
    static final double PICTURE_LIMIT = 1e30;

    /** One contender: the value of the setting, its label and its whole config. */
    public record Variant(String value, String label, RunConfig config) {
    }

    private final RaceSetting setting;
    private final List<Variant> variants;
    private final DataSplit data;
    private final Trainer[] trainers;
    private final int[] stepsPerEpoch;
    private final int unit;
    private final long[] startSteps;
    private final int[] startEpochs;
    private final List<List<LossPoint>> curves = new ArrayList<>();
    /** Each run's state at its last epoch end with a finite loss: what a diverged run shows (never a NaN picture). */
    private final Checkpoint[] lastFinite;
    /** That state as a moment, once built (it no longer changes). */
    private final TrainingSnapshot[] lastFiniteMoment;
    /** Ticks taken: each tick is 1/{@link #unit} of an epoch for every run. */
    private long ticks;

    private Race(RaceSetting setting, List<Variant> variants, DataSplit data, Trainer[] trainers) {
        this.setting = setting;
        this.variants = List.copyOf(variants);
        this.data = data;
        this.trainers = trainers;
        stepsPerEpoch = new int[trainers.length];
        lastFinite = new Checkpoint[trainers.length];
        lastFiniteMoment = new TrainingSnapshot[trainers.length];
        startSteps = new long[trainers.length];
        startEpochs = new int[trainers.length];
        int most = 1;
        for (int k = 0; k < trainers.length; k++) {
            int batch = trainers[k].config().batchSize();
            stepsPerEpoch[k] = Math.max(1, (trainers[k].trainSize() + batch - 1) / batch);
            most = Math.max(most, stepsPerEpoch[k]);
            startSteps[k] = trainers[k].stepCount();
            startEpochs[k] = trainers[k].epochCount();
            List<LossPoint> curve = new ArrayList<>();
            curve.add(point(trainers[k]));
            lastFinite[k] = trainers[k].checkpoint();
            curves.add(curve);
        }
        unit = most;
    }

    /**
     * A race forked from {@code from} (a run on {@code data}): one run per value of {@code setting}.
     * Throws with a readable message when there are not 2 to 4 values or a value does not fit.
     */
    public static Race fork(Checkpoint from, DataSplit data, RaceSetting setting, List<String> values) {
        checkCount(values);
        if (setting.movesToTaskB()) {
            throw new IllegalArgumentException("a fine-tuning race starts from pre-trained weights and a task B");
        }
        RunConfig base = from.config();
        List<Variant> variants = new ArrayList<>();
        Trainer[] trainers = new Trainer[values.size()];
        Network weights = from.network();
        for (int k = 0; k < values.size(); k++) {
            String v = values.get(k).strip();
            RunConfig c = setting.apply(base, v);
            variants.add(new Variant(v, setting.runLabel(v), c));
            if (!setting.keepsWeights() || Trainer.needsRebuild(base, c)) {
                trainers[k] = new Trainer(c, data); // initializers and shapes compare from step 0, the same seed
            } else {
                Trainer t = new Trainer(base, data, weights);
                t.restore(from);
                t.updateHyperparameters(c);
                trainers[k] = t;
            }
        }
        return new Race(setting, variants, data, trainers);
    }

    /**
     * A fine-tuning race: one run per choice of {@link FineTuning} ({@code all}, {@code base},
     * {@code lora(R,ALPHA)}), each from the identical pre-trained weights with nothing frozen but
     * what its choice freezes, on task B's data with the same example order and fresh optimizer
     * state, each measuring task A's test set as it goes ({@link Trainer#continueOn}). Step and epoch
     * counts start at 0 (epochs of task B).
     */
    public static Race fineTune(FineTuningStart start, List<String> values) {
        checkCount(values);
        RunConfig taskA = start.taskA().config().withLora(List.of());
        List<Variant> variants = new ArrayList<>();
        Trainer[] trainers = new Trainer[values.size()];
        for (int k = 0; k < values.size(); k++) {
            String v = values.get(k).strip();
            FineTuning.check(v);
            RunConfig c = RaceSetting.FINE_TUNING.apply(start.taskB().config(), v);
            Trainer onA = new Trainer(taskA, start.taskA().data(), start.pretrained());
            for (int l = 0; l < onA.network().layerCount(); l++) {
                onA.freezeLayer(l, false);
            }
            Trainer t = onA.continueOn(c, start.taskB().data());
            FineTuning.freeze(t, v);
            variants.add(new Variant(v, FineTuning.label(v), c));
            trainers[k] = t;
        }
        return new Race(RaceSetting.FINE_TUNING, variants, start.taskB().data(), trainers);
    }

    private static void checkCount(List<String> values) {
        if (values.size() < 2 || values.size() > MAX_RUNS) {
            throw new IllegalArgumentException("a race has 2 to " + MAX_RUNS + " runs, got " + values.size());
        }
    }

    public RaceSetting setting() {
        return setting;
    }

    public List<Variant> variants() {
        return variants;
    }

    public int size() {
        return trainers.length;
    }

    public DataSplit data() {
        return data;
    }

    /** True when every run has diverged (nothing is left to train). */
    public boolean allDiverged() {
        for (Trainer t : trainers) {
            if (t.divergence() == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * Advances every run that has not diverged by one tick: the run with the most steps per
     * epoch takes one step, the others their share (the same one step when batch sizes agree).
     */
    public void tick() {
        long before = ticks;
        ticks++;
        for (int k = 0; k < trainers.length; k++) {
            long steps = ticks * stepsPerEpoch[k] / unit - before * stepsPerEpoch[k] / unit;
            Trainer t = trainers[k];
            for (long s = 0; s < steps && t.divergence() == null; s++) {
                if (t.step().epochEnded()) {
                    LossPoint p = point(t);
                    curves.get(k).add(p);
                    if (p.trainLoss() < PICTURE_LIMIT && p.testLoss() < PICTURE_LIMIT) {
                        lastFinite[k] = t.checkpoint();
                        lastFiniteMoment[k] = null;
                    }
                }
            }
        }
    }

    /** Ticks in one epoch of every run. */
    public int ticksPerEpoch() {
        return unit;
    }

    /** Epochs the race has run (whole ticks over ticks per epoch). */
    public double epochsRun() {
        return (double) ticks / unit;
    }

    /** Trains every run {@code n} more epochs in lockstep (diverged runs stay where they stopped). */
    public void runEpochs(int n) {
        long target = ticks + (long) n * unit;
        while (ticks < target && !allDiverged()) {
            tick();
        }
    }

    /** The exact state of run {@code k} (to continue it elsewhere). */
    public Checkpoint checkpoint(int k) {
        return trainers[k].checkpoint();
    }

    /** The trainer of run {@code k}, for tests and measures on this thread only. */
    Trainer trainer(int k) {
        return trainers[k];
    }

    /** An immutable picture of every run now; {@code withFields} adds each run's output picture. */
    public RaceSnapshot snapshot(boolean running, boolean withFields) {
        List<RaceSnapshot.Run> runs = new ArrayList<>();
        for (int k = 0; k < trainers.length; k++) {
            Trainer t = trainers[k];
            Divergence d = t.divergence();
            TrainingSnapshot moment = moment(t, running, withFields);
            TrainingSnapshot now = moment;
            boolean finite = Double.isFinite(moment.trainLoss()) && Double.isFinite(moment.testLoss())
                    && (moment.field() == null || finite(moment.field()));
            if (d != null || !finite) {
                TrainingSnapshot good = lastFiniteMoment[k];
                if (good == null || withFields && good.field() == null) {
                    Trainer copy = new Trainer(lastFinite[k].config(), data, lastFinite[k].network());
                    copy.restore(lastFinite[k]);
                    good = moment(copy, false, withFields);
                    lastFiniteMoment[k] = good;
                }
                moment = good;
            }
            runs.add(new RaceSnapshot.Run(variants.get(k), moment, curves.get(k), d,
                    t.stepCount() - startSteps[k], t.epochCount() - startEpochs[k], now.trainLoss(), now.testLoss(),
                    now.testAccuracy(), FineTuning.trainable(t.network()), t.taskAScore()));
        }
        return new RaceSnapshot(setting, runs, epochsRun(), running);
    }

    private TrainingSnapshot moment(Trainer t, boolean running, boolean withFields) {
        FieldSnapshot field = withFields ? SnapshotParts.field(t, FIELD_GRID, FIELD_EXTENT) : null;
        SessionState state = t.divergence() != null ? SessionState.DIVERGED
                : running ? SessionState.RUNNING : SessionState.PAUSED;
        return SnapshotParts.moment(t, state, t.evaluate(), field, data, false);
    }

    private static boolean finite(FieldSnapshot f) {
        for (float[][] layer : f.values()) {
            for (float[] node : layer) {
                for (float v : node) {
                    if (!Float.isFinite(v)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static LossPoint point(Trainer t) {
        Evaluation e = t.evaluate();
        TaskScore a = t.taskAScore();
        return new LossPoint(t.stepCount(), t.epochCount(), e.trainLoss(), e.testLoss(), true, e.trainAccuracy(),
                e.testAccuracy(), a == null ? Double.NaN : a.loss(), a == null ? Double.NaN : a.accuracy());
    }
}
