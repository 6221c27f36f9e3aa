package org.weightlab.ui.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.stage.Stage;

/**
 * What the window remembers between runs: theme, interface size, its size on screen, the last
 * folder and the recent files. Kept in the user's preferences; tests point the
 * {@code weightlab.preferences} system property at a node of their own.
 */
public final class WindowPreferences {

    private static final int MAX_RECENT = 8;

    private final Preferences prefs;
    private Runnable onRecentChanged = () -> { };

    public WindowPreferences(Preferences prefs) {
        this.prefs = prefs;
    }

    /** The node named by {@code weightlab.preferences}, or WeightLab's own. */
    public static WindowPreferences ofUser() {
        return new WindowPreferences(Preferences.userRoot().node(
                System.getProperty("weightlab.preferences", "org/weightlab/ui")));
    }

    public boolean dark() {
        return prefs.getBoolean("dark", false);
    }

    public void setDark(boolean dark) {
        prefs.putBoolean("dark", dark);
    }

    /** Interface size in percent. */
    public int scale() {
        return prefs.getInt("scale", 100);
    }

    public void setScale(int percent) {
        prefs.putInt("scale", percent);
    }

    /** Gives {@code stage} its last size when that still fits {@code screen}, and its maximized state. */
    public void restoreBounds(Stage stage, Rectangle2D screen) {
        double w = prefs.getDouble("width", -1);
        double h = prefs.getDouble("height", -1);
        if (w >= stage.getMinWidth() && h >= stage.getMinHeight() && w <= screen.getWidth() && h <= screen.getHeight()) {
            stage.setWidth(w);
            stage.setHeight(h);
        }
        stage.setMaximized(prefs.getBoolean("maximized", false));
    }

    /** Remembers {@code stage}'s size; full screen (presentation mode) is not a size to come back to. */
    public void saveBounds(Stage stage) {
        if (stage.isFullScreen()) {
            return;
        }
        prefs.putBoolean("maximized", stage.isMaximized());
        if (!stage.isMaximized()) {
            prefs.putDouble("width", stage.getWidth());
            prefs.putDouble("height", stage.getHeight());
        }
    }

    /** The folder of the last file opened or saved, or null when there is none (any more). */
    public File lastFolder() {
        String last = prefs.get("lastFolder", null);
        return last != null && new File(last).isDirectory() ? new File(last) : null;
    }

    /** Recent files, newest first, as absolute paths. */
    public List<String> recentFiles() {
        List<String> list = new ArrayList<>();
        for (String line : prefs.get("recent", "").split("\n")) {
            if (!line.isBlank()) {
                list.add(line);
            }
        }
        return list;
    }

    /** Puts {@code file} first among the recent files and its folder as the last folder. */
    public void remember(Path file) {
        Path abs = file.toAbsolutePath();
        if (abs.getParent() != null) {
            prefs.put("lastFolder", abs.getParent().toString());
        }
        List<String> recent = recentFiles();
        recent.remove(abs.toString());
        recent.add(0, abs.toString());
        while (recent.size() > MAX_RECENT) {
            recent.remove(recent.size() - 1);
        }
        prefs.put("recent", String.join("\n", recent));
        onRecentChanged.run();
    }

    /** Called after the recent files changed (the File menu lists them). */
    public void setOnRecentChanged(Runnable action) {
        onRecentChanged = action;
    }
}
