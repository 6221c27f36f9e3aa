package org.weightlab.engine;

import java.util.ArrayList;
import java.util.List;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.data.Dataset;

/**
 * One batch-normalized layer in a training step, seen from one example of the batch: the numbers of
 * {@link BatchNorm}'s training forward pass for that example, per unit j. A training batch is
 * coupled: the mean and variance come from every example of the batch, so the other examples change
 * this example's output. The trace of one example alone ({@link Trace}) runs in evaluation mode and
 * uses the running statistics instead; they are here too. The arrays are copied when made.
 *
 * @param layer        the weight layer (0 = first hidden layer)
 * @param batchSize    examples in the batch
 * @param z            the example's raw z = W x + b, before normalization
 * @param mean         the batch mean of each unit's z
 * @param variance     the batch's biased variance (1/n) sum (z_b - mean)^2
 * @param zhat         (z - mean) / sqrt(variance + eps)
 * @param y            gamma zhat + beta: what the activation receives
 * @param gamma        the scale of each unit
 * @param beta         the shift of each unit
 * @param runningMean  the running mean evaluation uses (before this step moves it)
 * @param runningVar   the running (unbiased) variance evaluation uses (before this step moves it)
 */
public record BatchNormTrace(int layer, int batchSize, double[] z, double[] mean, double[] variance, double[] zhat,
                             double[] y, double[] gamma, double[] beta, double[] runningMean, double[] runningVar) {

    public BatchNormTrace {
        z = z.clone();
        mean = mean.clone();
        variance = variance.clone();
        zhat = zhat.clone();
        y = y.clone();
        gamma = gamma.clone();
        beta = beta.clone();
        runningMean = runningMean.clone();
        runningVar = runningVar.clone();
    }

    public int units() {
        return z.length;
    }

    /** The value evaluation gives unit j for this example's z: gamma (z - runningMean) / sqrt(runningVar + eps) + beta. */
    public double evaluationY(int j) {
        return gamma[j] * ((z[j] - runningMean[j]) / Math.sqrt(runningVar[j] + BatchNorm.EPS)) + beta[j];
    }

    /**
     * The batch-normalized layers of {@code net} in a training forward pass over the training
     * examples {@code batch} of {@code train} (features computed by {@code features}, as the trainer
     * does), seen from the example at position {@code detail} of the batch; empty when no layer is
     * batch-normalized. {@code capacity} is the trainer's batch size. Dropout is not applied (it
     * draws its masks in the step itself). Changes nothing: the running statistics are not moved.
     */
    public static List<BatchNormTrace> ofBatch(Network net, List<Feature> features, Dataset train, int[] batch,
                                               int detail, int capacity) {
        if (!net.hasBatchNorm()) {
            return List.of();
        }
        int n = batch.length;
        if (n < 2) {
            throw new IllegalArgumentException(BatchNorm.ONE_EXAMPLE);
        }
        if (detail < 0 || detail >= n) {
            throw new IllegalArgumentException("example " + detail + " is outside the batch of " + n);
        }
        double[] rows = Examples.features(features, train);
        int inputs = net.inputs();
        Workspace ws = new Workspace(net, Math.max(n, capacity), true);
        for (int b = 0; b < n; b++) {
            for (int f = 0; f < inputs; f++) {
                ws.x[f * ws.capacity + b] = rows[batch[b] * inputs + f];
            }
        }
        net.forward(ws, n, 0, null);
        List<BatchNormTrace> out = new ArrayList<>();
        for (int l = 0; l < net.layerCount(); l++) {
            BatchNorm bn = net.layer(l).norm();
            if (bn == null) {
                continue;
            }
            int units = bn.units();
            double[] z = new double[units];
            double[] hat = new double[units];
            double[] y = new double[units];
            for (int j = 0; j < units; j++) {
                int at = j * ws.capacity + detail;
                z[j] = ws.normRaw[l][at];
                hat[j] = ws.normHat[l][at];
                y[j] = ws.z[l][at];
            }
            out.add(new BatchNormTrace(l, n, z, ws.normMean[l], ws.normVar[l], hat, y, bn.gammaCopy(), bn.betaCopy(),
                    bn.runningMeanCopy(), bn.runningVarCopy()));
        }
        return out;
    }
}
