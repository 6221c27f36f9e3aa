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
    void regressionAndNdDataTakeNoClicks() {
        assertTrue(ClickedPoints.accepts(RunConfig.defaults()));
        assertFalse(ClickedPoints.accepts(ConfigEdits.withDataset(RunConfig.defaults(), DatasetKind.PLANE)));
        assertFalse(ClickedPoints.accepts(ConfigEdits.withDataset(RunConfig.defaults(), DatasetKind.DIGITS)));
    }
}
