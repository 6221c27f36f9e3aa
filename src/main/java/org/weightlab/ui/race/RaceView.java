package org.weightlab.ui.race;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.weightlab.session.race.RaceSnapshot;
import org.weightlab.ui.theme.Palette;

/**
 * A race on screen: one small output picture per run, the runs' losses overlaid in one chart, a
 * table of their figures, and the race's commands (play or pause, stop, continue one run in the
 * window). Draws the snapshots it is given; the commands go to the {@link Commands} it was built with.
 */
public final class RaceView extends BorderPane {

    public static final String STYLESHEET = RaceView.class.getResource("race.css").toExternalForm();

    /** What the view's buttons ask for. */
    public record Commands(Runnable playPause, Runnable stop, IntConsumer continueRun) {
    }

    /** Below this width the table goes under the chart. */
    static final double NARROW = 760;

    private final Palette palette = new Palette();
    private final Label title = new Label("Race");
    private final Label progress = new Label();
    private final Button playPause = new Button("Pause", new FontIcon("mdi2p-pause"));
    private final Button stop = new Button("Stop", new FontIcon("mdi2s-stop"));
    private final ChoiceBox<String> pick = new ChoiceBox<>();
    private final Button continueRun = new Button("Continue in the window");
    private final HBox tiles = new HBox(10);
    private final RaceLossChart chart = new RaceLossChart();
    private final RaceTable table = new RaceTable(palette);
    private final HBox legend = new HBox(14);
    private final List<RaceTile> tileList = new ArrayList<>();
    private RaceSnapshot shown;
    private boolean stopped;
    /** Whether the view is laid out for a narrow centre (a projector). */
    private boolean narrowNow;

    public RaceView(Commands commands) {
        createView();
        initListeners(commands);
    }

    private void createView() {
        getStyleClass().add("wl-race");
        getStylesheets().add(STYLESHEET);
        setId("raceView");
        getChildren().add(palette);
        title.getStyleClass().add("wl-race-title");
        title.setId("raceTitle");
        progress.setId("raceProgress");
        playPause.setId("racePlayPause");
        stop.setId("raceStop");
        stop.setTooltip(new Tooltip("End the race (the runs stay on screen)"));
        playPause.setTooltip(new Tooltip("Play or pause the race"));
        pick.setId("racePick");
        continueRun.setId("raceContinue");
        continueRun.setTooltip(new Tooltip("Open the chosen run in the window, to train on from where it is"));
        for (javafx.scene.control.Control c : List.of(playPause, stop, pick, continueRun)) {
            c.setFocusTraversable(false);
        }
        // title and progress wrap apart, so a long title never widens a narrow view
        FlowPane top = new FlowPane(8, 6, title, progress, playPause, stop, pick, continueRun);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(4, 6, 6, 6));
        setTop(top);
        tiles.setId("raceTiles");
        tiles.setPadding(new Insets(0, 6, 0, 6));
        setCenter(tiles);
        legend.setId("raceLegend");
        VBox chartBox = new VBox(4, legend, chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        HBox.setHgrow(chartBox, Priority.ALWAYS);
        table.setMinWidth(Region.USE_PREF_SIZE);
        HBox wide = new HBox(14);
        VBox narrow = new VBox(6);
        for (Region r : List.of(wide, narrow)) {
            r.setPadding(new Insets(8, 6, 6, 6));
            r.setMinHeight(160);
        }
        wide.setPrefHeight(230);
        // side by side when there is room; the table under the chart in a narrow centre (a projector)
        Runnable arrange = () -> {
            boolean roomy = getWidth() == 0 || getWidth() >= NARROW;
            Region box = roomy ? wide : narrow;
            if (getBottom() != box) {
                wide.getChildren().clear();
                narrow.getChildren().clear();
                chart.setPrefHeight(roomy ? 220 : 90);
                table.setCompact(!roomy);
                // a narrow view keeps its height for the pictures: icon buttons, a short "Continue"
                for (Button b : List.of(playPause, stop)) {
                    b.setContentDisplay(roomy ? javafx.scene.control.ContentDisplay.LEFT
                            : javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
                }
                continueRun.setText(roomy ? "Continue in the window" : "Continue");
                narrowNow = !roomy;
                tileList.forEach(t -> t.setCompact(!roomy));
                if (roomy) {
                    wide.getChildren().addAll(chartBox, table);
                } else {
                    narrow.getChildren().addAll(chartBox, table);
                }
                setBottom(box);
            }
        };
        arrange.run();
        widthProperty().addListener((o, was, now) -> arrange.run());
    }

    private void initListeners(Commands commands) {
        playPause.setOnAction(e -> commands.playPause().run());
        stop.setOnAction(e -> {
            commands.stop().run();
            markStopped();
        });
        continueRun.setOnAction(e -> {
            int k = pick.getSelectionModel().getSelectedIndex();
            if (k >= 0) {
                commands.continueRun().accept(k);
            }
        });
    }

    /** Draws {@code s}: new runs rebuild the tiles, the same runs only update. FX thread. */
    public void show(RaceSnapshot s) {
        if (shown == null || shown.runs().size() != s.runs().size()
                || !shown.runs().get(0).variant().equals(s.runs().get(0).variant())) {
            rebuild(s);
        }
        shown = s;
        title.setText("Race: " + s.setting().label() + (s.setting().movesToTaskB()
                ? " on " + s.runs().get(0).moment().config().dataset().id() + " (task B)" : ""));
        progress.setText(String.format(Locale.ROOT, "%.0f epochs", Math.floor(s.epochs())));
        for (int k = 0; k < tileList.size(); k++) {
            tileList.get(k).show(s.runs().get(k));
        }
        chart.show(s);
        table.show(s);
        boolean running = s.running() && !stopped;
        playPause.setText(running ? "Pause" : "Play");
        playPause.setGraphic(new FontIcon(running ? "mdi2p-pause" : "mdi2p-play"));
        playPause.setDisable(stopped);
    }

    private void rebuild(RaceSnapshot s) {
        stopped = false;
        tiles.getChildren().clear();
        tileList.clear();
        legend.getChildren().clear();
        pick.getItems().clear();
        for (int k = 0; k < s.runs().size(); k++) {
            RaceTile tile = new RaceTile(palette, k);
            tile.setCompact(narrowNow);
            HBox.setHgrow(tile, Priority.ALWAYS);
            tile.setPrefWidth(240);
            tile.setMinWidth(60);
            tileList.add(tile);
            tiles.getChildren().add(tile);
            String label = s.runs().get(k).variant().label();
            Label entry = new Label(label, new RunSwatch(palette, k));
            entry.getStyleClass().add("wl-race-legend");
            legend.getChildren().add(entry);
            pick.getItems().add(label);
        }
        pick.getSelectionModel().select(0);
    }

    /** The race ended: the view keeps its last picture, the play button rests. */
    public void markStopped() {
        stopped = true;
        playPause.setDisable(true);
        playPause.setText("Play");
        playPause.setGraphic(new FontIcon("mdi2p-play"));
    }

    /** Draws everything at once (tests, exports). */
    public void drawNow() {
        applyCss();
        layout();
        for (RaceTile t : tileList) {
            t.output().drawNow();
        }
        chart.drawNow();
    }

    List<RaceTile> tiles() {
        return tileList;
    }

    RaceLossChart chart() {
        return chart;
    }

    RaceTable table() {
        return table;
    }
}
