package org.weightlab.session;

import java.util.List;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.RunConfig;

/**
 * Everything a view needs to draw one moment of a run. Immutable: published by the engine
 * thread, read on the FX thread. Losses are data losses (no penalty); accuracies are NaN for
 * regression; {@code field} is null unless a view asked for fields.
 */
public record TrainingSnapshot(long step, int epoch, SessionState state, RunConfig config,
                               List<Feature> features, List<LayerSnapshot> layers,
                               double trainLoss, double testLoss, double trainAccuracy, double testAccuracy,
                               double penalty, double learningRate, FieldSnapshot field) {

    public TrainingSnapshot {
        features = List.copyOf(features);
        layers = List.copyOf(layers);
    }

    public LayerSnapshot output() {
        return layers.get(layers.size() - 1);
    }
}
