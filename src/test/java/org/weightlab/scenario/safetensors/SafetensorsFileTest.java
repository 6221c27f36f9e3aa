package org.weightlab.scenario.safetensors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.weightlab.scenario.ScenarioException;

class SafetensorsFileTest {

    @TempDir
    Path dir;

    /** Values whose bits a careless writer loses: signed zero, subnormals, extremes, NaN payloads aside. */
    private static final double[] AWKWARD = {0.1, -0.0, 0.0, Double.MIN_VALUE, -Double.MAX_VALUE, 1.0 / 3,
            Math.PI, -2.5e-300};

    private static SafetensorsFile sample() {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("0.weight", Tensor.f64(new int[]{4, 2}, AWKWARD));
        tensors.put("0.bias", Tensor.f64(new int[]{4}, new double[]{1, -1, 0.5, 1e-17}));
        tensors.put("scalar", Tensor.f64(new int[]{}, new double[]{42}));
        return new SafetensorsFile(tensors, Map.of("format", "pt"));
    }

    // ---- writing, checked against the specification byte by byte ----

    /** Little-endian unsigned read, written out here rather than taken from the code under test. */
    private static long le(byte[] b, int at, int n) {
        long v = 0;
        for (int k = 0; k < n; k++) {
            v |= (b[at + k] & 0xffL) << (8 * k);
        }
        return v;
    }

    @Test
    void writtenFileHasTheSpecifiedLayout() throws Exception {
        byte[] bytes = sample().toBytes();
        long n = le(bytes, 0, 8);
        assertEquals(0, (8 + n) % 8, "data starts 8-byte aligned");
        String headerText = new String(bytes, 8, (int) n, StandardCharsets.UTF_8);
        String json = headerText.stripTrailing();
        assertTrue(headerText.substring(json.length()).chars().allMatch(c -> c == ' '), "padding is spaces");
        assertTrue(json.startsWith("{") && json.endsWith("}"), json);
        JsonNode header = new ObjectMapper().readTree(json);
        assertEquals(List.of("0.weight", "0.bias", "scalar", "__metadata__"), iterate(header.fieldNames()));
        assertEquals("pt", header.get("__metadata__").get("format").textValue());

        JsonNode w = header.get("0.weight");
        assertEquals("F64", w.get("dtype").textValue());
        assertEquals("[4,2]", w.get("shape").toString());
        assertEquals("[0,64]", w.get("data_offsets").toString());
        assertEquals("[64,96]", header.get("0.bias").get("data_offsets").toString());
        assertEquals("[]", header.get("scalar").get("shape").toString());
        assertEquals("[96,104]", header.get("scalar").get("data_offsets").toString());
        assertEquals(8 + n + 104, bytes.length, "nothing after the last tensor");
        int data = (int) (8 + n);
        for (int j = 0; j < AWKWARD.length; j++) {
            assertEquals(Double.doubleToRawLongBits(AWKWARD[j]), le(bytes, data + 8 * j, 8), "weight " + j);
        }
        assertEquals(Double.doubleToRawLongBits(42.0), le(bytes, data + 96, 8));
    }

    private static List<String> iterate(java.util.Iterator<String> it) {
        List<String> list = new java.util.ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }

    @Test
    void roundTripIsBitExact() throws Exception {
        SafetensorsFile original = sample();
        Path file = dir.resolve("w.safetensors");
        original.write(file);
        SafetensorsFile back = SafetensorsFile.read(file);
        assertEquals(original, back);
        assertEquals(List.copyOf(original.tensors().keySet()), List.copyOf(back.tensors().keySet()));
        double[] values = back.tensors().get("0.weight").values();
        for (int j = 0; j < AWKWARD.length; j++) {
            assertEquals(Double.doubleToRawLongBits(AWKWARD[j]), Double.doubleToRawLongBits(values[j]));
        }
        assertEquals(Map.of("format", "pt"), back.metadata());
    }

    // ---- reading a hand-built file ----

