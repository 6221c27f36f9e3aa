package org.weightlab.explain;

import java.util.List;
import java.util.Optional;

/**
 * A small table under the formulas: one row per parameter (update stages) or per parameter of
 * the batch sum (accumulate stages). Each cell is a line of tokens. {@code hiddenRows} counts
 * rows left out of a long table (shown as one summary row).
 */
public record StepTable(List<FormulaLine> header, List<List<FormulaLine>> rows, int hiddenRows) {

    public StepTable {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
    }

    public Optional<Token.Num> find(String key) {
        for (List<FormulaLine> row : rows) {
            for (FormulaLine cell : row) {
                Optional<Token.Num> n = cell.find(key);
                if (n.isPresent()) {
                    return n;
                }
            }
        }
        return Optional.empty();
    }

    public String text() {
        StringBuilder b = new StringBuilder();
        for (FormulaLine h : header) {
            b.append(h.text()).append('\t');
        }
        b.append('\n');
        for (List<FormulaLine> row : rows) {
            for (FormulaLine cell : row) {
                b.append(cell.text()).append('\t');
            }
            b.append('\n');
        }
        if (hiddenRows > 0) {
            b.append("\u2026 ").append(hiddenRows).append(" more rows \u2026\n");
        }
        return b.toString();
    }
}
