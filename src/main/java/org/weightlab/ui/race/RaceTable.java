package org.weightlab.ui.race;

import java.util.List;
import java.util.Locale;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import org.weightlab.session.race.RaceSnapshot;
import org.weightlab.ui.theme.Palette;

/**
 * The race's figures, one row per run: epoch reached, train and test loss, test accuracy, fate. A
 * fine-tuning race shows instead what fine-tuning trades: parameters trained, task B's test
 * accuracy and how much of task A is kept.
 */
final class RaceTable extends GridPane {

    private static final String[] HEADERS = {"run", "epoch", "train loss", "test loss", "test accuracy", ""};
    private static final String[] FINE_TUNING_HEADERS = {"run", "epoch", "trainable", "train loss", "task B acc",
        "task A kept", ""};

    /** In a narrow view (a projector) only these columns show, under two-line headers. */
    private static final int[] COMPACT = {0, 2, 4};
    private static final int[] FINE_TUNING_COMPACT = {0, 2, 4, 5};
    private static final java.util.Map<String, String> SHORT = java.util.Map.of("train loss", "train\nloss",
            "test accuracy", "test\naccuracy", "trainable", "train-\nable", "task B acc", "task B\nacc",
            "task A kept", "task A\nkept");

    private final Palette palette;
    private String[] headers;
    private boolean compact;
    private RaceSnapshot shown;
    private Label[][] cells = new Label[0][];

    RaceTable(Palette palette) {
        this.palette = palette;
        getStyleClass().add("wl-race-table");
        setId("raceTable");
        setVgap(3);
        layoutColumns(HEADERS, 0);
    }

    /** Fewer columns under two-line headers, for a narrow view; every figure is still kept for {@link #cell}. */
    void setCompact(boolean narrow) {
        if (narrow != compact) {
            compact = narrow;
            layoutColumns(headers, cells.length);
            if (shown != null) {
                show(shown);
            }
        }
    }

    /** Headers and one row of empty cells per run; only the columns the width allows are placed. */
    private void layoutColumns(String[] h, int runs) {
        headers = h;
        getChildren().clear();
        getColumnConstraints().clear();
        setHgap(compact ? 8 : 14);
        int[] shown = compact ? (h == HEADERS ? COMPACT : FINE_TUNING_COMPACT) : null;
        int columns = shown == null ? h.length : shown.length;
        for (int g = 0; g < columns; g++) {
            int c = shown == null ? g : shown[g];
            Label header = new Label(compact ? SHORT.getOrDefault(h[c], h[c]) : h[c]);
            header.getStyleClass().add("wl-race-table-header");
            add(header, g, 0);
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHalignment(c == 0 || c == h.length - 1 ? HPos.LEFT : HPos.RIGHT);
            getColumnConstraints().add(cc);
        }
        cells = new Label[runs][h.length];
        for (int k = 0; k < runs; k++) {
            for (int c = 0; c < h.length; c++) {
                cells[k][c] = new Label();
                cells[k][c].setId("raceCell" + k + "_" + c);
            }
            add(new HBox(6, new RunSwatch(palette, k), cells[k][0]), 0, k + 1);
            for (int g = 1; g < columns; g++) {
                add(cells[k][shown == null ? g : shown[g]], g, k + 1);
            }
        }
    }

    void show(RaceSnapshot s) {
        shown = s;
        String[] h = s.setting().movesToTaskB() ? FINE_TUNING_HEADERS : HEADERS;
        if (cells.length != s.runs().size() || h != headers) {
            layoutColumns(h, s.runs().size());
        }
        for (int k = 0; k < cells.length; k++) {
            RaceSnapshot.Run r = s.runs().get(k);
            String fate = r.diverged() ? "diverged at step " + r.divergence().step()
                    : s.rank(k) == 1 && s.runs().size() > 1 ? "lowest train loss" : "";
            String[] row = h == HEADERS
                    ? new String[] {r.variant().label(), epoch(r), num(r.trainLoss()), num(r.testLoss()),
                        percent(r.testAccuracy()), fate}
                    : new String[] {r.variant().label(), epoch(r), Long.toString(r.trainable()), num(r.trainLoss()),
                        percent(r.testAccuracy()), percent(r.taskA() == null ? Double.NaN : r.taskA().accuracy()),
                        r.diverged() ? fate : ""};
            for (int c = 0; c < row.length; c++) {
                cells[k][c].setText(row[c]);
            }
        }
    }

    /** The column headers of the race's figures (all of them, also when compact). */
    List<String> headers() {
        return List.of(headers);
    }

    /** The headers placed now, as shown. */
    List<String> shownHeaders() {
        List<String> out = new java.util.ArrayList<>();
        for (javafx.scene.Node n : getChildren()) {
            if (n instanceof Label l && Integer.valueOf(0).equals(getRowIndex(n))) {
                out.add(l.getText());
            }
        }
        return out;
    }

    /** The text of row {@code k}, column {@code c} (tests read it). */
    String cell(int k, int c) {
        return cells[k][c].getText();
    }

    /** The epoch the run stood at when the race began. */
    private static long epochAtStart(RaceSnapshot.Run r) {
        return r.curve().isEmpty() ? 0 : r.curve().get(0).epoch();
    }

    static String lossText(RaceSnapshot.Run r) {
        if (r.taskA() != null) { // a fine-tuning run: what it trains, task B learned, task A kept
            return "epoch " + epoch(r) + " \u00b7 " + r.trainable() + " trainable \u00b7 task B "
                    + percent(r.testAccuracy()) + " \u00b7 task A " + percent(r.taskA().accuracy());
        }
        String acc = Double.isNaN(r.testAccuracy()) ? ""
                : String.format(Locale.ROOT, " \u00b7 %.0f%% right", 100 * r.testAccuracy());
        return "epoch " + epoch(r) + " \u00b7 train " + num(r.trainLoss()) + " \u00b7 test "
                + num(r.testLoss()) + acc;
    }

    private static String epoch(RaceSnapshot.Run r) {
        return Long.toString(epochAtStart(r) + r.epochs());
    }

    /** 0.913 as "91.3%"; a dash for no accuracy (regression). */
    static String percent(double v) {
        return Double.isNaN(v) ? "\u2013" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "\u2013";
        }
        double a = Math.abs(v);
        return a != 0 && (a < 1e-3 || a >= 1e4) ? String.format(Locale.ROOT, "%.2e", v)
                : String.format(Locale.ROOT, "%.4f", v);
    }
}