    /** A file from a header text and data bytes, with no padding (the specification allows that). */
    static byte[] file(String header, byte[] data) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int k = 0; k < 8; k++) {
            out.write((int) ((long) h.length >>> (8 * k)));
        }
        out.writeBytes(h);
        out.writeBytes(data);
        return out.toByteArray();
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int j = 0; j < values.length; j++) {
            b[j] = (byte) values[j];
        }
        return b;
    }

    @Test
    void readsAHandBuiltFileInEveryDtype() throws Exception {
        // Data: F64 1.5 and -2 (8 bytes each), F32 0.1f and -3, F16 six values, BF16 three values.
        byte[] data = concat(
                bytes(0, 0, 0, 0, 0, 0, 0xf8, 0x3f), bytes(0, 0, 0, 0, 0, 0, 0, 0xc0),
                bytes(0xcd, 0xcc, 0xcc, 0x3d), bytes(0, 0, 0x40, 0xc0),
                bytes(0x00, 0x3c, 0x00, 0xc0, 0xff, 0x7b, 0x01, 0x00, 0x55, 0x35, 0x00, 0x80),
                bytes(0x80, 0x3f, 0x49, 0x40, 0xf7, 0xc2));
        String header = "{\"__metadata__\":{\"who\":\"hand\"},"
                + "\"half\":{\"dtype\":\"F16\",\"shape\":[2,3],\"data_offsets\":[24,36]},"
                + "\"double\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16]},"
                + "\"single\":{\"dtype\":\"F32\",\"shape\":[2,1],\"data_offsets\":[16,24]},"
                + "\"brain\":{\"dtype\":\"BF16\",\"shape\":[3],\"data_offsets\":[36,42]}}   ";
        SafetensorsFile f = SafetensorsFile.parse(file(header, data), "hand.safetensors");
        assertEquals(List.of("half", "double", "single", "brain"), List.copyOf(f.tensors().keySet()));
        assertEquals(Map.of("who", "hand"), f.metadata());
        assertArrayEquals(new double[]{1.5, -2}, f.tensors().get("double").values());
        // 0x3DCCCCCD is the float nearest 0.1: 13421773 / 2^27.
        assertArrayEquals(new double[]{13421773 / 134217728.0, -3}, f.tensors().get("single").values());
        assertArrayEquals(new int[]{2, 1}, f.tensors().get("single").shape());
        // binary16: 1, -2, the largest (65504), the smallest subnormal (2^-24), 0x3555 = 1 + 341/1024 over 4, -0.
        double[] half = f.tensors().get("half").values();
        assertArrayEquals(new double[]{1, -2, 65504, 1.0 / (1 << 24), (1024 + 341) / 4096.0, -0.0}, half);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(half[5]));
        assertEquals(Dtype.F16, f.tensors().get("half").dtype());
        // bfloat16: 0x3F80 = 1, 0x4049 = 3.140625, 0xC2F7 = -123.5.
        assertArrayEquals(new double[]{1, 3.140625, -123.5}, f.tensors().get("brain").values());
    }

    @Test
    void halfPrecisionSpecialValues() {
        assertEquals(Double.POSITIVE_INFINITY, Dtype.halfToDouble(0x7c00));
        assertEquals(Double.NEGATIVE_INFINITY, Dtype.halfToDouble(0xfc00));
        assertTrue(Double.isNaN(Dtype.halfToDouble(0x7e00)));
        assertEquals(Math.pow(2, -14), Dtype.halfToDouble(0x0400), "smallest normal");
        assertEquals(1023 * Math.pow(2, -24), Dtype.halfToDouble(0x03ff), "largest subnormal");
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    // ---- damaged files ----

    private static final byte[] EIGHT = new byte[8];

    static Stream<Arguments> damaged() {
        byte[] good = sample().toBytes();
        byte[] hugeLength = good.clone();
        hugeLength[7] = (byte) 0x80; // 2^63 and up: negative as a signed long
        byte[] pastEnd = good.clone();
        long claimed = good.length - 7; // one byte more than follows the length
        for (int k = 0; k < 8; k++) {
            pastEnd[k] = (byte) (claimed >>> (8 * k));
        }
        String one = "\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]}";
        return Stream.of(
                Arguments.of("empty", new byte[0], "only 0 bytes; the header length alone takes 8"),
                Arguments.of("shorter than the length", bytes(1, 0, 0), "only 3 bytes"),
                Arguments.of("truncated data", Arrays.copyOf(good, good.length - 1), "lie outside the 103 data bytes"),
                Arguments.of("truncated header", Arrays.copyOf(good, 20), "runs past the end of the file"),
                Arguments.of("header length past end", pastEnd, "header length " + claimed + " runs past the end of the file ("
                        + (good.length - 8) + " bytes follow the length; truncated?)"),
                Arguments.of("absurd header length", hugeLength, "is above the limit"),
                Arguments.of("bad JSON", file("{\"a\":{\"dtype\":\"F64\",", EIGHT), "header is not valid JSON"),
                Arguments.of("not an object", file("[1, 2]", EIGHT), "does not start with '{'"),
                Arguments.of("not UTF-8", notUtf8(), "header is not UTF-8 text"),
                Arguments.of("duplicate name", file("{" + one + "," + one + "}", EIGHT), "Duplicate field"),
                Arguments.of("unknown dtype", file("{\"a\":{\"dtype\":\"I32\",\"shape\":[2],\"data_offsets\":[0,8]}}",
                        EIGHT), "tensor \"a\": dtype I32 is not one WeightLab reads (F64, F32, F16, BF16, I64)"),
                Arguments.of("negative size", file("{\"a\":{\"dtype\":\"F64\",\"shape\":[-1],\"data_offsets\":[0,8]}}",
                        EIGHT), "is not a list of sizes"),
                Arguments.of("shape and offsets disagree", file("{\"a\":{\"dtype\":\"F64\",\"shape\":[2],"
                        + "\"data_offsets\":[0,8]}}", EIGHT), "hold 8 bytes, but shape [2] of F64 needs 16"),
                Arguments.of("offset out of range", file("{\"a\":{\"dtype\":\"F64\",\"shape\":[1],"
                        + "\"data_offsets\":[8,16]}}", EIGHT), "data_offsets [8, 16] lie outside the 8 data bytes"),
                Arguments.of("offsets reversed", file("{\"a\":{\"dtype\":\"F64\",\"shape\":[0],"
                        + "\"data_offsets\":[8,0]}}", EIGHT), "lie outside"),
                Arguments.of("overlap", file("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                        + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", EIGHT),
                        "tensors \"a\" and \"b\" overlap"),
                Arguments.of("hole", file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", EIGHT),
                        "data bytes 0..4 belong to no tensor"),
                Arguments.of("bytes after the last tensor", file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],"
                        + "\"data_offsets\":[0,4]}}", EIGHT), "data bytes 4..8 belong to no tensor"),
                Arguments.of("missing offsets", file("{\"a\":{\"dtype\":\"F64\",\"shape\":[1]}}", EIGHT),
                        "data_offsets is not a pair"),
                Arguments.of("unknown field", file("{\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8],"
                        + "\"x\":1}}", EIGHT), "unknown field \"x\""),
                Arguments.of("metadata not strings", file("{\"__metadata__\":{\"n\":1}}", new byte[0]),
                        "__metadata__.n is not a string"));
    }

    /** A header whose name holds the byte 0xFF, which UTF-8 never uses. */
    private static byte[] notUtf8() {
        byte[] content = file("{\"a\":{}}", new byte[0]);
        content[10] = (byte) 0xff;
        return content;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damaged")
    void damagedFileIsRefusedWithOneLine(String what, byte[] content, String expected) throws Exception {
        byte[] input = content;
        ScenarioException e = assertThrows(ScenarioException.class, () -> SafetensorsFile.parse(input, "w.safetensors"));
        assertTrue(e.getMessage().startsWith("w.safetensors: not a valid safetensors file: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void missingFileAndFolderAreNamed() throws Exception {
        Path missing = dir.resolve("nope.safetensors");
        assertEquals(missing + ": no such file",
                assertThrows(ScenarioException.class, () -> SafetensorsFile.read(missing)).getMessage());
        assertEquals(dir + ": is a folder, not a file",
                assertThrows(ScenarioException.class, () -> SafetensorsFile.read(dir)).getMessage());
        Files.write(dir.resolve("x"), new byte[3]);
        assertTrue(assertThrows(ScenarioException.class, () -> SafetensorsFile.read(dir.resolve("x"))).getMessage()
                .contains("only 3 bytes"));
    }
}
