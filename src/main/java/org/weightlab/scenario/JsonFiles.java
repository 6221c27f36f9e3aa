package org.weightlab.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reading and writing WeightLab's JSON files safely: bounded reads, text checks before parsing,
 * malformed JSON reported by line and column, format and version checked before anything else,
 * and atomic saves.
 */
final class JsonFiles {

    /** Scenario files are small; anything bigger is not one. */
    static final long MAX_SCENARIO_BYTES = 20L << 20;
    /** Run exports carry data and history: 100 000 points and many thousand epochs fit. */
    static final long MAX_RUN_BYTES = 100L << 20;

    static final String SCENARIO_FORMAT = "weightlab-scenario";
    static final String RUN_FORMAT = "weightlab-run";
    static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonFiles() {
    }

    /**
     * The file's bytes, refusing missing files, folders, devices and pipes (before opening them)
     * and anything above {@code maxBytes}.
     */
    static byte[] read(Path file, long maxBytes) throws ScenarioException {
        SafeFiles.checkReadable(file);
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw tooLarge(file.toString(), size, maxBytes);
            }
            try (InputStream in = Files.newInputStream(file)) {
                // The size can change or lie (pipes, special files): never read past the limit.
                byte[] bytes = in.readNBytes((int) maxBytes + 1);
                if (bytes.length > maxBytes) {
                    throw tooLarge(file.toString(), bytes.length, maxBytes);
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new ScenarioException(file + ": " + describe(e), e);
        }
    }

    private static ScenarioException tooLarge(String source, long size, long maxBytes) {
        return new ScenarioException(String.format(Locale.ROOT, "%s: file is too large (%.1f MB; the limit is %d MB)",
                source, size / 1048576.0, maxBytes >> 20));
    }

    /** A one-line reason for a failed file operation. */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.replaceAll("\\s+", " ");
    }

    /**
     * Parses the content as one JSON object after checking that it is UTF-8 text, and checks its
     * "format" and "version" before its other fields.
     */
    static JsonNode parse(byte[] content, String source, String format, long maxBytes) throws ScenarioException {
        if (content.length > maxBytes) {
            throw tooLarge(source, content.length, maxBytes);
        }
        String text = decode(content, source);
        if (text.isBlank()) {
            throw new ScenarioException(source + ": file is empty");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? ""
                    : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String why = String.valueOf(e.getOriginalMessage()).replaceAll("\\s+", " ")
                    // Jackson names the input "REDACTED"; keep only the line and column.
                    .replaceAll("\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]", "line $1, column $2");
            why = withoutLibraryHints(why);
            if (why.startsWith("Trailing token")) {
                why = "more content after the end of the JSON object";
            }
            if (why.length() > 200) {
                why = why.substring(0, 200) + "...";
            }
            throw new ScenarioException(source + ": malformed JSON" + where + ": " + why, e);
        }
        if (root == null || root.isMissingNode()) {
            throw new ScenarioException(source + ": file is empty");
        }
        checkHeader(root, source, format);
        return root;
    }

    /**
     * The parser's message without its advice to programmers (enabling parser features), which
     * a person opening a file cannot follow.
     */
    static String withoutLibraryHints(String why) {
        if (why.startsWith("Non-standard token")) {
            // NaN, Infinity, -Infinity written as bare words.
            return why.replaceAll(":.*", "") + ": NaN and Infinity are not JSON numbers";
        }
        return why.replaceAll("\\s*\\((?:[^()]|\\([^()]*\\))*(?:Feature|feature|enable)[^)]*\\)", "")
                .replaceAll(":? *enable `[^`]*` to allow", "");
    }

    /** Strict UTF-8 (a byte order mark is allowed), with no zero bytes: anything else is binary. */
    private static String decode(byte[] content, String source) throws ScenarioException {
        for (int i = 0; i < content.length; i++) {
            if (content[i] == 0) {
                throw new ScenarioException(source + ": not a text file (binary content: a zero byte at offset " + i
                        + ")");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(content.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new ScenarioException(source + ": not a text file (invalid UTF-8 at offset " + in.position() + ")");
        }
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static void checkHeader(JsonNode root, String source, String format) throws ScenarioException {
        String kind = format.equals(SCENARIO_FORMAT) ? "scenario" : "run export";
        if (!root.isObject()) {
            throw new ScenarioException(source + ": expected a JSON object with \"format\": \"" + format + "\", got "
                    + JsonIn.describe(root));
        }
        JsonNode f = root.get("format");
        if (f == null) {
            throw new ScenarioException(source + ": not a WeightLab " + kind + " (no \"format\" field)");
        }
        if (!f.isTextual() || !f.textValue().equals(format)) {
            String other = format.equals(SCENARIO_FORMAT) ? RUN_FORMAT : SCENARIO_FORMAT;
            if (f.isTextual() && f.textValue().equals(other)) {
                throw new ScenarioException(source + ": this is a " + (other.equals(RUN_FORMAT) ? "run export" : "scenario")
                        + " (" + other + "), not a " + kind);
            }
            throw new ScenarioException(source + ": format: expected \"" + format + "\", got " + JsonIn.describe(f));
        }
        JsonNode v = root.get("version");
        if (v == null) {
            throw new ScenarioException(source + ": version: missing field");
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new ScenarioException(source + ": version: expected a whole number, got " + JsonIn.describe(v));
        }
        int version = v.intValue();
        if (version > VERSION) {
            throw new ScenarioException(source + ": written by a newer WeightLab (version " + version
                    + "); this version reads version " + VERSION);
        }
        if (version < VERSION) {
            throw new ScenarioException(source + ": version: " + version + " is not a valid version; this version reads "
                    + "version " + VERSION);
        }
    }

    /** Writes {@code text} as UTF-8 through {@link AtomicFile}. */
    static void writeAtomically(Path file, String text) throws ScenarioException {
        AtomicFile.write(file, text.getBytes(StandardCharsets.UTF_8));
    }
}
