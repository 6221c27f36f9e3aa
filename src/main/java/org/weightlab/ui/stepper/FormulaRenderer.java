package org.weightlab.ui.stepper;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.util.Duration;
import org.weightlab.explain.FormulaLine;
import org.weightlab.explain.NumberText;
import org.weightlab.explain.Stage;
import org.weightlab.explain.StepTable;
import org.weightlab.explain.Token;

/**
 * Typesets formula lines as JavaFX text: italic variables with raised and lowered indices
 * (smaller text moved off the baseline), upright operators and function names, numbers to 4
 * significant digits with their exact value in a tooltip. Sizes and colours come from the
 * stylesheet; only the index offsets are computed here, from the line's font size.
 */
final class FormulaRenderer {

    static final String LINE = "wl-formula-line";
    /** Every piece of text in the panel. */
    static final String MATH = "wl-math";
    static final String VAR = "wl-math-var";
    static final String SCRIPT = "wl-math-script";
    static final String NUM = "wl-math-num";
    static final String NOT_A_NUMBER = "wl-math-nan";
    static final String OP = "wl-math-op";
    static final String WORD = "wl-math-word";
    static final String GAP = "wl-math-gap";
    static final String TABLE = "wl-formula-table";
    static final String TABLE_HEAD = "wl-formula-table-head";

    /** Font sizes of the line kinds, in px; the stylesheet sets the same ones (see stepper.css). */
    static final double FORMULA_SIZE = 30;
    static final double NOTE_SIZE = 21;
    static final double TABLE_SIZE = 21;

    private static final String TIMES = "\u00b7";
    /** A thin space: where a line may break (a zero-width one is no break for Java's line breaker). */
    private static final String BREAK = "\u2009";

    /** Shared by all numbers; created on first use, on the FX thread. */
    private static Tooltip exactTooltip;

    private FormulaRenderer() {
    }

    private static Tooltip exactTooltip() {
        if (exactTooltip == null) {
            exactTooltip = new Tooltip();
            exactTooltip.setShowDelay(Duration.millis(200));
            exactTooltip.getStyleClass().add("wl-exact-tooltip");
        }
        return exactTooltip;
    }

    /** The whole panel of a stage: its lines, its table and, if a value is not finite, what that means. */
    static List<Node> stage(Stage s) {
        List<Node> nodes = new ArrayList<>();
        boolean nan = false;
        boolean infinite = false;
        for (FormulaLine line : s.lines()) {
            nodes.add(line(line, sizeOf(line.kind())));
            for (Token t : line.tokens()) {
                if (t instanceof Token.Num n) {
                    nan |= Double.isNaN(n.value());
                    infinite |= Double.isInfinite(n.value());
                }
            }
        }
        if (s.table() != null) {
            nodes.add(table(s.table()));
            for (List<FormulaLine> row : s.table().rows()) {
                for (FormulaLine cell : row) {
                    for (Token t : cell.tokens()) {
                        if (t instanceof Token.Num n) {
                            nan |= Double.isNaN(n.value());
                            infinite |= Double.isInfinite(n.value());
                        }
                    }
                }
            }
        }
        if (nan) {
            nodes.add(warning(NumberText.explainNaN()));
        }
        if (infinite) {
            nodes.add(warning("\u221e: a value grew beyond the largest number a double can hold (about 1.8\u00d710\u00b3\u2070\u2078)."));
        }
        return nodes;
    }

    private static double sizeOf(FormulaLine.Kind kind) {
        return kind == FormulaLine.Kind.NOTE ? NOTE_SIZE : FORMULA_SIZE;
    }

