package org.weightlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.weightlab.scenario.ScenarioException;

class WindowStartTest {

    @Test
    void theRunBegunWhileJavaFxStartsIsTheOneTheWindowTakes() throws Exception {
        WindowStart.begin("circle-basics", null);
        WindowStart.Opened opened = WindowStart.take("circle-basics");
        try {
            assertEquals("circle-basics", opened.name());
            // the run was started: its first moment is the scenario's config at step 0
            var first = opened.host().session().whenIdle().get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(opened.scenario().config(), first.config());
            assertEquals(0, first.step());
        } finally {
            opened.host().close();
        }
    }

    @Test
    void aWindowAskingForAnotherScenarioOpensThatOne() throws ScenarioException {
        WindowStart.begin("circle-basics", null);
        WindowStart.Opened xor = WindowStart.take("xor-product");
        try {
            assertEquals("xor-product", xor.name());
            WindowStart.Opened again = WindowStart.take("xor-product");
            try {
                assertNotSame(xor.host(), again.host(), "a begun run is taken once");
            } finally {
                again.host().close();
            }
        } finally {
            xor.host().close();
        }
    }

    @Test
    void aScenarioThatCannotBeReadFailsTheTake() {
        WindowStart.begin("/no/such/scenario.json", null);
        assertThrows(ScenarioException.class, () -> WindowStart.take("/no/such/scenario.json"));
    }

    @Test
    void aScenarioReadBeforeIsNotReadAgain() throws ScenarioException {
        var scenario = TrainCommand.load("circle-basics");
        WindowStart.begin("my-file.json", scenario);
        WindowStart.Opened opened = WindowStart.take("my-file.json");
        try {
            assertSame(scenario, opened.scenario());
        } finally {
            opened.host().close();
        }
    }
}
