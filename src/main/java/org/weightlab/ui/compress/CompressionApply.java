package org.weightlab.ui.compress;

import org.weightlab.compress.PruneMask;
import org.weightlab.compress.WeightSet;
import org.weightlab.session.TrainingControl;

/**
 * Turns a what-if into the run's own commands (the ones the graph's editors send): every changed
 * weight and bias is set to its compressed value, and every removed one is frozen at 0, so that
 * training on cannot bring it back (prune, then fine-tune). Quantized layers are frozen too when
 * asked, so that their values stay on the levels. No JavaFX; the commands queue up for the engine.
 */
public final class CompressionApply {

    private CompressionApply() {
    }

    /**
     * Sends the commands that make the run hold {@code p}'s compressed weights; returns how many
     * values were changed.
     *
     * @param freezeQuantized also freeze every weight of a quantized layer
     */
    public static int send(CompressionPreview p, TrainingControl control, boolean freezeQuantized) {
        WeightSet before = p.before();
        WeightSet after = p.after();
        PruneMask mask = p.mask();
        int changed = 0;
        for (int l = 0; l < after.layerCount(); l++) {
            int in = after.inputs(l);
            double[] w0 = before.weights(l);
            double[] w1 = after.weights(l);
            double[] b0 = before.biases(l);
            double[] b1 = after.biases(l);
            boolean quantized = p.whatIf().quant().get(l) != null;
            for (int j = 0; j < w1.length; j++) {
                if (Double.compare(w0[j], w1[j]) != 0) {
                    control.setWeight(l, j / in, j % in, w1[j]);
                    changed++;
                }
                boolean pruned = mask != null && mask.weightPruned(l, j);
                if (pruned || (quantized && freezeQuantized)) {
                    control.freezeWeight(l, j / in, j % in, true);
                }
            }
            for (int o = 0; o < b1.length; o++) {
                if (Double.compare(b0[o], b1[o]) != 0) {
                    control.setBias(l, o, b1[o]);
                    changed++;
                }
                if (mask != null && mask.biasPruned(l, o)) {
                    control.freezeBias(l, o, true);
                }
            }
        }
        return changed;
    }
}
