package org.weightlab.ui.race;

import java.util.Locale;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import org.weightlab.session.race.RaceSnapshot;
import org.weightlab.ui.theme.Palette;

/** The race's figures, one row per run: epoch reached, train and test loss, test accuracy, fate. */
final class RaceTable extends GridPane {

    private static final String[] HEADERS = {"run", "epoch", "train loss", "test loss", "test accuracy", ""};

    private final Palette palette;
    private Label[][] cells = new Label[0][];

    RaceTable(Palette palette) {
        this.palette = palette;
        getStyleClass().add("wl-race-table");
        setId("raceTable");
        setHgap(14);
        setVgap(3);
        for (int c = 0; c < HEADERS.length; c++) {
            Label h = new Label(HEADERS[c]);
            h.getStyleClass().add("wl-race-table-header");
            add(h, c, 0);
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHalignment(c == 0 || c == HEADERS.length - 1 ? HPos.LEFT : HPos.RIGHT);
            getColumnConstraints().add(cc);
        }
    }

    void show(RaceSnapshot s) {
        if (cells.length != s.runs().size()) {
            getChildren().removeIf(n -> getRowIndex(n) != null && getRowIndex(n) > 0);
            cells = new Label[s.runs().size()][HEADERS.length];
            for (int k = 0; k < cells.length; k++) {
                for (int c = 0; c < HEADERS.length; c++) {
                    cells[k][c] = new Label();
                    cells[k][c].setId("raceCell" + k + "_" + c);
                }
                add(new HBox(6, new RunSwatch(palette, k), cells[k][0]), 0, k + 1);
                for (int c = 1; c < HEADERS.length; c++) {
                    add(cells[k][c], c, k + 1);
                }
            }
        }
        for (int k = 0; k < cells.length; k++) {
            RaceSnapshot.Run r = s.runs().get(k);
            cells[k][0].setText(r.variant().label());
            cells[k][1].setText(Long.toString(epochAtStart(r) + r.epochs()));
            cells[k][2].setText(num(r.trainLoss()));
            cells[k][3].setText(num(r.testLoss()));
            cells[k][4].setText(Double.isNaN(r.testAccuracy()) ? "\u2013"
                    : String.format(Locale.ROOT, "%.1f%%", 100 * r.testAccuracy()));
            cells[k][5].setText(r.diverged() ? "diverged at step " + r.divergence().step()
                    : s.rank(k) == 1 && s.runs().size() > 1 ? "lowest train loss" : "");
        }
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
        String acc = Double.isNaN(r.testAccuracy()) ? ""
                : String.format(Locale.ROOT, " \u00b7 %.0f%% right", 100 * r.testAccuracy());
        return "epoch " + (epochAtStart(r) + r.epochs()) + " \u00b7 train " + num(r.trainLoss()) + " \u00b7 test "
                + num(r.testLoss()) + acc;
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
