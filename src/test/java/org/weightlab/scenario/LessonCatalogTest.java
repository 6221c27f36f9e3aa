package org.weightlab.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.Network;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.data.DataGenerator;

class LessonCatalogTest {

    /** The ten lessons of the course, in order, then the playground, compression and transfer lessons. */
    private static final List<String> ORDER = List.of("linear-regression", "forward-backward", "learning-rate",
            "initialization", "overfitting", "l1-vs-l2", "vanishing-gradients", "batch-norm", "optimizers", "freezing",
            "features", "circle-basics", "xor-product", "how-many-weights-can-go", "down-to-one-bit",
            "what-a-neuron-looks-for", "train-it-quantized", "catastrophic-forgetting", "fine-tuning-freeze-the-base",
            "lora-few-parameters", "fine-tuning-race", "convolution-shared-weights");

    @Test
    void catalogListsTheLessonsInCourseOrderNumberedFromOne() throws Exception {
        List<LessonCatalog.Entry> entries = LessonCatalog.builtIn();
        assertEquals(ORDER, entries.stream().map(LessonCatalog.Entry::name).toList());
        for (int i = 0; i < entries.size(); i++) {
            LessonCatalog.Entry e = entries.get(i);
            assertEquals(i + 1, e.number());
            assertFalse(e.title().isBlank());
            assertFalse(e.summary().isBlank(), e.name());
            assertFalse(e.summary().contains("\n"), e.name());
            assertEquals(ScenarioFile.builtIn(e.name()), e.scenario());
        }
    }

    @Test
    void courseLessonsGuideStepByStepAndSayWhy() throws Exception {
        for (LessonCatalog.Entry e : LessonCatalog.builtIn().subList(0, 10)) {
            Lesson l = e.lesson();
            // What to look at and what to try are the guided steps now: at least one to read and one that acts.
            assertTrue(l.steps().size() >= 2, e.name() + " steps");
            assertTrue(l.steps().stream().anyMatch(s -> !s.actions().isEmpty()), e.name() + " acts");
            assertTrue(l.steps().stream().anyMatch(s -> !s.checks().isEmpty()), e.name() + " checks");
            assertFalse(l.explain().isBlank(), e.name() + " explain");
        }
        assertEquals(Lesson.Opens.STEPPER, ScenarioFile.builtIn("forward-backward").lesson().opens());
    }

    @Test
    void everyLessonFileInAssetsIsInTheIndexAndEveryIndexEntryHasAFile() throws Exception {
        Path dir = Path.of("assets", "lessons");
        Set<String> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5)).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(new TreeSet<>(LessonCatalog.names()), files);
    }

    @Test
    void lessonFilesAreWrittenInTheCanonicalLayout() throws Exception {
        // Files saved by WeightLab read the same as the ones shipped, so a diff after "save" is empty.
        for (String name : LessonCatalog.names()) {
            Path file = Path.of("assets", "lessons", name + ".json");
            assertEquals(Files.readString(file), ScenarioFile.toJson(ScenarioFile.read(file)), name);
        }
    }

    @Test
    void everyLessonStartsFromTheSamePointEveryTime() throws Exception {
        for (LessonCatalog.Entry e : LessonCatalog.builtIn()) {
            Scenario again = ScenarioFile.builtIn(e.name());
            assertEquals(e.scenario(), again);
            Network a = run(e.scenario());
            Network b = run(again);
            for (int l = 0; l < a.layerCount(); l++) {
                assertArrayEquals(a.layer(l).weightsCopy(), b.layer(l).weightsCopy(), e.name());
                assertArrayEquals(a.layer(l).biasesCopy(), b.layer(l).biasesCopy(), e.name());
            }
        }
    }

    private static Network run(Scenario s) {
        Network start = s.initial() == null ? null : s.initial().toNetwork(s.config());
        Trainer t = new Trainer(s.config(), DataGenerator.generate(s.config()), start);
        t.runSteps(5);
        return t.network();
    }

    @Test
    void indexIgnoresCommentsAndBlankLines() throws Exception {
        assertEquals(List.of("a", "b-2"), LessonCatalog.parseIndex("# lessons\n\na\r\n  b-2  \n"));
    }

    @Test
    void indexRefusesBadNamesAndRepeats() {
        String bad = assertThrows(ScenarioException.class, () -> LessonCatalog.parseIndex("a\n../etc\n"))
                .getMessage();
        assertEquals("built-in lesson index, line 2: \"../etc\" is not a lesson name (lower-case letters, digits "
                + "and dashes)", bad);
        String twice = assertThrows(ScenarioException.class, () -> LessonCatalog.parseIndex("a\nb\na\n"))
                .getMessage();
        assertEquals("built-in lesson index, line 3: a is listed twice", twice);
    }

    @Test
    void entryNeedsLessonText() {
        assertThrows(IllegalArgumentException.class,
                () -> new LessonCatalog.Entry(1, "x", Scenario.of(org.weightlab.engine.config.RunConfig.defaults())));
        assertNotNull(LessonCatalog.INDEX);
        assertTrue(LessonCatalog.INDEX.endsWith("index.txt"));
    }
}
