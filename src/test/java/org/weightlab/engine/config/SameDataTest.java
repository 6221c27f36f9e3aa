package org.weightlab.engine.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;

class SameDataTest {

    private static final RunConfig BASE = RunConfig.defaults();

    @Test
    void eachOfTheGeneratorsInputsMakesOtherData() {
        List<RunConfig> others = List.of(
                BASE.withDataset(DatasetKind.XOR),
                BASE.withData(BASE.samples() + 2, BASE.noise(), BASE.trainFraction(), BASE.seed()),
                BASE.withData(BASE.samples(), 0.25, BASE.trainFraction(), BASE.seed()),
                BASE.withData(BASE.samples(), BASE.noise(), 0.7, BASE.seed()),
                BASE.withData(BASE.samples(), BASE.noise(), BASE.trainFraction(), BASE.seed() + 1));
        for (RunConfig other : others) {
            assertFalse(RunConfig.sameData(BASE, other), other.toString());
            assertFalse(RunConfig.sameData(other, BASE), other.toString());
            DataSplit a = DataGenerator.generate(BASE);
            DataSplit b = DataGenerator.generate(other);
            boolean identical = Arrays.equals(a.train().points(), b.train().points())
                    && Arrays.equals(a.train().labels(), b.train().labels());
            assertFalse(identical, "the generator made the same training set for " + other);
        }
    }

    @Test
    void settingsOutsideTheDataKeepTheSameDataPointForPoint() {
        RunConfig other = BASE.withHidden(List.of(8), List.of()).withBatch(3, false).withDropout(0.2)
                .withFeatures(List.of(Feature.X1, Feature.X2, Feature.X1_TIMES_X2));
        assertTrue(RunConfig.sameData(BASE, other));
        DataSplit a = DataGenerator.generate(BASE);
        DataSplit b = DataGenerator.generate(other);
        assertArrayEquals(a.train().points(), b.train().points());
        assertArrayEquals(a.train().labels(), b.train().labels());
        assertArrayEquals(a.test().points(), b.test().points());
        assertArrayEquals(a.test().labels(), b.test().labels());
    }
}
