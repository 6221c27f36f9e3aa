package org.weightlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.Network;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.InitKind;
import org.weightlab.engine.config.InitSpec;
import org.weightlab.engine.config.OptimizerConfig;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataGenerator;

/**
 * A long mutation campaign against the scenario and run-export readers, with feedback: a mutant
 * that is accepted, or refused with a message of a shape not seen before, joins the corpus and is
 * mutated further, so the campaign works its way past the first checks into the deeper ones.
 * Besides {@link FileFuzzTest}'s mutations it aims at what once slipped through: huge and tiny
 * numbers, bare NaN and Infinity, lone surrogates, repeated list entries, pieces of other files.
 *
 * <p>Every input must be accepted as a valid file (it writes and reads back the same, its
 * initial weights are finite, its values in range) or refused with one plain line. Run with
 * {@code mvn test -Dgroups=slow -Dexcluded.groups= -Dtest=ReaderFuzzCampaignTest}; the length is
 * {@code -Dweightlab.fuzz.seconds=N} per reader (default 60).
 */
@Tag("slow")
class ReaderFuzzCampaignTest {

    private static final String[] NUMBERS = {"1e308", "-1e308", "1e-300", "-1e-300", "NaN", "Infinity", "-Infinity",
        "1e309", "4.9e-324", "100", "100.0000001", "-100", "1e-5", "9.99e-6", "10", "10.5", "0", "-0", "1E2", "0e0"};
    private static final String[] ESCAPES = {"\\ud800", "\\udfff", "\\ud83d\\ude00", "\\u0000", "\\u001f", "\\uffff",
        "\\ud83d", "\\ude00\\ud83d", "\\\"", "\\n"};

    /** What one reader saw. */
    private static final class Tally {
        long tried;
        long accepted;
        long refused;
        long slowest;
        long untrainable;
        String untrainableSample;
        final Map<String, Integer> kinds = new HashMap<>();
        final List<String> failures = new ArrayList<>();
    }

    private interface Reader {
        /** Reads the input, checks what was accepted, and throws ScenarioException when refused. */
        void read(byte[] input) throws Exception;
    }

    private static long seconds() {
        return Long.getLong("weightlab.fuzz.seconds", 60);
    }

    @Test
    void scenarioReaderCampaign() throws Exception {
        List<String> seeds = new ArrayList<>();
        seeds.add(ScenarioFileTest.GOOD);
        Random r = new Random(16);
        for (RunConfig c : ScenarioFileTest.variedConfigs()) {
            seeds.add(ScenarioFile.toJson(new Scenario(c, ScenarioFileTest.randomState(c, r),
                    new Lesson("Title", "Summary", "Look", "Try", "Why", "Text \uD83D\uDE00", null))));
        }
        for (String name : LessonCatalog.names()) {
            seeds.add(ScenarioFile.toJson(ScenarioFile.builtIn(name)));
        }
        Tally t = campaign("scenario", seeds, 1601, ReaderFuzzCampaignTest::checkScenario,
                ReaderFuzzCampaignTest::trainerRefusal);
        assertClean(t);
    }

    @Test
    void runExportReaderCampaign() throws Exception {
        List<String> seeds = List.of(
                RunExportFile.toJson(RunExportFileTest.export(RunConfig.defaults().withData(8, 0.1, 0.5, 1), 1, true)),
                RunExportFile.toJson(RunExportFileTest.export(RunConfig.defaults().withData(10, 0, 0.5, 5), 4, false)),
                RunExportFile.toJson(RunExportFileTest.export(RunExportFileTest.regression().withData(6, 0, 0.5, 2), 2,
                        false)),
                RunExportFile.toJson(RunExportFileTest.export(RunExportFileTest.threeClasses().withData(6, 0, 0.5, 3),
                        3, false)));
        Tally t = campaign("run export", seeds, 1602, bytes -> {
            RunExport e = RunExportFile.parse(bytes, "fuzz.json");
            checkConfig(e.config());
            RunExportFileTest.assertSameRun(e, RunExportFile.parse(RunExportFile.toJson(e), "again.json"));
        });
        assertClean(t);
    }

