package org.weightlab.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.ConvLayer;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.ConfigEdits;
import org.weightlab.engine.config.ConvSpec;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.OptimizerKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.config.RunExtras;
import org.weightlab.engine.data.DataGenerator;

/** Moments of a network with a convolution carry its kernels; a kernel frozen through the session stays put. */
class ConvSnapshotTest {

    static final RunConfig CONV = ConfigEdits.withDataset(RunConfig.defaults(), DatasetKind.DIGITS)
            .withData(400, 0, 0.8, 1).withHidden(List.of(16), List.of())
            .withOptimizer(OptimizerConfig.defaults(OptimizerKind.SGD, 0.1)).withBatch(32, true)
            .withExtras(RunExtras.NONE.withConv(List.of(new ConvSpec(4, 3))));

    private final SnapshotBus bus = new SnapshotBus();
    private TrainingSession session;

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    private TrainingSnapshot idle() throws Exception {
        return session.whenIdle().get(30, TimeUnit.SECONDS);
    }

    @Test
    void aMomentCarriesTheConvolutionAsTheTrainerHoldsIt() {
        Trainer t = new Trainer(CONV, DataGenerator.generate(CONV));
        t.step();
        ConvSnapshot c = SnapshotParts.conv(t).get(0);
        ConvLayer live = t.network().conv(0);
        assertEquals(4, c.channels());
        assertEquals(3, c.kernel());
        assertEquals(144, c.outputs());
        assertEquals(4 * 9 + 4, c.parameterCount());
        assertArrayEquals(live.weightsCopy(), c.weights());
        assertArrayEquals(live.weightGradientsCopy(), c.weightGradients());
        assertArrayEquals(live.kernel(2, 0), c.kernelPicture(2, 0));
        double[] x = t.trace(5).features();
        assertArrayEquals(live.featureMaps(x).a(), c.featureMaps(x).a());
    }

    @Test
    void aFrozenKernelKeepsItsWeightsWhileTheOthersLearn() throws Exception {
        session = new TrainingSession(CONV, DataGenerator.generate(CONV), null, bus, DataGenerator::generate,
                SessionSettings.defaults());
        session.start();
        session.freezeKernel(0, 1, true);
        TrainingSnapshot before = idle();
        ConvSnapshot was = before.conv().get(0);
        assertTrue(was.kernelFrozen(1));
        assertFalse(was.kernelFrozen(0));
        session.runSteps(20);
        ConvSnapshot now = idle().conv().get(0);
        assertArrayEquals(was.kernelPicture(1, 0), now.kernelPicture(1, 0));
        assertEquals(was.biases()[1], now.biases()[1]);
        assertFalse(Arrays.equals(was.kernelPicture(0, 0), now.kernelPicture(0, 0)), "kernel 1 learned");
        session.freezeKernel(0, 1, false);
        assertFalse(idle().conv().get(0).kernelFrozen(1));
    }
}
