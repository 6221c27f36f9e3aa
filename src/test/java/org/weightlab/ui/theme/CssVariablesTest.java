package org.weightlab.ui.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

class CssVariablesTest {

    private static final String SHEET = """
            /* a comment with .root { -wl-a: #000000; } inside must not count */
            .root {
                -color-fg: #24292f;
                -wl-ink: -color-fg;   /* refers to the theme */
                -wl-a: #2166ac;
            }
            .wl-view { -wl-b: #ff0000; }
            .root, .popup { -wl-c: rgb(10, 20, 30); }
            .root.popup { -wl-d: #00ff00; }
            .wl-x .root { -wl-e: #0000ff; }
            """;

    @Test
    void readsOnlyTheRootRulesAndFollowsReferences() {
        CssVariables v = CssVariables.parse(SHEET);
        assertEquals(Color.web("#2166ac"), v.color("-wl-a"));
        assertEquals(Color.web("#24292f"), v.color("-wl-ink"), "a name that names another is resolved");
        assertEquals(Color.rgb(10, 20, 30), v.color("-wl-c"), "a selector list holding .root counts");
        assertFalse(v.declares("-wl-b"), "another class's rule is not the root's");
        assertFalse(v.declares("-wl-d"), ".root.popup is a popup, not the scene root");
        assertFalse(v.declares("-wl-e"), "a descendant selector is not the root");
    }

    @Test
    void laterSheetsOverrideEarlierOnesLikeInAScene() throws Exception {
        Path base = Files.createTempFile("base", ".css");
        Path theme = Files.createTempFile("theme", ".css");
        try {
            Files.writeString(base, SHEET);
            Files.writeString(theme, ".root { -color-fg: #c9d1d9; -wl-a: #0b4f9c; }");
            CssVariables v = CssVariables.read(base.toUri().toURL(), theme.toUri().toURL());
            assertEquals(Color.web("#0b4f9c"), v.color("-wl-a"));
            assertEquals(Color.web("#c9d1d9"), v.color("-wl-ink"), "a reference resolves to the latest value");
            assertTrue(v.declares("-wl-c"));
        } finally {
            Files.deleteIfExists(base);
            Files.deleteIfExists(theme);
        }
    }

    @Test
    void undeclaredCyclicOrNonColourValuesAreReportedByName() {
        CssVariables v = CssVariables.parse(".root { -a: -b; -b: -a; -c: -missing; -d: derive(#fff, 10%); }");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> v.color("-a")).getMessage().contains("-a"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> v.color("-c")).getMessage()
                .contains("-missing"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> v.color("-d")).getMessage().contains("-d"));
        assertThrows(IllegalArgumentException.class, () -> v.color("-never-declared"));
    }
}
