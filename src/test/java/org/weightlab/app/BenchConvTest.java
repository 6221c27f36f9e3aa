package org.weightlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.data.DataGenerator;

/** The digits-conv benchmark: its network, and its one line a script can read. */
class BenchConvTest {

    @Test
    void theConvolutionBenchmarkTrainsTheIssuesNetworkAndPrintsItsSpeed() {
        Trainer t = new Trainer(BenchCommand.digitsConv(), DataGenerator.generate(BenchCommand.digitsConv()));
        assertEquals(1, t.network().convCount());
        assertEquals(4, t.network().conv(0).channels());
        assertEquals(144, t.network().layer(0).inputs());
        assertEquals(1, t.network().layerCount(), "flatten 144 -> 10 softmax");
        assertEquals(1437, t.trainSize());

        TrainCommandTest.Result r = TrainCommandTest.run("bench", "--only", "digits-conv", "--runs", "1",
                "--run-ms", "50", "--warm-up-ms", "0");
        assertEquals(0, r.code(), r.err());
        Matcher m = Pattern.compile("(?m)^bench digits-conv examples_per_s=(\\d+)$").matcher(r.out());
        assertTrue(m.find(), r.out());
        assertTrue(Long.parseLong(m.group(1)) > 0, r.out());
    }
}
