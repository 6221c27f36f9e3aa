package org.weightlab.ui.theme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import javafx.scene.paint.Color;

/**
 * The named colours that stylesheets declare under {@code .root} ({@code -wl-weight-positive: #2166ac;},
 * {@code -wl-ink: -color-fg-default;}), read as text without a scene. The palette uses this only for
 * a view that paints before it is in a styled scene, so that even then the colours come from the
 * stylesheets and are never typed a second time in code. Immutable.
 */
public final class CssVariables {

    /** Lookup chains longer than this are a cycle. */
    private static final int MAX_DEPTH = 16;

    /** Variable name to its declared value, as written (a colour or another variable's name). */
    private final Map<String, String> declared;

    private CssVariables(Map<String, String> declared) {
        this.declared = Map.copyOf(declared);
    }

    /** The {@code .root} declarations of {@code sheets}, later sheets overriding earlier ones (as in a scene). */
    public static CssVariables read(URL... sheets) {
        Map<String, String> all = new HashMap<>();
        for (URL sheet : sheets) {
            try (InputStream in = sheet.openStream()) {
                all.putAll(rootDeclarations(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read stylesheet " + sheet, e);
            }
        }
        return new CssVariables(all);
    }

    /** The declarations of {@code css}'s rules whose selector list holds plain {@code .root}. */
    public static CssVariables parse(String css) {
        return new CssVariables(rootDeclarations(css));
    }

    public boolean declares(String name) {
        return declared.containsKey(name);
    }

    /**
     * The colour {@code name} stands for, following names that refer to other names.
     *
     * @throws IllegalArgumentException if it is not declared, refers to an undeclared name, or is
     *                                  not a colour this reader understands (hex, rgb(), named)
     */
    public Color color(String name) {
        String value = name;
        for (int depth = 0; depth < MAX_DEPTH && value.startsWith("-"); depth++) {
            String next = declared.get(value);
            if (next == null) {
                throw new IllegalArgumentException(name + " refers to " + value + ", which no .root rule declares");
            }
            value = next;
        }
        try {
            return Color.web(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is '" + value + "', not a colour", e);
        }
    }

    private static Map<String, String> rootDeclarations(String css) {
        String text = css.replaceAll("(?s)/\\*.*?\\*/", "");
        Map<String, String> out = new HashMap<>();
        int from = 0;
        while (true) {
            int open = text.indexOf('{', from);
            if (open < 0) {
                return out;
            }
            int close = text.indexOf('}', open);
            if (close < 0) {
                return out;
            }
            if (selectsRoot(text.substring(from, open))) {
                for (String declaration : text.substring(open + 1, close).split(";")) {
                    int colon = declaration.indexOf(':');
                    if (colon > 0) {
                        out.put(declaration.substring(0, colon).trim(), declaration.substring(colon + 1).trim());
                    }
                }
            }
            from = close + 1;
        }
    }

    private static boolean selectsRoot(String selectors) {
        for (String s : selectors.split(",")) {
            if (s.trim().equals(".root")) {
                return true;
            }
        }
        return false;
    }
}
