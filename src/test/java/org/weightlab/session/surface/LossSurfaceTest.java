package org.weightlab.session.surface;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.Network;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.ConfigEdits;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.Feature;
import org.weightlab.engine.config.InitSpec;
import org.weightlab.engine.config.LossKind;
import org.weightlab.engine.config.ProblemKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.engine.data.Dataset;

class LossSurfaceTest {

    /** y = w x + b: one linear neuron on the line data set, as the linear-regression lesson has it. */
    static RunConfig line() {
        return ConfigEdits.withDataset(RunConfig.defaults(), DatasetKind.LINE).withFeatures(List.of(Feature.X1))
                .withActivations(ActivationKind.TANH, ActivationKind.LINEAR, LossKind.MSE, ProblemKind.REGRESSION)
                .withHidden(List.of(), List.of()).withInit(InitSpec.ZEROS, InitSpec.ZEROS)
                .withData(100, 0.1, 0.5, 1);
    }

    @Test
    void theLineSurfaceIsTheMeanSquaredErrorOfEveryGridLine() {
        RunConfig c = line();
        DataSplit data = DataGenerator.generate(c);
        Network net = new Trainer(c, data).network();
        WeightRef w = new WeightRef(0, 0, 0);
        WeightRef b = WeightRef.bias(0, 0);
        LossSurface s = LossSurface.compute(c, data, net, w, b, -1, 4, -2, 3, 21);
        Dataset train = data.train();
        int checked = 0;
        for (int row = 0; row < 21; row += 4) {
            for (int col = 1; col < 21; col += 3) {
                double wv = s.aAt(col);
                double bv = s.bAt(row);
                double sum = 0;
                for (int i = 0; i < train.size(); i++) {
                    double e = wv * train.x1(i) + bv - train.label(i);
                    sum += 0.5 * e * e;
                }
                double expected = sum / train.size();
                assertEquals(expected, s.loss(row, col), 1e-12 * expected, "w " + wv + ", b " + bv);
                checked++;
            }
        }
        assertTrue(checked > 30);
        assertEquals(-1, s.aAt(0));
        assertEquals(4, s.aAt(20));
        assertEquals(3, s.bAt(0), "row 0 is the top");
        assertEquals(-2, s.bAt(20));
        // the least-squares line of y = 2x + 1 data is near w = 2, b = 1: the grid's minimum is there
        int best = 0;
        double[] v = s.values();
        for (int i = 1; i < v.length; i++) {
            best = v[i] < v[best] ? i : best;
        }
        assertEquals(2, s.aAt(best % 21), 0.25);
        assertEquals(1, s.bAt(best / 21), 0.25);
    }

    @Test
    void anyTwoWeightsOfADeeperNetworkGiveTheRunsOwnTrainLossWithOthersFixed() {
        RunConfig c = RunConfig.defaults();
        DataSplit data = DataGenerator.generate(c);
        Trainer run = new Trainer(c, data);
        run.runEpochs(3);
        Network net = run.network().copy();
        WeightRef a = new WeightRef(1, 1, 2);
        WeightRef b = WeightRef.bias(0, 3);
        LossSurface s = LossSurface.compute(c, data, net, a, b, -2, 2, -1.5, 2.5, 9);
        for (int[] rc : new int[][] {{0, 0}, {3, 5}, {8, 8}, {4, 1}}) {
            Trainer direct = new Trainer(c, data, net);
            direct.setWeight(1, 1, 2, s.aAt(rc[1]));
            direct.setBias(0, 3, s.bAt(rc[0]));
            assertEquals(direct.evaluate().trainLoss(), s.loss(rc[0], rc[1]), 0.0);
        }
        // the grid point nearest the run's own values has (about) the run's loss, and the network is untouched
        assertArrayEquals(net.layer(0).weightsCopy(), s.around().layer(0).weightsCopy(), 0.0);
        assertArrayEquals(run.network().layer(1).weightsCopy(), net.layer(1).weightsCopy(), 0.0);
    }

    @Test
    void twoDifferentParametersAndARealRangeAreNeeded() {
        RunConfig c = line();
        DataSplit data = DataGenerator.generate(c);
        Network net = new Trainer(c, data).network();
        WeightRef w = new WeightRef(0, 0, 0);
        assertThrows(IllegalArgumentException.class, () -> LossSurface.compute(c, data, net, w, w, 0, 1, 0, 1, 5));
        assertThrows(IllegalArgumentException.class,
                () -> LossSurface.compute(c, data, net, w, WeightRef.bias(0, 0), 1, 1, 0, 1, 5));
    }
}
