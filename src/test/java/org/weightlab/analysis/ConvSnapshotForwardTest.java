package org.weightlab.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.Trace;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.ConfigEdits;
import org.weightlab.engine.config.ConvSpec;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.config.RunExtras;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.session.SessionState;
import org.weightlab.session.SnapshotParts;
import org.weightlab.session.TrainingSnapshot;

/** Views that predict away from the engine run a convolutional network's moment through its convolutions first. */
class ConvSnapshotForwardTest {

    @Test
    void aMomentsForwardPassGivesTheEnginesOutputsAndItsConfusionMatrixCountsTheTestSet() {
        RunConfig c = ConfigEdits.withDataset(RunConfig.defaults(), DatasetKind.DIGITS)
                .withHidden(List.of(8), List.of()).withData(200, 0, 0.5, 3)
                .withExtras(RunExtras.NONE.withConv(List.of(new ConvSpec(3, 3), new ConvSpec(2, 2))));
        DataSplit d = DataGenerator.generate(c);
        Trainer t = new Trainer(c, d);
        for (int i = 0; i < 4; i++) {
            t.step();
        }
        TrainingSnapshot s = SnapshotParts.moment(t, SessionState.PAUSED, t.evaluate(), null, d, false);
        SnapshotForward net = SnapshotForward.of(s);
        assertEquals(64, net.inputs());
        for (int e = 0; e < 5; e++) {
            Trace trace = t.trace(e);
            assertArrayEquals(trace.output().a(), net.forward(trace.features(), 0), 1e-12, "example " + e);
        }
        ConfusionMatrix m = Confusion.ofTest(s);
        assertNotNull(m);
        assertEquals(d.test().size(), m.total());
    }
}
