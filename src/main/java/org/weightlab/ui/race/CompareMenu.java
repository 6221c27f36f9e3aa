package org.weightlab.ui.race;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.javafx.FontIcon;

/** The menu of the ways to compare: a race of runs (Ctrl+R) and the loss surface over two parameters (Ctrl+U). */
public final class CompareMenu {

    private CompareMenu() {
    }

    public static Menu create(Runnable race, Runnable surface) {
        MenuItem r = new MenuItem("Race runs\u2026", new FontIcon("mdi2s-source-fork"));
        r.setId("raceMenuItem");
        r.setAccelerator(KeyCombination.keyCombination("Shortcut+R"));
        r.setOnAction(e -> race.run());
        MenuItem s = new MenuItem("Loss surface over two parameters", new FontIcon("mdi2t-terrain"));
        s.setId("surfaceMenuItem");
        s.setAccelerator(KeyCombination.keyCombination("Shortcut+U"));
        s.setOnAction(e -> surface.run());
        Menu m = new Menu("Compare", null, r, s);
        m.setId("compareMenu");
        return m;
    }
}
