package org.weightlab.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes WeightLab's JSON files: objects one field per line, indented by two spaces, and short
 * arrays of numbers (a point, a weight row, {@code hidden}) on one line, so files stay readable
 * and diffable. Doubles are written by Jackson in a form that reads back bit-identical.
 */
final class JsonOut {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final StringWriter text = new StringWriter();
    private final Layout layout = new Layout();
    private final JsonGenerator g;

    JsonOut() {
        try {
            g = FACTORY.createGenerator(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        g.setPrettyPrinter(layout);
    }

    /** Runs one write, turning the impossible IOException of a StringWriter into an unchecked one. */
    private interface Write {
        void run() throws IOException;
    }

    private JsonOut io(Write w) {
        try {
            w.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    JsonOut startObject() {
        return io(g::writeStartObject);
    }

    /** An object written on one line, e.g. a history point. */
    JsonOut startInlineObject() {
        layout.nextInline = true;
        return io(g::writeStartObject);
    }

    JsonOut endObject() {
        return io(g::writeEndObject);
    }

    JsonOut startArray() {
        return io(g::writeStartArray);
    }

    JsonOut startInlineArray() {
        layout.nextInline = true;
        return io(g::writeStartArray);
    }

    JsonOut endArray() {
        return io(g::writeEndArray);
    }

    JsonOut field(String name) {
        return io(() -> g.writeFieldName(name));
    }

    JsonOut value(String s) {
        return io(() -> g.writeString(s));
    }

    JsonOut value(long v) {
        return io(() -> g.writeNumber(v));
    }

    JsonOut value(boolean v) {
        return io(() -> g.writeBoolean(v));
    }

    /** A finite number; anything else is a bug in the caller. */
    JsonOut value(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("not a finite number: " + v);
        }
        return io(() -> g.writeNumber(v));
    }

    /** Any double: NaN as null, infinities as the strings "Infinity" and "-Infinity". */
    JsonOut valueOrNonFinite(double v) {
        if (Double.isNaN(v)) {
            return io(g::writeNull);
        }
        if (Double.isInfinite(v)) {
            return value(v > 0 ? "Infinity" : "-Infinity");
        }
        return value(v);
    }

    JsonOut field(String name, String v) {
        return field(name).value(v);
    }

    JsonOut field(String name, long v) {
        return field(name).value(v);
    }

    JsonOut field(String name, double v) {
        return field(name).value(v);
    }

    JsonOut field(String name, boolean v) {
        return field(name).value(v);
    }

    /** The text written so far, ended by a newline, once every container is closed. */
    String finish() {
        io(g::flush);
        return text + "\n";
    }

    /** Places line breaks: every open container remembers whether it is written on one line. */
    private static final class Layout implements PrettyPrinter {
        private final Deque<Boolean> inline = new ArrayDeque<>();
        boolean nextInline;

        private boolean open(JsonGenerator g, char bracket) throws IOException {
            boolean il = nextInline || (!inline.isEmpty() && inline.peek());
            nextInline = false;
            inline.push(il);
            g.writeRaw(bracket);
            return il;
        }

        private void close(JsonGenerator g, int entries, char bracket) throws IOException {
            boolean il = inline.pop();
            if (!il && entries > 0) {
                newline(g);
            }
            g.writeRaw(bracket);
        }

        private void newline(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
            for (int i = 0; i < inline.size(); i++) {
                g.writeRaw("  ");
            }
        }

        private void beforeEntry(JsonGenerator g) throws IOException {
            if (!inline.peek()) {
                newline(g);
            }
        }

        private void separator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            if (inline.peek()) {
                g.writeRaw(' ');
            } else {
                newline(g);
            }
        }

        @Override
        public void writeRootValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
        }

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            open(g, '{');
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            close(g, entries, '}');
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            separator(g);
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            open(g, '[');
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            close(g, values, ']');
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            separator(g);
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            beforeEntry(g);
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) throws IOException {
            beforeEntry(g);
        }
    }
}
