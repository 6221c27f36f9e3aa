package org.weightlab.session.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.config.QuantizationSpec;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.lessons.LessonSettings;

/** Races and lesson steps set quantization-aware training by the names files use. */
class QuantizationRaceSettingTest {

    @Test
    void raceSettingAppliesReadsAndLabelsQuantization() {
        RunConfig plain = RunConfig.defaults();
        RaceSetting q = RaceSetting.fromId("quantization");
        assertEquals("none", q.valueOf(plain));
        RunConfig binary = q.apply(plain, "binary");
        assertEquals(new QuantizationSpec("binary"), binary.extras().quantization());
        assertEquals("binary", q.valueOf(binary));
        assertEquals("4", q.valueOf(q.apply(plain, " 4 ")));
        assertNull(q.apply(binary, "none").extras().quantization());
        assertTrue(q.keepsWeights(), "full precision and quantized runs start from the same weights");
        assertEquals("full precision", q.runLabel("none"));
        assertEquals("4-bit weights", q.runLabel("4"));
        assertEquals("ternary weights", q.runLabel("ternary"));
        assertThrows(IllegalArgumentException.class, () -> q.apply(plain, "5"));
        for (String v : q.defaults(plain)) {
            q.apply(plain, v); // every default applies
        }
    }

    @Test
    void lessonStepsSetQuantizationByName() {
        RunConfig c = LessonSettings.apply(RunConfig.defaults(), Map.of("quantization", "ternary"));
        assertEquals(new QuantizationSpec("ternary"), c.extras().quantization());
        assertNull(LessonSettings.apply(c, Map.of("quantization", "none")).extras().quantization());
        assertThrows(IllegalArgumentException.class,
                () -> LessonSettings.apply(RunConfig.defaults(), Map.of("quantization", "16")));
    }
}
