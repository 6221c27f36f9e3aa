package org.weightlab.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.ConvLayer;
import org.weightlab.engine.Trace;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.ConfigEdits;
import org.weightlab.engine.config.ConvSpec;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.config.RunExtras;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.session.SessionState;
import org.weightlab.session.SnapshotParts;
import org.weightlab.session.TrainingSnapshot;

/** The convolution walked one output value at a time: the engine's values, the same weights at every position. */
class ConvWalkTest {

    static RunConfig conv(List<ConvSpec> specs) {
        return ConfigEdits.withDataset(RunConfig.defaults(), DatasetKind.DIGITS).withHidden(List.of(8), List.of())
                .withData(200, 0, 0.5, 4).withExtras(RunExtras.NONE.withConv(specs));
    }

    @Test
    void everyOutputValueIsTheEnginesAndTheKernelIsTheSameAtEveryPosition() {
        RunConfig c = conv(List.of(new ConvSpec(4, 3)));
        DataSplit d = Runs.data(c);
        Trainer live = Runs.trained(c, d, 5);
        StepThroughModel m = StepThroughModel.fromCheckpoint(live.checkpoint(), d);
        m.selectExample(3);
        Trace t = live.trace(3);
        assertArrayEquals(t.features(), m.walkedInput());
        ConvWalk walk = ConvWalk.of(m.network(), 0, m.walkedInput());
        ConvLayer engine = live.network().conv(0);
        double[] z = engine.featureMaps(t.features()).z();
        double[] flat = t.layer(0).input(); // what the first dense layer read in the engine's own pass
        assertEquals(36, walk.positions());
        for (int o = 0; o < 4; o++) {
            for (int p = 0; p < walk.positions(); p++) {
                ConvWalk.Position at = walk.at(o, p);
                assertEquals(z[o * 36 + p], at.z(), 0.0, "z of kernel " + o + " at " + p);
                assertEquals(flat[o * 36 + p], at.a(), 0.0, "a of kernel " + o + " at " + p);
                assertArrayEquals(engine.kernel(o, 0), at.weights(), "weight sharing: kernel " + o + " at " + p);
                assertEquals(engine.biasesCopy()[o], at.bias());
                int r = p / 6;
                int s = p % 6;
                assertEquals(t.features()[(r + 2) * 8 + s + 1], at.patch()[7], "the patch's bottom middle");
            }
        }
        assertNotEquals(walk.at(0, 0).z(), walk.at(0, 35).z(), "different patches, different sums");
        List<String> lines = walk.lines(walk.at(1, 2, 3));
        assertTrue(lines.get(0).startsWith("z = "), lines.get(0));
        assertEquals(9, lines.get(0).split("\u00d7").length - 1, "nine products: " + lines.get(0));
        assertTrue(lines.get(1).contains(NumberText.format(walk.at(1, 2, 3).a())), lines.get(1));
    }

    @Test
    void aSecondConvolutionSlidesOverTheFirstOnesFeatureMaps() {
        RunConfig c = conv(List.of(new ConvSpec(2, 3), new ConvSpec(3, 2)));
        DataSplit d = Runs.data(c);
        Trainer live = Runs.trained(c, d, 3);
        Trace t = live.trace(7);
        ConvWalk walk = ConvWalk.of(live.network(), 1, t.features());
        assertEquals(2 * 4, walk.at(0, 0).weights().length, "two input channels of 2x2");
        double[] flat = t.layer(0).input();
        for (int o = 0; o < 3; o++) {
            for (int p = 0; p < walk.positions(); p++) {
                assertEquals(flat[o * 25 + p], walk.at(o, p).a(), 0.0);
            }
        }
    }

    @Test
    void theWholeWalkOfAConvolutionalNetworkRunsFromACheckpointAndFromASnapshot() {
        RunConfig c = conv(List.of(new ConvSpec(4, 3)));
        DataSplit d = Runs.data(c);
        Trainer live = Runs.trained(c, d, 2);
        TrainingSnapshot s = SnapshotParts.moment(live, SessionState.PAUSED, live.evaluate(), null, d, false);
        for (StepThroughModel m : List.of(StepThroughModel.fromCheckpoint(live.checkpoint(), d),
                StepThroughModel.fromSnapshot(s, d))) {
            assertTrue(m.size() > 10);
            while (m.forward()) {
                assertFalse(m.stage().title().isEmpty());
            }
            assertEquals(1, m.network().convCount());
            assertArrayEquals(live.network().conv(0).weightsCopy(), m.network().conv(0).weightsCopy());
        }
    }

    @Test
    void theParameterLinePutsTheKernelsBesideADenseLayerOfTheSameOutputs() {
        assertEquals("conv: 4x(3x3)+4 = 40 parameters; a dense layer to the same 144 outputs: 64x144+144 = 9,360",
                ConvSharing.line(4, 1, 3, 64, 144));
        assertEquals(3 * 2 * 2 * 2 + 3, ConvSharing.convParameters(3, 2, 2));
        assertTrue(ConvSharing.line(3, 2, 2, 72, 75).startsWith("conv: 3x(2x2x2)+3 = 27 parameters"));
    }
}
