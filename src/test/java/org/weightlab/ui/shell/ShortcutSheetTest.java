package org.weightlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ShortcutSheetTest {

    @Test
    void theCardIsMadeWhenFirstShownAndListsEveryShortcut() throws Exception {
        List<String> before = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        List<String> again = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            ShortcutSheet sheet = new ShortcutSheet();
            labels(sheet, before);
            sheet.setVisible(true);
            labels(sheet, shown);
            sheet.setVisible(false);
            sheet.setVisible(true);
            labels(sheet, again);
        }).get();
        assertTrue(before.isEmpty(), "nothing is built before the sheet is shown: " + before);
        for (ShortcutSheet.Shortcut s : ShortcutSheet.SHORTCUTS) {
            assertTrue(shown.contains(s.keys()) && shown.contains(s.action()), s + " in " + shown);
        }
        assertEquals(shown, again, "showing it again builds no second card");
    }

    private static void labels(Node n, List<String> out) {
        if (n instanceof Label l) {
            out.add(l.getText());
        }
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                labels(child, out);
            }
        }
    }
}
