package org.weightlab.ui.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.javafx.FontIcon;
import org.weightlab.scenario.LessonCatalog;
import org.weightlab.scenario.Scenario;
import org.weightlab.scenario.ScenarioException;

/** The window's menu bar: File (with the recent files), Lessons, View and Help. */
public final class WindowMenus {

    /** The window's commands the menus offer besides files and looks. */
    public record Commands(Runnable quit, Runnable gallery, BiConsumer<Scenario, String> openLesson,
                           Runnable showNetwork, Runnable showInspector, Runnable showStepThrough,
                           Runnable showShortcuts, Runnable showCompression) {
    }

    /** What the menus export as pictures: the whole window and each view. */
    public record Pictures(Node window, Node network, Node output, Node loss) {
    }

    private static final System.Logger LOG = System.getLogger(WindowMenus.class.getName());

    private final WindowFiles files;
    private final WindowPreferences prefs;
    private final PresentationMode presentation;
    private final Commands commands;
    private final Menu recentMenu = new Menu("Open recent");
    /** The Data menu's commands (added before {@link #create}); no Data menu while there are none. */
    private final java.util.List<MenuItem> dataCommands = new java.util.ArrayList<>();
    /** Further views the View menu offers after the built-in ones (added before {@link #create}). */
    private final java.util.List<MenuItem> moreViews = new java.util.ArrayList<>();

    public WindowMenus(WindowFiles files, WindowPreferences prefs, PresentationMode presentation, Commands commands) {
        this.files = files;
        this.prefs = prefs;
        this.presentation = presentation;
        this.commands = commands;
        prefs.setOnRecentChanged(this::refreshRecent);
    }

    /** Adds a view to the View menu, after the built-in ones; call before {@link #create}. */
    public void addView(String text, String accelerator, Runnable show) {
        moreViews.add(item(text, null, accelerator, show));
    }

    /** Adds a command to the Data menu; call before {@link #create}. */
    public void addDataCommand(String text, String accelerator, Runnable action) {
        dataCommands.add(item(text, null, accelerator, action));
    }

    /** The menu bar; {@code dark} and {@code meterVisible} are the theme's and the frame-time meter's switches. */
    public MenuBar create(Pictures pictures, BooleanProperty dark, BooleanProperty meterVisible) {
        MenuBar bar = new MenuBar();
        bar.setId("menuBar");
        bar.getMenus().addAll(fileMenu(pictures), lessonsMenu());
        if (!dataCommands.isEmpty()) {
            Menu data = new Menu("Data");
            data.setId("dataMenu");
            data.getItems().addAll(dataCommands);
            bar.getMenus().add(data);
        }
        bar.getMenus().addAll(viewMenu(dark, meterVisible), helpMenu());
        return bar;
    }

    private Menu fileMenu(Pictures pictures) {
        MenuItem open = item("Open scenario\u2026", "mdi2f-folder-open-outline", "Shortcut+O", files::chooseAndOpen);
        MenuItem importData = item("Import data (CSV)\u2026", "mdi2t-table-arrow-left", null, files::importData);
        MenuItem openPretrained = item("Open pre-trained\u2026", "mdi2b-brain", null,
                files.weights()::chooseAndOpenPretrained);
        MenuItem importWeights = item("Import weights (.safetensors)\u2026", "mdi2w-weight", null,
                files.weights()::chooseAndImportWeights);
        MenuItem savePretrained = item("Save as pre-trained\u2026", null, null,
                files.weights()::chooseAndSavePretrained);
        MenuItem save = item("Save scenario\u2026", "mdi2c-content-save-outline", "Shortcut+S", files::chooseAndSave);
        MenuItem exportRun = item("Export run\u2026", "mdi2f-file-export-outline", "Shortcut+E", files::exportRun);
        MenuItem exportPng = item("Export window as PNG\u2026", "mdi2i-image-outline", "Shortcut+P",
                () -> files.exportPng(pictures.window()));
        MenuItem exportNetwork = item("Export network view as PNG\u2026", null, null,
                () -> files.exportPng(pictures.network()));
        MenuItem exportOutput = item("Export output view as PNG\u2026", null, null,
                () -> files.exportPng(pictures.output()));
        MenuItem exportLossPng = item("Export loss chart as PNG\u2026", null, null,
                () -> files.exportPng(pictures.loss()));
        MenuItem exportCsv = item("Export loss history as CSV\u2026", "mdi2t-table-arrow-right", null,
                files::exportCsv);
        MenuItem quit = item("Quit", null, "Shortcut+Q", commands.quit());
        refreshRecent();
        return new Menu("File", null, open, recentMenu, openPretrained, importData, importWeights, save,
                savePretrained, new SeparatorMenuItem(), exportRun, exportPng,
                exportNetwork, exportOutput, exportLossPng, exportCsv, new SeparatorMenuItem(), quit);
    }

