package org.weightlab.ui.compress;

import java.util.ArrayList;
import java.util.List;
import org.weightlab.compress.Compressor;
import org.weightlab.compress.ModelSize;
import org.weightlab.compress.PruneMask;
import org.weightlab.compress.Pruning;
import org.weightlab.compress.Sweep;
import org.weightlab.compress.SweepPoint;
import org.weightlab.compress.WeightSet;
import org.weightlab.engine.Evaluation;
import org.weightlab.engine.Layer;
import org.weightlab.engine.Network;
import org.weightlab.engine.Trainer;
import org.weightlab.session.FieldSnapshot;
import org.weightlab.session.LayerSnapshot;
import org.weightlab.session.TrainingSnapshot;

/**
 * A what-if applied to one moment of a run, on copies: the compressed weights, their sizes, their
 * losses and accuracies, a moment the views can draw (the compressed weights and their field), and
 * the curves of accuracy against sparsity and against bits. No JavaFX: the panel computes it on a
 * worker thread and hands the result to the FX thread. The moment given is only read.
 *
 * @param source     the moment the what-if was applied to
 * @param whatIf     what was asked for
 * @param before     the run's weights
 * @param mask       what pruning removes (null when nothing is pruned)
 * @param after      the compressed weights
 * @param sizeBefore parameter counts of the run's weights
 * @param sizeAfter  parameter counts of the compressed weights (non-zero counts change)
 * @param evaluation losses and accuracies of the compressed network
 * @param preview    the source moment with the compressed weights, losses and field
 * @param sparsityCurve magnitude pruning at 0 to 99% (the what-if's scope), full precision
 * @param bitsCurve  float64, then 8 bits down to binary, at the what-if's magnitude sparsity
 */
public record CompressionPreview(TrainingSnapshot source, WhatIf whatIf, WeightSet before, PruneMask mask,
                                 WeightSet after, ModelSize sizeBefore, ModelSize sizeAfter, Evaluation evaluation,
                                 TrainingSnapshot preview, List<SweepPoint> sparsityCurve,
                                 List<SweepPoint> bitsCurve) {

    /**
     * Applies {@code whatIf} to {@code s} (which must carry its data split). Takes milliseconds for
     * WeightLab's networks: never on the FX thread all the same.
     */
    public static CompressionPreview compute(TrainingSnapshot s, WhatIf whatIf) {
        if (s.data() == null) {
            throw new IllegalArgumentException("a compression preview needs the moment's data split");
        }
        if (whatIf.quant().size() != s.layers().size()) {
            throw new IllegalArgumentException("the what-if quantizes " + whatIf.quant().size()
                    + " layers, the network has " + s.layers().size());
        }
        Network network = network(s);
        WeightSet before = WeightSet.of(network);
        PruneMask mask = null;
        if (whatIf.prunes()) {
            mask = whatIf.structured() && before.layerCount() > 1
                    ? Pruning.neurons(before, whatIf.scope()).mask(whatIf.sparsity())
                    : Pruning.magnitude(before, whatIf.scope()).mask(whatIf.sparsity());
        }
        WeightSet after = Compressor.applyPerLayer(before, mask, whatIf.quant());
        Trainer compressed = new Trainer(s.config(), s.data(), after.toNetwork(network));
        Evaluation e = compressed.evaluate();
        FieldSnapshot field = null;
        if (s.field() != null) {
            FieldSnapshot f = s.field();
            field = new FieldSnapshot(f.grid(), f.min(), f.max(), compressed.computeField(f.grid(), f.min(), f.max(), null));
        }
        TrainingSnapshot preview = new TrainingSnapshot(s.step(), s.epoch(), s.state(), s.config(), s.features(),
                layers(s, after, mask), e.trainLoss(), e.testLoss(), e.trainAccuracy(), e.testAccuracy(), e.penalty(),
                s.learningRate(), field, s.data(), s.conv());
        List<SweepPoint> sparsityCurve = Sweep.sparsity(s.config(), s.data(), network, whatIf.scope());
        List<SweepPoint> bitsCurve = Sweep.bits(s.config(), s.data(), network,
                whatIf.structured() ? 0 : whatIf.sparsity(), whatIf.scope(), Sweep.STANDARD_BITS);
        return new CompressionPreview(s, whatIf, before, mask, after, ModelSize.of(before), ModelSize.of(after), e,
                preview, sparsityCurve, bitsCurve);
    }

    /** The network of moment {@code s}: its weights, biases, activations and frozen masks. */
    static Network network(TrainingSnapshot s) {
        List<Layer> layers = new ArrayList<>();
        for (LayerSnapshot l : s.layers()) {
            layers.add(Layer.of(l.inputs(), l.outputs(), l.activation(), l.weights(), l.biases(), l.frozenWeights(),
                    l.frozenBiases()));
        }
        return new Network(s.features(), s.config().loss(), layers);
    }

    /**
     * The moment's layers with the compressed weights and biases; gradients and masks as they were;
     * the weights pruning removes marked, so that the graph leaves them out.
     */
    private static List<LayerSnapshot> layers(TrainingSnapshot s, WeightSet w, PruneMask mask) {
        List<LayerSnapshot> out = new ArrayList<>();
        for (int l = 0; l < s.layers().size(); l++) {
            LayerSnapshot x = s.layers().get(l);
            out.add(new LayerSnapshot(x.inputs(), x.outputs(), x.activation(), w.weights(l), w.biases(l),
                    x.weightGradients(), x.biasGradients(), x.weightUpdates(), x.biasUpdates(), x.frozenWeights(),
                    x.frozenBiases(), x.stats(), x.norm(), null, mask == null ? null : mask.weights(l)));
        }
        return out;
    }
}
