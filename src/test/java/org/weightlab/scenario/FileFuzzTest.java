package org.weightlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.config.RunConfig;

/**
 * Mutates valid files (deleted, duplicated and changed characters, values of the wrong type,
 * random bytes, truncation, extra fields) and checks that the readers either return a valid
 * result or throw {@link ScenarioException} with a one-line message, never anything else.
 */
class FileFuzzTest {

    private static final String[] VALUES = {"\"x\"", "1", "0", "-1", "1.5", "-0.0", "1e309", "-1e309", "null", "true",
        "false", "[]", "{}", "[1, 2]", "{\"a\": 1}", "99999999999999999999999", "2147483648", "\"\"", "\"tanh\"",
        "\"uniform(-1, 1)\"", "0.9", "1e-320", "\"a\\nb\"", "\"Infinity\""};
    private static final String SPECIALS = "{}[]\",:.-+eE0123456789 \n\tatfnul\\";
    private static final Pattern VALUE = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d[\\d.eE+-]*|true|false|null");

    private static final class Tally {
        int accepted;
        int refused;
    }

    @Test
    void mutatedScenariosAreReadOrRefusedCleanly() throws Exception {
        List<String> seeds = new ArrayList<>();
        seeds.add(ScenarioFileTest.GOOD);
        Random r = new Random(2026);
        for (RunConfig c : ScenarioFileTest.variedConfigs()) {
            seeds.add(ScenarioFile.toJson(new Scenario(c, ScenarioFileTest.randomState(c, r),
                    new Lesson("Title", "Text"))));
        }
        Tally t = run(seeds, 2000, 11, bytes -> {
            Scenario s = ScenarioFile.parse(bytes, "fuzz.json");
            assertNotNull(s.config());
            // Whatever was accepted is a valid scenario: it writes and reads back the same.
            assertEquals(s, ScenarioFile.parse(ScenarioFile.toJson(s), "again.json"));
        });
        System.out.println("scenario fuzz: " + (t.accepted + t.refused) + " inputs, " + t.accepted + " accepted, "
                + t.refused + " refused");
        assertTrue(t.refused > 1000 && t.accepted > 40, "mutations reach both outcomes");
    }

    @Test
    void mutatedRunExportsAreReadOrRefusedCleanly() throws Exception {
        List<String> seeds = List.of(
                RunExportFile.toJson(RunExportFileTest.export(RunConfig.defaults().withData(8, 0.1, 0.5, 1), 1, true)),
                RunExportFile.toJson(RunExportFileTest.export(RunExportFileTest.regression().withData(6, 0, 0.5, 2), 2,
                        false)),
                RunExportFile.toJson(RunExportFileTest.export(RunExportFileTest.threeClasses().withData(6, 0, 0.5, 3),
                        3, false)));
        Tally t = run(seeds, 1000, 12, bytes -> {
            RunExport e = RunExportFile.parse(bytes, "fuzz.json");
            RunExportFileTest.assertSameRun(e, RunExportFile.parse(RunExportFile.toJson(e), "again.json"));
        });
        System.out.println("run export fuzz: " + (t.accepted + t.refused) + " inputs, " + t.accepted + " accepted, "
                + t.refused + " refused");
        assertTrue(t.refused > 400 && t.accepted > 20, "mutations reach both outcomes");
    }

    private interface Reader {
        void read(byte[] content) throws ScenarioException;
    }

    private static Tally run(List<String> seeds, int cases, long seed, Reader reader) {
        Random r = new Random(seed);
        Tally t = new Tally();
        for (int n = 0; n < cases; n++) {
            String base = seeds.get(r.nextInt(seeds.size()));
            byte[] input = mutate(base, r);
            try {
                reader.read(input);
                t.accepted++;
            } catch (ScenarioException e) {
                t.refused++;
                String m = e.getMessage();
                assertFalse(m == null || m.isBlank() || m.contains("\n") || m.contains("\r"),
                        "case " + n + ": message is one line: " + m);
            } catch (Throwable e) {
                fail("case " + n + " threw " + e + " for input:\n" + new String(input, StandardCharsets.UTF_8), e);
            }
        }
        return t;
    }

    /** One to three mutations of one kind or another. */
    static byte[] mutate(String text, Random r) {
        int rounds = 1 + r.nextInt(3);
        for (int k = 0; k < rounds; k++) {
            int kind = r.nextInt(8);
            if (kind == 7) {
                return bytes(text.getBytes(StandardCharsets.UTF_8), r);
            }
            text = switch (kind) {
                case 0 -> delete(text, r);
                case 1 -> duplicate(text, r);
                case 2 -> changeChar(text, r);
                case 3, 4 -> swapValue(text, r);
                case 5 -> text.substring(0, r.nextInt(text.length() + 1));
                default -> addField(text, r);
            };
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String delete(String s, Random r) {
        if (s.isEmpty()) {
            return s;
        }
        int at = r.nextInt(s.length());
        int len = 1 + r.nextInt(Math.min(8, s.length() - at));
        return s.substring(0, at) + s.substring(at + len);
    }

    private static String duplicate(String s, Random r) {
        if (s.isEmpty()) {
            return s;
        }
        int at = r.nextInt(s.length());
        int len = 1 + r.nextInt(Math.min(40, s.length() - at));
        return s.substring(0, at + len) + s.substring(at, at + len) + s.substring(at + len);
    }

    private static String changeChar(String s, Random r) {
        if (s.isEmpty()) {
            return s;
        }
        int at = r.nextInt(s.length());
        char c = r.nextInt(5) == 0 ? (char) (1 + r.nextInt(0x2FF)) : SPECIALS.charAt(r.nextInt(SPECIALS.length()));
        return s.substring(0, at) + c + s.substring(at + 1);
    }

    /** Replaces one JSON value (string, number, literal) with a value of another type or range. */
    private static String swapValue(String s, Random r) {
        Matcher m = VALUE.matcher(s);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            // Skip field names: a string followed by a colon.
            int after = m.end();
            while (after < s.length() && s.charAt(after) == ' ') {
                after++;
            }
            if (after < s.length() && s.charAt(after) == ':') {
                continue;
            }
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return s;
        }
        int[] span = spans.get(r.nextInt(spans.size()));
        return s.substring(0, span[0]) + VALUES[r.nextInt(VALUES.length)] + s.substring(span[1]);
    }

    private static String addField(String s, Random r) {
        int brace = s.indexOf('{', r.nextInt(Math.max(1, s.length())));
        if (brace < 0) {
            return s;
        }
        String name = r.nextBoolean() ? "extra" : "\"" + (char) ('a' + r.nextInt(26)) + "\"";
        return s.substring(0, brace + 1) + (name.startsWith("\"") ? name : "\"" + name + "\"") + ": "
                + VALUES[r.nextInt(VALUES.length)] + "," + s.substring(brace + 1);
    }

    private static byte[] bytes(byte[] b, Random r) {
        byte[] out = Arrays.copyOf(b, b.length);
        int n = 1 + r.nextInt(6);
        for (int i = 0; i < n && out.length > 0; i++) {
            out[r.nextInt(out.length)] = (byte) r.nextInt(256);
        }
        if (r.nextInt(10) == 0) {
            byte[] noise = new byte[r.nextInt(200)];
            r.nextBytes(noise);
            return noise;
        }
        return out;
    }
}