    private static void checkScenario(byte[] bytes) throws Exception {
        Scenario s = ScenarioFile.parse(bytes, "fuzz.json");
        checkConfig(s.config());
        assertEquals(s, ScenarioFile.parse(ScenarioFile.toJson(s), "again.json"), "writes and reads back the same");
        if (s.lesson() != null) {
            for (String text : List.of(s.lesson().title(), s.lesson().text(), s.lesson().summary())) {
                assertEquals(-1, JsonIn.loneSurrogate(text), "text is text: " + text);
            }
        }
        if (s.initial() == null) {
            // The initializer's weights must be finite whatever its parameters.
            for (LayerState layer : NetworkState.of(Network.create(s.config())).layers()) {
                for (double[] row : layer.weights()) {
                    for (double w : row) {
                        assertTrue(Double.isFinite(w), "initial weight " + w + " from " + s.config().init());
                    }
                }
            }
        }
    }

    /**
     * Whether the trainer takes what the reader accepted; counted, not failed, since what it
     * refuses (see the printed sample) is a rule of the engine's, not of the file format.
     */
    private static String trainerRefusal(byte[] bytes) {
        try {
            Scenario s = ScenarioFile.parse(bytes, "fuzz.json");
            if (s.config().samples() <= 2000) {
                new Trainer(s.config(), DataGenerator.generate(s.config()));
            }
            return null;
        } catch (ScenarioException e) {
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The ranges the window also keeps. */
    private static void checkConfig(RunConfig c) {
        double lr = c.optimizer().learningRate();
        assertTrue(lr >= OptimizerConfig.MIN_LEARNING_RATE && lr <= OptimizerConfig.MAX_LEARNING_RATE, "lr " + lr);
        for (InitSpec i : List.of(c.init(), c.biasInit())) {
            double size = switch (i.kind()) {
                case UNIFORM -> Math.max(Math.abs(i.low()), Math.abs(i.high()));
                case NORMAL -> i.std();
                case CONSTANT -> Math.abs(i.value());
                default -> 0;
            };
            assertTrue(size <= InitSpec.MAX_PARAMETER || i.kind() == InitKind.ZEROS, "init " + i);
        }
    }

    private static Tally campaign(String what, List<String> seeds, long seed, Reader reader) {
        return campaign(what, seeds, seed, reader, bytes -> null);
    }

    private static Tally campaign(String what, List<String> seeds, long seed, Reader reader,
                                  java.util.function.Function<byte[], String> trainer) {
        Random r = new Random(seed);
        Tally t = new Tally();
        List<String> corpus = new ArrayList<>(seeds);
        Set<String> shapes = new HashSet<>();
        long end = System.nanoTime() + seconds() * 1_000_000_000L;
        while (System.nanoTime() < end) {
            String base = corpus.get(r.nextInt(corpus.size()));
            String text = mutate(base, corpus.get(r.nextInt(corpus.size())), r);
            byte[] input = r.nextInt(4) == 0 ? FileFuzzTest.mutate(text, r) : text.getBytes(StandardCharsets.UTF_8);
            t.tried++;
            long start = System.nanoTime();
            boolean grow = false;
            try {
                reader.read(input);
                t.accepted++;
                String refusal = trainer.apply(input);
                if (refusal != null) {
                    t.untrainable++;
                    t.untrainableSample = refusal;
                }
                grow = r.nextInt(8) == 0;
            } catch (ScenarioException e) {
                t.refused++;
                String m = e.getMessage();
                String shape = shape(m);
                t.kinds.merge(kind(m), 1, Integer::sum);
                if (m == null || m.isBlank() || m.contains("\n") || m.contains("\r") || m.contains("Exception")
                        || m.contains("enable `") || m.contains("ALLOW_") || m.contains("Feature '")) {
                    t.failures.add("unclear message: " + m);
                }
                grow = shapes.add(shape);
            } catch (Throwable e) {
                if (t.failures.size() < 20) {
                    t.failures.add(e + " for input: " + new String(input, StandardCharsets.UTF_8).replace('\n', ' '));
                }
            }
            t.slowest = Math.max(t.slowest, System.nanoTime() - start);
            if (grow && corpus.size() < 4000 && input.length < 200_000) {
                corpus.add(new String(input, StandardCharsets.UTF_8));
            }
        }
        String untrainable = t.untrainable == 0 ? "" : String.format(" (%d of them refused by the trainer, e.g. \"%s\")",
                t.untrainable, t.untrainableSample);
        System.out.printf("%s fuzz: %d inputs tried, %d accepted%s, %d refused, %d other failures; %d message shapes, "
                        + "corpus %d, slowest input %.1f ms; refusals by kind: %s%n", what, t.tried, t.accepted,
                untrainable, t.refused, t.failures.size(), shapes.size(), corpus.size(), t.slowest / 1e6, top(t.kinds));
        return t;
    }

    private static void assertClean(Tally t) {
        assertTrue(t.failures.isEmpty(), String.join("\n", t.failures));
        assertTrue(t.accepted > 0 && t.refused > 0, "mutations reach both outcomes");
    }

    /** A refusal's message with file names, numbers and quoted values taken out. */
    private static String shape(String m) {
        return String.valueOf(m).replaceFirst("^[^:]*: ", "").replaceAll("\"[^\"]*\"|'[^']*'", "S")
                .replaceAll("-?\\d[\\d.eE+-]*", "N");
    }

    /** The family of a refusal, e.g. "malformed JSON" or "must be between". */
    private static String kind(String m) {
        String s = shape(m);
        for (String k : List.of("malformed JSON", "unknown field", "missing field", "must be between", "expected",
                "not a text file", "surrogate", "too large", "newer WeightLab", "twice", "needs", "has ")) {
            if (s.contains(k)) {
                return k.strip();
            }
        }
        return "other";
    }

    private static String top(Map<String, Integer> kinds) {
        return kinds.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("");
    }

    /** One targeted mutation: a number, an escape, a repeated entry or a piece of another file. */
    private static String mutate(String text, String other, Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> replaceNumber(text, r);
            case 1 -> insertEscape(text, r);
            case 2 -> repeatEntry(text, r);
            case 3 -> splice(text, other, r);
            default -> replaceNumber(insertEscape(text, r), r);
        };
    }

    private static String replaceNumber(String s, Random r) {
        List<int[]> spans = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<![\\w.\"])-?\\d[\\d.eE+-]*").matcher(s);
        while (m.find() && spans.size() < 5000) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return s;
        }
        int[] span = spans.get(r.nextInt(spans.size()));
        String n = r.nextBoolean() ? NUMBERS[r.nextInt(NUMBERS.length)]
                : s.substring(span[0], span[1]) + "e" + (r.nextInt(700) - 350);
        return s.substring(0, span[0]) + n + s.substring(span[1]);
    }

