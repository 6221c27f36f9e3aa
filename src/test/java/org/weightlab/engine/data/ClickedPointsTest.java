package org.weightlab.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.config.ConfigEdits;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.InlineData;
import org.weightlab.engine.config.RunConfig;

class ClickedPointsTest {

    @Test
    void theFirstClickTurnsTheShownPointsIntoCustomDataWithTheNewPoint() {
        RunConfig c = RunConfig.defaults().withData(20, 0, 0.5, 3);
        DataSplit shown = DataGenerator.generate(c);
        RunConfig next = ClickedPoints.add(c, shown, 1.5, -2.5, ClickedPoints.label(c, false));
        assertEquals(DatasetKind.CUSTOM, next.dataset());
        assertEquals(21, next.samples());
        InlineData d = next.inlineData();
        assertEquals(List.of("x1", "x2"), d.columns());
        assertFalse(d.standardize(), "clicked points live in the plane's coordinates");
        assertEquals(1.5, d.value(20, 0));
        assertEquals(-2.5, d.value(20, 1));
        assertEquals(1.0, d.label(20));
        assertEquals(shown.train().value(0, 0), d.value(0, 0), "the shown points come first");
        assertEquals(c.features(), next.features());
        assertEquals(c.hidden(), next.hidden());
        RunConfig again = ClickedPoints.add(next, DataGenerator.generate(next), 0, 0, ClickedPoints.label(next, true));
        assertEquals(22, again.samples());
        assertEquals(-1.0, again.inlineData().label(21), "Shift gives the other class");
    }

    @Test
    void rightClickRemovesTheNearestPointWithinTheRadiusOnly() {
        double[] rows = {0, 0, 1, 1, 3, 3, -2, 2};
        InlineData d = new InlineData(List.of("x1", "x2"), List.of("-1", "+1"), rows, new double[] {1, -1, 1, -1},
                false);
        RunConfig c = ConfigEdits.withInlineData(RunConfig.defaults(), d);
        DataSplit shown = DataGenerator.generate(c);
        assertNull(ClickedPoints.removeNearest(c, shown, 5, 5, 0.5), "nothing near");
        RunConfig next = ClickedPoints.removeNearest(c, shown, 1.2, 0.9, 0.5);
        assertEquals(3, next.samples());
        assertArrayEquals(new double[] {0, 0, 3, 3, -2, 2}, next.inlineData().rows());
        assertArrayEquals(new double[] {1, 1, -1}, next.inlineData().labels());
    }

    @Test
    void onlyDataOfThePlaneTakesClicks() {
        assertTrue(ClickedPoints.accepts(RunConfig.defaults()));
        assertTrue(ClickedPoints.accepts(ConfigEdits.withDataset(RunConfig.defaults(), DatasetKind.PLANE)));
        assertFalse(ClickedPoints.accepts(ConfigEdits.withDataset(RunConfig.defaults(), DatasetKind.SINE)));
        assertFalse(ClickedPoints.accepts(ConfigEdits.withDataset(RunConfig.defaults(), DatasetKind.DIGITS)));
    }

    @Test
    void addingAPointMovesNoOtherPointBetweenTrainAndTest() {
        RunConfig c = RunConfig.defaults().withData(40, 0.1, 0.6, 7);
        DataSplit before = DataGenerator.generate(c);
        RunConfig next = ClickedPoints.add(c, before, 0.5, 0.5, 1);
        DataSplit after = DataGenerator.generate(next);
        assertEquals(before.train().size() + 1, after.train().size(), "the new point trains");
        assertArrayEquals(before.test().points(), after.test().points(), "the test set is the one shown before");
        double[] trainBefore = before.train().points();
        double[] trainAfter = java.util.Arrays.copyOf(after.train().points(), trainBefore.length);
        assertArrayEquals(trainBefore, trainAfter, "the training points keep their side and order");
        assertEquals(0.5, after.train().x1(after.train().size() - 1));
        RunConfig more = next;
        for (int i = 0; i < 5; i++) {
            more = ClickedPoints.add(more, DataGenerator.generate(more), -i, i, -1);
        }
        assertArrayEquals(before.test().points(), DataGenerator.generate(more).test().points(),
                "five more clicks still leave the test set alone");
    }

    @Test
    void removingAPointMovesNoOtherPointBetweenTrainAndTest() {
        RunConfig c = ClickedPoints.add(RunConfig.defaults().withData(30, 0, 0.5, 2),
                DataGenerator.generate(RunConfig.defaults().withData(30, 0, 0.5, 2)), 0, 0, 1);
        DataSplit before = DataGenerator.generate(c);
        double tx = before.test().x1(3);
        double ty = before.test().x2(3);
        DataSplit after = DataGenerator.generate(ClickedPoints.removeNearest(c, before, tx, ty, 1e-9));
        assertArrayEquals(before.train().points(), after.train().points(), "the training set is untouched");
        assertEquals(before.test().size() - 1, after.test().size());
        for (int i = 0; i < after.test().size(); i++) {
            int from = i < 3 ? i : i + 1;
            assertEquals(before.test().x1(from), after.test().x1(i));
        }
    }

    @Test
    void clickedDataSavedWithoutSidesKeepsTheSeedsSplitOnItsFirstEdit() {
        double[] rows = new double[2 * 12];
        double[] labels = new double[12];
        for (int i = 0; i < 12; i++) {
            rows[2 * i] = i;
            rows[2 * i + 1] = -i;
            labels[i] = i % 2 == 0 ? 1 : -1;
        }
        InlineData old = new InlineData(List.of("x1", "x2"), List.of("-1", "+1"), rows, labels, false);
        RunConfig c = ConfigEdits.withInlineData(RunConfig.defaults().withData(12, 0, 0.5, 9), old);
        DataSplit before = DataGenerator.generate(c);
        DataSplit after = DataGenerator.generate(ClickedPoints.add(c, before, 100, 100, 1));
        assertEquals(sorted(before.test().points()), sorted(after.test().points()));
        assertEquals(before.train().size() + 1, after.train().size());
    }

    @Test
    void aNewSeedOrTrainShareSplitsClickedPointsAfresh() {
        RunConfig c = RunConfig.defaults().withData(30, 0, 0.5, 2);
        RunConfig clicked = ClickedPoints.add(c, DataGenerator.generate(c), 0, 0, 1);
        assertTrue(clicked.inlineData().fixedSplit());
        assertTrue(clicked.withData(clicked.samples(), 0, 0.5, 2).inlineData().fixedSplit(), "same split settings");
        assertFalse(clicked.withData(clicked.samples(), 0, 0.5, 3).inlineData().fixedSplit(), "a new seed");
        assertFalse(clicked.withData(clicked.samples(), 0, 0.7, 2).inlineData().fixedSplit(), "a new share");
    }

    @Test
    void aRegressionClickAddsItsTargetValueAndAClassClickItsClass() {
        RunConfig plane = ConfigEdits.withDataset(RunConfig.defaults(), DatasetKind.PLANE).withData(20, 0, 0.5, 1);
        RunConfig next = ClickedPoints.add(plane, DataGenerator.generate(plane), 1, 2, 0.35);
        assertEquals(org.weightlab.engine.config.ProblemKind.REGRESSION, next.problem());
        assertEquals(0.35, next.inlineData().label(20));
        assertEquals(-1.0, ClickedPoints.classLabel(0, 2));
        assertEquals(1.0, ClickedPoints.classLabel(1, 2));
        assertEquals(2.0, ClickedPoints.classLabel(2, 3));
    }

    private static List<Double> sorted(double[] v) {
        return java.util.Arrays.stream(v).sorted().boxed().toList();
    }
}
