package org.weightlab.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.weightlab.compress.CompressionSpec;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataSplit;
import org.weightlab.scenario.JsonIn.Bad;
import org.weightlab.scenario.JsonIn.Obj;

/**
 * Run exports ({@code "format": "weightlab-run", "version": 1}, DESIGN 4), readable from a
 * notebook with any JSON library. Every double reads back bit-identical. Numbers that are not
 * finite (a diverged run's losses or final weights) are written as JSON allows: NaN as
 * {@code null}, infinities as the strings {@code "Infinity"} and {@code "-Infinity"}. Accuracies
 * of a regression, which do not apply, are NaN and so {@code null}. A compressed run (the
 * {@code compress} command) also has a {@code "compression"} section saying what was applied to
 * {@code "final"}.
 */
public final class RunExportFile {

    public static final String FORMAT = JsonFiles.RUN_FORMAT;
    public static final int VERSION = JsonFiles.VERSION;
    /** Files above this size are refused before parsing. */
    public static final long MAX_BYTES = JsonFiles.MAX_RUN_BYTES;

    private RunExportFile() {
    }

    public static RunExport read(Path file) throws ScenarioException {
        return parse(JsonFiles.read(file, MAX_BYTES), file.toString());
    }

    /** Reads a run export from the bytes of a file; {@code source} names the file in messages. */
    public static RunExport parse(byte[] content, String source) throws ScenarioException {
        JsonNode root = JsonFiles.parse(content, source, FORMAT, MAX_BYTES);
        try {
            Obj o = new JsonIn(root, "").obj("format", "version", "config", "data", "initial", "final", "history",
                    "compression");
            RunConfig config = Codec.readConfig(o.req("config"));
            DataSplit data = DataCodec.readData(o.req("data"), config);
            NetworkState initial = Codec.readState(o.req("initial"), config, true);
            NetworkState fin = Codec.readState(o.req("final"), config, false);
            List<HistoryPoint> history = Codec.readHistory(o.req("history"));
            JsonIn compressionIn = o.opt("compression");
            CompressionSpec compression = compressionIn == null ? null : CompressionCodec.read(compressionIn);
            return JsonIn.build(o, () -> new RunExport(config, data, initial, fin, history, compression));
        } catch (Bad e) {
            throw new ScenarioException(source + ": " + e.getMessage());
        }
    }

    public static RunExport parse(String json, String source) throws ScenarioException {
        return parse(json.getBytes(StandardCharsets.UTF_8), source);
    }

    /** The run export as the text of a file. */
    public static String toJson(RunExport run) {
        JsonOut out = new JsonOut();
        out.startObject();
        out.field("format", FORMAT).field("version", VERSION);
        out.field("config");
        Codec.writeConfig(out, run.config());
        out.field("data");
        DataCodec.writeData(out, run.config(), run.data());
        out.field("initial");
        Codec.writeState(out, run.initial());
        out.field("final");
        Codec.writeState(out, run.fin());
        out.field("history");
        Codec.writeHistory(out, run.history());
        if (run.compression() != null) {
            out.field("compression");
            CompressionCodec.write(out, run.compression());
        }
        out.endObject();
        return out.finish();
    }

    /** Saves atomically: the file is either absent (or the old one) or the complete export. */
    public static void write(RunExport run, Path file) throws ScenarioException {
        JsonFiles.writeAtomically(file, toJson(run));
    }
}