    /** An escape inside a string value (after an opening quote that follows a colon or a bracket). */
    private static String insertEscape(String s, Random r) {
        int from = r.nextInt(Math.max(1, s.length()));
        int quote = s.indexOf(": \"", from);
        if (quote < 0) {
            quote = s.indexOf(": \"");
        }
        if (quote < 0) {
            return s;
        }
        int at = quote + 3;
        return s.substring(0, at) + ESCAPES[r.nextInt(ESCAPES.length)] + s.substring(at);
    }

    /** Repeats the first entry of an array: ["x1", "x2"] becomes ["x1", "x1", "x2"]. */
    private static String repeatEntry(String s, Random r) {
        int open = s.indexOf('[', r.nextInt(Math.max(1, s.length())));
        if (open < 0) {
            return s;
        }
        int end = open + 1;
        while (end < s.length() && ",]".indexOf(s.charAt(end)) < 0) {
            end++;
        }
        if (end >= s.length() || end == open + 1) {
            return s;
        }
        return s.substring(0, end) + ", " + s.substring(open + 1, end).strip() + s.substring(end);
    }

    /** The start of one file and the rest of another, cut at the same field name. */
    private static String splice(String a, String b, Random r) {
        String[] fields = {"\"config\"", "\"optimizer\"", "\"init\"", "\"initial\"", "\"lesson\"", "\"history\"",
            "\"data\"", "\"final\"", "\"features\"", "\"hidden\""};
        String f = fields[r.nextInt(fields.length)];
        int i = a.indexOf(f);
        int j = b.indexOf(f);
        if (i < 0 || j < 0) {
            return a;
        }
        return a.substring(0, i) + b.substring(j);
    }
}
