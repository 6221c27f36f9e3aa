package org.weightlab.scenario.safetensors;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.weightlab.scenario.AtomicFile;
import org.weightlab.scenario.ScenarioException;

/**
 * A safetensors file (https://huggingface.co/docs/safetensors): an 8-byte little-endian unsigned
 * header length N, N bytes of UTF-8 JSON
 * {@code {"name": {"dtype": "F64", "shape": [..], "data_offsets": [begin, end]}, ..., "__metadata__": {..}}}
 * (which may end in spaces), then the tensors' bytes, little-endian and row-major, with offsets
 * counted from the first byte after the header. Reading checks everything the specification
 * asks before any value is used: a damaged file gives one {@link ScenarioException} line and
 * nothing else. Tensors keep the order of the header (writing: the order given).
 *
 * @param tensors  by name, in order
 * @param metadata the free-form string map of {@code "__metadata__"} (empty when absent)
 */
public record SafetensorsFile(Map<String, Tensor> tensors, Map<String, String> metadata) {

    public static final String METADATA_KEY = "__metadata__";
    /** The specification's limit on the header, against files that claim absurd lengths. */
    public static final long MAX_HEADER_BYTES = 100L << 20;
    /** WeightLab's networks are small: a weights file above this is not one of them. */
    public static final long MAX_FILE_BYTES = 256L << 20;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    public SafetensorsFile {
        if (tensors == null || metadata == null) {
            throw new IllegalArgumentException("safetensors file is incomplete");
        }
        for (String name : tensors.keySet()) {
            if (name == null || name.isEmpty() || name.equals(METADATA_KEY)) {
                throw new IllegalArgumentException("tensor name \"" + name + "\" is not allowed");
            }
        }
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    // ---- writing ----

    /**
     * The file's bytes. The header is padded with spaces so that the data starts at a multiple of
     * 8 bytes, as the specification recommends. Only float64 tensors are written.
     */
    public byte[] toBytes() {
        ObjectNode header = MAPPER.createObjectNode();
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            Tensor t = e.getValue();
            if (t.dtype() != Dtype.F64 && t.dtype() != Dtype.I64) {
                throw new IllegalArgumentException("tensor " + e.getKey() + ": only F64 and I64 are written, got "
                        + t.dtype());
            }
            ObjectNode entry = header.putObject(e.getKey());
            entry.put("dtype", t.dtype().name());
            ArrayNode shape = entry.putArray("shape");
            for (int d : t.shape()) {
                shape.add(d);
            }
            long end = offset + (long) t.size() * Dtype.F64.bytes();
            entry.putArray("data_offsets").add(offset).add(end);
            offset = end;
        }
        if (!metadata.isEmpty()) {
            ObjectNode meta = header.putObject(METADATA_KEY);
            metadata.forEach(meta::put);
        }
        byte[] json;
        try {
            json = MAPPER.writeValueAsBytes(header);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a safetensors header", e);
        }
        int padded = (int) ((8 + json.length + 7) / 8 * 8 - 8);
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(8 + padded + offset))
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        out.putLong(padded);
        out.put(json);
        for (int k = json.length; k < padded; k++) {
            out.put((byte) ' ');
        }
        for (Tensor t : tensors.values()) {
            for (int j = 0; j < t.size(); j++) {
                if (t.dtype() == Dtype.I64) {
                    out.putLong((long) t.value(j));
                } else {
                    out.putDouble(t.value(j));
                }
            }
        }
        return out.array();
    }

    /** Saves atomically: the file is either absent (or the old one) or complete. */
    public void write(Path file) throws ScenarioException {
        AtomicFile.write(file, toBytes());
    }

    // ---- reading ----

    public static SafetensorsFile read(Path file) throws ScenarioException {
        if (Files.isDirectory(file)) {
            throw new ScenarioException(file + ": is a folder, not a file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file + ": no such file", e);
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new ScenarioException(file + ": file is too large for a WeightLab network (the limit is "
                    + (MAX_FILE_BYTES >> 20) + " MB)");
        }
        return parse(bytes, file.toString());
    }

    /** Reads a file's bytes; {@code source} names the file in messages. */
    public static SafetensorsFile parse(byte[] bytes, String source) throws ScenarioException {
        try {
            return parse(bytes);
        } catch (Bad e) {
            throw new ScenarioException(source + ": not a valid safetensors file: " + e.getMessage());
        }
    }

    /** A problem with the file's content, before the file name is put in front. */
    private static final class Bad extends Exception {
        private static final long serialVersionUID = 1L;

        Bad(String message) {
            super(message, null, false, false);
        }
    }

    /** Where one tensor's bytes lie in the data part. */
    private record Span(String name, Dtype dtype, int[] shape, long begin, long end) {
    }

    private static SafetensorsFile parse(byte[] bytes) throws Bad {
        if (bytes.length < 8) {
            throw new Bad("only " + bytes.length + " bytes; the header length alone takes 8");
        }
        long n = Dtype.littleEndian(bytes, 0, 8);
        if (n < 0 || n > MAX_HEADER_BYTES) {
            throw new Bad("header length " + Long.toUnsignedString(n) + " is above the limit of "
                    + MAX_HEADER_BYTES + " bytes");
        }
        if (n > bytes.length - 8) {
            throw new Bad("header length " + n + " runs past the end of the file (" + (bytes.length - 8)
                    + " bytes follow the length; truncated?)");
        }
        JsonNode header = header(bytes, (int) n);
        long dataLength = bytes.length - 8 - n;
        List<Span> spans = new ArrayList<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals(METADATA_KEY)) {
                readMetadata(e.getValue(), metadata);
            } else {
                spans.add(span(e.getKey(), e.getValue(), dataLength));
            }
        }
        checkCoverage(spans, dataLength);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        int base = 8 + (int) n;
        for (Span s : spans) {
            double[] values = new double[(int) ((s.end - s.begin) / s.dtype.bytes())];
            for (int j = 0; j < values.length; j++) {
                values[j] = s.dtype.decode(bytes, base + (int) s.begin + j * s.dtype.bytes());
            }
            tensors.put(s.name, new Tensor(s.dtype, s.shape, values));
        }
        return new SafetensorsFile(tensors, metadata);
    }

    private static JsonNode header(byte[] bytes, int n) throws Bad {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 8, n)).toString();
        } catch (CharacterCodingException e) {
            throw new Bad("header is not UTF-8 text");
        }
        if (!text.startsWith("{")) {
            throw new Bad("header does not start with '{' (a JSON object)");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String why = String.valueOf(e.getOriginalMessage()).replaceAll("\\s+", " ");
            throw new Bad("header is not valid JSON: " + (why.length() > 160 ? why.substring(0, 160) + "..." : why));
        }
        if (root == null || !root.isObject()) {
            throw new Bad("header is not a JSON object");
        }
        return root;
    }

    private static void readMetadata(JsonNode node, Map<String, String> metadata) throws Bad {
        if (!node.isObject()) {
            throw new Bad(METADATA_KEY + " is not an object of strings");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new Bad(METADATA_KEY + "." + e.getKey() + " is not a string");
            }
            metadata.put(e.getKey(), e.getValue().textValue());
        }
    }

    private static Span span(String name, JsonNode node, long dataLength) throws Bad {
        String at = "tensor \"" + name + "\"";
        if (!node.isObject()) {
            throw new Bad(at + " is not an object with dtype, shape and data_offsets");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!field.equals("dtype") && !field.equals("shape") && !field.equals("data_offsets")) {
                throw new Bad(at + " has an unknown field \"" + field + "\"");
            }
        }
        JsonNode d = node.get("dtype");
        if (d == null || !d.isTextual()) {
            throw new Bad(at + ": dtype is missing or not a string");
        }
        Dtype dtype = Dtype.fromName(d.textValue());
        if (dtype == null) {
            throw new Bad(at + ": dtype " + d.textValue() + " is not one WeightLab reads (F64, F32, F16, BF16, I64)");
        }
        JsonNode s = node.get("shape");
        if (s == null || !s.isArray()) {
            throw new Bad(at + ": shape is missing or not a list");
        }
        int[] shape = new int[s.size()];
        long count = 1;
        for (int k = 0; k < shape.length; k++) {
            JsonNode dim = s.get(k);
            if (!dim.isIntegralNumber() || !dim.canConvertToInt() || dim.intValue() < 0) {
                throw new Bad(at + ": shape " + s + " is not a list of sizes (whole numbers from 0)");
            }
            shape[k] = dim.intValue();
            count *= shape[k];
            if (count > MAX_FILE_BYTES) {
                throw new Bad(at + ": shape " + s + " is far larger than the file");
            }
        }
        JsonNode o = node.get("data_offsets");
        if (o == null || !o.isArray() || o.size() != 2 || !o.get(0).isIntegralNumber() || !o.get(1).isIntegralNumber()
                || !o.get(0).canConvertToLong() || !o.get(1).canConvertToLong()) {
            throw new Bad(at + ": data_offsets is not a pair [begin, end] of whole numbers");
        }
        long begin = o.get(0).longValue();
        long end = o.get(1).longValue();
        if (begin < 0 || end < begin || end > dataLength) {
            throw new Bad(at + ": data_offsets [" + begin + ", " + end + "] lie outside the " + dataLength
                    + " data bytes");
        }
        if (end - begin != count * dtype.bytes()) {
            throw new Bad(at + ": data_offsets [" + begin + ", " + end + "] hold " + (end - begin) + " bytes, but shape "
                    + s + " of " + dtype + " needs " + count * dtype.bytes());
        }
        return new Span(name, dtype, shape, begin, end);
    }

    /** The specification asks the tensors to tile the data part exactly: no overlap, no holes. */
    private static void checkCoverage(List<Span> spans, long dataLength) throws Bad {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingLong(Span::begin).thenComparingLong(Span::end));
        long covered = 0;
        Span previous = null;
        for (Span s : sorted) {
            if (s.begin < covered) {
                throw new Bad("tensors \"" + previous.name + "\" and \"" + s.name + "\" overlap (data_offsets "
                        + previous.begin + ".." + previous.end + " and " + s.begin + ".." + s.end + ")");
            }
            if (s.begin > covered) {
                throw new Bad("data bytes " + covered + ".." + s.begin + " belong to no tensor");
            }
            covered = s.end;
            previous = s;
        }
        if (covered != dataLength) {
            throw new Bad("data bytes " + covered + ".." + dataLength + " belong to no tensor (" + dataLength
                    + " data bytes, tensors end at " + covered + ")");
        }
    }
}
