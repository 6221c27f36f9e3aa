package org.weightlab.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.Layer;
import org.weightlab.engine.Trace;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.ConfigEdits;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataSplit;

/** The step-through on digits: 64 pixel inputs, sums summarised by their largest terms. */
class DigitsWalkTest {

    private static RunConfig digits() {
        return ConfigEdits.withDataset(RunConfig.defaults(), DatasetKind.DIGITS).withHidden(List.of(8), List.of())
                .withData(200, 0, 0.5, 4);
    }

    @Test
    void theLargestTermsAreTheThreeOfLargestSizeInInputOrder() {
        double[] w = {9, 1, -5, 0.5, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -7, 0, 0};
        double[] x = new double[20];
        java.util.Arrays.fill(x, 1);
        assertArrayEquals(new int[]{0, 2, 17}, Notation.largestTerms(w, 0, x, 20));
        x[0] = 0; // a large weight on an empty pixel adds nothing
        assertArrayEquals(new int[]{2, 4, 17}, Notation.largestTerms(w, 0, x, 20));
        assertEquals(5, Notation.largestTerms(w, 0, x, 5).length, "short sums are written out whole");
    }

    @Test
    void aForwardStageOnDigitsWritesThreeTermsAndTheRestAsOneNumberThatAddsUpToZ() {
        RunConfig c = digits();
        DataSplit d = Runs.data(c);
        Trainer live = Runs.trained(c, d, 5);
        StepThroughModel m = StepThroughModel.fromCheckpoint(live.checkpoint(), d);
        m.selectExample(3);
        Trace t = live.trace(3);
        Layer first = live.network().layer(0);
        for (int o = 0; o < 8; o++) {
            final int neuron = o;
            Stage s = m.stages().stream().filter(st -> st.phase() == Phase.FORWARD && st.layer() == 0
                    && st.neuron() == neuron).findFirst().orElseThrow();
            String text = s.lines().stream().map(FormulaLine::text).collect(Collectors.joining("\n"));
            assertTrue(text.contains("\u2026 61 more terms \u2026"), text);
            assertTrue(text.contains("The 3 largest of the 64 terms"), text);
            double shown = 0;
            int written = 0;
            for (int i = 0; i < 64; i++) {
                if (s.find("w" + i).isPresent()) {
                    written++;
                    assertEquals(first.weight(o, i), s.value("w" + i));
                    assertEquals(t.features()[i], s.value("in" + i));
                    shown += first.weight(o, i) * t.features()[i];
                }
            }
            assertEquals(3, written, text);
            double z = shown + s.value("rest") + first.bias(o);
            assertEquals(t.layer(0).z()[o], z, 1e-12, "the written terms, the rest and the bias add up to z");
            assertEquals(t.layer(0).z()[o], s.value("z"));
        }
        Stage input = m.stages().stream().filter(st -> st.phase() == Phase.INPUT).findFirst().orElseThrow();
        String inputText = input.lines().stream().map(FormulaLine::text).collect(Collectors.joining("\n"));
        assertTrue(inputText.contains("64 input values"), inputText);
        assertTrue(!inputText.contains("NaN"), inputText);
    }

    @Test
    void theBatchWalkOnDigitsNamesItsExamplesWithoutPoints() {
        RunConfig c = digits();
        DataSplit d = Runs.data(c);
        StepThroughModel m = StepThroughModel.fromCheckpoint(Runs.trained(c, d, 2).checkpoint(), d);
        m.startBatch();
        String all = m.stages().stream().flatMap(s -> s.lines().stream()).map(FormulaLine::text)
                .collect(Collectors.joining("\n"));
        assertTrue(!all.contains("NaN"), "no point of the plane for a picture");
    }
}
