package org.weightlab.session;

import java.util.ArrayList;
import java.util.List;
import org.weightlab.engine.BatchNorm;
import org.weightlab.engine.Evaluation;
import org.weightlab.engine.Layer;
import org.weightlab.engine.Network;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataSplit;

/**
 * The one way a moment of a run becomes a {@link TrainingSnapshot}, for the window's session and
 * for races alike: the copies it is made of (layers with the weights they compute with, neuron
 * fields), taken on the thread that trains {@code trainer}.
 */
public final class SnapshotParts {

    private SnapshotParts() {
    }

    /**
     * The moment of {@code trainer} now, with its losses {@code e} (evaluated by the caller, who
     * may keep one), {@code field} (or null) and the data split it trains on.
     */
    public static TrainingSnapshot moment(Trainer trainer, SessionState state, Evaluation e, FieldSnapshot field,
                                          DataSplit data, boolean withStats) {
        RunConfig config = trainer.config();
        return new TrainingSnapshot(trainer.stepCount(), trainer.epochCount(), state, config, config.features(),
                layers(trainer, withStats), e.trainLoss(), e.testLoss(), e.trainAccuracy(), e.testAccuracy(),
                e.penalty(), trainer.learningRate(), field, data, conv(trainer));
    }

    /** Every convolution's parameters, gradients and frozen masks, copied. */
    static List<ConvSnapshot> conv(Trainer trainer) {
        Network net = trainer.network();
        List<ConvSnapshot> out = new ArrayList<>(net.convCount());
        for (int c = 0; c < net.convCount(); c++) {
            out.add(ConvSnapshot.of(net.conv(c)));
        }
        return out;
    }

    /** Every layer's weights, gradients, updates and frozen masks, copied; statistics when asked. */
    static List<LayerSnapshot> layers(Trainer trainer, boolean withStats) {
        Network net = trainer.network();
        List<LayerSnapshot> layers = new ArrayList<>(net.layerCount());
        for (int l = 0; l < net.layerCount(); l++) {
            Layer layer = net.layer(l);
            double[] w = layer.weightsCopy();
            // Quantized or adapted layers compute with other weights: the views show those.
            double[] effective = layer.quantizer() == null && layer.adapter() == null ? w : layer.effectiveWeightsCopy();
            layers.add(new LayerSnapshot(layer.inputs(), layer.outputs(), layer.activation(), w,
                    layer.biasesCopy(), layer.weightGradientsCopy(), layer.biasGradientsCopy(),
                    layer.weightUpdatesCopy(), layer.biasUpdatesCopy(), layer.frozenWeightsCopy(),
                    layer.frozenBiasesCopy(), withStats ? trainer.stats(l) : null, norm(layer.norm()), effective, null));
        }
        return layers;
    }

    private static NormSnapshot norm(BatchNorm bn) {
        if (bn == null) {
            return null;
        }
        return new NormSnapshot(bn.gammaCopy(), bn.betaCopy(), bn.runningMeanCopy(), bn.runningVarCopy(),
                bn.lastBatchMeanCopy(), bn.lastBatchVarCopy(), bn.gammaGradientsCopy(), bn.betaGradientsCopy(),
                bn.frozenGammaCopy(), bn.frozenBetaCopy(), bn.batchesTracked());
    }

    /** Every neuron's output over [-extent, extent]^2 on a {@code grid} x {@code grid} raster. */
    public static FieldSnapshot field(Trainer trainer, int grid, double extent) {
        // A fresh array each time: the snapshot that holds it is immutable.
        return new FieldSnapshot(grid, -extent, extent, trainer.computeField(grid, -extent, extent, null));
    }
}
