package org.weightlab.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.config.ActivationKind;
import org.weightlab.engine.config.ConfigEdits;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.LossKind;
import org.weightlab.engine.config.RunConfig;

class DigitsTest {

    @Test
    void theFirstImageReadAloneIsTheSetsFirstRow() {
        org.junit.jupiter.api.Assertions.assertArrayEquals(Digits.all().row(0), Digits.first());
        double ink = 0;
        for (double p : Digits.first()) {
            ink += p;
        }
        org.junit.jupiter.api.Assertions.assertTrue(ink > 5, "a drawn digit, not a blank: " + ink);
    }

    @Test
    void loaderReadsAll1797ImagesWithTheKnownClassCounts() {
        Dataset all = Digits.all();
        assertEquals(1797, all.size());
        assertEquals(64, all.dims());
        int[] counts = new int[10];
        for (double y : all.labels()) {
            assertEquals(Math.rint(y), y, "labels are whole digits");
            counts[(int) y]++;
        }
        // The UCI test part as scikit-learn ships it: 178, 182, 177, 183, 181, 182, 181, 179, 174, 180.
        assertArrayEquals(new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, counts);
    }

    @Test
    void pixelsAreCountsOver16InTheUnitRange() {
        double[] p = Digits.all().points();
        double min = Arrays.stream(p).min().orElseThrow();
        double max = Arrays.stream(p).max().orElseThrow();
        assertEquals(0.0, min);
        assertEquals(1.0, max);
        for (double v : p) {
            assertEquals(Math.rint(v * 16), v * 16, 0.0, "every pixel is a count 0..16 divided by 16");
        }
        // The first image of the file is a 0: its top-left corner is empty, its centre row has ink at both sides.
        Dataset all = Digits.all();
        assertEquals(0.0, all.label(0));
        assertEquals(0.0, all.value(0, 0));
        assertEquals(5 / 16.0, all.value(0, 2));
    }

    @Test
    void theSplitIsSeededAndUsesEveryImageOnce() {
        RunConfig c = digits();
        DataSplit a = DataGenerator.generate(c);
        DataSplit b = DataGenerator.generate(c);
        assertEquals((int) Math.floor(1797 * c.trainFraction()), a.train().size());
        assertEquals(1797, a.train().size() + a.test().size());
        assertArrayEquals(a.train().points(), b.train().points());
        assertArrayEquals(a.test().labels(), b.test().labels());
        DataSplit other = DataGenerator.generate(c.withData(1797, 0, c.trainFraction(), c.seed() + 1));
        assertNotEquals(Arrays.hashCode(a.train().labels()), Arrays.hashCode(other.train().labels()));
        double sum = Arrays.stream(a.train().labels()).sum() + Arrays.stream(a.test().labels()).sum();
        double expected = Arrays.stream(Digits.all().labels()).sum();
        assertEquals(expected, sum, "the split is a permutation of the whole set");
    }

    @Test
    void aSubsetTakesTheFirstImagesOfTheSeededShuffle() {
        RunConfig c = digits();
        DataSplit all = DataGenerator.generate(c);
        DataSplit part = DataGenerator.generate(c.withData(300, 0, 0.5, c.seed()));
        assertEquals(150, part.train().size());
        assertEquals(150, part.test().size());
        assertArrayEquals(all.train().row(0), part.train().row(0));
    }

    @Test
    void digitsTakesSoftmaxCrossEntropyTenOutputsAndNoFeatures() {
        RunConfig c = digits();
        assertEquals(DatasetKind.DIGITS, c.dataset());
        assertEquals(List.of(), c.features());
        assertEquals(64, c.inputs());
        assertEquals(10, c.outputs());
        assertEquals(ActivationKind.SOFTMAX, c.outputActivation());
        assertEquals(LossKind.CROSS_ENTROPY, c.loss());
        assertEquals(1797, c.samples());
        assertEquals("p00", c.inputNames().get(0));
        assertEquals("p77", c.inputNames().get(63));
        assertTrue(c.withHidden(List.of(32), List.of()).hidden().contains(32), "N-D data allows wide layers");
    }

    static RunConfig digits() {
        return ConfigEdits.withDataset(RunConfig.defaults(), DatasetKind.DIGITS).withData(1797, 0, 0.8, 1);
    }
}