    private Menu lessonsMenu() {
        MenuItem gallery = item("Lesson gallery\u2026", "mdi2s-school-outline", "Shortcut+L", commands.gallery());
        Menu lessons = new Menu("Lessons", null, gallery, new SeparatorMenuItem());
        lessons.setId("lessonsMenu");
        // The lessons are read when the menu first opens, not while the window starts.
        lessons.setOnShowing(e -> {
            if (lessons.getItems().size() == 2) {
                lessons.getItems().addAll(lessonItems());
            }
        });
        return lessons;
    }

    /** One item per built-in lesson, in gallery order. */
    List<MenuItem> lessonItems() {
        List<MenuItem> items = new ArrayList<>();
        try {
            for (LessonCatalog.Entry e : LessonCatalog.builtIn()) {
                items.add(item(e.number() + ". " + e.scenario().lesson().title(), null, null,
                        () -> commands.openLesson().accept(e.scenario(), e.name())));
            }
        } catch (ScenarioException ex) {
            LOG.log(System.Logger.Level.WARNING, "built-in lessons could not be read", ex);
        }
        return items;
    }

    private Menu viewMenu(BooleanProperty darkTheme, BooleanProperty meterVisible) {
        MenuItem network = item("Network", null, null, commands.showNetwork());
        MenuItem inspect = item("Weight inspector", null, null, commands.showInspector());
        MenuItem walk = item("Step-through", null, null, commands.showStepThrough());
        MenuItem compress = item("Compression lab", null, "Shortcut+K", commands.showCompression());
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.selectedProperty().bindBidirectional(darkTheme);
        CheckMenuItem present = new CheckMenuItem("Presentation mode");
        present.setAccelerator(KeyCombination.keyCombination("F11"));
        present.setOnAction(e -> presentation.set(present.isSelected()));
        present.setId("presentationItem");
        Menu size = new Menu("Interface size");
        ToggleGroup sizes = new ToggleGroup();
        for (int percent : new int[] {100, 125, 150, 200}) {
            RadioMenuItem r = new RadioMenuItem(percent + "%");
            r.setId("interfaceSize" + percent);
            r.setToggleGroup(sizes);
            r.setSelected(percent == presentation.scaleProperty().get());
            r.setOnAction(e -> presentation.setScale(percent));
            // the tick follows the size in use, also the one restored from the preferences
            presentation.scaleProperty().addListener((o, was, now) -> r.setSelected(now.intValue() == percent));
            size.getItems().add(r);
        }
        CheckMenuItem meterItem = new CheckMenuItem("Frame-time meter");
        meterItem.selectedProperty().bindBidirectional(meterVisible);
        Menu view = new Menu("View", null, network, inspect, walk, compress);
        view.getItems().addAll(moreViews);
        view.getItems().addAll(new SeparatorMenuItem(), dark, present, size, meterItem);
        return view;
    }

    private Menu helpMenu() {
        MenuItem keys = item("Keyboard shortcuts", "mdi2k-keyboard-outline", null, commands.showShortcuts());
        return new Menu("Help", null, keys);
    }

    private void refreshRecent() {
        recentMenu.getItems().clear();
        for (String f : prefs.recentFiles()) {
            recentMenu.getItems().add(item(f, null, null, () -> files.openFile(Path.of(f))));
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private static MenuItem item(String text, String icon, String accelerator, Runnable action) {
        MenuItem m = new MenuItem(text, icon == null ? null : new FontIcon(icon));
        if (accelerator != null) {
            m.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        m.setOnAction(e -> action.run());
        return m;
    }
}
