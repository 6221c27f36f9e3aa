package org.weightlab.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.config.ConfigEdits;
import org.weightlab.engine.config.InlineData;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.ClickedPoints;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;

/** Clicked points keep their side of the split through a saved scenario; older files open as they did. */
class ClickedSplitFilesTest {

    @Test
    void clickedPointsReopenWithTheSplitTheyWereShownWith() throws Exception {
        RunConfig c = RunConfig.defaults().withData(16, 0, 0.5, 4);
        RunConfig clicked = ClickedPoints.add(c, DataGenerator.generate(c), 0.25, -0.5, 1);
        String json = ScenarioFile.toJson(Scenario.of(clicked));
        assertTrue(json.contains("\"testRows\": [8, 9, 10, 11, 12, 13, 14, 15]"), json);
        RunConfig back = ScenarioFile.parse(json, "clicked.json").config();
        assertEquals(clicked, back);
        DataSplit a = DataGenerator.generate(clicked);
        DataSplit b = DataGenerator.generate(back);
        assertArrayEquals(a.train().points(), b.train().points());
        assertArrayEquals(a.test().points(), b.test().points());
        assertEquals(json, ScenarioFile.toJson(Scenario.of(back)), "written again, byte for byte");
    }

    @Test
    void clickedDataWithoutTestRowsOpensSplitByTheSeedAsBefore() throws Exception {
        double[] rows = {0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5};
        InlineData d = new InlineData(List.of("x1", "x2"), List.of("-1", "+1"), rows,
                new double[] {1, -1, 1, -1, 1, -1}, false);
        RunConfig c = ConfigEdits.withInlineData(RunConfig.defaults().withData(6, 0, 0.5, 5), d);
        String json = ScenarioFile.toJson(Scenario.of(c));
        assertFalse(json.contains("testRows"), json);
        RunConfig back = ScenarioFile.parse(json, "old.json").config();
        assertFalse(back.inlineData().fixedSplit());
        boolean[] seeded = DataGenerator.seededTestRows(6, 5, 0.5);
        DataSplit split = DataGenerator.generate(back);
        for (int k = 0; k < split.test().size(); k++) {
            assertTrue(seeded[(int) split.test().x1(k)], "test row " + split.test().x1(k) + " is the seed's");
        }
        assertEquals(3, split.test().size());
    }

    @Test
    void badTestRowsAreRefusedWithTheirPath() {
        RunConfig c = RunConfig.defaults().withData(8, 0, 0.5, 4);
        String json = ScenarioFile.toJson(Scenario.of(ClickedPoints.add(c, DataGenerator.generate(c), 0, 0, 1)));
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioFile.parse(json.replace("\"testRows\": [4, 5, 6, 7]", "\"testRows\": [5, 4]"), "c.json"));
        assertTrue(e.getMessage().contains("testRows"), e.getMessage());
        e = assertThrows(ScenarioException.class,
                () -> ScenarioFile.parse(json.replace("\"testRows\": [4, 5, 6, 7]", "\"testRows\": [4, 99]"), "c.json"));
        assertTrue(e.getMessage().contains("testRows"), e.getMessage());
        e = assertThrows(ScenarioException.class,
                () -> ScenarioFile.parse(json.replace("\"testRows\": [4, 5, 6, 7]", "\"testRows\": []"), "c.json"));
        assertTrue(e.getMessage().contains("one training and one test row"), e.getMessage());
    }
}
