package org.weightlab.session.race;

import java.util.List;
import org.weightlab.engine.Divergence;
import org.weightlab.engine.TaskScore;
import org.weightlab.session.LossPoint;
import org.weightlab.session.TrainingSnapshot;

/**
 * One moment of a race, immutable: published by the race's thread, read by views and lesson
 * checks.
 *
 * @param epochs  epochs raced so far (in ticks over ticks per epoch)
 * @param running whether the race is training now
 */
public record RaceSnapshot(RaceSetting setting, List<Run> runs, double epochs, boolean running) {

    public RaceSnapshot {
        runs = List.copyOf(runs);
    }

    /**
     * One run of the race.
     *
     * @param moment     its network, losses and output picture, as a view draws one moment of a run;
     *                   once it diverged (or its losses overflowed), its last moment with finite losses
     * @param curve      its losses at the race's start and at every epoch end since
     * @param divergence where it diverged, or null (its moment holds the last finite step)
     * @param steps      optimizer steps taken since the race started
     * @param epochs     epochs completed since the race started
     * @param trainLoss  its train loss now (at its last finite step once diverged; may be infinite)
     * @param testLoss   its test loss now, likewise
     * @param testAccuracy its test accuracy now (NaN for regression)
     * @param trainable  parameter entries training moves (not frozen; LoRA adapters included)
     * @param taskA      its loss and accuracy on task A's test set now, in a fine-tuning race; else null
     */
    public record Run(Race.Variant variant, TrainingSnapshot moment, List<LossPoint> curve, Divergence divergence,
                      long steps, int epochs, double trainLoss, double testLoss, double testAccuracy,
                      long trainable, TaskScore taskA) {
        public Run {
            curve = List.copyOf(curve);
        }

        public boolean diverged() {
            return divergence != null;
        }

        /** The final train loss, infinite once diverged (a diverged run ranks last). */
        public double rankingLoss() {
            return diverged() || !Double.isFinite(trainLoss) ? Double.POSITIVE_INFINITY : trainLoss;
        }
    }

    /**
     * Rank of run {@code k} by final train loss: 1 for the lowest; diverged runs rank after every
     * finite one.
     */
    public int rank(int k) {
        double mine = runs.get(k).rankingLoss();
        int rank = 1;
        for (int j = 0; j < runs.size(); j++) {
            double other = runs.get(j).rankingLoss();
            if (j != k && (other < mine || other == mine && j < k)) {
                rank++;
            }
        }
        return rank;
    }
}