    static TextFlow line(FormulaLine line, double size) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().addAll(LINE, "wl-formula-" + line.kind().name().toLowerCase(java.util.Locale.ROOT));
        List<Token> tokens = line.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            boolean beforeNumber = i + 1 < tokens.size() && tokens.get(i + 1) instanceof Token.Num;
            flow.getChildren().addAll(texts(tokens.get(i), size, beforeNumber));
        }
        return flow;
    }

    private static List<Text> texts(Token t, double size, boolean beforeNumber) {
        List<Text> out = new ArrayList<>(3);
        if (t instanceof Token.Sym s) {
            if (!s.base().isEmpty()) {
                out.add(text(s.base(), VAR));
            }
            if (!s.sup().isEmpty()) {
                Text sup = text(s.sup(), SCRIPT);
                sup.setTranslateY(-0.42 * size);
                out.add(sup);
            }
            if (!s.sub().isEmpty()) {
                Text sub = text(s.sub(), SCRIPT);
                sub.setTranslateY(0.22 * size);
                out.add(sub);
            }
        } else if (t instanceof Token.Num n) {
            boolean finite = Double.isFinite(n.value());
            Text num = text(NumberText.format(n.value()), finite ? NUM : NOT_A_NUMBER);
            String exact = NumberText.exact(n.value());
            // One tooltip for every number (a tooltip per number costs a popup window each):
            // it takes the hovered number's exact value just before it shows.
            num.setOnMouseEntered(e -> exactTooltip().setText(exact));
            Tooltip.install(num, exactTooltip());
            if (n.key() != null) {
                num.getProperties().put("key", n.key());
            }
            num.setUserData(n.value());
            out.add(num);
        } else if (t instanceof Token.Op o) {
            // Between two numbers a product's dot gets a thin space: a narrow panel (a projector at
            // 1024x768) may break the line there, where it would otherwise break inside a number.
            out.add(text(beforeNumber && o.text().endsWith(TIMES) ? o.text() + BREAK : o.text(), OP));
        } else if (t instanceof Token.Word w) {
            out.add(text(w.text(), WORD));
        } else if (t instanceof Token.Gap g) {
            out.add(text(g.text(), GAP));
        }
        return out;
    }

    private static Text text(String s, String style) {
        Text t = new Text(s);
        t.getStyleClass().addAll(MATH, style);
        return t;
    }

    private static Node warning(String message) {
        TextFlow flow = new TextFlow(text(message, WORD));
        flow.getStyleClass().addAll(LINE, "wl-formula-warning");
        return flow;
    }

    static GridPane table(StepTable table) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add(TABLE);
        int col = 0;
        for (FormulaLine h : table.header()) {
            TextFlow cell = line(h, TABLE_SIZE);
            cell.getStyleClass().add(TABLE_HEAD);
            grid.add(cell, col++, 0);
        }
        int row = 1;
        for (List<FormulaLine> cells : table.rows()) {
            col = 0;
            for (FormulaLine c : cells) {
                TextFlow cell = line(c, TABLE_SIZE);
                cell.getStyleClass().add("wl-formula-cell");
                grid.add(cell, col++, row);
            }
            row++;
        }
        if (table.hiddenRows() > 0) {
            TextFlow more = new TextFlow(text("\u2026 " + table.hiddenRows() + " more parameters (earlier layers) \u2026",
                    GAP));
            more.getStyleClass().addAll(LINE, "wl-formula-note", "wl-formula-cell");
            grid.add(more, 0, row, Math.max(1, table.header().size()), 1);
        }
        for (int c = 0; c < table.header().size(); c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            grid.getColumnConstraints().add(cc);
        }
        return grid;
    }

    /** All text of a panel in reading order (for tests and copying). */
    static String text(VBox panel) {
        StringBuilder b = new StringBuilder();
        collect(panel, b);
        return b.toString();
    }

    private static void collect(Node n, StringBuilder b) {
        if (n instanceof Text t) {
            b.append(t.getText().replace(BREAK, ""));
        } else if (n instanceof javafx.scene.Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, b);
            }
            if (n instanceof TextFlow) {
                b.append('\n');
            }
        }
    }
}
