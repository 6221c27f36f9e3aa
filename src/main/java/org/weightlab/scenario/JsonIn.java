package org.weightlab.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A JSON value together with its path in the file ({@code config.hidden[1]}), with strict readers
 * that fail with that path: wrong types, unknown or missing fields, numbers out of range. Failures
 * are {@link Bad} exceptions, turned into a {@link ScenarioException} at the top.
 */
final class JsonIn {

    /** A problem at one place in the file. */
    static final class Bad extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Bad(String path, String problem) {
            super(path.isEmpty() ? problem : path + ": " + problem, null, false, false);
        }
    }

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    final JsonNode node;
    final String path;

    JsonIn(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    Bad bad(String problem) {
        return new Bad(path, problem);
    }

    /** How a person would name this value: {@code a string "abc"}, {@code the number 3}, ... */
    static String describe(JsonNode n) {
        if (n.isTextual()) {
            String s = n.textValue();
            return "a string \"" + CONTROL.matcher(s.length() > 30 ? s.substring(0, 30) + "..." : s).replaceAll("?")
                    + "\"";
        }
        if (n.isNumber()) {
            String s = n.asText();
            return "the number " + (s.length() > 30 ? s.substring(0, 30) + "..." : s);
        }
        if (n.isBoolean()) {
            return n.booleanValue() ? "true" : "false";
        }
        if (n.isNull()) {
            return "null";
        }
        if (n.isArray()) {
            return "an array";
        }
        if (n.isObject()) {
            return "an object";
        }
        return "a " + n.getNodeType().name().toLowerCase();
    }

    private Bad expected(String what) {
        return bad("expected " + what + ", got " + describe(node));
    }

    Obj obj(String... allowed) {
        if (!node.isObject()) {
            throw expected("an object");
        }
        return new Obj(this, allowed);
    }

    List<JsonIn> array() {
        if (!node.isArray()) {
            throw expected("an array");
        }
        List<JsonIn> items = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            items.add(new JsonIn(node.get(i), path + "[" + i + "]"));
        }
        return items;
    }

    /**
     * A string of real text. A lone UTF-16 surrogate (an escape such as {@code \\ud800} without
     * its pair) is no character at all: it could not be saved back as UTF-8, so it is refused.
     */
    String string() {
        if (!node.isTextual()) {
            throw expected("a string");
        }
        String s = node.textValue();
        int at = loneSurrogate(s);
        if (at >= 0) {
            throw bad(String.format(Locale.ROOT, "character %d is \\u%04x, half of a surrogate pair "
                    + "without its other half; that is not text", at + 1, (int) s.charAt(at)));
        }
        return s;
    }

    /** The index of the first unpaired surrogate in {@code s}, or -1. */
    static int loneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    boolean bool() {
        if (!node.isBoolean()) {
            throw expected("true or false");
        }
        return node.booleanValue();
    }

    /** A finite number. */
    double number() {
        if (!node.isNumber()) {
            throw expected("a number");
        }
        double v = node.doubleValue();
        if (!Double.isFinite(v)) {
            throw bad("the number is too large (beyond 1.8e308)");
        }
        return v;
    }

    /**
     * A number that may also be non-finite, as run exports write them: null for NaN and the
     * strings "Infinity" and "-Infinity".
     */
    double numberOrNonFinite() {
        if (node.isNull()) {
            return Double.NaN;
        }
        if (node.isTextual()) {
            switch (node.textValue()) {
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                case "NaN":
                    return Double.NaN;
                default:
                    throw expected("a number, null, \"Infinity\" or \"-Infinity\"");
            }
        }
        if (!node.isNumber()) {
            throw expected("a number");
        }
        return number();
    }

    /** A whole number between {@code min} and {@code max}; 500.0 counts as 500. */
    long whole(long min, long max) {
        if (!node.isNumber()) {
            throw expected("a whole number");
        }
        long v;
        if (node.isIntegralNumber()) {
            if (!node.canConvertToLong()) {
                throw bad(describe(node) + " is out of range (" + min + " to " + max + ")");
            }
            v = node.longValue();
        } else {
            double d = node.doubleValue();
            if (d != Math.rint(d) || !Double.isFinite(d)) {
                throw expected("a whole number");
            }
            if (d < -0x1p63 || d >= 0x1p63) {
                throw bad(describe(node) + " is out of range (" + min + " to " + max + ")");
            }
            v = (long) d;
        }
        if (v < min || v > max) {
            throw bad("must be between " + min + " and " + max + ", got " + v);
        }
        return v;
    }

    int integer(int min, int max) {
        return (int) whole(min, max);
    }

    /** The constant named by this string, through an enum's {@code fromId}. */
    <E> E named(Function<String, E> fromId) {
        String id = string();
        try {
            return fromId.apply(id);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    /**
     * Builds a value whose constructor validates it; its complaint becomes this object's problem,
     * placed at the field its message starts with when there is one ("noise must be ..." lands at
     * {@code config.noise}).
     */
    static <T> T build(Obj at, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            // "regularization rate must be ..." inside config.regularization: the object's own name first.
            String own = at.in.path.substring(at.in.path.lastIndexOf('.') + 1);
            if (!own.isEmpty() && message.startsWith(own + " ")) {
                message = message.substring(own.length() + 1);
            }
            int space = message.indexOf(' ');
            if (space > 0 && at.has(message.substring(0, space))) {
                throw new Bad(at.in.child(message.substring(0, space)), message.substring(space + 1));
            }
            throw at.in.bad(message);
        }
    }

    String child(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** An object whose fields are checked against the allowed names when it is opened. */
    static final class Obj {
        final JsonIn in;

        Obj(JsonIn in, String... allowed) {
            this.in = in;
            Set<String> names = new LinkedHashSet<>(List.of(allowed));
            for (Iterator<String> it = in.node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!names.contains(name)) {
                    String hint = closest(name, names);
                    throw new Bad(in.child(printable(name)),
                            "unknown field" + (hint == null ? "" : " (did you mean \"" + hint + "\"?)"));
                }
            }
        }

        boolean has(String name) {
            return in.node.has(name);
        }

        JsonIn req(String name) {
            JsonNode n = in.node.get(name);
            if (n == null) {
                throw new Bad(in.child(name), "missing field");
            }
            return new JsonIn(n, in.child(name));
        }

        /** The field, or null when it is absent. */
        JsonIn opt(String name) {
            JsonNode n = in.node.get(name);
            return n == null ? null : new JsonIn(n, in.child(name));
        }
    }

    private static String printable(String name) {
        if (name.isBlank()) {
            return "\"" + name + "\"";
        }
        String s = name.length() > 40 ? name.substring(0, 40) + "..." : name;
        return CONTROL.matcher(s).replaceAll("?");
    }

    /** The allowed name within edit distance 2 of a misspelt one, if any. */
    private static String closest(String name, Set<String> allowed) {
        if (name.length() > 40) {
            return null;
        }
        String best = null;
        int bestDistance = 3;
        for (String a : allowed) {
            int d = distance(name.toLowerCase(), a.toLowerCase());
            if (d < bestDistance) {
                best = a;
                bestDistance = d;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
