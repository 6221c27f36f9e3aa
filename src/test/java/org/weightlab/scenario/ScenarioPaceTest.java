package org.weightlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.weightlab.engine.config.RunConfig;

/** The optional "pace" of a scenario file: speed in epochs per second and the epoch to stop at. */
class ScenarioPaceTest {

    private static String file(String pace) {
        String config = ScenarioFile.toJson(Scenario.of(RunConfig.defaults()));
        return pace == null ? config : config.substring(0, config.lastIndexOf('}')) + ", \"pace\": " + pace + "}";
    }

    @Test
    void aFileWithoutPaceStillOpensAndLeavesTheSpeedToTheWindow() throws Exception {
        assertNull(ScenarioFile.parse(file(null), "s.json").pace());
    }

    @Test
    void speedAndStopEpochAreReadAndWrittenBack() throws Exception {
        Scenario s = ScenarioFile.parse(file("{\"epochsPerSecond\": 5, \"stopAtEpoch\": 300}"), "s.json");
        assertEquals(new Pace(5, 300), s.pace());
        assertEquals(s, ScenarioFile.parse(ScenarioFile.toJson(s), "again.json"));
        Scenario max = ScenarioFile.parse(file("{\"epochsPerSecond\": \"max\"}"), "s.json");
        assertEquals(new Pace(Double.POSITIVE_INFINITY, 0), max.pace());
        assertTrue(ScenarioFile.toJson(max).contains("\"epochsPerSecond\": \"max\"")
                || ScenarioFile.toJson(max).contains("\"epochsPerSecond\":\"max\""), ScenarioFile.toJson(max));
        assertEquals(max, ScenarioFile.parse(ScenarioFile.toJson(max), "again.json"));
        Scenario stopOnly = ScenarioFile.parse(file("{\"stopAtEpoch\": 40}"), "s.json");
        assertEquals(new Pace(0, 40), stopOnly.pace());
        assertEquals(stopOnly, ScenarioFile.parse(ScenarioFile.toJson(stopOnly), "again.json"));
    }

    @Test
    void badPacesAreRefusedWithTheirPath() {
        String[][] cases = {
                {"{\"epochsPerSecond\": 0}", "pace.epochsPerSecond"},
                {"{\"epochsPerSecond\": -3}", "pace.epochsPerSecond"},
                {"{\"epochsPerSecond\": \"fast\"}", "pace.epochsPerSecond"},
                {"{\"stopAtEpoch\": 0}", "pace.stopAtEpoch"},
                {"{\"stopAtEpoch\": 2.5}", "pace.stopAtEpoch"},
                {"{\"speed\": 20}", "pace.speed"},
                {"20", "pace"}};
        for (String[] c : cases) {
            ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioFile.parse(file(c[0]), "s.json"),
                    c[0]);
            assertTrue(e.getMessage().contains(c[1]), c[0] + ": " + e.getMessage());
        }
    }
}
