package org.weightlab.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.scenario.JsonIn.Bad;
import org.weightlab.scenario.JsonIn.Obj;

/**
 * Scenario files ({@code "format": "weightlab-scenario", "version": 1}, DESIGN 5). Reading is
 * strict and all-or-nothing: any problem is a {@link ScenarioException} whose one-line message
 * names the file, the JSON path and the problem, and no partial scenario is ever returned.
 */
public final class ScenarioFile {

    public static final String FORMAT = JsonFiles.SCENARIO_FORMAT;
    public static final int VERSION = JsonFiles.VERSION;
    /** Files above this size are refused before parsing. */
    public static final long MAX_BYTES = JsonFiles.MAX_SCENARIO_BYTES;

    private static final String LESSONS = "/org/weightlab/lessons/";

    private ScenarioFile() {
    }

    public static Scenario read(Path file) throws ScenarioException {
        return parse(JsonFiles.read(file, MAX_BYTES), file.toString());
    }

    /**
     * Reads a scenario from the bytes of a file.
     *
     * @param source how messages name the file, e.g. its path
     */
    public static Scenario parse(byte[] content, String source) throws ScenarioException {
        JsonNode root = JsonFiles.parse(content, source, FORMAT, MAX_BYTES);
        try {
            Obj o = new JsonIn(root, "").obj("format", "version", "config", "initial", "lesson");
            RunConfig config = Codec.readConfig(o.req("config"));
            JsonIn initialIn = o.opt("initial");
            NetworkState initial = initialIn == null ? null : Codec.readState(initialIn, config, true);
            JsonIn lessonIn = o.opt("lesson");
            Lesson lesson = lessonIn == null ? null : readLesson(lessonIn);
            return JsonIn.build(o, () -> new Scenario(config, initial, lesson));
        } catch (Bad e) {
            throw new ScenarioException(source + ": " + e.getMessage());
        }
    }

    public static Scenario parse(String json, String source) throws ScenarioException {
        return parse(json.getBytes(StandardCharsets.UTF_8), source);
    }

    private static Lesson readLesson(JsonIn in) {
        Obj o = in.obj("title", "text");
        String title = o.req("title").string();
        JsonIn textIn = o.opt("text");
        String text = textIn == null ? "" : textIn.string();
        return JsonIn.build(o, () -> new Lesson(title, text));
    }

    /** The scenario as the text of a file. */
    public static String toJson(Scenario s) {
        JsonOut out = new JsonOut();
        out.startObject();
        out.field("format", FORMAT).field("version", VERSION);
        out.field("config");
        Codec.writeConfig(out, s.config());
        if (s.initial() != null) {
            out.field("initial");
            Codec.writeState(out, s.initial());
        }
        if (s.lesson() != null) {
            out.field("lesson").startObject();
            out.field("title", s.lesson().title()).field("text", s.lesson().text());
            out.endObject();
        }
        out.endObject();
        return out.finish();
    }

    /** Saves atomically: the file is either the old one or the complete new one. */
    public static void write(Scenario s, Path file) throws ScenarioException {
        JsonFiles.writeAtomically(file, toJson(s));
    }

    /** True when {@code name} looks like a built-in lesson's name (lower case, digits, dashes). */
    public static boolean isLessonName(String name) {
        return name != null && name.matches("[a-z0-9][a-z0-9-]{0,63}");
    }

    /**
     * The built-in lesson {@code name} (a resource {@code org/weightlab/lessons/NAME.json}), or
     * null when there is none by that name.
     */
    public static Scenario builtIn(String name) throws ScenarioException {
        if (!isLessonName(name)) {
            return null;
        }
        try (InputStream in = ScenarioFile.class.getResourceAsStream(LESSONS + name + ".json")) {
            if (in == null) {
                return null;
            }
            return parse(in.readNBytes((int) MAX_BYTES + 1), "built-in lesson " + name);
        } catch (IOException e) {
            throw new ScenarioException("built-in lesson " + name + ": " + JsonFiles.describe(e), e);
        }
    }
}
