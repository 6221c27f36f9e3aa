package org.weightlab.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.weightlab.engine.config.ConfigEdits;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.engine.data.csv.CsvImport;
import org.weightlab.engine.data.csv.CsvTable;
import org.weightlab.scenario.RunExport;
import org.weightlab.scenario.RunExportFile;
import org.weightlab.scenario.Scenario;
import org.weightlab.scenario.ScenarioFile;

/** An imported file travels inside the scenario: train --scenario replays it, and the export carries it. */
class ImportedDataTrainTest {

    @TempDir
    Path dir;

    @Test
    void anImportedIrisScenarioTrainsHeadlessAndItsExportHoldsTheSameData() throws Exception {
        String csv = new String(ImportedDataTrainTest.class
                .getResourceAsStream("/org/weightlab/engine/data/csv/iris.csv").readAllBytes());
        CsvTable table = CsvTable.parse(csv);
        RunConfig config = ConfigEdits.withInlineData(RunConfig.defaults(),
                CsvImport.build(table, CsvImport.guess(table))).withHidden(java.util.List.of(8), java.util.List.of());
        Path scenario = dir.resolve("iris.json");
        ScenarioFile.write(Scenario.of(config), scenario);
        Path run = dir.resolve("run.json");
        TrainCommandTest.Result r = TrainCommandTest.run("train", "--scenario", scenario.toString(), "--epochs", "3",
                "--export", run.toString());
        assertEquals(0, r.code(), r.err());
        RunExport export = RunExportFile.read(run);
        assertEquals(config, export.config());
        DataSplit expected = DataGenerator.generate(ScenarioFile.read(scenario).config());
        assertArrayEquals(expected.train().points(), export.data().train().points());
        assertArrayEquals(expected.test().labels(), export.data().test().labels());
        assertNotNull(export.data().standardization());
        assertEquals(4, export.data().dims());
    }
}
