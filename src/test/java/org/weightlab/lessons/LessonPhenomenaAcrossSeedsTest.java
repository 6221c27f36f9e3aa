package org.weightlab.lessons;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.weightlab.scenario.Scenario;

/**
 * Every lesson check again, on other data seeds (stored starting weights stay as they are): the
 * effects must not hang on the luck of one seed. Slow, so run on request:
 * {@code mvn test -Dgroups=slow -DexcludedGroups= -Dtest='LessonPhenomenaAcrossSeedsTest'}.
 */
@Tag("slow")
@ParameterizedClass(name = "seed {0}")
@ValueSource(longs = {1, 2, 3, 4, 5, 6})
class LessonPhenomenaAcrossSeedsTest extends LessonPhenomenaTest {

    @Parameter
    long seed;

    @Override
    Scenario lesson(String name) {
        Scenario s = LessonRuns.lesson(name);
        var c = s.config();
        return new Scenario(c.withData(c.samples(), c.noise(), c.trainFraction(), seed), s.initial(), s.lesson());
    }

    @Override
    boolean pinnedSeed() {
        return false;
    }
}
