package org.weightlab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.Network;
import org.weightlab.engine.config.ConvSpec;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.scenario.LessonCatalog;
import org.weightlab.scenario.LessonStep;

/** The convolution lesson's settings and measures: parameter counts of the first layer, and what sharing saves. */
class ConvLessonTest {

    private static RunConfig lesson() throws Exception {
        return LessonCatalog.builtIn().stream().filter(e -> e.name().equals("convolution-shared-weights")).findFirst()
                .orElseThrow().scenario().config();
    }

    private static LessonStep.Check check(String measure) {
        return new LessonStep.Check(measure, null, null, 0, 0, 0);
    }

    @Test
    void theConvolutionIsFortyParametersWhereADenseLayerWouldBe9360() throws Exception {
        RunConfig c = lesson();
        assertEquals(List.of(new ConvSpec(4, 3)), c.extras().conv());
        Network net = Network.create(c);
        Measurement first = ConvMeasure.firstLayerParameters(check("firstLayerParameters"), net);
        assertTrue(first.text().startsWith("the convolution has 40 parameters"), first.text());
        Measurement sharing = ConvMeasure.weightSharing(check("weightSharing"), net);
        assertTrue(sharing.text().contains("9360 parameters, 234.0 times"), sharing.text());

        RunConfig dense = LessonSettings.apply(c, Map.of("conv", "none", "hidden", "64"));
        assertTrue(dense.extras().conv().isEmpty());
        Network d = Network.create(dense);
        assertTrue(ConvMeasure.firstLayerParameters(check("firstLayerParameters"), d).text()
                .startsWith("the first dense layer has 4160 parameters"));
        assertFalse(ConvMeasure.weightSharing(check("weightSharing"), d).ok());
    }

    @Test
    void convAndHiddenSettingsParseAndRefuseNonsense() throws Exception {
        RunConfig c = lesson();
        RunConfig two = LessonSettings.apply(c, Map.of("conv", "3x3, 2x2"));
        assertEquals(List.of(new ConvSpec(3, 3), new ConvSpec(2, 2)), two.extras().conv());
        assertEquals(List.of(8, 8), LessonSettings.apply(c, Map.of("hidden", "8,8")).hidden());
        assertThrows(IllegalArgumentException.class, () -> LessonSettings.apply(c, Map.of("conv", "4")));
        assertThrows(IllegalArgumentException.class, () -> LessonSettings.apply(c, Map.of("conv", "4x9")));
    }
}
