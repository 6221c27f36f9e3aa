package org.weightlab.compress;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.weightlab.engine.Evaluation;
import org.weightlab.engine.Network;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataSplit;

/**
 * Curves of loss and accuracy against sparsity and against bits, computed on copies (the network
 * given is only read), cheap enough for any thread but the window's: network B's 21-point
 * sparsity curve takes a few milliseconds.
 */
public final class Sweep {

    /** The bits curve: full precision, then each quantizer from 8 bits down to 1. */
    public static final List<QuantSpec> STANDARD_BITS = List.of(QuantSpec.values());

    private Sweep() {
    }

    /** 0%, 5%, ..., 95%, 99%: 21 points. */
    public static double[] standardSparsities() {
        double[] s = new double[21];
        for (int i = 0; i < 20; i++) {
            s[i] = i * 5 / 100.0;
        }
        s[20] = 0.99;
        return s;
    }

    /** Magnitude pruning at each sparsity, then {@code quant} (null for full precision). */
    public static List<SweepPoint> sparsity(RunConfig config, DataSplit data, Network network, PruneScope scope,
                                            QuantSpec quant, double[] sparsities) {
        WeightSet w = WeightSet.of(network);
        Pruning.Ranking ranking = Pruning.magnitude(w, scope);
        Evaluator evaluator = new Evaluator(config, data, network);
        List<SweepPoint> points = new ArrayList<>(sparsities.length);
        for (double s : sparsities) {
            WeightSet c = Compressor.apply(w, ranking.mask(s), quant);
            points.add(point(s, percent(s), evaluator.evaluate(c), c));
        }
        return points;
    }

    /** The standard sparsity curve, no quantization. */
    public static List<SweepPoint> sparsity(RunConfig config, DataSplit data, Network network, PruneScope scope) {
        return sparsity(config, data, network, scope, null, standardSparsities());
    }

    /**
     * Full precision first, then each of {@code quants}, all after magnitude pruning at
     * {@code sparsity} (0 for none).
     */
    public static List<SweepPoint> bits(RunConfig config, DataSplit data, Network network, double sparsity,
                                        PruneScope scope, List<QuantSpec> quants) {
        WeightSet w = WeightSet.of(network);
        PruneMask mask = Pruning.magnitude(w, scope).mask(sparsity);
        Evaluator evaluator = new Evaluator(config, data, network);
        List<SweepPoint> points = new ArrayList<>(quants.size() + 1);
        WeightSet full = Compressor.apply(w, mask, null);
        points.add(point(StorageFormat.FLOAT64.bits(), "float64", evaluator.evaluate(full), full));
        for (QuantSpec q : quants) {
            WeightSet c = Compressor.apply(w, mask, q);
            String label = q.bits() > 0 ? q.bits() + " bits" : q.id();
            points.add(point(q.bitsPerWeight(), label, evaluator.evaluate(c), c));
        }
        return points;
    }

    /** 0.05 -> "5%", 0.125 -> "12.5%": at most two decimals, none when whole. */
    static String percent(double s) {
        String p = String.format(Locale.ROOT, "%.2f", 100 * s);
        p = p.replaceAll("0+$", "");
        return (p.endsWith(".") ? p.substring(0, p.length() - 1) : p) + "%";
    }

    private static SweepPoint point(double x, String label, Evaluation e, WeightSet w) {
        return new SweepPoint(x, label, e.trainLoss(), e.testLoss(), e.testAccuracy(), w.nonzeroWeights());
    }
}
