package org.weightlab.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.BatchNorm;
import org.weightlab.engine.Layer;
import org.weightlab.engine.Network;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.engine.data.Dataset;

/** The step-through at a batch-normalized layer: the walked example's numbers in its coupled batch. */
class BatchNormWalkTest {

    @Test
    void theWalkShowsTheExamplesBatchStatisticsAndTheRunningOnesForEvaluation() {
        RunConfig plain = Runs.tanhMse(Runs.sgd(0.1));
        RunConfig c = plain.withExtras(plain.extras().withBatchNorm(List.of(true, false)));
        DataSplit d = Runs.data(c);
        Trainer live = Runs.trained(c, d, 3);
        StepThroughModel m = StepThroughModel.fromCheckpoint(live.checkpoint(), d);
        int at = -1;
        for (int i = 0; i < m.stages().size(); i++) {
            if (m.stages().get(i).title().contains("batch normalization")) {
                at = i;
            }
        }
        assertTrue(at > 0, "a batch-normalization stop");
        Stage s = m.stages().get(at);
        Stage before = m.stages().get(at - 1);
        assertEquals(Phase.FORWARD, before.phase());
        assertEquals(0, before.layer(), "it follows hidden layer 1's forward stops");
        assertEquals(0, s.layer());
        assertTrue(s.text().contains("the other examples in the batch change this example's output"), s.text());
        assertTrue(before.text().contains("batch normalization"), "the forward stop says its value is normalized");
        int unit = before.neuron();
        assertEquals(s.value("z" + unit), before.value("rawZ"), 1e-12, "its raw sum is the batch stop's z");
        assertEquals(before.value("z"), before.value("evalNormalized"), 1e-12, "and its value evaluation's");

        // by hand: z of each batch example for unit 1, the batch's mean and biased variance, then zhat and y
        int[] batch = m.batch();
        Network net = m.network();
        Layer h = net.layer(0);
        Dataset train = d.train();
        double[] z = new double[batch.length];
        double sum = 0;
        for (int b = 0; b < batch.length; b++) {
            z[b] = h.bias(0);
            for (int f = 0; f < h.inputs(); f++) {
                z[b] += h.weight(0, f) * c.features().get(f).apply(train.x1(batch[b]), train.x2(batch[b]));
            }
            sum += z[b];
        }
        double mean = sum / batch.length;
        double squares = 0;
        for (double v : z) {
            squares += (v - mean) * (v - mean);
        }
        double var = squares / batch.length;
        BatchNorm bn = h.norm();
        double zhat = (z[m.detail()] - mean) / Math.sqrt(var + BatchNorm.EPS);
        assertEquals(z[m.detail()], s.value("z"), 1e-12);
        assertEquals(mean, s.value("batchMean"), 1e-12);
        assertEquals(var, s.value("batchVar"), 1e-12);
        assertEquals(zhat, s.value("zhat"), 1e-9);
        assertEquals(bn.gammaCopy()[0] * zhat + bn.betaCopy()[0], s.value("y"), 1e-9);
        assertEquals(bn.runningMeanCopy()[0], s.value("runningMean"), 0);
        assertEquals(bn.runningVarCopy()[0], s.value("runningVar"), 0);
        double evalY = bn.gammaCopy()[0] * (z[m.detail()] - bn.runningMeanCopy()[0])
                / Math.sqrt(bn.runningVarCopy()[0] + BatchNorm.EPS) + bn.betaCopy()[0];
        assertEquals(evalY, s.value("evalY"), 1e-12);
        // every unit in the table; the step then moves the running statistics to exactly these batch numbers
        for (int u = 0; u < 4; u++) {
            assertTrue(s.find("batchMean" + u).isPresent(), "unit " + u + " in the table");
        }
        double shownMean = s.value("batchMean2");
        m.apply();
        assertEquals(shownMean, m.network().layer(0).norm().lastBatchMeanCopy()[2], 0);
    }

    @Test
    void aNetworkWithoutBatchNormalizationHasNoSuchStop() {
        RunConfig c = Runs.tanhMse(Runs.sgd(0.1));
        DataSplit d = Runs.data(c);
        StepThroughModel m = StepThroughModel.fromCheckpoint(Runs.trained(c, d, 1).checkpoint(), d);
        assertTrue(m.stages().stream().noneMatch(s -> s.title().contains("batch normalization")));
    }
}
