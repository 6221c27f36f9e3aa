package org.weightlab.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.ConfigEdits;
import org.weightlab.engine.config.DatasetKind;
import org.weightlab.engine.config.InlineData;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;

/** Digits and data carried in the file, through scenarios and run exports. */
class DataFilesTest {

    static RunConfig digits() {
        return ConfigEdits.withDataset(RunConfig.defaults(), DatasetKind.DIGITS).withHidden(List.of(32), List.of());
    }

    static InlineData threeClasses() {
        double[] rows = {5.1, 3.5, 1.4, 4.9, 3.0, 1.4, 7.0, 3.2, 4.7, 6.4, 3.2, 4.5, 6.3, 3.3, 6.0, 5.8, 2.7, 5.1};
        double[] labels = {0, 0, 1, 1, 2, 2};
        return new InlineData(List.of("sepal length", "sepal width", "petal length"),
                List.of("setosa", "versicolor", "virginica"), rows, labels, true);
    }

    @Test
    void aDigitsScenarioHasNoFeaturesAndReopensEqual() throws Exception {
        RunConfig c = digits();
        String json = ScenarioFile.toJson(Scenario.of(c));
        assertTrue(json.contains("\"dataset\": \"digits\""), json);
        assertFalse(json.contains("\"features\""), "the 64 pixels are the inputs: " + json);
        assertEquals(c, ScenarioFile.parse(json, "d.json").config());
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioFile.parse(
                json.replace("\"problem\"", "\"features\": [\"x1\", \"x2\"], \"problem\""), "d.json"));
        assertTrue(e.getMessage().contains("config.features: apply to 2-D points"), e.getMessage());
    }

    @Test
    void customDataIsSavedInsideTheScenarioAndReopensIdentical() throws Exception {
        RunConfig c = ConfigEdits.withInlineData(RunConfig.defaults(), threeClasses());
        String json = ScenarioFile.toJson(Scenario.of(c));
        assertTrue(json.contains("\"dataset\": \"custom\""), json);
        assertTrue(json.contains("\"virginica\""), json);
        RunConfig back = ScenarioFile.parse(json, "c.json").config();
        assertEquals(c, back);
        assertEquals(c.inlineData(), back.inlineData());
        DataSplit a = DataGenerator.generate(c);
        DataSplit b = DataGenerator.generate(back);
        assertArrayEquals(a.train().points(), b.train().points());
        assertArrayEquals(a.test().labels(), b.test().labels());
        assertEquals(json, ScenarioFile.toJson(Scenario.of(back)), "written again, byte for byte");
    }

    @Test
    void aBadDataSectionIsRefusedWithItsPath() {
        RunConfig c = ConfigEdits.withInlineData(RunConfig.defaults(), threeClasses());
        String json = ScenarioFile.toJson(Scenario.of(c));
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioFile.parse(json.replace("[5.1, 3.5, 1.4]", "[5.1, 3.5]"), "c.json"));
        assertTrue(e.getMessage().contains("config.data.rows[0]"), e.getMessage());
        e = assertThrows(ScenarioException.class,
                () -> ScenarioFile.parse(json.replace("\"dataset\": \"custom\"", "\"dataset\": \"circle\""), "c.json"));
        assertTrue(e.getMessage().contains("goes with dataset custom"), e.getMessage());
    }

    @Test
    void aRunExportCarriesTheStandardizedPointsAndTheNumbersThatMadeThem() throws Exception {
        RunConfig c = ConfigEdits.withInlineData(RunConfig.defaults(), threeClasses());
        DataSplit data = DataGenerator.generate(c);
        Trainer t = new Trainer(c, data);
        NetworkState initial = NetworkState.of(t.network());
        t.runEpochs(2);
        RunExport run = new RunExport(c, data, initial, NetworkState.of(t.network()), List.of());
        String json = RunExportFile.toJson(run);
        assertTrue(json.contains("\"standardization\""), json);
        assertTrue(json.contains("\"features\": [\"sepal length\", \"sepal width\", \"petal length\"]"), json);
        RunExport back = RunExportFile.parse(json, "r.json");
        assertArrayEquals(data.train().points(), back.data().train().points());
        assertArrayEquals(data.test().points(), back.data().test().points());
        assertNotNull(back.data().standardization());
        assertArrayEquals(data.standardization().mean(), back.data().standardization().mean());
        assertArrayEquals(data.standardization().std(), back.data().standardization().std());
        assertEquals(json, RunExportFile.toJson(back));
    }

    @Test
    void aDigitsRunExportHas64ColumnsPerPoint() throws Exception {
        RunConfig c = digits().withData(200, 0, 0.5, 3);
        DataSplit data = DataGenerator.generate(c);
        Trainer t = new Trainer(c, data);
        NetworkState s = NetworkState.of(t.network());
        String json = RunExportFile.toJson(new RunExport(c, data, s, s, List.of()));
        assertTrue(json.contains("\"p00\"") && json.contains("\"p77\""), "column names");
        RunExport back = RunExportFile.parse(json, "r.json");
        assertEquals(64, back.data().dims());
        assertArrayEquals(data.train().points(), back.data().train().points());
        assertNull(back.data().standardization());
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> RunExportFile.parse(json.replaceFirst("\"p00\", ", ""), "r.json"));
        assertTrue(e.getMessage().contains("data.features"), e.getMessage());
    }
}
