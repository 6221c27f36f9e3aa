package org.weightlab.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
            Obj o = new JsonIn(root, "").obj("format", "version", "config", "initial", "lesson", "pace");
            RunConfig config = Codec.readConfig(o.req("config"));
            JsonIn initialIn = o.opt("initial");
            NetworkState initial = initialIn == null ? null : Codec.readState(initialIn, config, true);
            JsonIn lessonIn = o.opt("lesson");
            Lesson lesson = lessonIn == null ? null : readLesson(lessonIn);
            JsonIn paceIn = o.opt("pace");
            Pace pace = paceIn == null ? null : readPace(paceIn);
            return JsonIn.build(o, () -> new Scenario(config, initial, lesson, pace));
        } catch (Bad e) {
            throw new ScenarioException(source + ": " + e.getMessage());
        }
    }

    public static Scenario parse(String json, String source) throws ScenarioException {
        return parse(json.getBytes(StandardCharsets.UTF_8), source);
    }

    private static Lesson readLesson(JsonIn in) {
        Obj o = in.obj("title", "summary", "look", "try", "explain", "text", "opens", "steps");
        String title = o.req("title").string();
        String summary = optString(o, "summary");
        String look = optString(o, "look");
        String tryIt = optString(o, "try");
        String explain = optString(o, "explain");
        String text = optString(o, "text");
        JsonIn opensIn = o.opt("opens");
        Lesson.Opens opens = opensIn == null ? null : opensIn.named(Lesson.Opens::fromId);
        JsonIn stepsIn = o.opt("steps");
        List<LessonStep> steps = stepsIn == null ? List.of() : LessonStepCodec.readSteps(stepsIn);
        return JsonIn.build(o, () -> new Lesson(title, summary, look, tryIt, explain, text, opens, steps));
    }

    /** {"epochsPerSecond": 20 or "max", "stopAtEpoch": 300}, both optional. */
    private static Pace readPace(JsonIn in) {
        Obj o = in.obj("epochsPerSecond", "stopAtEpoch");
        JsonIn speedIn = o.opt("epochsPerSecond");
        double speed = 0;
        if (speedIn != null) {
            if (speedIn.node.isTextual()) {
                if (!"max".equals(speedIn.string())) {
                    throw speedIn.bad("expected a number of epochs per second or \"max\", got "
                            + JsonIn.describe(speedIn.node));
                }
                speed = Double.POSITIVE_INFINITY;
            } else {
                speed = speedIn.number();
                if (!(speed > 0 && speed <= Pace.MAX_EPOCHS_PER_SECOND)) {
                    throw speedIn.bad("expected more than 0 and at most " + (long) Pace.MAX_EPOCHS_PER_SECOND
                            + " epochs per second, or \"max\"");
                }
            }
        }
        JsonIn stopIn = o.opt("stopAtEpoch");
        int stop = stopIn == null ? 0 : stopIn.integer(1, Pace.MAX_STOP_EPOCH);
        double epochsPerSecond = speed;
        return JsonIn.build(o, () -> new Pace(epochsPerSecond, stop));
    }

    private static String optString(Obj o, String name) {
        JsonIn in = o.opt(name);
        return in == null ? "" : in.string();
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
            writeLesson(out, s.lesson());
        }
        if (s.pace() != null) {
            writePace(out, s.pace());
        }
        out.endObject();
        return out.finish();
    }

    private static void writeLesson(JsonOut out, Lesson lesson) {
        out.field("lesson").startObject();
        out.field("title", lesson.title());
        String[][] texts = {{"summary", lesson.summary()}, {"look", lesson.look()}, {"try", lesson.tryIt()},
                {"explain", lesson.explain()}, {"text", lesson.text()}};
        for (String[] t : texts) {
            if (!t[1].isEmpty()) {
                out.field(t[0], t[1]);
            }
        }
        if (lesson.opens() != null) {
            out.field("opens", lesson.opens().id());
        }
        if (!lesson.steps().isEmpty()) {
            LessonStepCodec.writeSteps(out, lesson.steps());
        }
        out.endObject();
    }

    private static void writePace(JsonOut out, Pace pace) {
        out.field("pace").startObject();
        if (Double.isInfinite(pace.epochsPerSecond())) {
            out.field("epochsPerSecond", "max");
        } else if (pace.setsSpeed()) {
            out.field("epochsPerSecond", pace.epochsPerSecond());
        }
        if (pace.stopAtEpoch() > 0) {
            out.field("stopAtEpoch", pace.stopAtEpoch());
        }
        out.endObject();
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
