package org.weightlab.ui.confusion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.BorderStrokeStyle;
import javafx.scene.layout.BorderWidths;
import javafx.scene.layout.GridPane;
import javafx.scene.paint.Color;
import org.weightlab.analysis.ConfusionMatrix;
import org.weightlab.ui.theme.Palette;
import org.weightlab.ui.theme.PaletteColor;

/**
 * The matrix as a grid: a row per true class, a column per predicted class, each cell its count,
 * shaded by the fraction of its row (the diagonal in the positive colour, mistakes in the negative
 * one), and each row's accuracy at its end. Clicking a cell selects it. Built once per class count,
 * restyled for every new matrix.
 */
final class ConfusionGrid extends GridPane {

    static final String CELL_CLASS = "confusion-cell";

    /** A picked cell: true class and predicted class. */
    record Cell(int trueClass, int predicted) {
    }

    private final Palette palette;
    private final ObjectProperty<Cell> selected = new SimpleObjectProperty<>(this, "selected");
    private final List<Label> cells = new ArrayList<>();
    private final List<Label> rowAccuracy = new ArrayList<>();
    private final List<Label> headers = new ArrayList<>();
    private ConfusionMatrix matrix;
    private int classes;
    /** Short headers (a narrow column on a projector): class names cut to four letters, named in full on hover. */
    private boolean compact;

    ConfusionGrid(Palette palette) {
        this.palette = palette;
        getStyleClass().add("confusion-grid");
        setHgap(2);
        setVgap(2);
        selected.addListener((o, was, now) -> restyle());
    }

    ObjectProperty<Cell> selectedProperty() {
        return selected;
    }

    ConfusionMatrix matrix() {
        return matrix;
    }

    /** The cell label of true class {@code t}, predicted {@code p} (tests click it). */
    Label cell(int t, int p) {
        return cells.get(t * classes + p);
    }

    Label rowAccuracy(int t) {
        return rowAccuracy.get(t);
    }

    void setCompact(boolean compact) {
        if (compact != this.compact) {
            this.compact = compact;
            if (matrix != null) {
                build(matrix.classNames());
                restyle();
            }
        }
    }

    /** "versicolor" as "vers.", in a compact grid; short names as they are. */
    static String shortName(String name) {
        return name.length() <= 5 ? name : name.substring(0, 4) + ".";
    }

    void show(ConfusionMatrix m) {
        if (m == null) {
            matrix = null;
            getChildren().clear();
            cells.clear();
            classes = 0;
            selected.set(null);
            return;
        }
        if (m.classes() != classes || matrix == null || !m.classNames().equals(matrix.classNames())) {
            build(m.classNames());
            selected.set(null);
        }
        matrix = m;
        restyle();
    }

    /** Repaints the cells with the palette's colours now (a theme switch). */
    void restyle() {
        if (matrix == null) {
            return;
        }
        Color ink = palette.inkColor();
        for (Label h : headers) {
            h.setTextFill(ink);
        }
        for (int t = 0; t < classes; t++) {
            int row = matrix.rowTotal(t);
            for (int p = 0; p < classes; p++) {
                int n = matrix.count(t, p);
                double f = row == 0 ? 0 : (double) n / row;
                Label cell = cell(t, p);
                cell.setText(Integer.toString(n));
                Color fill = palette.weightMap().color(t == p ? f : -f);
                cell.setBackground(new Background(new BackgroundFill(fill, null, null)));
                cell.setTextFill(textOn(fill));
                boolean picked = new Cell(t, p).equals(selected.get());
                cell.setBorder(new Border(new BorderStroke(picked ? palette.color(PaletteColor.SELECTION)
                        : palette.color(PaletteColor.GUIDE), BorderStrokeStyle.SOLID, null,
                        new BorderWidths(picked ? 3 : 1))));
            }
            double acc = matrix.classAccuracy(t);
            Label a = rowAccuracy.get(t);
            a.setText(Double.isNaN(acc) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * acc));
            a.setTextFill(ink);
        }
    }

    /** Text that reads on {@code fill} in any theme: a very dark or very light shade of the fill itself. */
    static Color textOn(Color fill) {
        double luminance = 0.2126 * fill.getRed() + 0.7152 * fill.getGreen() + 0.0722 * fill.getBlue();
        return luminance > 0.5 ? Color.hsb(fill.getHue(), fill.getSaturation() * 0.6, 0.12)
                : Color.hsb(fill.getHue(), fill.getSaturation() * 0.15, 0.98);
    }

    private void build(List<String> names) {
        getChildren().clear();
        cells.clear();
        rowAccuracy.clear();
        headers.clear();
        classes = names.size();
        Label corner = header(compact ? "true \\ said" : "true \\ predicted");
        corner.getStyleClass().add("confusion-corner");
        add(corner, 0, 0);
        for (int p = 0; p < classes; p++) {
            Label h = classHeader(names.get(p));
            GridPane.setHalignment(h, HPos.CENTER);
            add(h, p + 1, 0);
        }
        Label accHeader = header(compact ? "right" : "correct");
        add(accHeader, classes + 1, 0);
        for (int t = 0; t < classes; t++) {
            Label h = classHeader(names.get(t));
            GridPane.setHalignment(h, HPos.RIGHT);
            add(h, 0, t + 1);
            for (int p = 0; p < classes; p++) {
                Label cell = new Label();
                cell.getStyleClass().add(CELL_CLASS);
                cell.setAlignment(Pos.CENTER);
                cell.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
                cell.setId("confusion-" + t + "-" + p);
                Cell me = new Cell(t, p);
                cell.setOnMouseClicked(e -> selected.set(me));
                cells.add(cell);
                add(cell, p + 1, t + 1);
            }
            Label acc = new Label();
            acc.getStyleClass().add("confusion-row-accuracy");
            rowAccuracy.add(acc);
            add(acc, classes + 1, t + 1);
        }
    }

    /** A class's name as a header: cut short in a compact grid, then named in full on hover. */
    private Label classHeader(String name) {
        Label h = header(compact ? shortName(name) : name);
        if (!h.getText().equals(name)) {
            h.setTooltip(new javafx.scene.control.Tooltip(name));
        }
        return h;
    }

    private Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("confusion-header");
        headers.add(l);
        return l;
    }
}
