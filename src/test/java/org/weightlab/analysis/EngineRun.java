package org.weightlab.analysis;

import java.util.ArrayList;
import java.util.List;
import org.weightlab.engine.Layer;
import org.weightlab.engine.Network;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.session.FieldSnapshot;
import org.weightlab.session.LayerSnapshot;
import org.weightlab.session.SessionState;
import org.weightlab.session.TrainingSnapshot;

/** Trains a real engine and takes snapshots of it the way the session publishes them. */
public final class EngineRun {

    private final Trainer trainer;

    public EngineRun(RunConfig config) {
        this.trainer = new Trainer(config, DataGenerator.generate(config));
    }

    public Trainer trainer() {
        return trainer;
    }

    /** A snapshot of the trainer now, with stats, and with a field of {@code grid} points a side if grid > 1. */
    public TrainingSnapshot snapshot(int grid) {
        Network net = trainer.network();
        List<LayerSnapshot> layers = new ArrayList<>();
        for (int l = 0; l < net.layerCount(); l++) {
            Layer layer = net.layer(l);
            layers.add(new LayerSnapshot(layer.inputs(), layer.outputs(), layer.activation(), layer.weightsCopy(),
                    layer.biasesCopy(), layer.weightGradientsCopy(), layer.biasGradientsCopy(),
                    layer.weightUpdatesCopy(), layer.biasUpdatesCopy(), layer.frozenWeightsCopy(),
                    layer.frozenBiasesCopy(), trainer.stats(l), norm(layer.norm()),
                    layer.adapter() == null && layer.quantizer() == null ? null : layer.effectiveWeightsCopy(), null));
        }
        FieldSnapshot field = grid > 1 ? new FieldSnapshot(grid, -6, 6, trainer.computeField(grid, -6, 6, null)) : null;
        RunConfig c = trainer.config();
        return new TrainingSnapshot(trainer.stepCount(), trainer.epochCount(),
                trainer.divergence() == null ? SessionState.PAUSED : SessionState.DIVERGED, c, c.features(), layers,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, trainer.learningRate(), field);
    }

    private static org.weightlab.session.NormSnapshot norm(org.weightlab.engine.BatchNorm bn) {
        return bn == null ? null : new org.weightlab.session.NormSnapshot(bn.gammaCopy(), bn.betaCopy(),
                bn.runningMeanCopy(), bn.runningVarCopy(), bn.lastBatchMeanCopy(), bn.lastBatchVarCopy(),
                bn.gammaGradientsCopy(), bn.betaGradientsCopy(), bn.frozenGammaCopy(), bn.frozenBetaCopy(),
                bn.batchesTracked());
    }

    /** Trains {@code steps} steps, recording a summary every {@code every} steps (and at step 0). */
    public SummaryHistory train(int steps, int every) {
        SummaryHistory history = new SummaryHistory();
        history.record(snapshot(0));
        for (int i = 1; i <= steps; i++) {
            trainer.step();
            if (i % every == 0) {
                history.record(snapshot(0));
            }
        }
        return history;
    }
}
